// Every row of a long table in the page: JSON data and the script that renders it.
#include "reports/table_view.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <numeric>
#include <string_view>
#include <unordered_map>

namespace samdrift::reports {
namespace {

// The controls' labels: English, Swedish.
struct Label {
  const char* key;
  const char* en;
  const char* sv;
};
constexpr Label kLabels[] = {
    {"filter", "Filter rows", "Filtrera rader"},
    {"all", "All municipalities", "Alla kommuner"},
    {"first", "First", "Första"},
    {"prev", "Previous", "Föregående"},
    {"next", "Next", "Nästa"},
    {"last", "Last", "Sista"},
    {"rows", "Rows", "Rader"},
    {"of", "of", "av"},
    {"filtered", "filtered from", "filtrerat ur"},
    {"none", "(none)", "(inga)"},
    {"inpage", "rows in this page", "rader i sidan"},
    {"cut-in", "rows are in this page; all rows are in", "rader finns i sidan; alla rader finns i"},
    {"cut-and", "and", "och"},
    {"cut-orgs", "The page holds as many rows of each municipality (every row of one with fewer).",
     "Sidan har lika många rader från varje kommun (alla rader från en kommun med färre)."},
};

// JSON text that can stand inside <script>: no `<` at all (so neither `</script>` nor `<!--`).
std::string ScriptSafe(const nlohmann::json& json) {
  const std::string text = json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '<') {
      out += "\\u003c";
    } else {
      out += c;
    }
  }
  return out;
}

// Each org's share of `budget` rows: an equal share, raised by what orgs of fewer rows leave.
std::unordered_map<std::string, std::size_t> OrgQuotas(const Table& table, std::size_t column,
                                                       std::size_t budget) {
  std::unordered_map<std::string, std::size_t> counts;
  std::vector<Cell> scratch;
  for (std::size_t r = 0; r < RowCount(table); ++r) ++counts[RowAt(table, r, scratch)[column].key];
  std::vector<std::pair<std::size_t, std::string>> by_count;
  for (const auto& [org, count] : counts) by_count.emplace_back(count, org);
  std::sort(by_count.begin(), by_count.end());
  std::unordered_map<std::string, std::size_t> quotas;
  std::size_t left = by_count.size();
  for (const auto& [count, org] : by_count) {
    const std::size_t take = std::min(count, budget / left--);
    quotas[org] = take;
    budget -= take;
  }
  return quotas;
}

// A column's texts, each once, and the index of each.
struct Dictionary {
  std::vector<std::string> texts;
  std::unordered_map<std::string, std::size_t> index;
};

// The dictionaries of the table's columns over `rows`, in one pass: a column has one when its
// cells are texts that repeat (fewer distinct texts than half the rows).
std::vector<std::optional<Dictionary>> Dictionaries(const Table& table,
                                                    const std::vector<std::size_t>& rows) {
  std::vector<std::optional<Dictionary>> dicts(table.headers.size(), Dictionary{});
  std::vector<Cell> scratch;
  for (std::size_t r : rows) {
    const auto& row = RowAt(table, r, scratch);
    for (std::size_t c = 0; c < dicts.size(); ++c) {
      auto& dict = dicts[c];
      if (!dict) continue;
      if (c >= row.size() || row[c].number) {
        dict.reset();
      } else if (dict->index.emplace(row[c].text, dict->texts.size()).second) {
        dict->texts.push_back(row[c].text);
        if (dict->texts.size() * 2 >= rows.size()) dict.reset();
      }
    }
  }
  return dicts;
}

nlohmann::json CellJson(const Cell& cell) {
  if (cell.number && std::isfinite(*cell.number)) {
    return nlohmann::json::array({*cell.number, cell.text});
  }
  return cell.text;
}

}  // namespace

