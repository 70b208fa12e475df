// Success or failure as a value: Status (code + message) and Result<T>. Exceptions never cross a
// folder boundary; library exceptions are turned into a Status where they are caught.
#ifndef SAMDRIFT_CORE_RESULT_H_
#define SAMDRIFT_CORE_RESULT_H_

#include <optional>
#include <string>
#include <utility>

namespace samdrift::core {

// The numeric values are the CLI exit codes of docs/cli.md.
enum class ErrorCode { kOk = 0, kInvalidInput = 1, kUsage = 2, kStore = 3 };

class Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status Invalid(std::string message) {
    return Status(ErrorCode::kInvalidInput, std::move(message));
  }
  static Status Usage(std::string message) { return Status(ErrorCode::kUsage, std::move(message)); }
  static Status StoreError(std::string message) {
    return Status(ErrorCode::kStore, std::move(message));
  }

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  int exit_code() const { return static_cast<int>(code_); }
  const std::string& message() const { return message_; }

 private:
  Status(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
};

// Holds either a value or a failed Status. value() on a failure is a programming error.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT: implicit by design

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace samdrift::core

#endif  // SAMDRIFT_CORE_RESULT_H_
