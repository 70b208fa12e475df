// The planners' sentences in the report's language: rendered from their facts in Swedish, the
// planner's own sentence in English.
#include <catch2/catch.hpp>

#include "reports/sections.h"

using namespace samdrift;
using reports::Lang;

TEST_CASE("a plan item's reason in Swedish names what made it and why its wave",
          "[reports][i18n]") {
  planners::WavePlan plan;  // what the item waits for: a, b, c
  for (const char* id : {"a", "b", "c"}) plan.items.emplace_back().item.id = id;
  planners::PlannedItem p;
  p.item.id = "gnosjo:srv01:move";
  p.item.hall_in = "DC1";
  p.item.why.kind = planners::ItemWhy::Kind::kMove;
  p.item.why.place = "S/H/R1";
  p.item.why.rack = "DC1-N01";
  p.item.why.u = 12;
  p.item.why.new_rack = true;
  p.item.why.outside_filter = 2;
  p.wave = 3;
  p.move_group = 7;
  p.why.cycle_items = 2;
  p.why.after = {0, 1, 2};
  p.why.after_more = 4;
  p.why.ready_wave = 1;
  p.why.held_by.kind = planners::WaveBlock::Kind::kKwLimit;
  p.why.held_by.limit = 40.5;
  p.why.past_eol = true;
  CHECK(reports::PlanItemReason(Lang::kEn, plan, p, nullptr) ==
        "moves from S/H/R1 to DC1, rack DC1-N01 U12 (a new rack); waits for 2 items outside the "
        "plan's filter; moves with its dependency cycle (move group 7, 2 items); after a, b, c and "
        "4 more; wave 3: ready in wave 1 but held back by the wave's kW limit (40.5); past end of "
        "support, so early");
  CHECK(reports::PlanItemReason(Lang::kSv, plan, p, nullptr) ==
        "flyttas från S/H/R1 till DC1, rack DC1-N01 U12 (ett nytt rack); väntar på 2 poster "
        "utanför planens filter; flyttas med sin beroendecykel (flyttgrupp 7, 2 poster); efter a, "
        "b, c och 4 till; våg 3: redo i våg 1 men hålls tillbaka av vågens gräns för kW (40,5); "
        "efter supportslut, därför tidigt");

  // Made from a gap: the gap's reason (GapWhy), then the wave.
  core::Technology from, to;
  from.name = "7-Zip 19";
  to.name = "7-Zip 23";
  planners::Gap gap;
  gap.why = planners::GapWhy::kNewerVersion;
  gap.from_technology = &from;
  gap.to_technology = &to;
  planners::PlannedItem upgrade;
  upgrade.item.why.kind = planners::ItemWhy::Kind::kGap;
  upgrade.wave = 1;
  upgrade.why.ready_wave = 1;
  upgrade.why.foundational = true;
  CHECK(reports::PlanItemReason(Lang::kSv, plan, upgrade, &gap) ==
        "7-Zip 19 -> 7-Zip 23: samma produkt, nyare version; våg 1: inget att vänta på; byggs "
        "först, utanför vågens gränser");
  planners::PlannedItem core;
  core.item.why.kind = planners::ItemWhy::Kind::kNetworkCore;
  core.item.why.place = "DC2";
  core.item.why.hall = "DC2";
  core.item.asset = "network core in DC2";
  CHECK(reports::PlanItemAsset(Lang::kSv, core) == "kärnnät i DC2");
  CHECK(reports::PlanItemAsset(Lang::kEn, core) == "network core in DC2");
  core.wave = 4;
  core.why.ready_wave = 4;
  CHECK(reports::PlanItemReason(Lang::kSv, plan, core, nullptr) ==
        "byggs först: det gemensamma kärnnätet i DC2 som enheterna som flyttar dit ansluts till; "
        "våg 4: den första efter dess beroenden");
}

TEST_CASE("a wave's oversized move group in either language", "[reports][i18n]") {
  planners::WaveBlock limit;
  limit.kind = planners::WaveBlock::Kind::kItemLimit;
  limit.limit = 2;
  CHECK(reports::OverLimitText(Lang::kEn, 4, limit) ==
        "move group 4 exceeds the wave's item limit (2)");
  CHECK(reports::OverLimitText(Lang::kSv, 4, limit) ==
        "flyttgrupp 4 överskrider vågens gräns för antal poster (2)");
}

