// An input file's bytes as the importers see them. Files from 16 MiB up are mapped rather than
// read, and the pages a parser has finished with can be let go as it moves on, so that a
// gigabyte export takes neither a gigabyte of the process's own memory nor a gigabyte of
// resident page cache.
#ifndef SAMDRIFT_IMPORTERS_FILE_CONTENT_H_
#define SAMDRIFT_IMPORTERS_FILE_CONTENT_H_

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostics.h"

namespace samdrift::importers {

class FileContent {
 public:
  static constexpr std::size_t kMapFrom = std::size_t{16} << 20;

  // nullopt when the file cannot be opened or read. (A file truncated by another program while
  // it is mapped would end the import with SIGBUS; small files, nearly all, are read.)
  static std::optional<FileContent> Open(const std::string& path);

  FileContent(FileContent&& other) noexcept;
  FileContent& operator=(FileContent&&) = delete;
  FileContent(const FileContent&) = delete;
  FileContent& operator=(const FileContent&) = delete;
  ~FileContent();

  std::string_view view() const { return view_; }
  bool mapped() const { return map_ != nullptr; }

 private:
  FileContent() = default;
  void* map_ = nullptr;
  std::size_t map_size_ = 0;
  std::string bytes_;
  std::string_view view_;
};

// Lets go of the resident pages that lie wholly inside `done` when `done` is part of a mapped
// FileContent: touched again, they are read back from the file, so the text never changes.
// Anywhere else (read files, decoded copies) it does nothing.
void ReleaseParsed(std::string_view done);

// The bytes as UTF-8 text, checked slice by slice (ForEachSlice) so that a mapped file never
// becomes resident as a whole before it is parsed: a view of `bytes` past a BOM when they are
// UTF-8 already, else the text core::Utf8View decodes into `storage`. Bytes that are neither
// UTF-8 nor UTF-16 with a byte order mark are read as Windows-1252 with one warning (ENC001) at
// the line of the first byte that is not UTF-8. With `newlines`, also counts the '\n' bytes on
// the way.
std::string_view Utf8Text(std::string_view bytes, std::string& storage, const std::string& source,
                          core::Diagnostics& diagnostics, std::size_t* newlines = nullptr);

// Calls `visit` with consecutive slices of `text` of about 32 MiB, each ending just after a
// '\n' (or at the end of the text; in a line longer than a slice, before the first byte of a
// UTF-8 character), and releases each slice (ReleaseParsed) once visited. A '\n' byte is never
// part of a multi-byte UTF-8 sequence, so slices can be checked one by one.
void ForEachSlice(std::string_view text, const std::function<void(std::string_view)>& visit);

}  // namespace samdrift::importers

#endif  // SAMDRIFT_IMPORTERS_FILE_CONTENT_H_
