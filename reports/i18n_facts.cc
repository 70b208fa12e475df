// The planners' facts in the report's language: capability names, overlap levels and sharing,
// hall roles, and a gap's reason rendered from its code (planners::GapWhy) and figures.
#include <array>
#include <string>

#include "reports/sections.h"

namespace samdrift::reports {

namespace {

struct Words {
  std::string_view id;
  std::string_view en;
  std::string_view sv;
};

// Capability ids of core/catalog/*.yaml.
constexpr std::array kCapabilities = {
    Words{"access-switch", "access switch", "accessväxel"},
    Words{"archiver", "archiver", "packprogram"},
    Words{"backup", "backup", "säkerhetskopiering"},
    Words{"backup-agent", "backup agent", "backupagent"},
    Words{"backup-appliance", "backup appliance", "backupenhet"},
    Words{"cache", "cache", "cache"},
    Words{"client-hw", "client hardware", "klienthårdvara"},
    Words{"client-os", "client operating system", "klientoperativsystem"},
    Words{"collaboration", "collaboration", "samarbetsverktyg"},
    Words{"console-server", "console server", "konsolserver"},
    Words{"core-switch", "core switch", "kärnväxel"},
    Words{"database", "database", "databas"},
    Words{"dc-switch", "datacenter switch", "datacenterväxel"},
    Words{"desktop-virtualization", "desktop virtualisation", "skrivbordsvirtualisering"},
    Words{"directory", "directory", "katalogtjänst"},
    Words{"file-service", "file service", "filtjänst"},
    Words{"firewall", "firewall", "brandvägg"},
    Words{"hypervisor", "hypervisor", "hypervisor"},
    Words{"inventory-agent", "inventory agent", "inventeringsagent"},
    Words{"message-queue", "message queue", "meddelandekö"},
    Words{"network-os", "network operating system", "nätverksoperativsystem"},
    Words{"office", "office suite", "kontorsprogram"},
    Words{"os-bundled", "bundled with the OS", "medföljer operativsystemet"},
    Words{"os-package", "OS package", "operativsystempaket"},
    Words{"os-update", "OS update", "operativsystemuppdatering"},
    Words{"patch-panel", "patch panel", "kopplingspanel"},
    Words{"pdf-reader", "PDF reader", "pdf-läsare"},
    Words{"pdu", "PDU", "elfördelning (PDU)"},
    Words{"phone", "phone", "telefon"},
    Words{"phone-os", "phone operating system", "telefonens operativsystem"},
    Words{"printer", "printer", "skrivare"},
    Words{"remote-access", "remote access", "fjärråtkomst"},
    Words{"router", "router", "router"},
    Words{"runtime", "runtime", "körmiljö"},
    Words{"server", "server", "server"},
    Words{"server-os", "server operating system", "serveroperativsystem"},
    Words{"storage", "storage", "lagring"},
    Words{"system-utility", "system utility", "systemverktyg"},
    Words{"tablet", "tablet", "surfplatta"},
    Words{"tape-library", "tape library", "bandbibliotek"},
    Words{"text-editor", "text editor", "textredigerare"},
    Words{"transaction-server", "transaction server", "transaktionsserver"},
    Words{"ups", "UPS", "UPS (reservkraft)"},
    Words{"virtualization-management", "virtualisation management", "virtualiseringshantering"},
    Words{"vpn-client", "VPN client", "VPN-klient"},
    Words{"web-browser", "web browser", "webbläsare"},
    Words{"web-server", "web server", "webbserver"},
    Words{"wireless", "wireless", "trådlöst nät"},
};

std::string In(Lang lang, const Words& w) { return std::string(lang == Lang::kSv ? w.sv : w.en); }

std::string Sv(const planners::Gap& g) {
  const std::string& from = g.from_name().empty() ? g.from() : g.from_name();
  const std::string arrow = from + " -> " + g.to_name();
  switch (g.why) {
    case planners::GapWhy::kNoTarget:
      return from + ": målet har ingen " + CapabilityName(Lang::kSv, g.capability());
    case planners::GapWhy::kVersionUnknown:
      return from + ", modell eller version okänd: jämför med " + g.to_name();
    case planners::GapWhy::kOtherModel:
      return arrow + ": en annan modell, byts ut";
    case planners::GapWhy::kNewerVersion:
      return arrow + ": samma produkt, nyare version";
    case planners::GapWhy::kNewerThanStandard:
      return from + " är nyare än standarden " + g.to_name() +
             ": installera om standarden eller höj standarden";
    case planners::GapWhy::kPlatformPastSupport:
      return arrow +
             ": en annan plattform på hårdvara efter supportslut; värden avvecklas, dess "
             "arbetslaster migreras";
    case planners::GapWhy::kOtherProduct:
      return arrow + ": en annan produkt i stället";
    case planners::GapWhy::kOtherPlatform:
      return arrow + ": en annan produkt i stället; dess arbetslaster migreras";
    case planners::GapWhy::kWorkloadMoves:
      return "körs på " + g.via() +
             (g.via_cluster().empty() ? "" : " i kluster " + g.via_cluster()) + " (" + from +
             "), som byts till " + g.to_name() + ": flytta arbetslasten till standardplattformen";
  }
  return g.reason();
}

}  // namespace

std::string CapabilityName(Lang lang, std::string_view capability) {
  for (const Words& w : kCapabilities) {
    if (w.id == capability) return In(lang, w);
  }
  return std::string(capability);
}

std::string GapReason(Lang lang, const planners::Gap& gap) {
  if (lang == Lang::kEn) return gap.reason();  // the planner's sentence
  std::string reason = Sv(gap);
  // A migrate gap inherits its platform's support date; the planner does not repeat it.
  if (gap.past_end_of_support && gap.why != planners::GapWhy::kWorkloadMoves) {
    reason += "; efter supportslut sedan " + gap.end_of_support();
  }
  return reason;
}

std::string SharingName(Lang lang, planners::Sharing sharing) {
  static constexpr std::array kSharing = {
      Words{"all", "all municipalities", "alla kommuner"},
      Words{"some", "some municipalities", "några kommuner"},
      Words{"one", "one municipality", "en kommun"},
  };
  for (const Words& w : kSharing) {
    if (w.id == planners::ToString(sharing)) return In(lang, w);
  }
  return std::string(planners::ToString(sharing));
}

std::string LevelName(Lang lang, planners::OverlapLevel level) {
  static constexpr std::array kLevels = {
      Words{"vendor", "vendor", "tillverkare"},
      Words{"product", "product", "produkt"},
      Words{"version", "version", "version"},
  };
  for (const Words& w : kLevels) {
    if (w.id == planners::ToString(level)) return In(lang, w);
  }
  return std::string(planners::ToString(level));
}

// Why a device stays at its site (planners/hall_stays.cc), and a device the plan could not place.
constexpr std::array kStayReasons = {
    Words{"core", "the site's core switch: it carries the site's own network",
          "platsens kärnväxel: den bär platsens eget nät"},
    Words{"access", "a building or access switch of the site",
          "en byggnads- eller accessväxel på platsen"},
    Words{"ap", "an access point of the site", "en accesspunkt på platsen"},
    Words{"firewall", "the site's firewall: it guards the site's own connection",
          "platsens brandvägg: den skyddar platsens egen anslutning"},
    Words{"ups", "the site's UPS: part of the room's power, not of the IT estate",
          "platsens UPS: en del av rummets elförsörjning, inte av it-beståndet"},
    Words{"printer", "a printer of the site", "en skrivare på platsen"},
    Words{"role", "its role binds it to the site", "dess roll binder den till platsen"},
    Words{"scenario", "named by the scenario's site_bound", "namngiven i scenariots site_bound"},
    Words{"kept", "its hall is kept (keep_halls)", "dess hall behålls (keep_halls)"},
};

std::string StayReason(Lang lang, std::string_view why) {
  for (const Words& w : kStayReasons) {
    if (w.en == why) return std::string(lang == Lang::kSv ? w.sv : w.en);
  }
  return std::string(why);
}

// Why an org's block of the joint address plan is where it is (planners/net_alloc.cc's two
// sentences, which name no figure).
constexpr std::array kBlockReasons = {
    Words{"kept", "the block that holds most of its kept prefixes",
          "blocket som rymmer flest av dess prefix som står kvar"},
    Words{"free", "the lowest free block, in org order",
          "det lägsta lediga blocket, i kommunernas ordning"},
};

std::string BlockReason(Lang lang, std::string_view why) {
  for (const Words& w : kBlockReasons) {
    if (w.en == why) return In(lang, w);
  }
  return std::string(why);
}

std::string RoleName(Lang lang, planners::HallRole role) {
  const bool primary = role == planners::HallRole::kPrimary;
  if (lang == Lang::kSv) return primary ? "primär" : "sekundär";
  return primary ? "primary" : "secondary";
}

}  // namespace samdrift::reports