TEST_CASE("a device the hall plan left out, in Swedish from its facts", "[reports][i18n]") {
  planners::HallPlan plan;
  plan.margin = 0.8;
  plan.halls.emplace_back().name = "DC1";
  planners::HallDevice d;
  d.name = "srv";
  d.u_height = 2;
  d.kw = 1.5;
  plan.devices = {d};
  plan.sides = {planners::Side::kAny};
  planners::Unplaced u;
  u.limit = planners::Limit::kHallPower;
  u.reason = "needs 2 U, 1.5 kW: ...";
  u.halls = {"DC1", "DC2"};
  u.shortfalls.push_back({"DC1", planners::Limit::kHallPower, 0.5, 3.0, 10});
  u.shortfalls.push_back({"DC2", planners::Limit::kHallPositions, 0, 0, 4});
  CHECK(reports::UnplacedReason(Lang::kEn, plan, u) == "needs 2 U, 1.5 kW: ...");
  CHECK(reports::UnplacedReason(Lang::kSv, plan, u) ==
        "behöver 2 U, 1,5 kW; i stället har DC1: effekt 0,5 av 3,0 kW kvar vid "
        "dimensioneringsmarginalen 80 %; DC2: alla 4 platser används, inget rack har plats");
  u.limit = planners::Limit::kRackU;
  u.max_u = 1;
  CHECK(reports::UnplacedReason(Lang::kSv, plan, u) ==
        "är 2 U, högre än något racks användbara höjd i DC1, DC2 (1 U)");
  u.limit = planners::Limit::kNoHall;
  plan.sides = {planners::Side::kSecondary};
  plan.devices[0].redundancy_group = "fw";
  CHECK(reports::UnplacedReason(Lang::kSv, plan, u) ==
        "måste till en sekundär hall (redundans: delas, grupp 'fw'), men scenariot har ingen");
  CHECK(reports::LimitName(Lang::kSv, planners::Limit::kHallCooling) == "hallens kyla");
  CHECK(reports::LimitName(Lang::kEn, planners::Limit::kHallCooling) == "hall_cooling");
}

TEST_CASE("a renumbered prefix's reason in Swedish names the prefix that stays",
          "[reports][i18n]") {
  planners::NetInput in;
  planners::NetPrefix kept, moved;
  kept.org = "gislaved";
  kept.prefix = *core::IpPrefix::Parse("10.10.0.0/16");
  moved.org = "gnosjo";
  moved.prefix = *core::IpPrefix::Parse("10.10.0.0/16");
  in.prefixes = {kept, moved};
  planners::Renumbering r;
  r.prefix = 1;
  r.kept = 0;
  r.to = *core::IpPrefix::Parse("10.0.0.0/16");
  r.block = *core::IpPrefix::Parse("10.0.0.0/14");
  r.reason = "overlaps gislaved's 10.10.0.0/16, which stays ...";
  reports::Context context;
  context.org_names = {{"gislaved", "Gislaved"}};
  CHECK(reports::RenumberReason(context, in, r) ==
        "överlappar Gislaved: 10.10.0.0/16, som står kvar; nytt prefix 10.0.0.0/16: det lägsta "
        "lediga /16 i kommunens block 10.0.0.0/14");
  r.kept.reset();
  r.rests_on_unknown = true;
  r.how = planners::NewPrefixWhy::kBlockFull;
  CHECK(reports::RenumberReason(context, in, r) ==
        "rymmer andra kommuners prefix, som står kvar; detta flyttas (valet vilar på okänd "
        "användning: adressdata saknas); inget nytt prefix: kommunens block 10.0.0.0/14 har inget "
        "ledigt /16 kvar");
  context.lang = Lang::kEn;
  CHECK(reports::RenumberReason(context, in, r) == r.reason);
}

TEST_CASE("an import warning's code says what it means in either language", "[reports][i18n]") {
  CHECK(reports::WarningMeaning(Lang::kSv, "CSV003") == "en okänd kolumn; ignoreras");
  CHECK(reports::WarningMeaning(Lang::kEn, "CSV003") == "an unknown column; ignored");
  // A code the catalog does not list: by its family.
  CHECK(reports::WarningMeaning(Lang::kSv, "NBX099") == "ett problem i NetBox-exporten");
  CHECK(reports::WarningMeaning(Lang::kSv, "ZZZ001") == "en varning vid importen");
}

TEST_CASE("an org's address block says why it is there in either language", "[reports][i18n]") {
  CHECK(reports::BlockReason(Lang::kSv, "the lowest free block, in org order") ==
        "det lägsta lediga blocket, i kommunernas ordning");
  CHECK(reports::BlockReason(Lang::kEn, "the lowest free block, in org order") ==
        "the lowest free block, in org order");
}
