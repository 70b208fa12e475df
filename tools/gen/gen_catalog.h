// The technologies samdrift-gen draws from: per capability a few products with popularity
// weights (popular ones end up shared by many orgs, rare ones unique to a few), each release with
// its end of support and the several ways people spell it.
#ifndef SAMDRIFT_TOOLS_GEN_GEN_CATALOG_H_
#define SAMDRIFT_TOOLS_GEN_GEN_CATALOG_H_

#include <string_view>
#include <vector>

namespace samdrift::tools::gen {

enum class Capability {
  kHypervisor,
  kServer,
  kServerOs,
  kCoreSwitch,
  kAccessSwitch,
  kFirewall,
  kWireless,
  kStorage,
  kClientHw,
  kClientOs,
  kPrinter,
  kBackup,
  kUps,
};

// One way of writing a release: the vendor, product and version cells as some source has them.
struct Spelling {
  std::string_view vendor;
  std::string_view product;
  std::string_view version;
};

struct Release {
  std::string_view eol;  // end of support (ISO), "" when not announced
  double weight;         // how common this release is among installs of the product
  std::vector<Spelling> spellings;
};

struct Technology {
  std::string_view id;
  Capability capability;
  double popularity;  // relative chance that an org runs it
  int u_height;       // rack units (0 for software and non-rack things)
  int power_w;        // typical draw
  std::vector<Release> releases;
};

// Every technology of `capability`, in a fixed order.
const std::vector<const Technology*>& TechnologiesFor(Capability capability);

}  // namespace samdrift::tools::gen

#endif  // SAMDRIFT_TOOLS_GEN_GEN_CATALOG_H_
