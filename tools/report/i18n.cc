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
      {"Racks used", "Rack som används"},
      {"new racks", "nya rack"},
      {"positions", "platser"},
      {"cooling", "kyla"},
      {"used", "använt"},
      {"Halls", "Hallar"},
      {"Placements", "Placeringar"},
      {"stays", "står kvar"},
      {"Not placed", "Inte placerat"},
      {"Limit", "Gräns"},
      {"Where the datacenter equipment goes in the target halls: positions, power and cooling "
       "used against capacity, the floor of each hall and the front of each rack (devices in "
       "their municipality's colour; hatched figures are estimates). Redundant pairs are split "
       "between the primary and the secondary hall.",
       "Var datacenterutrustningen hamnar i målhallarna: platser, effekt och kyla som används "
       "mot kapaciteten, golvet i varje hall och framsidan av varje rack (enheter i kommunens "
       "färg; streckade värden är uppskattningar). Redundanta par delas mellan primär- och "
       "sekundärhallen."},
      {"Waves", "Vågor"},
      {"Wave", "Våg"},
      {"lower bound", "undre gräns"},
      {"Load per wave", "Last per våg"},
      {"Items", "Poster"},
      {"Over limit", "Över gräns"},
      {"Halls after", "Hallar efteråt"},
      {"Plan items", "Planens poster"},
      {"Move group", "Flyttgrupp"},
      {"The order of the work: every wave waits for what it depends on, tightly coupled systems "
       "(dependency cycles) move together, the halves of a redundant pair move in different "
       "waves, and each wave stays within the scenario's limits and the halls' capacity.",
       "Arbetets ordning: varje våg väntar på det den beror av, tätt kopplade system "
       "(beroendecykler) flyttas tillsammans, halvorna av ett redundant par flyttas i olika "
       "vågor, och varje våg håller sig inom scenariots gränser och hallarnas kapacitet."},
      {"Technologies per municipality", "Teknik per kommun"},
      {"Similarity between municipalities", "Likhet mellan kommunerna"},
      {"Vendor and product strings the catalog does not know",
       "Tillverkare och modeller som katalogen inte känner igen"},
      {"Level", "Nivå"},
      {"Capability", "Förmåga"},
      {"Technology", "Teknik"},
      {"Shared by", "Delas av"},
      {"Standards", "Standarder"},
      {"Standard", "Standard"},
      {"Reason", "Motivering"},
      {"proposed", "föreslagen"},
      {"upgrade", "uppgradera"},
      {"replace", "ersätt"},
      {"migrate", "migrera"},
      {"retire", "avveckla"},
      {"Action", "Åtgärd"},
      {"Effort (hours)", "Insats (timmar)"},
      {"Past end of support", "Efter supportslut"},
      {"Gaps per municipality", "Gap per kommun"},
      {"yes", "ja"},
      {"Status", "Status"},
      {"past end of support", "efter supportslut"},
      {"within 12 months", "inom 12 månader"},
      {"Lifecycle per municipality and technology", "Livscykel per kommun och teknik"},
      {"What is past end of support at the planned date, or reaches it within twelve months.",
       "Det som har passerat supportslut vid planerat datum, eller når det inom tolv månader."},
      {"Which technologies the municipalities share. The heat map counts assets per product "
       "and municipality (products used by more than one municipality first). The similarity "
       "matrix compares two municipalities capability by capability: the share of their assets "
       "that run the same product (1 = identical mix, 0 = nothing in common).",
       "Vilken teknik kommunerna delar. Värmekartan räknar tillgångar per produkt och kommun "
       "(produkter som flera kommuner använder först). Likhetsmatrisen jämför två kommuner "
       "förmåga för förmåga: andelen av deras tillgångar som kör samma produkt (1 = samma mix, "
       "0 = inget gemensamt)."},
      {"One standard per capability: fixed by the scenario, or proposed (what most "
       "municipalities and assets already run, never past end of standard support at the "
       "planned date, the latest supported version). Below: what each municipality must "
       "change to reach it, with the effort in hours.",
       "En standard per förmåga: fastställd i scenariot eller föreslagen (det flest kommuner "
       "och tillgångar redan kör, aldrig efter supportslut vid planerat datum, senaste version "
       "med support). Därunder: vad varje kommun måste ändra för att nå dit, med insats i "
       "timmar."},
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
