// The planners' sentences in the report's language, rendered from their facts: a plan item's
// reason (planners::ItemWhy and WaveWhy), why the hall plan left a device out (Unplaced) and why
// a prefix is renumbered (Renumbering). English is the planner's own sentence, unchanged.
#include <cstdio>
#include <string>

#include "core/text.h"
#include "reports/sections.h"

namespace samdrift::reports {

namespace {

using planners::ItemWhy;
using planners::Limit;
using planners::NewPrefixWhy;
using planners::WaveBlock;

// "12,5" in Swedish text, "12.5" in English.
std::string Decimal(Lang lang, double value, int decimals) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  std::string text = buffer;
  if (lang == Lang::kSv) {
    if (const std::size_t dot = text.find('.'); dot != std::string::npos) text[dot] = ',';
  }
  return text;
}

std::string N(int n) { return std::to_string(n); }

// What made the item, in Swedish (a gap's reason: GapReason).
std::string SvOrigin(const planners::PlannedItem& p, const planners::Gap* gap) {
  const ItemWhy& why = p.item.why;
  std::string out;
  switch (why.kind) {
    case ItemWhy::Kind::kGap:
      if (gap) out = GapReason(Lang::kSv, *gap);
      break;
    case ItemWhy::Kind::kNetworkCore:
      out = "byggs först: det gemensamma kärnnätet i " + why.place.str() +
            " som enheterna som flyttar dit ansluts till";
      break;
    case ItemWhy::Kind::kPlatform:
      out = "byggs först: standardplattformen (" + why.place.str() +
            ") som arbetslaster som migreras flyttar till";
      break;
    case ItemWhy::Kind::kMove:
      out = "flyttas " + (why.place.empty() ? std::string() : "från " + why.place.str() + " ") +
            "till " + p.item.hall_in.str() + ", rack " + why.rack.str() + " U" + N(why.u) +
            (why.new_rack ? " (ett nytt rack)" : "");
      break;
    case ItemWhy::Kind::kCutOver:
      out = "tjänstens övergång när det den behöver har flyttats";
      break;
    case ItemWhy::Kind::kOther:
      break;
  }
  if (why.outside_filter > 0) {
    out += (out.empty() ? "" : "; ") + std::string("väntar på ") + N(why.outside_filter) +
           (why.outside_filter == 1 ? " post" : " poster") + " utanför planens filter";
  }
  return out;
}

std::string SvBlock(const WaveBlock& block) {
  switch (block.kind) {
    case WaveBlock::Kind::kPriority:
      return "poster som placerades först (högre prioritet)";
    case WaveBlock::Kind::kItemLimit:
      return "vågens gräns för antal poster (" + Decimal(Lang::kSv, block.limit, 0) + ")";
    case WaveBlock::Kind::kKwLimit:
      return "vågens gräns för kW (" + Decimal(Lang::kSv, block.limit, 1) + ")";
    case WaveBlock::Kind::kHoursLimit:
      return "vågens gräns för timmar (" + Decimal(Lang::kSv, block.limit, 1) + ")";
    case WaveBlock::Kind::kRedundancy:
      return "redundansgruppen '" + block.name.str() + "' (högst " + N(block.cap) + " av " +
             N(block.size) + " medlemmar per våg)";
    case WaveBlock::Kind::kHallRoom:
      return "utrymmet i hallen '" + block.name.str() + "'";
  }
  return {};
}

// Why the item is in its wave, in Swedish (planners::ToText(WavePlan, PlannedItem) in English).
std::string SvWave(const planners::WavePlan& plan, const planners::PlannedItem& p) {
  const planners::WaveWhy& why = p.why;
  std::string out;
  if (why.cycle_items > 0) {
    out += "flyttas med sin beroendecykel (flyttgrupp " + N(p.move_group) + ", " +
           N(why.cycle_items) + " poster); ";
  }
  if (!why.after.empty()) {
    out += "efter " + core::Join(planners::IdsOf(plan, why.after), ", ");
    if (why.after_more > 0) out += " och " + N(why.after_more) + " till";
    out += "; ";
  }
  if (p.wave == why.ready_wave) {
    out += why.ready_wave == 1 ? "våg 1: inget att vänta på"
                               : "våg " + N(p.wave) + ": den första efter dess beroenden";
  } else {
    out += "våg " + N(p.wave) + ": redo i våg " + N(why.ready_wave) + " men hålls tillbaka av " +
           SvBlock(why.held_by);
  }
  if (why.foundational) out += "; byggs först, utanför vågens gränser";
  if (why.past_eol) out += "; efter supportslut, därför tidigt";
  return out;
}

std::string SvMargin(double margin) {
  if (margin >= 1.0 - 1e-9) return "";
  return " vid dimensioneringsmarginalen " + N(static_cast<int>(margin * 100 + 0.5)) + " %";
}

std::string SvNoHall(const planners::HallPlan& plan, const planners::Unplaced& u) {
  if (plan.halls.empty()) return "scenariot har inga målhallar";
  const planners::HallDevice& d = plan.devices[u.device];
  const planners::Side side =
      u.device < plan.sides.size() ? plan.sides[u.device] : planners::Side::kAny;
  std::string out = side == planners::Side::kPrimary ? "måste till en primär hall"
                                                     : "måste till en sekundär hall";
  if (side == planners::Side::kSecondary || !d.redundancy_group.empty()) {
    out += " (redundans: delas, grupp '" + d.redundancy_group + "')";
  } else if (d.critical) {
    out += " (kritisk utan redundant partner)";
  }
  return out + ", men scenariot har ingen";
}

std::string SvShortfall(const planners::HallShortfall& lack, double margin) {
  switch (lack.limit) {
    case Limit::kHallPower:
      return "effekt " + Decimal(Lang::kSv, lack.left_kw, 1) + " av " +
             Decimal(Lang::kSv, lack.kw, 1) + " kW kvar" + SvMargin(margin);
    case Limit::kHallCooling:
      return "kyla " + Decimal(Lang::kSv, lack.left_kw, 1) + " av " +
             Decimal(Lang::kSv, lack.kw, 1) + " kW kvar" + SvMargin(margin);
    default:
      return "alla " + N(lack.positions) + " platser används, inget rack har plats";
  }
}

}  // namespace

