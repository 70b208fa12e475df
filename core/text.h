// Text helpers shared by importers and the command line: encodings, numbers as Swedish Excel
// writes them, and "did you mean" suggestions.
#ifndef SAMDRIFT_CORE_TEXT_H_
#define SAMDRIFT_CORE_TEXT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samdrift::core {

enum class TextEncoding { kUtf8, kUtf8Bom, kUtf16Le, kUtf16Be, kWindows1252 };
std::string_view ToString(TextEncoding encoding);

bool IsValidUtf8(std::string_view bytes);
// Where the first byte that does not begin a valid UTF-8 sequence is; npos when there is none.
std::size_t InvalidUtf8At(std::string_view bytes);

// Decodes bytes to UTF-8: a UTF-8 BOM is dropped, UTF-16 with BOM is converted, and bytes that are
// not valid UTF-8 are read as Windows-1252. The result is always valid UTF-8.
std::string ToUtf8(std::string_view bytes, TextEncoding* detected = nullptr);
// The same without a copy when the bytes already are UTF-8 (the view then points into `bytes`,
// past a BOM); otherwise the decoded text is put in `storage` and the view points there.
std::string_view Utf8View(std::string_view bytes, std::string& storage,
                          TextEncoding* detected = nullptr);
// The bytes past a UTF-8 byte order mark, if they start with one.
std::string_view WithoutUtf8Bom(std::string_view bytes);

// The parts with `separator` between them: Join({"a", "b"}, ", ") is "a, b".
std::string Join(const std::vector<std::string>& parts, std::string_view separator);

// `amount` rounded to whole units with `separator` between groups of three digits:
// GroupDigits(1234567.4, " ") is "1 234 567".
std::string GroupDigits(double amount, std::string_view separator);

std::string_view Trim(std::string_view text);  // ASCII white space and no-break spaces
std::string ToLowerAscii(std::string_view text);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

// A finite number as people type it: "712,5", "712.5", "1 100", "1 100,5" (space, no-break or
// narrow no-break space as thousands separator), "-3". Rejects NaN, infinities and overflow.
std::optional<double> ParseNumber(std::string_view text);
// A whole number in the same notations ("1 100"); "4,5" and "4.5" are not whole.
std::optional<long long> ParseInteger(std::string_view text);

// Levenshtein distance, case-insensitive.
std::size_t EditDistance(std::string_view a, std::string_view b);
// The candidate nearest to `word`, or empty when none is reasonably close.
std::string ClosestName(std::string_view word, const std::vector<std::string>& candidates);

// Width of UTF-8 text in characters (code points), not bytes: "Gnosjö" is 6 wide. For aligning
// plain-text tables that hold names with å, ä and ö.
std::size_t DisplayWidth(std::string_view text);
// `text` padded with spaces on the right, or on the left, to `width` characters (DisplayWidth);
// text already as wide or wider is returned as it is.
std::string PadRight(std::string_view text, std::size_t width);
std::string PadLeft(std::string_view text, std::size_t width);

// Lowercase ASCII municipality ids: [a-z0-9_-]+, e.g. "gnosjo".
bool IsValidOrgId(std::string_view id);

}  // namespace samdrift::core

#endif  // SAMDRIFT_CORE_TEXT_H_
