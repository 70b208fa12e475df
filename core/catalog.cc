#include "core/catalog.h"

#include <unistd.h>

#include <algorithm>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <unordered_map>

#include "core/catalog_defs.h"
#include "core/catalog_impl.h"
#include "core/text.h"

#ifndef SAMDRIFT_CATALOG_SOURCE_DIR
#define SAMDRIFT_CATALOG_SOURCE_DIR ""
#endif
#ifndef SAMDRIFT_CATALOG_INSTALL_DIR
#define SAMDRIFT_CATALOG_INSTALL_DIR ""
#endif

namespace samdrift::core {
namespace fs = std::filesystem;
using namespace catalog_internal;

std::string_view ToString(MatchLevel level) {
  switch (level) {
    case MatchLevel::kNone:
      return "none";
    case MatchLevel::kVendor:
      return "vendor";
    case MatchLevel::kProduct:
      return "product";
    case MatchLevel::kVersion:
      return "version";
  }
  return "none";
}

std::string_view ToString(FacetSource source) {
  switch (source) {
    case FacetSource::kFields:
      return "fields";
    case FacetSource::kOs:
      return "os";
    case FacetSource::kPlatform:
      return "platform";
    case FacetSource::kHypervisor:
      return "hypervisor";
  }
  return "fields";
}

Catalog::Catalog() : impl_(std::make_unique<Impl>()) {}
Catalog::~Catalog() = default;
Catalog::Catalog(Catalog&&) noexcept = default;
Catalog& Catalog::operator=(Catalog&&) noexcept = default;

Status Catalog::AddYaml(std::string_view text, const std::string& source,
                        Diagnostics& diagnostics) {
  const std::size_t errors = diagnostics.error_count();
  ParseCatalogYaml(text, source, impl_->defs, diagnostics);
  impl_->Build(&diagnostics);
  if (diagnostics.error_count() > errors) {
    return Status::Invalid("the catalog file '" + source + "' has errors");
  }
  return Status::Ok();
}

Status Catalog::AddFile(const std::string& path, Diagnostics& diagnostics) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    return Status::Usage("cannot read the catalog file '" + path + "': no such file");
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) return Status::Usage("cannot read the catalog file '" + path + "'");
  return AddYaml(content.str(), path, diagnostics);
}

const std::vector<CatalogVendor>& Catalog::vendors() const {
  impl_->EnsureBuilt();
  return impl_->vendors;
}

std::size_t Catalog::technology_count() const {
  impl_->EnsureBuilt();
  return impl_->techs.size();
}

const Technology& Catalog::technology(int index) const {
  return impl_->techs[static_cast<std::size_t>(index)];
}

const Technology* Catalog::Find(std::string_view technology_id) const {
  impl_->EnsureBuilt();
  auto it = impl_->tech_by_id.find(std::string(technology_id));
  return it == impl_->tech_by_id.end() ? nullptr : &impl_->techs[it->second];
}

std::string Catalog::ClosestId(std::string_view id) const {
  impl_->EnsureBuilt();
  std::vector<std::string> ids;
  ids.reserve(impl_->techs.size());
  for (const Technology& t : impl_->techs) ids.push_back(t.id);
  return ClosestName(id, ids);
}

std::vector<const Technology*> Catalog::VersionsOf(std::string_view product_id) const {
  impl_->EnsureBuilt();
  std::vector<const Technology*> out;
  const Technology* product_level = nullptr;
  for (const Technology& t : impl_->techs) {
    if (t.product_id != product_id) continue;
    if (t.product_level()) {
      product_level = &t;
    } else {
      out.push_back(&t);
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Technology* a, const Technology* b) { return a->rank > b->rank; });
  if (product_level) out.push_back(product_level);
  return out;
}

TechnologyMatch Catalog::Match(std::string_view vendor, std::string_view product,
                               std::string_view version) const {
  return impl_->Match(vendor, product, version);
}