std::vector<std::size_t> EmbeddedRows(const Table& table, std::size_t max_rows) {
  std::vector<std::size_t> rows;
  if (max_rows == 0 || RowCount(table) <= max_rows) {
    rows.resize(RowCount(table));
    std::iota(rows.begin(), rows.end(), 0);
    return rows;
  }
  const std::optional<std::size_t> org = OrgColumn(table);
  if (!org) {
    rows.resize(max_rows);
    std::iota(rows.begin(), rows.end(), 0);
    return rows;
  }
  auto quotas = OrgQuotas(table, *org, max_rows);
  std::vector<Cell> scratch;
  for (std::size_t r = 0; r < RowCount(table); ++r) {
    std::size_t& quota = quotas[RowAt(table, r, scratch)[*org].key];
    if (quota == 0) continue;
    --quota;
    rows.push_back(r);
  }
  return rows;
}

std::optional<std::size_t> OrgColumn(const Table& table) {
  if (table.make_row) return table.made_rows ? table.org_column : std::nullopt;
  if (table.rows.empty()) return std::nullopt;
  for (std::size_t c = 0; c < table.headers.size(); ++c) {
    bool all = true;
    for (const auto& row : table.rows) {
      if (c >= row.size() || row[c].key.empty()) {
        all = false;
        break;
      }
    }
    if (all) return c;
  }
  return std::nullopt;
}

std::string TableRowsJson(const Table& table, const std::vector<std::size_t>* embedded) {
  std::vector<std::size_t> all;
  if (!embedded) {
    all = EmbeddedRows(table, 0);
    embedded = &all;
  }
  std::vector<std::optional<Dictionary>> dicts;
  if (embedded->size() > kDictionaryRows) dicts = Dictionaries(table, *embedded);
  nlohmann::json rows = nlohmann::json::array();
  std::vector<Cell> scratch;
  for (std::size_t r : *embedded) {
    nlohmann::json cells = nlohmann::json::array();
    const auto& row = RowAt(table, r, scratch);
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (c < dicts.size() && dicts[c]) {
        cells.push_back(dicts[c]->index.at(row[c].text));
      } else {
        cells.push_back(CellJson(row[c]));
      }
    }
    rows.push_back(std::move(cells));
  }
  const std::optional<std::size_t> org = OrgColumn(table);
  nlohmann::json data = {{"org", org ? nlohmann::json(*org) : nlohmann::json()},
                         {"rows", std::move(rows)}};
  if (embedded->size() < RowCount(table)) data["total"] = RowCount(table);
  if (std::any_of(dicts.begin(), dicts.end(), [](const auto& d) { return d.has_value(); })) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& d : dicts) list.push_back(d ? nlohmann::json(d->texts) : nlohmann::json());
    data["dicts"] = std::move(list);
  }
  return ScriptSafe(data);
}

std::string_view TableViewLabel(Lang lang, std::string_view key) {
  for (const Label& l : kLabels) {
    if (key == l.key) return lang == Lang::kSv ? l.sv : l.en;
  }
  return key;
}

std::string TableViewLabelsJson(Lang lang) {
  nlohmann::json labels = nlohmann::json::object();
  for (const Label& l : kLabels) labels[l.key] = lang == Lang::kSv ? l.sv : l.en;
  return ScriptSafe(labels);
}

