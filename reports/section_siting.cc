// "Which halls should remain" (`halls --choose`, planners/siting.h) in the report's hall section:
// the ranked sets with their figures and their reason in words, in the report's language.
#include <cmath>
#include <cstdio>

#include "core/text.h"
#include "reports/sections.h"

namespace samdrift::reports {
namespace {

constexpr double kBsiMinKm = 200;  // planners/siting.cc: BSI's geo-redundancy

std::string Str(Lang lang, std::string_view key) { return std::string(Tr(lang, key)); }

std::string OneDecimal(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

std::string Unit(Lang lang, const SitingRanking& siting) {
  return siting.currency == "SEK" && lang == Lang::kSv ? "kr" : siting.currency;
}

// A hall as the reader knows it: a new one by its name, today's as "Municipality Site/Hall".
std::string HallText(const Context& context, const planners::HallCandidate& c) {
  if (!c.spec.Stays()) return c.spec.name;
  return core::DisplayName(context.org_names, c.spec.from_org) + " " + c.spec.from_site + "/" +
         c.spec.from_hall;
}

// The set's halls, the primary first: shown by name, held in CSV by the candidates' ids
// ("org/site/hall" or the new hall's name) joined by " + ".
Cell HallsCell(const Context& context, const SitingRanking& siting, const planners::SitingSet& s) {
  std::vector<std::string> shown, ids;
  for (std::size_t i : s.halls) {
    const planners::HallCandidate& c = siting.input->candidates[i];
    shown.push_back(HallText(context, c));
    ids.push_back(c.spec.name);
  }
  return KeyedCell(core::Join(shown, " + "), core::Join(ids, " + "));
}

Cell Maybe(Lang lang, const std::optional<double>& value, int decimals) {
  if (!value || !std::isfinite(*value)) return Cell::Text(Str(lang, "unknown"));
  return Cell::Number(*value, decimals);
}

Cell Money(Lang lang, const std::optional<double>& value) {
  if (!value) return Cell::Text(Str(lang, "unknown"));
  return {GroupedAmount(*value), std::round(*value), {}};  // whole kronor, as shown
}

std::string RuleText(Lang lang, const std::string& rule) {
  if (rule == "min_distance_km") {
    return Str(lang, "too near (min_distance_km): one fire, flood or power cut may take both");
  }
  if (rule == "max_distance_km") {
    return Str(lang, "too far (max_distance_km) for synchronous replication");
  }
  return rule;
}

// Why the set stands where it does, against the best set (`best`, null when none may be chosen).
std::string Reason(const Context& context, const SitingRanking& siting,
                   const planners::SitingSet& s, const planners::SitingSet* best) {
  const Lang lang = context.lang;
  std::vector<std::string> parts;
  if (!s.fits) {
    parts.push_back(Str(lang, "does not fit") + ": " + std::to_string(s.unfit) + " " +
                    Str(lang, "devices cannot be placed"));
  }
  for (const std::string& rule : s.breaks) parts.push_back(RuleText(lang, rule));
  if (s.Chosen() && &s == best) {
    parts.push_back(Str(lang, "chosen: the lowest score of the sets that fit and keep the rules"));
  } else if (s.Chosen() && best) {
    const double more = s.score - best->score;
    parts.push_back(Str(lang, "fits and keeps the rules") + "; " +
                    (siting.currency.empty()
                         ? Str(lang, "score") + " +" + OneDecimal(more)
                         : GroupedAmount(more) + " " + Unit(lang, siting) + " " +
                               Str(lang, "more over five years than the chosen set")));
  }
  if (s.halls.size() > 1 && !s.distance_km) {
    parts.push_back(Str(lang,
                        "distance unknown (a hall without coordinates): the distance rules "
                        "are not checked"));
  }
  return core::Join(parts, "; ");
}

const planners::SitingSet* Best(const SitingRanking& siting) {
  const auto& sets = siting.result->sets;
  return !sets.empty() && sets.front().Chosen() ? &sets.front() : nullptr;
}

}  // namespace

Table SitingTable(const Context& context, const SitingRanking& siting) {
  const Lang lang = context.lang;
  const std::string unit = siting.currency.empty() ? "" : " (" + Unit(lang, siting) + ")";
  Table table;
  table.id = "siting";
  table.title = Str(lang, "Which halls should remain");
  table.headers = {Str(lang, "Rank"),
                   Str(lang, "Halls"),
                   Str(lang, "Fits"),
                   Str(lang, "kW moved"),
                   Str(lang, "Devices moved"),
                   Str(lang, "Racks bought"),
                   Str(lang, "Distance (km)"),
                   Str(lang, "Round trip (ms)"),
                   Str(lang, "Investment") + unit,
                   Str(lang, "Running cost per year") + unit,
                   Str(lang, "Five-year cost") + unit,
                   Str(lang, "Rules broken"),
                   Str(lang, "Reason")};
  const planners::SitingSet* best = Best(siting);
  std::size_t rank = 0;
  for (const planners::SitingSet& s : siting.result->sets) {
    std::vector<std::string> rules;
    for (const std::string& rule : s.breaks) rules.push_back(rule);
    table.rows.push_back(
        {Cell::Number(static_cast<double>(++rank)), HallsCell(context, siting, s),
         KeyedCell(Str(lang, s.fits ? "yes" : "no"), s.fits ? "yes" : "no"),
         Cell::Number(s.kw_moved, 1), Cell::Number(static_cast<double>(s.devices_moved)),
         Cell::Number(s.racks_bought), Maybe(lang, s.distance_km, 1), Maybe(lang, s.rtt_ms, 2),
         Money(lang, s.investment), Money(lang, s.running_per_year), Money(lang, s.five_year),
         Cell::Text(core::Join(rules, ", ")), Cell::Text(Reason(context, siting, s, best))});
  }
  return table;
}

std::string SitingIntro(const Context& context, const SitingRanking& siting) {
  const Lang lang = context.lang;
  const planners::SitingResult& r = *siting.result;
  std::string out = Str(lang, "Which halls should remain") + ": " +
                    std::to_string(siting.input->rules.count) + " " +
                    Str(lang, "halls per set from") + " " + std::to_string(r.candidates) + " " +
                    Str(lang, "candidate halls") + ", " + std::to_string(r.planned) + " " +
                    Str(lang, "sets planned") + ", " + std::to_string(r.pruned) + " " +
                    Str(lang, "pruned") + ". " +
                    Str(lang,
                        "Ranked by cost over five years (with a costs file) and the scenario's "
                        "weights; a set that does not fit or breaks a distance rule is never "
                        "chosen.") +
                    " " + Str(lang, "Chosen") + ": " + ChosenSetText(context, siting) + ".";
  bool all_near = !r.sets.empty();
  for (const planners::SitingSet& s : r.sets) {
    all_near = all_near && s.distance_km && *s.distance_km < kBsiMinKm;
  }
  if (all_near) {
    out += " " + Str(lang,
                     "Every set's halls are under 200 km apart: not geo-redundant in the sense of "
                     "Germany's BSI; a witness at a third site and a backup copy kept further "
                     "away must compensate.");
  }
  return out;
}

std::string ChosenSetText(const Context& context, const SitingRanking& siting) {
  const planners::SitingSet* best = Best(siting);
  if (!best) return Str(context.lang, "no set fits and keeps the distance rules");
  std::vector<std::string> halls;
  for (std::size_t i : best->halls) {
    halls.push_back(HallText(context, siting.input->candidates[i]));
  }
  std::string out = core::Join(halls, " + ");
  if (best->five_year) {
    out += " (" + Str(context.lang, "cost over five years") + " " +
           GroupedAmount(*best->five_year) + " " + Unit(context.lang, siting) + ")";
  }
  return out;
}

}  // namespace samdrift::reports
