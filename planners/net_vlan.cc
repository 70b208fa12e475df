// VLAN ids across orgs: the same id for the same purpose is a match, for different purposes a
// clash (see net_plan.h).
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "planners/net_plan.h"

namespace samdrift::planners {
namespace {

bool IsAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// "Gäst-WLAN" -> "gast-wlan": ASCII folding of the letters Swedish names use.
std::string Fold(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == 0xC3 && i + 1 < text.size()) {
      unsigned char d = static_cast<unsigned char>(text[i + 1]) | 0x20;
      char ascii = (d >= 0xA0 && d <= 0xA5)                ? 'a'
                   : (d >= 0xB2 && d <= 0xB6) || d == 0xB8 ? 'o'
                   : (d >= 0xA8 && d <= 0xAB)              ? 'e'
                   : (d >= 0xB9 && d <= 0xBC)              ? 'u'
                                                           : '\0';
      if (ascii) {
        out += ascii;
        ++i;
        continue;
      }
    }
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
  }
  return out;
}

struct OrgVlan {
  std::vector<std::string> names;  // as written, distinct
  std::set<std::string> purposes;  // normalised
  bool from_vlan_asset = false;
};

}  // namespace

std::string NormalisePurpose(std::string_view text, int vid) {
  const std::string folded = Fold(text);
  std::vector<std::string> words;
  std::string word;
  auto flush = [&]() {
    if (!word.empty()) words.push_back(std::move(word));
    word.clear();
  };
  for (char c : folded) {
    if (!IsAlnum(c)) {
      flush();
      continue;
    }
    // Letters and digits are separate words: "VLAN10" is "vlan" "10".
    if (!word.empty() && (c >= '0' && c <= '9') != (word.back() >= '0' && word.back() <= '9')) {
      flush();
    }
    word += c;
  }
  flush();
  const std::string id = std::to_string(vid);
  std::string out;
  for (const std::string& w : words) {
    if (w == "vlan" || w == id) continue;
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

void FindVlanClashes(const NetInput& input, const std::vector<std::string>& orgs, NetPlan& plan) {
  std::unordered_map<std::string, std::size_t> rank;
  for (std::size_t k = 0; k < orgs.size(); ++k) rank[orgs[k]] = k;
  // (vid, org rank) -> what the org uses the id for. VLAN assets win over prefix rows.
  std::map<std::pair<int, std::size_t>, OrgVlan> uses;
  for (int pass = 0; pass < 2; ++pass) {
    for (const NetVlan& v : input.vlans) {
      if (v.from_prefix != (pass == 1)) continue;
      auto it = rank.find(v.org);
      if (it == rank.end()) continue;
      OrgVlan& use = uses[{v.vid, it->second}];
      if (pass == 0) use.from_vlan_asset = true;
      if (pass == 1 && use.from_vlan_asset) continue;
      std::string purpose = NormalisePurpose(v.name, v.vid);
      const std::string& shown = v.name.empty() ? v.role : v.name;
      if (purpose.empty()) purpose = NormalisePurpose(v.role, v.vid);
      if (purpose.empty()) continue;
      use.purposes.insert(purpose);
      if (std::find(use.names.begin(), use.names.end(), shown) == use.names.end()) {
        use.names.push_back(shown);
      }
    }
  }
  // Every id used by several orgs: one pair per two orgs.
  for (auto first = uses.begin(); first != uses.end();) {
    auto last = first;
    while (last != uses.end() && last->first.first == first->first.first) ++last;
    for (auto a = first; a != last; ++a) {
      for (auto b = std::next(a); b != last; ++b) {
        VlanPair pair{a->first.first, orgs[a->first.second], orgs[b->first.second], a->second.names,
                      b->second.names};
        if (a->second.purposes.empty() || b->second.purposes.empty()) {
          plan.vlan_unknown.push_back(std::move(pair));
          continue;
        }
        const bool shared =
            std::any_of(a->second.purposes.begin(), a->second.purposes.end(),
                        [&](const std::string& p) { return b->second.purposes.count(p) > 0; });
        (shared ? plan.vlan_matches : plan.vlan_conflicts).push_back(std::move(pair));
      }
    }
    first = last;
  }
}

}  // namespace samdrift::planners
