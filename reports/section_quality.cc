// Data quality section: relations left open, figures the inventories lack (the hall plan's
// estimates and catalog figures, and assets stored as estimated) and the import warnings kept
// in the store.
#include <map>
#include <set>

#include "reports/sections.h"

namespace samdrift::reports {

namespace {

std::string FigureFrom(Lang lang, core::FigureSource source, const planners::HallDevice& d) {
  switch (source) {
    case core::FigureSource::kCatalog:
      return std::string(Tr(lang, "device type")) + " " + d.device_type;
    case core::FigureSource::kDefault:
      return std::string(Tr(lang, "role default")) + " (" +
             (d.role.empty() ? std::string(Tr(lang, "no role")) : d.role) + ")";
    case core::FigureSource::kAsset:
    case core::FigureSource::kNone:
      break;
  }
  return std::string(Tr(lang, "inventory"));
}

bool Filled(core::FigureSource source) {
  return source == core::FigureSource::kCatalog || source == core::FigureSource::kDefault;
}

// The hall plan's devices (placed or retired) with an estimated figure (a per-role default, or
// flagged estimated by their inventory), each figure with where it came from (inventory, device
// type, role default); then the assets an inventory flagged as estimated that the hall plan did
// not take. Adds the counts to `intro`.
Table EstimatedTable(const Context& context, const core::Estate& estate,
                     const planners::HallPlan& halls, std::string& intro) {
  const Lang lang = context.lang;
  Table table;
  table.id = "estimated";
  table.title = std::string(Tr(lang, "Estimated figures"));
  for (const char* h : {"Municipality", "Name", "Role", "Vendor", "Product", "U", "U from",
                        "Power (W)", "Power from", "Source"}) {
    table.headers.emplace_back(Tr(lang, h));
  }
  std::map<std::pair<std::string, std::string>, const core::Asset*> by_name;
  for (const core::Asset& a : estate.assets) {
    if (a.kind == core::AssetKind::kDevice) by_name.emplace(std::pair{a.org, a.name}, &a);
  }
  const std::string kStored(Tr(lang, "estimate in the inventory"));
  std::set<const core::Asset*> listed;
  std::size_t by_default = 0, by_catalog = 0;
  for (const auto* devices : {&halls.devices, &halls.retired}) {
    for (const planners::HallDevice& d : *devices) {
      auto it = by_name.find({d.org, d.name});
      const core::Asset* a = it == by_name.end() ? nullptr : it->second;
      const bool stored = a && a->estimated;
      // Catalog figures are the model's own (NetBox keeps U height with the device type): only
      // counted. A device with an estimate is listed with where each of its figures came from.
      if (!d.estimated && !stored) {
        if (Filled(d.u_source) || Filled(d.power_source)) ++by_catalog;
        continue;
      }
      if (a) listed.insert(a);
      ++by_default;
      const std::string source = a ? ShownSource(a->provenance) : std::string();
      table.rows.push_back(
          {OrgCell(context, d.org), Cell::Text(d.name), Cell::Text(d.role),
           Cell::Text(a ? a->vendor : ""), Cell::Text(a ? a->product : ""),
           Cell::Number(d.u_height),
           Cell::Text(stored && !Filled(d.u_source) ? kStored : FigureFrom(lang, d.u_source, d)),
           d.power_source == core::FigureSource::kNone ? Cell::Text("") : Cell::Number(d.kw * 1000),
           Cell::Text(d.power_source == core::FigureSource::kNone ? ""
                      : stored && !Filled(d.power_source)         ? kStored
                                                          : FigureFrom(lang, d.power_source, d)),
           Cell::Text(source)});
    }
  }
  std::size_t stored_only = 0;
  for (const core::Asset& a : estate.assets) {
    if (!a.estimated || listed.count(&a)) continue;
    ++stored_only;
    const std::string source = ShownSource(a.provenance);
    table.rows.push_back({OrgCell(context, a.org), Cell::Text(a.name), Cell::Text(a.role),
                          Cell::Text(a.vendor), Cell::Text(a.product),
                          a.u_height ? Cell::Number(*a.u_height) : Cell::Text(""),
                          Cell::Text(a.u_height ? kStored : ""),
                          a.power_w ? Cell::Number(*a.power_w) : Cell::Text(""),
                          Cell::Text(a.power_w ? kStored : ""), Cell::Text(source)});
  }
  intro +=
      "\n" + std::string(Tr(lang, "Devices with estimated figures (per-role defaults)")) + ": " +
      std::to_string(by_default) + "; " +
      std::string(Tr(lang, "devices with figures from the device-type catalog (not estimates)")) +
      ": " + std::to_string(by_catalog) + "; " +
      std::string(Tr(lang, "other assets estimated in their inventory")) + ": " +
      std::to_string(stored_only) + ".";
  return table;
}

// Per field of core::kCompletenessFields (same order): the topic it serves and the assets it
// applies to (the rules are core/store.h's).
struct FieldTopic {
  const char* topic;
  const char* applies_to;
};
constexpr FieldTopic kFieldTopics[] = {
    {"Products and lifecycle", "devices, clients, software"},  // vendor
    {"Products and lifecycle", "devices, clients, software"},  // product
    {"Products and lifecycle", "devices, clients, software"},  // version
    {"Identity", "devices, clients"},                          // serial
    {"Location", "devices, clients"},                          // site
    {"Hall plan", "devices in a hall"},                        // power_w
    {"Hall plan", "devices in a hall"},                        // u_height
    {"Hall plan", "devices in a rack"},                        // position
    {"Address plans", "devices, VMs, clients"},                // ip
    {"Services", "services"},                                  // criticality
};
static_assert(std::size(kFieldTopics) == core::kCompletenessFieldCount);

// Per municipality and field: how many of the assets the field applies to have it. A field
// that applies to none of the municipality's assets has an unknown share, never 0.
Table CompletenessTable(const Context& context, const core::StoreStats& stats) {
  const Lang lang = context.lang;
  Table table;
  table.id = "completeness";
  table.title = std::string(Tr(lang, "Data completeness"));
  for (const char* h :
       {"Municipality", "Topic", "Field", "Applies to", "Known", "of", "Share (%)"}) {
    table.headers.emplace_back(Tr(lang, h));
  }
  for (const std::string& org : context.orgs) {
    auto it = stats.orgs.find(org);
    if (it == stats.orgs.end()) continue;
    for (std::size_t f = 0; f < core::kCompletenessFieldCount; ++f) {
      const core::FieldCount& c = it->second.completeness[f];
      const auto share = c.Share();
      table.rows.push_back(
          {OrgCell(context, org), Cell::Text(std::string(Tr(lang, kFieldTopics[f].topic))),
           Cell::Text(core::kCompletenessFields[f]),
           Cell::Text(std::string(Tr(lang, kFieldTopics[f].applies_to))),
           Cell::Number(static_cast<double>(c.known)), Cell::Number(static_cast<double>(c.applies)),
           share ? Cell::Number(*share * 100, 0) : Cell::Text(std::string(Tr(lang, "unknown")))});
    }
  }
  return table;
}

// With --redact, the values a warning message quotes ('...') or names bare that could be an
// address or a serial number (anything with a digit) are hidden; column names stay.
std::string RedactedMessage(const Context& context, const std::string& message) {
  if (context.redaction == Redaction::kNone) return message;
  const std::string kMask = "\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2";
  auto has_digit = [](std::string_view t) {
    return t.find_first_of("0123456789") != std::string_view::npos;
  };
  std::string out;
  std::size_t i = 0;
  while (i < message.size()) {
    if (message[i] == '\'') {
      std::size_t end = message.find('\'', i + 1);
      if (end == std::string::npos) end = message.size();
      std::string_view quoted(message.data() + i + 1, end - i - 1);
      out += "'" + (has_digit(quoted) ? kMask : std::string(quoted)) + "'";
      i = end + 1;
      continue;
    }
    // A bare word: an address or serial has digits and dots, colons or dashes.
    std::size_t end = message.find_first_of(" '\t", i);
    if (end == std::string::npos) end = message.size();
    if (end == i) {
      out += message[i++];
      continue;
    }
    std::string_view word(message.data() + i, end - i);
    const bool address_like = has_digit(word) &&
                              word.find_first_of(".:-") != std::string_view::npos &&
                              word.find_first_of(".:-") + 1 < word.size();
    out += address_like ? kMask : std::string(word);
    i = end;
  }
  return out;
}

}  // namespace

Section QualitySection(const Context& context, const core::Estate& estate,
                       const core::GraphView& graph, const planners::HallPlan& halls,
                       const core::StoredWarnings& warnings, const core::StoreStats& stats) {
  const Lang lang = context.lang;
  Section section;
  section.id = "quality";
  section.title = std::string(Tr(lang, "Data quality"));
  section.intro = std::string(
      Tr(lang,
         "What the inventories leave open: relations whose other end is not in any inventory, "
         "power or U figures the hall plan had to estimate (a per-role default where neither the "
         "inventory nor the device-type catalog has them), and the warnings the imports gave. "
         "Each line says where it came from, so it can be fixed at the source."));
  section.intro += " " + std::string(Tr(lang,
                                        "The share of the assets a field applies to that have it, "
                                        "per municipality and topic. Figures built on a field "
                                        "rest on that share; where a field applies to no asset, "
                                        "its share is unknown."));
  section.tables.push_back(CompletenessTable(context, stats));
  Table unresolved;
  unresolved.id = "unresolved";
  unresolved.title = std::string(Tr(lang, "Unresolved relations"));
  for (const char* h : {"Municipality", "From", "Relation", "To", "Source"}) {
    unresolved.headers.emplace_back(Tr(lang, h));
  }
  for (std::size_t r : graph.unresolved()) {
    const core::Relation& rel = estate.relations[r];
    const std::string source = ShownSource(rel.provenance);
    unresolved.rows.push_back(
        {OrgCell(context, rel.org), Cell::Text(rel.source),
         Cell::Text(std::string(core::ToString(rel.kind))),
         Cell::Text(rel.TargetOrg() == rel.org ? rel.target : rel.TargetOrg() + "/" + rel.target),
         Cell::Text(source)});
  }
  section.tables.push_back(std::move(unresolved));
  section.tables.push_back(EstimatedTable(context, estate, halls, section.intro));

  Table counts;
  counts.id = "warning-counts";
  counts.title = std::string(Tr(lang, "Import warnings per municipality and code"));
  for (const char* h : {"Municipality", "Code", "What it means", "Count"}) {
    counts.headers.emplace_back(Tr(lang, h));
  }
  for (const core::StoredWarnings::Count& c : warnings.counts) {
    counts.rows.push_back({OrgCell(context, c.org), Cell::Text(c.code),
                           Cell::Text(WarningMeaning(lang, c.code)),
                           Cell::Number(static_cast<double>(c.count))});
  }
  section.tables.push_back(std::move(counts));
  Table lines;
  lines.id = "import-warnings";
  lines.title = std::string(Tr(lang, "Import warnings"));
  // The importer's message is English data: shown only in English, beside the code's meaning.
  for (const char* h : {"Municipality", "File", "Line", "Column", "Code", "What it means"}) {
    lines.headers.emplace_back(Tr(lang, h));
  }
  if (lang == Lang::kEn) lines.headers.emplace_back("Importer's message");
  for (const core::ImportWarning& w : warnings.lines) {
    const core::Diagnostic& d = w.warning;
    std::vector<Cell>& row = lines.rows.emplace_back(
        std::vector<Cell>{OrgCell(context, w.org), Cell::Text(ShownSource(d.where.source)),
                          d.where.line ? Cell::Number(d.where.line) : Cell::Text(""),
                          d.where.column ? Cell::Number(d.where.column) : Cell::Text(""),
                          Cell::Text(d.code), Cell::Text(WarningMeaning(lang, d.code))});
    if (lang == Lang::kEn) row.push_back(Cell::Text(RedactedMessage(context, d.message)));
  }
  section.intro +=
      " " + std::string(Tr(lang, "Import warnings stored")) + ": " + std::to_string(warnings.total);
  if (warnings.total > warnings.lines.size()) {
    section.intro += " (" + std::string(Tr(lang, "the first")) + " " +
                     std::to_string(warnings.lines.size()) + " " +
                     std::string(Tr(lang, "are listed; every one is counted")) + ")";
  }
  section.intro += ".";
  section.tables.push_back(std::move(lines));
  return section;
}

}  // namespace samdrift::reports
