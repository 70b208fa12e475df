#include "importers/xml_prolog.h"

#include <algorithm>
#include <cctype>

#include "core/text.h"

namespace samdrift::importers {
namespace {

constexpr std::size_t kNone = std::string_view::npos;

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

struct Prolog {
  std::size_t root = kNone;  // the '<' of the root element
  std::size_t doctype_begin = kNone;
  std::size_t doctype_end = kNone;  // just past the DOCTYPE's closing '>'
};

// Walks the prolog of UTF-8 `text` up to the root element.
Prolog ScanProlog(std::string_view text) {
  Prolog prolog;
  std::size_t i = 0;
  while (i < text.size()) {
    i = text.find('<', i);
    if (i == kNone || i + 1 >= text.size()) return prolog;
    const char next = text[i + 1];
    if (next == '?') {
      i = text.find("?>", i);
    } else if (next == '!') {
      if (text.substr(i, 4) == "<!--") {
        i = text.find("-->", i);
      } else {
        // DOCTYPE, possibly with an internal subset in brackets.
        const std::size_t begin = i;
        const std::size_t close = text.find('>', i);
        const std::size_t bracket = text.substr(0, close).find('[', i);
        i = bracket != kNone ? text.find("]>", bracket) : close;
        if (i != kNone) {
          prolog.doctype_begin = begin;
          prolog.doctype_end = i + (text[i] == ']' ? 2 : 1);
        }
      }
    } else {
      prolog.root = i;
      return prolog;
    }
    if (i == kNone) return prolog;
  }
  return prolog;
}

}  // namespace

std::string RootElementName(std::string_view content) {
  std::string_view text = core::WithoutUtf8Bom(content);
  std::string converted;
  if (StartsWith(text, "\xFF\xFE") || StartsWith(text, "\xFE\xFF")) {
    converted = core::ToUtf8(text);
    text = converted;
  }
  const std::size_t i = ScanProlog(text).root;
  if (i == kNone) return "";
  std::size_t end = i + 1;
  while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) &&
         text[end] != '>' && text[end] != '/') {
    ++end;
  }
  return std::string(text.substr(i + 1, end - i - 1));
}

std::string_view SniffWindow(std::string_view content, std::size_t size, std::string& storage) {
  const std::string_view head = content.substr(0, std::min(content.size(), size));
  // Only what starts as XML (UTF-8) is walked: the walk may read past the window.
  const std::string_view text = core::WithoutUtf8Bom(content);
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == kNone || text[first] != '<') return head;
  const Prolog prolog = ScanProlog(text);
  if (prolog.doctype_begin == kNone) return head;
  const std::size_t bom = content.size() - text.size();
  storage.assign(content.substr(0, bom + prolog.doctype_begin));
  const std::string_view rest = text.substr(prolog.doctype_end);
  storage.append(rest.substr(0, std::min(rest.size(), size - std::min(size, storage.size()))));
  return storage;
}

}  // namespace samdrift::importers
