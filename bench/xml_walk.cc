// xml_walk: the reference for the XML import benchmark. It only reads the files, parses them with
// pugixml and walks every node (iteratively), touching names, attributes and text, as the least
// work any XML importer must do. Prints files, bytes, seconds and MB/s.
//
//   xml_walk FILE_OR_FOLDER...
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <pugixml.hpp>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::string Read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string content;
  in.seekg(0, std::ios::end);
  content.resize(static_cast<std::size_t>(in.tellg()));
  in.seekg(0);
  in.read(content.data(), static_cast<std::streamsize>(content.size()));
  return content;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i) {
    if (fs::is_directory(argv[i])) {
      for (const auto& e : fs::recursive_directory_iterator(argv[i])) {
        if (e.is_regular_file()) files.push_back(e.path());
      }
    } else {
      files.emplace_back(argv[i]);
    }
  }
  const auto start = std::chrono::steady_clock::now();
  std::size_t bytes = 0, nodes = 0, checksum = 0;
  for (const fs::path& path : files) {
    std::string content = Read(path);
    bytes += content.size();
    pugi::xml_document doc;
    pugi::xml_parse_result result =
        doc.load_buffer_inplace(content.data(), content.size(), pugi::parse_default);
    if (!result) {
      std::fprintf(stderr, "%s: %s\n", path.c_str(), result.description());
      return 1;
    }
    std::vector<pugi::xml_node> stack{doc};
    while (!stack.empty()) {
      pugi::xml_node node = stack.back();
      stack.pop_back();
      ++nodes;
      checksum += std::char_traits<char>::length(node.name());
      checksum += std::char_traits<char>::length(node.value());
      for (pugi::xml_attribute a : node.attributes()) {
        checksum += std::char_traits<char>::length(a.value());
      }
      for (pugi::xml_node child : node.children()) stack.push_back(child);
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("files=%zu bytes=%zu nodes=%zu checksum=%zu seconds=%.3f mb_per_s=%.1f\n",
              files.size(), bytes, nodes, checksum, seconds,
              static_cast<double>(bytes) / 1048576.0 / seconds);
  return 0;
}
