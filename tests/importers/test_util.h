// Helpers for importer tests: read fixtures, run an importer, format what it reported.
#ifndef SAMDRIFT_TESTS_IMPORTERS_TEST_UTIL_H_
#define SAMDRIFT_TESTS_IMPORTERS_TEST_UTIL_H_

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/model.h"
#include "importers/importer.h"

namespace samdrift::testing {

inline std::string ReadFixture(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline std::vector<std::string> Formatted(const core::Diagnostics& diagnostics) {
  std::vector<std::string> lines;
  for (const core::Diagnostic& d : diagnostics.items()) lines.push_back(core::FormatDiagnostic(d));
  return lines;
}

struct Imported {
  core::Batch batch;
  core::Diagnostics diagnostics;
  std::vector<std::string> lines() const { return Formatted(diagnostics); }
};

inline Imported RunImporter(const importers::Importer& importer, const std::string& content,
                            const std::string& source, const std::string& org = "gnosjo") {
  Imported out;
  importers::ImportOptions options;
  options.org = org;
  importer.Import(content, source, options, out.batch, out.diagnostics);
  return out;
}

}  // namespace samdrift::testing

#endif  // SAMDRIFT_TESTS_IMPORTERS_TEST_UTIL_H_
