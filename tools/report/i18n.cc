// Swedish texts of the report, keyed by their English text.
#include <string>
#include <unordered_map>

#include "tools/report/report.h"

namespace samdrift::tools::report {

std::string_view Tr(Lang lang, std::string_view key) {
  if (lang == Lang::kEn) return key;
  static const std::unordered_map<std::string_view, std::string_view> kSwedish = {
      {"Joint IT operations: pre-study report", "Gemensam it-drift: förstudierapport"},
      {"Estate", "Bestånd"},
      {"(none)", "(inga)"},
      {"Data quality", "Datakvalitet"},
      {"Overlap", "Överlapp"},
      {"Target architecture", "Målarkitektur"},
      {"Gaps", "Gap"},
      {"Lifecycle", "Livscykel"},
      {"Migration waves", "Migreringsvågor"},
      {"Hall plan", "Hallplanering"},
      {"Network", "Nätverk"},
      {"Municipality", "Kommun"},
      {"municipality", "kommun"},
      {"Category", "Kategori"},
      {"Kind", "Typ"},
      {"Name", "Namn"},
      {"Role", "Roll"},
      {"Vendor", "Tillverkare"},
      {"Product", "Modell"},
      {"Version", "Version"},
      {"Serial", "Serienummer"},
      {"Site", "Plats"},
      {"Hall", "Hall"},
      {"Rack", "Rack"},
      {"Position", "Position"},
      {"U", "U"},
      {"Power (W)", "Effekt (W)"},
      {"Redundancy group", "Redundansgrupp"},
      {"Criticality", "Kritikalitet"},
      {"End of support", "Slut på support"},
      {"Source", "Källa"},
      {"IP addresses", "IP-adresser"},
      {"Total", "Totalt"},
      {"Count", "Antal"},
      {"datacenter", "datacenter"},
      {"network", "nätverk"},
      {"platform", "plattform"},
      {"client", "klient"},
      {"Assets per municipality and category", "Tillgångar per kommun och kategori"},
      {"All assets", "Alla tillgångar"},
      {"Assets by kind", "Tillgångar per typ"},
      {"Showing the first", "Visar de första"},
      {"of", "av"},
      {"rows; all rows are in the workbook and the CSV file",
       "raderna; alla rader finns i arbetsboken och CSV-filen"},
      {"Unresolved relations", "Olösta relationer"},
      {"Relation", "Relation"},
      {"From", "Från"},
      {"To", "Till"},
      {"Estimated figures", "Uppskattade värden"},
      {"Problem", "Problem"},
      {"Asset", "Tillgång"},
      {"Detail", "Detalj"},
      {"generated", "skapad"},
      {"scenario", "scenario"},
      {"redacted: serial numbers, IP and MAC addresses are hidden",
       "maskerad: serienummer, IP- och MAC-adresser är dolda"},
      {"What each municipality runs today, counted from the imported inventories. The charts "
       "count every asset samdrift stores: sites, halls and racks, devices, clusters, virtual "
       "machines, clients, software, networks and services.",
       "Vad varje kommun driver i dag, räknat ur de importerade inventeringarna. Diagrammen "
       "räknar varje tillgång samdrift lagrar: platser, hallar och rack, enheter, kluster, "
       "virtuella servrar, klienter, programvara, nät och tjänster."},
      {"What the inventories leave open: relations whose other end is not in any inventory, "
       "and power or U figures that are estimates rather than facts. Each line says where it "
       "came from, so it can be fixed at the source.",
       "Det inventeringarna lämnar öppet: relationer vars andra ände inte finns i någon "
       "inventering, och effekt- eller U-värden som är uppskattningar och inte fakta. Varje rad "
       "säger var den kommer ifrån, så att den kan rättas vid källan."},
      {"No open relations and no estimated figures.",
       "Inga olösta relationer och inga uppskattade värden."},
  };
  auto it = kSwedish.find(key);
  return it == kSwedish.end() ? key : it->second;
}

}  // namespace samdrift::tools::report