const char* const kTableViewScript = R"js(
(function(){
var L = JSON.parse(document.getElementById('table-view-labels').textContent);
var collator = new Intl.Collator(document.documentElement.lang || 'sv', {numeric: true});
function esc(s){ return String(s).replace(/[&<>"]/g, function(c){
  return {'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c]; }); }
function text(cell){ return Array.isArray(cell) ? cell[1] : cell; }
function el(tag, attrs, label){ var e = document.createElement(tag);
  for (var k in attrs) e.setAttribute(k, attrs[k]); if (label) e.textContent = label; return e; }
function View(script){
  var data = JSON.parse(script.textContent), table = document.getElementById(script.dataset.table);
  var size = parseInt(script.dataset.page, 10), rows = data.rows, cols = table.tHead.rows[0].cells;
  if (data.dicts) rows.forEach(function(r){ data.dicts.forEach(function(d, c){ if (d && c < r.length) r[c] = d[r[c]]; }); });
  var cut = data.total ? ' \u00b7 ' + rows.length + ' ' + L.of + ' ' + data.total + ' ' + L.inpage : '';
  var org = data.org, shown = rows, page = 0, sortCol = -1, asc = true;
  var bar = el('div', {'class': 'table-controls'});
  var search = el('input', {type: 'search', placeholder: L.filter, 'aria-label': L.filter, 'class': 'tv-filter'});
  bar.appendChild(search);
  var orgs = null;
  if (org !== null) {
    orgs = el('select', {'aria-label': L.all, 'class': 'tv-org'});
    orgs.appendChild(el('option', {value: ''}, L.all));
    var names = {}; rows.forEach(function(r){ names[text(r[org])] = 1; });
    Object.keys(names).sort(collator.compare).forEach(function(n){ orgs.appendChild(el('option', {value: n}, n)); });
    bar.appendChild(orgs);
  }
  var buttons = {};
  ['first', 'prev', 'next', 'last'].forEach(function(k){
    buttons[k] = el('button', {type: 'button', 'class': 'tv-' + k}, L[k]); bar.appendChild(buttons[k]); });
  var status = el('span', {'class': 'tv-status', 'aria-live': 'polite'});
  bar.appendChild(status);
  table.parentNode.parentNode.insertBefore(bar, table.parentNode);
  var more = table.parentNode.nextElementSibling;
  if (more && more.classList.contains('more')) more.hidden = true;
  function pages(){ return Math.max(1, Math.ceil(shown.length / size)); }
  function render(){
    page = Math.min(Math.max(page, 0), pages() - 1);
    var html = '', end = Math.min(shown.length, (page + 1) * size);
    for (var i = page * size; i < end; ++i) {
      html += '<tr>';
      shown[i].forEach(function(c){
        html += Array.isArray(c) ? '<td class="num">' + esc(c[1]) + '</td>' : '<td>' + esc(c) + '</td>'; });
      html += '</tr>';
    }
    if (!shown.length) html = '<tr><td colspan="' + cols.length + '">' + esc(L.none) + '</td></tr>';
    table.tBodies[0].innerHTML = html;
    var from = shown.length ? page * size + 1 : 0;
    status.textContent = L.rows + ' ' + from + '\u2013' + end + ' ' + L.of + ' ' + shown.length +
        (shown.length < rows.length ? ' (' + L.filtered + ' ' + rows.length + ')' : '') + cut;
    buttons.first.disabled = buttons.prev.disabled = page === 0;
    buttons.next.disabled = buttons.last.disabled = page >= pages() - 1;
  }
  function compare(a, b){
    var x = a[sortCol], y = b[sortCol], r;
    if (Array.isArray(x) && Array.isArray(y)) r = x[0] - y[0];
    else r = collator.compare(text(x === undefined ? '' : x), text(y === undefined ? '' : y));
    return asc ? r : -r;
  }
  function apply(){
    var needle = search.value.trim().toLowerCase(), only = orgs ? orgs.value : '';
    shown = rows.filter(function(r){
      if (only && text(r[org]) !== only) return false;
      if (!needle) return true;
      for (var c = 0; c < r.length; ++c) if (String(text(r[c])).toLowerCase().indexOf(needle) >= 0) return true;
      return false;
    });
    if (sortCol >= 0) shown.sort(compare);
    page = 0; render();
  }
  search.addEventListener('input', apply);
  if (orgs) orgs.addEventListener('change', apply);
  buttons.first.addEventListener('click', function(){ page = 0; render(); });
  buttons.prev.addEventListener('click', function(){ --page; render(); });
  buttons.next.addEventListener('click', function(){ ++page; render(); });
  buttons.last.addEventListener('click', function(){ page = pages() - 1; render(); });
  Array.prototype.forEach.call(cols, function(th, col){
    th.addEventListener('click', function(){
      asc = sortCol === col ? !asc : true; sortCol = col;
      Array.prototype.forEach.call(cols, function(h){ h.classList.remove('sorted-asc', 'sorted-desc'); });
      th.classList.add(asc ? 'sorted-asc' : 'sorted-desc');
      apply();
    });
  });
  render();
}
document.querySelectorAll('script.rows').forEach(View);
})();
)js";

}  // namespace samdrift::reports
