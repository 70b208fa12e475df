// The statements the batch writer (core/store_write.cc, core/store_write_set.cc) stores rows
// with: the assets' upsert (their identity's row takes the new values) and an asset's fill (only empty fields are filled), a relation's
// insert and a device type's upsert. Only core/store_write*.cc include it.
#ifndef SAMDRIFT_CORE_STORE_WRITE_SQL_H_
#define SAMDRIFT_CORE_STORE_WRITE_SQL_H_

namespace samdrift::core::store_internal {

// The rows come from the virtual table samdrift_chunk (core/store_write_set.cc), one statement
// per chunk; ?1 is 1 for a chunk of WriteMode::kPatch assets, else 0.
inline constexpr const char* kUpsertAssets = R"sql(
INSERT INTO assets(org, kind, key, category, name, role, vendor, product, version, serial,
                   site, hall, rack, position, u_height, power_w, redundancy_group, criticality,
                   eol, estimated, attributes, source_id, importer, line, implied)
SELECT c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18, c19,
       c20, c21, c22, c23, c24, 0 FROM samdrift_chunk WHERE true
ON CONFLICT(org, key, kind) DO UPDATE SET
  category = CASE WHEN ?1 = 1 THEN category ELSE excluded.category END,
  name = excluded.name,
  role = COALESCE(NULLIF(excluded.role, ''), role),
  vendor = COALESCE(NULLIF(excluded.vendor, ''), vendor),
  product = COALESCE(NULLIF(excluded.product, ''), product),
  version = COALESCE(NULLIF(excluded.version, ''), version),
  serial = COALESCE(NULLIF(excluded.serial, ''), serial),
  site = COALESCE(NULLIF(excluded.site, ''), site),
  hall = COALESCE(NULLIF(excluded.hall, ''), hall),
  rack = COALESCE(NULLIF(excluded.rack, ''), rack),
  position = COALESCE(excluded.position, position),
  u_height = COALESCE(excluded.u_height, u_height),
  power_w = COALESCE(excluded.power_w, power_w),
  redundancy_group = COALESCE(NULLIF(excluded.redundancy_group, ''), redundancy_group),
  criticality = COALESCE(NULLIF(excluded.criticality, ''), criticality),
  eol = COALESCE(NULLIF(excluded.eol, ''), eol),
  estimated = CASE WHEN excluded.power_w IS NOT NULL OR excluded.u_height IS NOT NULL
                   THEN excluded.estimated ELSE estimated END,
  attributes = CASE WHEN excluded.attributes = '' THEN attributes
                    WHEN attributes = '' THEN excluded.attributes
                    ELSE attributes || char(30) || excluded.attributes END,
  source_id = CASE WHEN ?1 = 1 AND source_id IS NOT NULL THEN source_id
                   ELSE excluded.source_id END,
  importer = CASE WHEN ?1 = 1 AND source_id IS NOT NULL THEN importer ELSE excluded.importer END,
  line = CASE WHEN ?1 = 1 AND source_id IS NOT NULL THEN line ELSE excluded.line END,
  implied = 0
)sql";

// WriteMode::kFill: what is already there wins; only empty fields are filled. ?25 carries the
// merged attributes (the existing keys first, new keys appended), computed by the caller.
inline constexpr const char* kFillAsset = R"sql(
INSERT INTO assets(org, kind, key, category, name, role, vendor, product, version, serial,
                   site, hall, rack, position, u_height, power_w, redundancy_group, criticality,
                   eol, estimated, attributes, source_id, importer, line, implied)
VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
       ?20, ?21, ?22, ?23, ?24, 0)
ON CONFLICT(org, key, kind) DO UPDATE SET
  category = CASE WHEN implied = 1 THEN excluded.category ELSE category END,
  name = CASE WHEN implied = 1 THEN excluded.name ELSE name END,
  role = COALESCE(NULLIF(role, ''), excluded.role),
  vendor = COALESCE(NULLIF(vendor, ''), excluded.vendor),
  product = COALESCE(NULLIF(product, ''), excluded.product),
  version = COALESCE(NULLIF(version, ''), excluded.version),
  serial = COALESCE(NULLIF(serial, ''), excluded.serial),
  site = COALESCE(NULLIF(site, ''), excluded.site),
  hall = COALESCE(NULLIF(hall, ''), excluded.hall),
  rack = COALESCE(NULLIF(rack, ''), excluded.rack),
  position = COALESCE(position, excluded.position),
  u_height = COALESCE(u_height, excluded.u_height),
  power_w = COALESCE(power_w, excluded.power_w),
  redundancy_group = COALESCE(NULLIF(redundancy_group, ''), excluded.redundancy_group),
  criticality = COALESCE(NULLIF(criticality, ''), excluded.criticality),
  eol = COALESCE(NULLIF(eol, ''), excluded.eol),
  estimated = CASE WHEN power_w IS NULL AND u_height IS NULL THEN excluded.estimated
                   ELSE estimated END,
  attributes = ?25,
  importer = CASE WHEN source_id IS NULL THEN excluded.importer ELSE importer END,
  line = CASE WHEN source_id IS NULL THEN excluded.line ELSE line END,
  source_id = COALESCE(source_id, excluded.source_id),
  implied = 0
)sql";

// The rows come from the virtual table samdrift_relations (core/store_write_set.cc).
inline constexpr const char* kInsertRelations = R"sql(
INSERT INTO relations(org, source, source_kind, kind, target_org, target, target_kind,
                      source_port, target_port, source_id, importer, line)
SELECT c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12 FROM samdrift_relations
)sql";

inline constexpr const char* kUpsertDeviceType = R"sql(
INSERT INTO device_types(manufacturer, model, part_number, u_height, full_depth, max_draw_w,
                         allocated_draw_w, source, importer, line)
VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
ON CONFLICT(manufacturer, model) DO UPDATE SET
  part_number = excluded.part_number, u_height = excluded.u_height,
  full_depth = excluded.full_depth, max_draw_w = excluded.max_draw_w,
  allocated_draw_w = excluded.allocated_draw_w, source = excluded.source,
  importer = excluded.importer, line = excluded.line
)sql";

}  // namespace samdrift::core::store_internal

#endif  // SAMDRIFT_CORE_STORE_WRITE_SQL_H_
