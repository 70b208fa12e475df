#include "importers/tenant_org.h"

#include <cctype>

#include "core/text.h"

namespace samdrift::importers {
namespace {

// Latin-1 supplement letters (U+00C0..U+00FF) without their accents; "" for ×, ÷.
constexpr std::string_view kLatin1[] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",   // C0
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",  // D0
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",   // E0
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y",   // F0
};

}  // namespace

std::string FoldToOrgId(std::string_view name) {
  name = core::Trim(name);
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const auto c = static_cast<unsigned char>(name[i]);
    if (c == ' ' || c == '\t') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += '-';
    space = false;
    // Two-byte UTF-8 for U+00C0..U+00FF: C3 80..C3 BF.
    if (c == 0xC3 && i + 1 < name.size()) {
      const auto next = static_cast<unsigned char>(name[i + 1]);
      if (next >= 0x80 && next <= 0xBF) {
        out += kLatin1[next - 0x80 + 0x00];
        ++i;
        continue;
      }
    }
    if (c == 0xC2 && i + 1 < name.size() && static_cast<unsigned char>(name[i + 1]) == 0xA0) {
      space = true;  // no-break space
      ++i;
      continue;
    }
    out += static_cast<char>(std::tolower(c));
  }
  return out;
}

std::optional<std::string> OrgForTenant(std::string_view tenant, const ImportOptions& options,
                                        std::string* error) {
  tenant = core::Trim(tenant);
  if (options.org_source != OrgSource::kTenant || tenant.empty()) return options.org;
  auto mapped = options.tenant_to_org.find(std::string(tenant));
  if (mapped == options.tenant_to_org.end()) {
    for (auto it = options.tenant_to_org.begin(); it != options.tenant_to_org.end(); ++it) {
      if (core::EqualsIgnoreCase(core::Trim(it->first), tenant)) {
        mapped = it;
        break;
      }
    }
  }
  if (mapped != options.tenant_to_org.end()) {
    std::string org(core::Trim(mapped->second));
    if (core::IsValidOrgId(org)) return org;
    if (error) {
      *error = "tenant '" + std::string(tenant) + "' maps to '" + org +
               "', which is not an org id (lowercase ASCII, e.g. 'gnosjo')";
    }
    return std::nullopt;
  }
  std::string org = FoldToOrgId(tenant);
  if (core::IsValidOrgId(org)) return org;
  if (error) {
    *error = "tenant '" + std::string(tenant) + "' gives no org id ('" + org +
             "' is not lowercase ASCII); map it with --tenant-map";
  }
  return std::nullopt;
}

}  // namespace samdrift::importers