std::vector<AssetFacet> Catalog::Facets(const Asset& asset) const {
  std::vector<AssetFacet> out;
  switch (asset.kind) {
    case AssetKind::kDevice:
    case AssetKind::kVm:
    case AssetKind::kClient:
    case AssetKind::kSoftware:
    case AssetKind::kCluster:  // its platform: "VMware vSphere", "Microsoft Hyper-V"
      break;
    default:
      return out;
  }
  auto attr = [&](std::initializer_list<std::string_view> keys) -> std::string_view {
    for (std::string_view key : keys) {
      if (const std::string* value = asset.Attr(key); value && !value->empty()) return *value;
    }
    return {};
  };
  auto add = [&](FacetSource source, std::string_view vendor, std::string_view product,
                 std::string_view version) {
    if (Trim(vendor).empty() && Trim(product).empty()) return;
    AssetFacet f;
    f.source = source;
    f.vendor = std::string(Trim(vendor));
    f.product = std::string(Trim(product));
    f.version = std::string(Trim(version));
    // The same strings twice (a VM's OS in its fields and in attributes) count once.
    for (const AssetFacet& other : out) {
      if (other.vendor == f.vendor && other.product == f.product && other.version == f.version) {
        return;
      }
    }
    f.match = impl_->Match(f.vendor, f.product, f.version);
    if (f.match.technology >= 0) {
      const Technology& t = impl_->techs[f.match.technology];
      f.capability = t.capability;
      const ProductDef& def = *impl_->products[impl_->tech_product[f.match.technology]].def;
      for (const auto& [kind, capability] : def.capability_by_kind) {
        if (kind == asset.kind) f.capability = capability;
      }
    }
    out.push_back(std::move(f));
  };
  add(FacetSource::kFields, asset.vendor, asset.product, asset.version);
  add(FacetSource::kOs, attr({"os_vendor", "os_manufacturer"}),
      attr({"os", "os_name", "operating_system", "os_full_name"}),
      attr({"os_version", "os_build"}));
  add(FacetSource::kPlatform, "", attr({"platform"}), attr({"platform_version"}));
  add(FacetSource::kHypervisor, attr({"hypervisor_vendor"}), attr({"hypervisor"}),
      attr({"hypervisor_version"}));
  // One facet per capability: the best recognised one (the first on a tie).
  std::vector<AssetFacet> kept;
  for (AssetFacet& f : out) {
    if (f.capability.empty()) {
      kept.push_back(std::move(f));
      continue;
    }
    auto same = std::find_if(kept.begin(), kept.end(),
                             [&](const AssetFacet& k) { return k.capability == f.capability; });
    if (same == kept.end()) {
      kept.push_back(std::move(f));
    } else if (f.match.level > same->match.level) {
      *same = std::move(f);
    }
  }
  // An unrecognised facet beside a recognised one from the same strings' source is noise only
  // when it repeats another facet's product text (e.g. platform = os).
  return kept;
}

std::string BundledCatalogDir() {
  std::vector<std::string> candidates;
  if (const char* env = std::getenv("SAMDRIFT_CATALOG_DIR"); env && *env) {
    candidates.emplace_back(env);
  }
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec)
    candidates.push_back((exe.parent_path().parent_path() / "share/samdrift/catalog").string());
  if (*SAMDRIFT_CATALOG_SOURCE_DIR) candidates.emplace_back(SAMDRIFT_CATALOG_SOURCE_DIR);
  if (*SAMDRIFT_CATALOG_INSTALL_DIR) candidates.emplace_back(SAMDRIFT_CATALOG_INSTALL_DIR);
  for (const std::string& dir : candidates) {
    if (fs::is_directory(dir, ec)) return dir;
  }
  return candidates.empty() ? std::string() : candidates.back();
}

Result<Catalog> LoadCatalog(const std::vector<std::string>& extra_files, Diagnostics& diagnostics) {
  Catalog catalog;
  const std::string dir = BundledCatalogDir();
  std::error_code ec;
  if (dir.empty() || !fs::is_directory(dir, ec)) {
    return Status::Usage("the bundled technology catalog is missing (looked for '" + dir +
                         "'; set SAMDRIFT_CATALOG_DIR)");
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".yaml" || entry.path().extension() == ".yml") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  bool failed = false;
  Diagnostics* sink = &diagnostics;
  // Parse every file first, build once (building after each file is wasted work).
  for (const fs::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    const std::size_t errors = sink->error_count();
    ParseCatalogYaml(content.str(), file.string(), catalog.impl_->defs, *sink);
    failed = failed || sink->error_count() > errors;
  }
  for (const std::string& file : extra_files) {
    std::error_code exists_ec;
    if (!fs::is_regular_file(file, exists_ec)) {
      return Status::Usage("cannot read the catalog file '" + file + "': no such file");
    }
    std::ifstream in(file, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    const std::size_t errors = sink->error_count();
    ParseCatalogYaml(content.str(), file, catalog.impl_->defs, *sink);
    failed = failed || sink->error_count() > errors;
  }
  const std::size_t errors = sink->error_count();
  catalog.impl_->Build(sink);
  failed = failed || sink->error_count() > errors;
  if (failed) return Status::Invalid("the technology catalog has errors");
  return catalog;
}

}  // namespace samdrift::core