std::string PlanItemReason(Lang lang, const planners::WavePlan& plan,
                           const planners::PlannedItem& item, const planners::Gap* gap) {
  if (lang == Lang::kEn) return planners::ToText(plan, item);  // the planner's sentence
  std::string origin = SvOrigin(item, gap);
  return (origin.empty() ? "" : origin + "; ") + SvWave(plan, item);
}

std::string PlanItemAsset(Lang lang, const planners::PlannedItem& item) {
  const ItemWhy& why = item.item.why;
  if (lang == Lang::kEn) return item.item.asset;
  if (why.kind == ItemWhy::Kind::kNetworkCore) return "kärnnät i " + why.hall.str();
  if (why.kind == ItemWhy::Kind::kPlatform) {
    return "plattformen " + why.place.str() + (why.hall.empty() ? "" : " i " + why.hall.str());
  }
  return item.item.asset;
}

std::string OverLimitText(Lang lang, int move_group, const planners::WaveBlock& limit) {
  if (lang == Lang::kEn) return "move group " + N(move_group) + " exceeds " + ToText(limit);
  return "flyttgrupp " + N(move_group) + " överskrider " + SvBlock(limit);
}

std::string UnplacedReason(Lang lang, const planners::HallPlan& plan, const planners::Unplaced& u) {
  if (lang == Lang::kEn) return u.reason;
  const planners::HallDevice& d = plan.devices[u.device];
  const std::string halls = core::Join(u.halls, ", ");
  switch (u.limit) {
    case Limit::kSparePdu:
      return "reserv-PDU: PDU-zonen i varje rack som används är full";
    case Limit::kNoHall:
      return SvNoHall(plan, u);
    case Limit::kRackU:
      return "är " + N(d.u_height) + " U, högre än något racks användbara höjd i " + halls + " (" +
             N(u.max_u) + " U)";
    case Limit::kRackPower:
      return "drar " + Decimal(lang, d.kw, 1) + " kW, mer än ett racks effektbudget i " + halls +
             " (" + Decimal(lang, u.max_kw, 1) + " kW" + SvMargin(plan.margin) + ")";
    default:
      break;
  }
  std::string out =
      "behöver " + N(d.u_height) + " U, " + Decimal(lang, d.kw, 1) + " kW; i stället har";
  for (std::size_t i = 0; i < u.shortfalls.size(); ++i) {
    out += std::string(i ? ";" : "") + " " + u.shortfalls[i].hall + ": " +
           SvShortfall(u.shortfalls[i], plan.margin);
  }
  return out;
}

std::string LimitName(Lang lang, Limit limit) {
  if (lang == Lang::kEn) return std::string(planners::ToString(limit));
  switch (limit) {
    case Limit::kRackU:
      return "rackhöjd";
    case Limit::kRackPower:
      return "rackets effekt";
    case Limit::kHallPositions:
      return "hallens platser";
    case Limit::kHallPower:
      return "hallens effekt";
    case Limit::kHallCooling:
      return "hallens kyla";
    case Limit::kNoHall:
      return "ingen hall";
    case Limit::kSparePdu:
      return "reserv-PDU";
  }
  return std::string(planners::ToString(limit));
}

std::string RenumberReason(const Context& context, const planners::NetInput& in,
                           const planners::Renumbering& r) {
  if (context.lang == Lang::kEn) return r.reason;
  std::string out;
  if (r.kept) {
    const planners::NetPrefix& k = in.prefixes[*r.kept];
    out = "överlappar " + core::DisplayName(context.org_names, k.org) + ": " + k.prefix.ToString() +
          ", som står kvar";
  } else {
    out = "rymmer andra kommuners prefix, som står kvar; detta flyttas";
  }
  if (r.rests_on_unknown) out += " (valet vilar på okänd användning: adressdata saknas)";
  const std::string block = r.block ? r.block->ToString() : "";
  const std::string length = "/" + N(in.prefixes[r.prefix].prefix.length());
  switch (r.how) {
    case NewPrefixWhy::kLowestFree:
      return out + "; nytt prefix " + (r.to ? r.to->ToString() : "-") + ": det lägsta lediga " +
             length + " i kommunens block " + block;
    case NewPrefixWhy::kNoSupernet:
      return out +
             "; inget nytt prefix: scenariot anger inget supernät för adressfamiljen "
             "(addressing: supernet, per_org_block)";
    case NewPrefixWhy::kPoolProblem:
      return out + "; inget nytt prefix: scenariots adressplan går inte att använda";
    case NewPrefixWhy::kNoBlockLeft:
      return out + "; inget nytt prefix: inget block kvar för kommunen i supernätet";
    case NewPrefixWhy::kLargerThanBlock:
      return out + "; inget nytt prefix: ett " + length + " är större än kommunens block " + block;
    case NewPrefixWhy::kBlockFull:
      return out + "; inget nytt prefix: kommunens block " + block + " har inget ledigt " + length +
             " kvar";
  }
  return out;
}

}  // namespace samdrift::reports
