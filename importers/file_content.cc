#include "importers/file_content.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <mutex>
#include <utility>
#include <vector>

#include "core/text.h"

namespace samdrift::importers {
namespace {

// The live mappings, so that ReleaseParsed never touches memory that is not a read-only file
// mapping (MADV_DONTNEED on the heap would zero it).
struct Mapping {
  const char* begin;
  const char* end;
};
std::mutex mappings_mutex;
std::vector<Mapping> mappings;

void Register(const void* map, std::size_t size) {
  std::lock_guard lock(mappings_mutex);
  const char* begin = static_cast<const char*>(map);
  mappings.push_back({begin, begin + size});
}

void Unregister(const void* map) {
  std::lock_guard lock(mappings_mutex);
  std::erase_if(mappings, [&](const Mapping& m) { return m.begin == map; });
}

constexpr std::size_t kSlice = std::size_t{32} << 20;

}  // namespace

std::optional<FileContent> FileContent::Open(const std::string& path) {
  FileContent file;
  // O_NONBLOCK: a named pipe put in the file's place opens without waiting for a writer (and is
  // then refused as not a regular file); on regular files it changes nothing.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  bool ok = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  const auto size = ok ? static_cast<std::size_t>(st.st_size) : 0;
  if (ok && size >= kMapFrom) {
    void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (map != MAP_FAILED) {
      ::madvise(map, size, MADV_SEQUENTIAL);
      file.map_ = map;
      file.map_size_ = size;
      file.view_ = std::string_view(static_cast<const char*>(map), size);
      Register(map, size);
    }
  }
  if (ok && !file.map_) {
    file.bytes_.resize(size);
    std::size_t done = 0;
    while (done < size) {
      const ssize_t n = ::read(fd, file.bytes_.data() + done, size - done);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) ok = false;
      if (n <= 0) break;  // an error, or the file shrank meanwhile
      done += static_cast<std::size_t>(n);
    }
    file.bytes_.resize(done);
    file.view_ = file.bytes_;
  }
  ::close(fd);
  if (!ok) return std::nullopt;
  return file;
}

FileContent::FileContent(FileContent&& other) noexcept
    : map_(std::exchange(other.map_, nullptr)),
      map_size_(std::exchange(other.map_size_, 0)),
      bytes_(std::move(other.bytes_)),
      view_(map_ ? std::string_view(static_cast<const char*>(map_), map_size_)
                 : std::string_view(bytes_)) {
  other.view_ = {};
}

FileContent::~FileContent() {
  if (!map_) return;
  Unregister(map_);
  ::munmap(map_, map_size_);
}

void ReleaseParsed(std::string_view done) {
  if (done.empty()) return;
  const long page_size = ::sysconf(_SC_PAGESIZE);
  const auto page = static_cast<std::uintptr_t>(page_size > 0 ? page_size : 4096);
  std::lock_guard lock(mappings_mutex);
  for (const Mapping& m : mappings) {
    if (done.data() < m.begin || done.data() + done.size() > m.end) continue;
    // Whole pages only: the last page may hold text after `done`, still to be read. (Dropping
    // it would be safe, only wasted work.)
    const auto first = (reinterpret_cast<std::uintptr_t>(done.data()) + page - 1) / page * page;
    const auto last = reinterpret_cast<std::uintptr_t>(done.data() + done.size()) / page * page;
    if (last > first) ::madvise(reinterpret_cast<void*>(first), last - first, MADV_DONTNEED);
    return;
  }
}

std::string_view Utf8Text(std::string_view bytes, std::string& storage, const std::string& source,
                          core::Diagnostics& diagnostics, std::size_t* newlines) {
  // A UTF-16 byte order mark is not UTF-8: such files are decoded below, without a warning.
  std::size_t invalid = std::string_view::npos;  // the first byte that is not UTF-8
  std::size_t lines_before = 0;                  // the '\n' bytes before it
  std::size_t offset = 0;
  std::size_t count = 0;
  ForEachSlice(bytes, [&](std::string_view slice) {
    if (invalid == std::string_view::npos) {
      const std::size_t at = core::InvalidUtf8At(slice);
      if (at == std::string_view::npos) {
        lines_before += static_cast<std::size_t>(std::count(slice.begin(), slice.end(), '\n'));
      } else {
        invalid = offset + at;
        lines_before +=
            static_cast<std::size_t>(std::count(slice.begin(), slice.begin() + at, '\n'));
      }
    }
    if (newlines) count += static_cast<std::size_t>(std::count(slice.begin(), slice.end(), '\n'));
    offset += slice.size();
  });
  if (newlines) *newlines = count;
  if (invalid == std::string_view::npos) return core::WithoutUtf8Bom(bytes);
  core::TextEncoding encoding = core::TextEncoding::kUtf8;
  const std::string_view text = core::Utf8View(bytes, storage, &encoding);
  if (encoding == core::TextEncoding::kWindows1252) {
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(bytes[invalid]));
    diagnostics.Warning({source, static_cast<int>(lines_before + 1), 0}, "ENC001",
                        "not valid UTF-8 (first at byte " + std::to_string(invalid + 1) + ", " +
                            byte + "); read as Windows-1252");
  }
  return text;
}

void ForEachSlice(std::string_view text, const std::function<void(std::string_view)>& visit) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = std::min(text.size(), pos + kSlice);
    if (end < text.size()) {
      const std::string_view ahead = text.substr(0, std::min(text.size(), end + kSlice));
      const std::size_t newline = ahead.find('\n', end - 1);
      if (newline != std::string_view::npos) {
        end = newline + 1;
      } else {  // a line longer than a slice (a huge cell): cut before a character's first byte
        while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
      }
    }
    const std::string_view slice = text.substr(pos, end - pos);
    visit(slice);
    ReleaseParsed(slice);
    pos = end;
  }
}

}  // namespace samdrift::importers
