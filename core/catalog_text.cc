// Normalisation of vendor, product and version text for the catalog.
#include <algorithm>
#include <array>
#include <cctype>

#include "core/catalog.h"
#include "core/catalog_defs.h"

namespace samdrift::core {
namespace {

bool IsAsciiAlnum(unsigned char c) { return std::isalnum(c) != 0 && c < 0x80; }

// Words companies append to their names; dropped at the end of a vendor name.
constexpr std::array<std::string_view, 26> kCompanySuffixes = {
    "inc",     "incorporated", "corp",         "corporation", "co",
    "company", "ltd",          "limited",      "llc",         "plc",
    "gmbh",    "ag",           "ab",           "sa",          "srl",
    "bv",      "nv",           "oy",           "as",          "asa",
    "kk",      "systems",      "technologies", "intl",        "international",
    "the"};

std::vector<std::string_view> Tokens(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    std::size_t start = i;
    while (i < text.size() && text[i] != ' ') ++i;
    if (i > start) out.push_back(text.substr(start, i - start));
  }
  return out;
}

}  // namespace

std::string NormaliseName(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  bool space = true;  // suppress leading and repeated spaces
  auto put_space = [&] {
    if (!space) {
      out += ' ';
      space = true;
    }
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (IsAsciiAlnum(c)) {
        out += static_cast<char>(std::tolower(c));
        space = false;
      } else if (c == '+') {
        put_space();
        out += "plus";
        space = false;
        put_space();
      } else {
        put_space();
      }
      continue;
    }
    // Non-ASCII. Accents do not tell products apart, and macOS writes them decomposed ("e" and
    // U+0301 for "é"): combining marks (U+0300..U+036F) are dropped and the accented letters of
    // Latin-1 folded to their base letter, so "Aperçu" is "apercu" in either form.
    std::string_view rest = text.substr(i);
    if (rest.size() >= 2) {
      const auto next = static_cast<unsigned char>(rest[1]);
      if ((c == 0xCC && next >= 0x80 && next <= 0xBF) ||
          (c == 0xCD && next >= 0x80 && next <= 0xAF)) {
        ++i;
        continue;
      }
      // U+00C0..U+00FF; '-' where there is no single base letter (Æ, ×, Þ, ß, æ, ÷, þ).
      static constexpr std::string_view kLatin1Base =
          "aaaaaa-ceeeeiiiidnooooo-ouuuuy--aaaaaa-ceeeeiiiidnooooo-ouuuuy-y";
      if (c == 0xC3 && next >= 0x80 && next <= 0xBF && kLatin1Base[next - 0x80] != '-') {
        out += kLatin1Base[next - 0x80];
        space = false;
        ++i;
        continue;
      }
    }
    // (R), (TM), (C) and no-break spaces separate words; other letters are kept.

    if (rest.starts_with("\xC2\xAE") || rest.starts_with("\xC2\xA9") ||
        rest.starts_with("\xC2\xA0")) {
      put_space();
      ++i;
      continue;
    }
    if (rest.starts_with("\xE2\x84\xA2") || rest.starts_with("\xE2\x80\xAF")) {
      put_space();
      i += 2;
      continue;
    }
    out += static_cast<char>(c);
    space = false;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string NormaliseVendor(std::string_view text) {
  std::string name = NormaliseName(text);
  std::vector<std::string_view> tokens = Tokens(name);
  while (tokens.size() > 1 && std::find(kCompanySuffixes.begin(), kCompanySuffixes.end(),
                                        tokens.back()) != kCompanySuffixes.end()) {
    tokens.pop_back();
  }
  std::string out;
  for (std::string_view t : tokens) {
    if (!out.empty()) out += ' ';
    out += t;
  }
  return out;
}

std::string NormaliseVersion(std::string_view text) {
  std::string lower;
  lower.reserve(text.size());
  for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::size_t i = 0;
  while (i < lower.size() && !std::isdigit(static_cast<unsigned char>(lower[i]))) ++i;
  if (i == lower.size()) return NormaliseName(text);
  auto digit = [&](std::size_t k) {
    return k < lower.size() && std::isdigit(static_cast<unsigned char>(lower[k]));
  };
  auto alpha = [&](std::size_t k) {
    return k < lower.size() && std::isalpha(static_cast<unsigned char>(lower[k]));
  };
  // The dotted number.
  std::string out;
  std::size_t j = i;
  while (digit(j)) out += lower[j++];
  while (j + 1 < lower.size() && lower[j] == '.' && digit(j + 1)) {
    out += lower[j++];
    while (digit(j)) out += lower[j++];
  }
  // "24h2", "6.7.0a": letters glued to the number belong to it, except an update ("7.0u3").
  if (alpha(j) && !(lower[j] == 'u' && digit(j + 1))) {
    while (alpha(j) || digit(j)) out += lower[j++];
    return out;
  }
  // What follows: "u3", "U3", " update 3", " Update3", " sp5", " r2".
  std::size_t k = j;
  while (k < lower.size() && (lower[k] == ' ' || lower[k] == '-' || lower[k] == '_')) ++k;
  std::string_view rest = std::string_view(lower).substr(k);
  std::size_t skip = 0;
  bool append_number = false;
  if (rest.starts_with("update")) {
    skip = 6;
    append_number = true;
  } else if (rest.starts_with("sp") &&
             (rest.size() > 2 && std::isdigit(static_cast<unsigned char>(rest[2])))) {
    skip = 2;
    append_number = true;
  } else if (rest.starts_with("u") && rest.size() > 1 &&
             std::isdigit(static_cast<unsigned char>(rest[1]))) {
    skip = 1;
    append_number = true;
  } else if (rest.starts_with("r") && rest.size() > 1 &&
             std::isdigit(static_cast<unsigned char>(rest[1])) &&
             (rest.size() == 2 || !std::isalnum(static_cast<unsigned char>(rest[2])))) {
    return out + " r" + std::string(1, rest[1]);
  }
  if (append_number) {
    std::size_t m = k + skip;
    while (m < lower.size() && lower[m] == ' ') ++m;
    if (digit(m)) {
      out += '.';
      while (digit(m)) out += lower[m++];
    }
  }
  return out;
}

namespace catalog_internal {

std::string Slug(std::string_view text) {
  std::string out;
  bool dash = true;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (IsAsciiAlnum(c) || c == '.') {
      out += static_cast<char>(std::tolower(c));
      dash = false;
    } else if (c == '+') {
      if (!dash) out += '-';
      out += "plus";
      dash = false;
    } else if (!dash) {
      out += '-';
      dash = true;
    }
  }
  while (!out.empty() && (out.back() == '-' || out.back() == '.')) out.pop_back();
  // "gen-10" -> "gen10": generations are one word in model names.
  for (std::size_t p = out.find("gen-"); p != std::string::npos; p = out.find("gen-", p + 1)) {
    if ((p == 0 || out[p - 1] == '-') && p + 4 < out.size() &&
        std::isdigit(static_cast<unsigned char>(out[p + 4]))) {
      out.erase(p + 3, 1);
    }
  }
  return out;
}

}  // namespace catalog_internal
}  // namespace samdrift::core
