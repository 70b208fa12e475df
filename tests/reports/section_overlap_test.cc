// The overlap section at national scale: its heat maps draw the municipalities with the most
// assets, and the table and similarity matrix keep every one.
#include <catch2/catch.hpp>
#include <string>

#include "reports/sections.h"

using namespace samdrift;

namespace {

// `n` orgs "org00".."orgNN"; org k has k + 1 assets, all of one product.
planners::Overlap Orgs(std::size_t n) {
  planners::Overlap overlap;
  planners::OverlapRow product;
  product.level = planners::OverlapLevel::kProduct;
  product.id = product.name = "vmware-esxi";
  product.capability = "hypervisor";
  for (std::size_t k = 0; k < n; ++k) {
    overlap.orgs.push_back((k < 10 ? "org0" : "org") + std::to_string(k));
    overlap.assets.push_back(k + 1);
    product.counts.push_back(k + 1);
    product.total += k + 1;
  }
  product.org_count = n;
  overlap.products.push_back(product);
  overlap.similarity.assign(n, std::vector<double>(n, 0.5));
  return overlap;
}

std::size_t Count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("the overlap heat maps draw the 40 municipalities with the most assets",
          "[reports][overlap]") {
  const planners::Overlap overlap = Orgs(45);
  reports::Context context;
  context.lang = reports::Lang::kEn;
  context.orgs = overlap.orgs;
  const reports::Section section = reports::OverlapSection(context, overlap);
  REQUIRE(section.figures.size() == 2);
  const std::string& similarity = section.figures[1];
  // org00..org04 have the fewest assets: not drawn; org05..org44 are.
  for (int k = 0; k < 5; ++k) CHECK(Count(similarity, "org0" + std::to_string(k) + "<") == 0);
  CHECK(Count(similarity, "org05<") > 0);
  CHECK(Count(similarity, "org44<") > 0);
  CHECK(section.intro.find("The heat maps show the 40 of 45 municipalities with the most assets") !=
        std::string::npos);
  // The tables keep every org: a column each in the technologies, a row each in the matrix.
  REQUIRE(section.tables.size() == 3);
  CHECK(section.tables[0].headers.size() == 4 + 45 + 1);
  CHECK(section.tables[1].id == "similarity");
  CHECK(section.tables[1].rows.size() == 45);
}

TEST_CASE("up to 40 municipalities, the heat maps draw every one and say nothing",
          "[reports][overlap]") {
  const planners::Overlap overlap = Orgs(40);
  reports::Context context;
  context.lang = reports::Lang::kSv;
  context.orgs = overlap.orgs;
  const reports::Section section = reports::OverlapSection(context, overlap);
  for (int k = 0; k < 40; ++k) {
    const std::string name = (k < 10 ? "org0" : "org") + std::to_string(k) + "<";
    CHECK(Count(section.figures[1], name) > 0);
  }
  CHECK(section.intro.find("Värmekartorna") == std::string::npos);
}
