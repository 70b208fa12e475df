// Swedish texts of the report, keyed by their English text.
#include <string>
#include <unordered_map>

#include "reports/report.h"

namespace samdrift::reports {

const std::unordered_map<std::string_view, std::string_view>& SwedishTexts() {
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
      {"devices fit in no target hall (the table 'Not placed' below says why).",
       "enheter får inte plats i någon målhall (tabellen Inte placerat nedan säger varför)."},
      {"over capacity", "över kapaciteten"},
      {"power", "effekt"},
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
      {"Lifecycle per municipality and technology", "Livscykel per kommun och teknik"},
      {"What is past end of support at the planned date, or reaches it within twelve months.",
       "Det som har passerat supportslut vid planerat datum, eller når det inom tolv månader."},
      {"Which technologies the municipalities share. The heat map counts assets per product "
       "and municipality (infrastructure first: datacenter, network, platform; then the "
       "workplace; within each, products used by more than one municipality first). The "
       "similarity matrix compares two municipalities capability by capability: the share of "
       "their assets that run the same product (1 = identical mix, 0 = nothing in common).",
       "Vilken teknik kommunerna delar. Värmekartan räknar tillgångar per produkt och kommun "
       "(infrastrukturen först: datacenter, nätverk, plattform; sedan arbetsplatsen; inom var "
       "och en produkter som flera kommuner använder först). Likhetsmatrisen jämför två kommuner "
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
      {"Address plans", "Adressplaner"},
      {"Risk and SLA", "Risk och SLA"},
      {"Each service's availability computed from its dependency chain (redundancy groups and "
       "clusters in parallel, everything else in series, a shared hall or UPS in series with "
       "the group), against the SLA tier its criticality needs, today and after the hall "
       "plan; the components whose failure alone stops a service; assets past or near end of "
       "support per municipality.",
       "Varje tjänsts tillgänglighet beräknad ur dess beroendekedja (redundansgrupper och "
       "kluster parallellt, allt annat i serie, en gemensam hall eller UPS i serie med gruppen), "
       "mot den SLA-nivå som dess kritikalitet kräver, i dag och efter hallplanen; de "
       "komponenter vars fel ensamt stoppar en tjänst; tillgångar förbi eller nära slutet på "
       "support per kommun."},
      {"services with a tier", "tjänster med en SLA-nivå"},
      {"meet it today", "når den i dag"},
      {"in the target", "i målbilden"},
      {"within 12 months", "inom 12 månader"},
      {"SLA tiers met and not met", "SLA-nivåer som nås och inte nås"},
      {"Tier", "Nivå"},
      {"Required", "Krav"},
      {"Today", "I dag"},
      {"Target", "Målbild"},
      {"Meets today", "Når i dag"},
      {"Meets in the target", "Når i målbilden"},
      {"Single points of failure", "Enskilda felpunkter"},
      {"Why", "Varför"},
      {"Gone in the target", "Borta i målbilden"},
      {"no", "nej"},
      {"everything it needs stands in this hall (power, cooling): no second hall",
       "allt den behöver står i den här hallen (kraft, kyla): ingen andra hall"},
      {"no redundant partner (no redundancy group, no second host in a cluster)",
       "ingen redundant partner (ingen redundansgrupp, ingen andra värd i ett kluster)"},
      {"the only cluster it runs on", "det enda kluster den kör på"},
      {"one VM, no redundant partner", "en virtuell maskin, ingen redundant partner"},
      {"a service it needs, in series", "en tjänst den behöver, i serie"},
      {"needed in series, no redundant partner", "behövs i serie, ingen redundant partner"},
      {"Service", "Tjänst"},
      {"Where the municipalities' address plans collide once their networks are joined: "
       "prefixes that are equal or nested in one routing domain (with the addresses in use on "
       "each side), VLAN ids used for different purposes, and a renumbering proposal that "
       "keeps the side with more addresses in use and gives every prefix that must move a new "
       "prefix of the same size in the scenario's joint supernet.",
       "Var kommunernas adressplaner krockar när näten slås ihop: prefix som är lika eller "
       "ligger i varandra i samma routingdomän (med adresserna i bruk på varje sida), VLAN-id "
       "som används för olika syften, och ett förslag till omnumrering som behåller sidan med "
       "flest adresser i bruk och ger varje prefix som måste flytta ett nytt prefix av samma "
       "storlek i scenariots gemensamma supernät."},
      {"prefixes", "prefix"},
      {"addresses in use", "adresser i bruk"},
      {"prefix conflicts", "prefixkonflikter"},
      {"VLAN clashes (pairs of municipalities)", "VLAN-krockar (par av kommuner)"},
      {"VLAN matches", "VLAN-överensstämmelser"},
      {"prefixes to renumber", "prefix att numrera om"},
      {"Host addresses are hidden; prefixes are the network plan and are shown.",
       "Värdadresser är dolda; prefixen är nätplanen och visas."},
      {"Prefix conflicts between municipalities", "Prefixkonflikter mellan kommuner"},
      {"equal", "lika"},
      {"contains", "innehåller"},
      {"within", "inom"},
      {"Municipality A", "Kommun A"},
      {"Purpose A", "Syfte A"},
      {"Site A", "Plats A"},
      {"In use A", "I bruk A"},
      {"Municipality B", "Kommun B"},
      {"Purpose B", "Syfte B"},
      {"Site B", "Plats B"},
      {"In use B", "I bruk B"},
      {"Routing domain", "Routingdomän"},
      {"Moves", "Flyttas"},
      {"both", "båda"},
      {"VLAN ids used for different purposes", "VLAN-id som används för olika syften"},
      {"Purpose", "Syfte"},
      {"Municipalities", "Kommuner"},
      {"Clash", "Krock"},
      {"different purpose", "olika syfte"},
      {"purpose unknown on a side", "syftet okänt på ena sidan"},
      {"unknown", "okänt"},
      {"Where a municipality's files give no addresses, its use is unknown (never counted as "
       "none), and a choice between prefixes that rests on unknown use says so.",
       "Där en kommuns filer inte anger några adresser är användningen okänd (räknas aldrig som "
       "ingen), och ett val mellan prefix som vilar på okänd användning säger det."},
      {"Renumbering proposal", "Förslag till omnumrering"},
      {"Addresses in use", "Adresser i bruk"},
      {"Prefixes moving along", "Prefix som följer med"},
      {"New prefix", "Nytt prefix"},
      {"Blocks of the joint address plan", "Block i den gemensamma adressplanen"},
      {"Prefixes declared twice within one municipality",
       "Prefix som deklarerats två gånger inom en kommun"},
      {"Times", "Gånger"},
      {"Declared as", "Deklarerat som"},
      {"Addresses in use in no prefix of their municipality",
       "Adresser i bruk utanför kommunens egna prefix"},
      {"Address", "Adress"},
      {"In another municipality's prefix", "I en annan kommuns prefix"},
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
      {"Machines per municipality and category", "Maskiner per kommun och kategori"},
      {"Machines", "Maskiner"},
      {"kW from", "kW från"},
      {"devices", "enheter"},
      {"without a figure (role defaults)", "utan värde (rollens standardvärde)"},
      {"Data completeness", "Datans fullständighet"},
      {"The share of the assets a field applies to that have it, per municipality and topic. "
       "Figures built on a field rest on that share; where a field applies to no asset, its "
       "share is unknown.",
       "Andelen av de tillgångar ett fält gäller för som har det, per kommun och område. "
       "Värden som bygger på ett fält vilar på den andelen; där ett fält inte gäller någon "
       "tillgång är andelen okänd."},
      {"Topic", "Område"},
      {"Field", "Fält"},
      {"Applies to", "Gäller"},
      {"Known", "Kända"},
      {"Share (%)", "Andel (%)"},
      {"Products and lifecycle", "Produkter och livscykel"},
      {"Identity", "Identitet"},
      {"Location", "Placering"},
      {"devices, clients, software", "enheter, klienter, programvara"},
      {"devices, clients", "enheter, klienter"},
      {"devices in a hall", "enheter i en hall"},
      {"devices in a rack", "enheter i ett rack"},
      {"devices, VMs, clients", "enheter, virtuella servrar, klienter"},
      {"services", "tjänster"},
      {"What each municipality has, by measure", "Vad varje kommun har, per mått"},
      {"Devices", "Enheter"},
      {"Virtual machines", "Virtuella servrar"},
      {"Clients", "Klienter"},
      {"Software installations", "Programvaruinstallationer"},
      {"Networks (prefixes, VLANs)", "Nät (prefix, VLAN)"},
      {"Services", "Tjänster"},
      {"Sites, halls and racks", "Platser, hallar och rack"},
      {"Clusters", "Kluster"},
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
      {"What each municipality runs today, counted from the imported inventories. The chart "
       "counts machines (devices, virtual machines and clients) per category, one machine "
       "one asset; installed software, IP addresses, networks, services and locations are "
       "measures of their own in the table beside it, not machines.",
       "Vad varje kommun driver i dag, räknat ur de importerade inventeringarna. Diagrammet "
       "räknar maskiner (enheter, virtuella servrar och klienter) per kategori, en maskin en "
       "tillgång; installerad programvara, IP-adresser, nät, tjänster och platser är egna mått "
       "i tabellen bredvid, inte maskiner."},
      {"What the inventories leave open: relations whose other end is not in any inventory, "
       "power or U figures the hall plan had to estimate (a per-role default where neither the "
       "inventory nor the device-type catalog has them), and the warnings the imports gave. "
       "Each line says where it came from, so it can be fixed at the source.",
       "Det inventeringarna lämnar öppet: relationer vars andra ände inte finns i någon "
       "inventering, effekt- eller U-värden som hallplaneringen fick uppskatta (ett "
       "standardvärde för rollen där varken inventeringen eller enhetstypkatalogen har dem), "
       "och varningarna från importerna. Varje rad säger var den kommer ifrån, så att den kan "
       "rättas vid källan."},
      {"U from", "U enligt"},
      {"Summary", "Sammanfattning"},
      {"Workplace", "Arbetsplats"},
      {"Basis", "Grund"},
      {"a choice", "ett val"},
      {"inherited", "ett arv"},
      {"municipalities", "kommuner"},
      {"assets", "tillgångar"},
      {"Key figures", "Nyckeltal"},
      {"Figure", "Mått"},
      {"Value", "Värde"},
      {"The answer in key figures for the scenario", "Svaret i nyckeltal för scenariot"},
      {"The last rows say what the figures do not know; the sections below give every row "
       "behind them.",
       "De sista raderna säger vad siffrorna inte vet; avsnitten nedan visar varje rad bakom "
       "dem."},
      {"Halls kept", "Hallar som behålls"},
      {"New halls", "Nya hallar"},
      {"Halls closed", "Hallar som stängs"},
      {"Changes to reach the standards (gaps)", "Ändringar för att nå standarderna (gap)"},
      {"Done by", "Klart"},
      {"no timeline: the scenario gives no start date",
       "ingen tidplan: scenariot anger inget startdatum"},
      {"Investment", "Investering"},
      {"not estimated: the scenario gives no costs",
       "inte beräknad: scenariot anger inga kostnader"},
      {"Services below their availability tier today",
       "Tjänster under sin tillgänglighetsnivå i dag"},
      {"Services below their availability tier after the plan",
       "Tjänster under sin tillgänglighetsnivå efter planen"},
      {"Past end of support after the plan", "Efter supportslut när planen är genomförd"},
      {"Most important single points of failure", "Viktigaste enskilda felpunkter"},
      {"Moves that leave a redundant pair in one hall",
       "Flyttar som lämnar ett redundant par i en hall"},
      {"Fields known for fewer than 80 % of the assets",
       "Uppgifter som är kända för färre än 80 % av tillgångarna"},
      {"Relations to assets no inventory lists",
       "Relationer till tillgångar som ingen inventering listar"},
      {"vendor", "tillverkare"},
      {"product", "produkt"},
      {"version", "version"},
      {"serial", "serienummer"},
      {"site", "plats (site)"},
      {"power_w", "effekt"},
      {"u_height", "U-höjd"},
      {"ip", "IP-adress"},
      {"criticality", "kritikalitet"},
      {"new", "ny"},
      {"existing", "befintligt"},
      {"front view", "framsida"},
      {"estimated", "uppskattat"},
      {"from", "från"},
      {"zero-U", "noll-U"},
      {"estimated U height or power (per-role default)",
       "uppskattad U-höjd eller effekt (standardvärde för rollen)"},
      {"new hall", "ny hall"},
      {"OVER", "ÖVER"},
      {"positions free", "lediga platser"},
      {"headroom", "marginal"},
      {"position", "plats"},
      {"free", "ledig"},
      {"Each box is a rack position; the bar is the rack's power use against its budget. "
       "Dashed: free.",
       "Varje ruta är en rackplats; stapeln är rackets effekt mot dess budget. Streckad: ledig."},
      {"Positions", "Platser"},
      {"Positions used", "Platser som används"},
      {"Power (kW)", "Effekt (kW)"},
      {"Power used (kW)", "Effekt som används (kW)"},
      {"Cooling (kW)", "Kyla (kW)"},
      {"Cooling used (kW)", "Kyla som används (kW)"},
      {"New racks", "Nya rack"},
      {"Import warnings per municipality and code", "Importvarningar per kommun och kod"},
      {"Import warnings", "Importvarningar"},
      {"Import warnings stored", "Sparade importvarningar"},
      {"the first", "de första"},
      {"are listed; every one is counted", "listas; alla räknas"},
      {"Code", "Kod"},
      {"File", "Fil"},
      {"Line", "Rad"},
      {"Column", "Kolumn"},
      {"Message", "Meddelande"},
      {"Power from", "Effekt enligt"},
      {"device type", "enhetstyp"},
      {"role default", "standardvärde för rollen"},
      {"no role", "ingen roll"},
      {"inventory", "inventering"},
      {"estimate in the inventory", "uppskattning i inventeringen"},
      {"Devices with estimated figures (per-role defaults)",
       "Enheter med uppskattade värden (standardvärden per roll)"},
      {"devices with figures from the device-type catalog (not estimates)",
       "enheter med värden ur enhetstypkatalogen (inte uppskattningar)"},
      {"other assets estimated in their inventory",
       "andra tillgångar uppskattade i sin inventering"},
  };
  return kSwedish;
}

std::string_view Tr(Lang lang, std::string_view key) {
  if (lang == Lang::kEn) return key;
  const auto& swedish = SwedishTexts();
  auto it = swedish.find(key);
  return it == swedish.end() ? key : it->second;
}

}  // namespace samdrift::reports
