#include "importers/file_content.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace samdrift::importers;
namespace fs = std::filesystem;

namespace {

// A file just over the mapping threshold: lines "row NNNNNNN\n".
std::string WriteBigFile(const fs::path& path) {
  std::string text;
  for (int i = 0; text.size() <= FileContent::kMapFrom + 12345; ++i) {
    text += "row " + std::to_string(i) + "\n";
  }
  std::ofstream(path, std::ios::binary) << text;
  return text;
}

}  // namespace

TEST_CASE("file content: a big file is mapped, and released pages read back the same",
          "[importers][file_content]") {
  const fs::path path = fs::temp_directory_path() / "samdrift-file-content-test.csv";
  const std::string text = WriteBigFile(path);
  {
    auto content = FileContent::Open(path.string());
    REQUIRE(content);
    CHECK(content->mapped());
    REQUIRE(content->view() == text);
    // Released in slices as a parser goes, and then everything at once: the view reads the
    // file's bytes again, unchanged.
    std::size_t covered = 0;
    ForEachSlice(content->view(), [&](std::string_view slice) {
      CHECK(slice.data() == content->view().data() + covered);
      covered += slice.size();
    });
    CHECK(covered == text.size());
    ReleaseParsed(content->view());
    CHECK(content->view() == text);
  }
  fs::remove(path);
}

TEST_CASE("file content: small files are read, and releasing read bytes changes nothing",
          "[importers][file_content]") {
  const fs::path path = fs::temp_directory_path() / "samdrift-file-content-small.csv";
  std::ofstream(path, std::ios::binary) << "name,kind\nsw1,device\n";
  auto content = FileContent::Open(path.string());
  REQUIRE(content);
  CHECK_FALSE(content->mapped());
  ReleaseParsed(content->view());  // not a mapping: must not zero the heap
  CHECK(content->view() == "name,kind\nsw1,device\n");
  // Heap memory larger than a few pages, page-aligned inside: untouched as well.
  std::string heap(1 << 20, 'x');
  ReleaseParsed(heap);
  CHECK(heap == std::string(1 << 20, 'x'));
  fs::remove(path);
  CHECK_FALSE(FileContent::Open(path.string()));  // gone: nullopt, not a throw
}

TEST_CASE("file content: slices end after a newline and cover the text",
          "[importers][file_content]") {
  // 40 MiB of lines: two slices, the first ending just after a '\n' near 32 MiB.
  std::string text;
  while (text.size() < (std::size_t{40} << 20)) text += "k001-srv-åäö,device\n";
  std::vector<std::string_view> slices;
  ForEachSlice(text, [&](std::string_view slice) { slices.push_back(slice); });
  REQUIRE(slices.size() == 2);
  CHECK(slices[0].back() == '\n');
  CHECK(slices[0].size() >= (std::size_t{32} << 20));
  CHECK(slices[0].size() < (std::size_t{32} << 20) + 32);
  CHECK(slices[0].size() + slices[1].size() == text.size());
  // A line longer than a slice (a huge cell) is cut too, before a character's first byte, so
  // that it is never resident as a whole.
  const std::string one_line(std::size_t{33} << 20, 'a');
  slices.clear();
  ForEachSlice(one_line, [&](std::string_view slice) { slices.push_back(slice); });
  REQUIRE(slices.size() == 2);
  CHECK(slices[0].size() == (std::size_t{32} << 20));
  std::string letters = "x";
  while (letters.size() < (std::size_t{33} << 20)) letters += "\xC3\xB6";  // ö
  slices.clear();
  ForEachSlice(letters, [&](std::string_view slice) { slices.push_back(slice); });
  REQUIRE(slices.size() == 2);
  CHECK(slices[0].size() == (std::size_t{32} << 20) + 1);
  CHECK(slices[1].front() == '\xC3');
  slices.clear();
  ForEachSlice("", [&](std::string_view slice) { slices.push_back(slice); });
  CHECK(slices.empty());
}

TEST_CASE("text that is not UTF-8 is read as Windows-1252, with one warning", "[importers][csv]") {
  struct Case {
    const char* what;
    std::string bytes;
    std::string text;
    std::vector<std::string> diagnostics;
  };
  const Case cases[] = {
      {"UTF-8", "a,b\nv\xC3\xA4x,1\n", "a,b\nv\xC3\xA4x,1\n", {}},
      {"UTF-8 with BOM",
       "\xEF\xBB\xBF"
       "a\n",
       "a\n",
       {}},
      {"UTF-16 with BOM",
       std::string("\xFF\xFE"
                   "a\0\n\0",
                   6),
       "a\n",
       {}},
      {"Windows-1252: the first bad byte's line",
       "a,b\nv\xE4x,1\n\xF6,2\n",
       "a,b\nv\xC3\xA4x,1\n\xC3\xB6,2\n",
       {"t.csv:2: warning[ENC001]: not valid UTF-8 (first at byte 6, 0xE4); read as "
        "Windows-1252"}},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    samdrift::core::Diagnostics diagnostics;
    std::string storage;
    std::size_t newlines = 0;
    CHECK(Utf8Text(c.bytes, storage, "t.csv", diagnostics, &newlines) == c.text);
    std::vector<std::string> lines;
    for (const auto& d : diagnostics.items()) lines.push_back(samdrift::core::FormatDiagnostic(d));
    CHECK(lines == c.diagnostics);
  }
}
