#include "core/store_search.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <map>

#include "core/store_internal.h"

namespace samdrift::core {
using store_internal::FromSqlite;

namespace {

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// The index of `value` in `names` (added when new).
std::uint16_t Intern(std::map<std::string, std::uint16_t>& seen, std::vector<std::string>& names,
                     const std::string& value) {
  auto [it, added] = seen.emplace(value, static_cast<std::uint16_t>(names.size()));
  if (added) {
    if (names.size() == 0xffff) throw std::length_error("too many distinct orgs");
    names.push_back(value);
  }
  return it->second;
}

// A relation's end: its org and key (the kinds are checked by the query).
std::uint64_t EndHash(std::string_view org, std::string_view key) {
  std::string end;
  end.reserve(org.size() + 1 + key.size());
  end.append(org).append(1, '\0').append(key);
  return std::hash<std::string>{}(end);
}

// Both ends of every relation: a relation names its target's org, or none for its own.
std::vector<std::pair<std::uint64_t, std::int64_t>> ReadEnds(SQLite::Database& db,
                                                             const std::atomic<bool>& stop) {
  std::vector<std::pair<std::uint64_t, std::int64_t>> ends;
  SQLite::Statement st(db, "SELECT id, org, source, target_org, target FROM relations");
  while (st.executeStep()) {
    if (stop) return {};
    const std::int64_t id = st.getColumn(0).getInt64();
    const char* org = st.getColumn(1).getText();
    const char* target_org = st.getColumn(3).getText();
    ends.emplace_back(EndHash(org, st.getColumn(2).getText()), id);
    ends.emplace_back(EndHash(*target_org ? target_org : org, st.getColumn(4).getText()), id);
  }
  std::sort(ends.begin(), ends.end());
  ends.shrink_to_fit();
  return ends;
}

}  // namespace

Result<std::shared_ptr<const AssetTextIndex>> AssetTextIndex::Build(const std::string& path,
                                                                    const std::atomic<bool>& stop) {
  std::shared_ptr<AssetTextIndex> index(new AssetTextIndex());
  std::map<std::string, std::uint16_t> seen;
  try {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    SQLite::Statement st(db,
                         "SELECT id, org, kind, category, name, key, vendor, product, serial, "
                         "role FROM assets ORDER BY id");
    while (st.executeStep()) {
      if (stop) return Status::StoreError("the search index was not finished (stopped)");
      index->ids_.push_back(st.getColumn(0).getInt64());
      index->orgs_.push_back(Intern(seen, index->names_, st.getColumn(1).getString()));
      index->kinds_.push_back(Intern(seen, index->names_, st.getColumn(2).getString()));
      index->categories_.push_back(Intern(seen, index->names_, st.getColumn(3).getString()));
      index->starts_.push_back(index->text_.size());
      for (int column = 4; column < 10; ++column) {
        const char* text = st.getColumn(column).getText();
        // The key is the name but for locations: kept once.
        if (column == 5 && std::strcmp(text, st.getColumn(4).getText()) == 0) continue;
        for (; *text; ++text) index->text_ += Lower(*text);
        index->text_ += '\0';
      }
    }
    index->starts_.push_back(index->text_.size());
    std::vector<std::size_t> per_org(index->names_.size());
    for (std::uint16_t org : index->orgs_) ++per_org[org];
    for (std::size_t i = 0; i < per_org.size(); ++i) {
      if (per_org[i] > 0) index->org_counts_[index->names_[i]] = per_org[i];
    }
    index->ends_ = ReadEnds(db, stop);
    if (stop) return Status::StoreError("the search index was not finished (stopped)");
    index->text_.shrink_to_fit();  // kept for the server's life: no growth slack
    index->starts_.shrink_to_fit();
    index->ids_.shrink_to_fit();
    for (auto* column : {&index->orgs_, &index->kinds_, &index->categories_}) {
      column->shrink_to_fit();
    }
  } catch (const std::exception& e) {
    return FromSqlite(e, path, "reading the assets for the search");
  }
  return std::shared_ptr<const AssetTextIndex>(std::move(index));
}

std::vector<std::int64_t> AssetTextIndex::Find(std::string_view text, const std::string& org,
                                               const std::string& kind,
                                               const std::string& category) const {
  std::string needle(text);
  std::transform(needle.begin(), needle.end(), needle.begin(), Lower);
  // A filter is the index of its value; a value no asset has matches none.
  auto wanted = [&](const std::string& value) -> int {
    if (value.empty()) return -1;
    auto it = std::find(names_.begin(), names_.end(), value);
    return it == names_.end() ? -2 : static_cast<int>(it - names_.begin());
  };
  const int org_i = wanted(org), kind_i = wanted(kind), category_i = wanted(category);
  std::vector<std::int64_t> found;
  if (org_i == -2 || kind_i == -2 || category_i == -2 || needle.empty()) return found;
  auto passes = [&](std::size_t i) {
    return (org_i < 0 || orgs_[i] == org_i) && (kind_i < 0 || kinds_[i] == kind_i) &&
           (category_i < 0 || categories_[i] == category_i);
  };
  // memmem over the whole text; each hit names its asset (the hit's run), then the search goes
  // on from the next asset's run. The '\0' between columns never matches (a needle with one
  // is not searched here: AssetBrowser asks SQL).
  const char* begin = text_.data();
  const char* end = begin + text_.size();
  const char* at = begin;
  while (at < end) {
    const void* hit = memmem(at, static_cast<std::size_t>(end - at), needle.data(), needle.size());
    if (!hit) break;
    const auto offset = static_cast<std::uint64_t>(static_cast<const char*>(hit) - begin);
    const std::size_t i =
        static_cast<std::size_t>(std::upper_bound(starts_.begin(), starts_.end(), offset) -
                                 starts_.begin()) -
        1;
    if (passes(i)) found.push_back(ids_[i]);
    at = begin + starts_[i + 1];
  }
  return found;
}

std::vector<std::int64_t> AssetTextIndex::RelationsNaming(std::string_view org,
                                                          std::string_view key) const {
  const std::uint64_t hash = EndHash(org, key);
  auto it = std::lower_bound(ends_.begin(), ends_.end(),
                             std::pair<std::uint64_t, std::int64_t>(hash, INT64_MIN));
  std::vector<std::int64_t> ids;
  for (; it != ends_.end() && it->first == hash; ++it) ids.push_back(it->second);
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());  // a relation to itself
  return ids;
}

}  // namespace samdrift::core
