// Generic CSV as the samples have it: English headers with commas (UTF-8, some with BOM), or
// Swedish Excel (Swedish headers, semicolons, Windows-1252, CRLF, decimal commas, "1 100").
#include <map>
#include <string_view>

#include "tools/gen/gen_output.h"
#include "tools/gen/gen_writers.h"

namespace samdrift::tools::gen {
namespace {

struct Words {
  std::string_view kind;
  std::string_view role_en;
  std::string_view role_sv;
};

Words WordsFor(const GenAsset& a) {
  switch (a.role) {
    case Role::kCoreSwitch:
      return {"device", "core-switch", "kärnswitch"};
    case Role::kFirewall:
      return {"device", "firewall", "brandvägg"};
    case Role::kDcSwitch:
      return {"device", "dc-switch", "datacenterswitch"};
    case Role::kHypervisorHost:
      return {"device", "hypervisor", "virtualiseringsvärd"};
    case Role::kStorage:
      return {"device", "storage", "lagring"};
    case Role::kBackup:
      return {"device", "backup", "backupserver"};
    case Role::kUps:
      return {"device", "ups", "UPS"};
    case Role::kPdu:
      return {"device", "pdu", "pdu"};
    case Role::kAccessSwitch:
      return {"device", "access-switch", "accesswitch"};
    case Role::kAccessPoint:
      return {"device", "access-point", "accesspunkt"};
    case Role::kVm:
      return {"vm", a.sub_role, a.sub_role};
    case Role::kClient:
      return {"client", a.sub_role, a.sub_role == "laptop" ? "bärbar" : "stationär"};
    case Role::kPrinter:
      return {"client", "printer", "skrivare"};
    case Role::kService:
      return {"service", a.sub_role, a.sub_role};
    case Role::kCluster:
      return {"cluster", "cluster", "kluster"};
    case Role::kHypervisorSoftware:
      return {"software", "hypervisor", "hypervisor"};
    case Role::kClientOs:
      return {"software", "os", "operativsystem"};
  }
  return {"device", "", ""};
}

std::string_view Criticality(int level, bool swedish) {
  static constexpr std::string_view kEn[] = {"", "low", "medium", "high", "critical"};
  static constexpr std::string_view kSv[] = {"", "låg", "medel", "hög", "kritisk"};
  if (level < 0 || level > 4) return "";
  return swedish ? kSv[level] : kEn[level];
}

std::string_view RelationWord(RelKind kind) {
  switch (kind) {
    case RelKind::kRunsOn:
      return "runs_on";
    case RelKind::kMemberOf:
      return "member_of";
    case RelKind::kDependsOn:
      return "depends_on";
    case RelKind::kInstalledOn:
      return "installed_on";
    case RelKind::kConnectedTo:
      return "connected_to";
  }
  return "depends_on";
}

void Finish(const std::filesystem::path& path, const CsvOut& csv, Encoding encoding,
            WriteStats& stats) {
  if (!WriteFile(path, csv.text(), encoding)) {
    stats.ok = false;
    stats.error = "cannot write " + path.string();
    return;
  }
  ++stats.files;
  stats.bytes += csv.text().size();
}

}  // namespace

void WriteGeneric(const OrgEstate& org, const std::vector<const GenAsset*>& assets,
                  const std::vector<const GenRelation*>& relations, bool halls, bool networks,
                  const std::filesystem::path& dir, GenericStyle style, WriteStats& stats) {
  const bool sv = style == GenericStyle::kSwedishExcel;
  const char delimiter = sv ? ';' : ',';
  const LineEnd line_end = sv ? LineEnd::kCrLf : LineEnd::kLf;
  const NumberStyle numbers = sv ? NumberStyle::kSwedish : NumberStyle::kPlain;
  const Encoding encoding =
      sv ? Encoding::kWindows1252
         : (style == GenericStyle::kEnglishBom ? Encoding::kUtf8Bom : Encoding::kUtf8);
  if (!assets.empty()) {
    CsvOut csv(delimiter, line_end, numbers);
    csv.Reserve(assets.size() * 128 + 256);
    csv.Header(sv ? "namn,typ,roll,tillverkare,modell,version,serienummer,plats,hall,rack,position,"
                    "hojd_u,effekt_w,redundansgrupp,kritikalitet,slut_support"
                  : "name,kind,role,vendor,product,version,serial,site,hall,rack,position,u_height,"
                    "power_w,redundancy_group,criticality,eol");
    std::map<std::string_view, std::size_t> kinds;
    for (const GenAsset* a : assets) {
      const Words w = WordsFor(*a);
      ++kinds[w.kind];
      csv.Cell(a->name).Cell(w.kind).Cell(sv ? w.role_sv : w.role_en);
      csv.Cell(a->vendor).Cell(a->product).Cell(a->version).Cell(a->serial);
      csv.Cell(a->site).Cell(a->hall).Cell(a->rack);
      csv.Integer(a->position).Integer(a->u_height).Number(a->power_w);
      csv.Cell(a->redundancy_group).Cell(Criticality(a->criticality, sv));
      // Sheets record end of support for software rows, as the samples do.
      const bool software = a->role == Role::kHypervisorSoftware || a->role == Role::kClientOs ||
                            a->role == Role::kVm;
      csv.Cell(software ? std::string_view(a->eol) : std::string_view());
      csv.EndRow();
    }
    Finish(dir / (sv ? "tillgangar.csv" : "assets.csv"), csv, encoding, stats);
    stats.assets += assets.size();
    for (const auto& [kind, n] : kinds) stats.kinds[std::string(kind)] += n;
  }
  if (!relations.empty()) {
    CsvOut csv(delimiter, line_end, numbers);
    csv.Reserve(relations.size() * 48 + 64);
    csv.Header(sv ? "kalla,relation,mal" : "source,relation,target");
    for (const GenRelation* r : relations) {
      csv.Cell(r->source).Cell(RelationWord(r->kind)).Cell(r->target);
      csv.EndRow();
    }
    Finish(dir / (sv ? "relationer.csv" : "relations.csv"), csv, encoding, stats);
    stats.relations += relations.size();
  }
  if (halls) {
    CsvOut csv(delimiter, line_end, numbers);
    csv.Header(sv ? "plats,hall,platser,effekt_kw,kyla_kw"
                  : "site,hall,positions,power_kw,cooling_kw");
    for (const GenHall& h : org.halls) {
      csv.Cell(h.site).Cell(h.name).Integer(h.positions).Number(h.power_kw).Number(h.cooling_kw);
      csv.EndRow();
    }
    Finish(dir / (sv ? "hallar.csv" : "halls.csv"), csv, encoding, stats);
  }
  if (networks) {
    CsvOut csv(delimiter, line_end, numbers);
    csv.Header(sv ? "prefix,vlan,namn,plats,vrf,roll" : "prefix,vlan,name,site,vrf,role");
    for (const GenNetwork& n : org.networks) {
      csv.Cell(n.prefix).Integer(n.vlan).Cell(n.name).Cell(n.site).Cell(n.vrf).Cell(n.role);
      csv.EndRow();
    }
    Finish(dir / (sv ? "natverk.csv" : "networks.csv"), csv, encoding, stats);
    stats.kinds["network"] += org.networks.size();  // each row its own network, duplicates too
  }
}

}  // namespace samdrift::tools::gen
