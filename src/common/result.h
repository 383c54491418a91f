// Result<T>: a value or an Error that says what failed, on which object, and why.
// GCC 12 has no std::expected; this is the small subset Berth needs. Only the syscall
// layer reads errno; everything above passes Errors up with TRY.
#pragma once

#include <cerrno>
#include <string>
#include <utility>
#include <variant>

namespace berth {

// How an error maps onto the Engine API's status codes (see api/errors.cpp).
enum class ErrorKind {
    Internal,         // 500
    InvalidArgument,  // 400
    Unauthorized,     // 401
    Forbidden,        // 403
    NotFound,         // 404
    Conflict,         // 409
    NotModified,      // 304
    Unavailable,      // 503
    Cancelled,        // the client went away or asked to stop
};

struct Error {
    std::string op;      // what was being done: "mount overlay", "pull blob"
    std::string object;  // on what: a path, an image reference, a digest
    int err = 0;         // errno, when a syscall failed
    std::string detail;  // anything else worth saying
    ErrorKind kind = ErrorKind::Internal;

    // "op `object`: strerror(err): detail", omitting the empty parts.
    std::string message() const;

    static Error sys(std::string op, std::string object, int e = errno) {
        return Error{std::move(op), std::move(object), e, {}, ErrorKind::Internal};
    }
    static Error invalid(std::string detail) {
        return Error{{}, {}, 0, std::move(detail), ErrorKind::InvalidArgument};
    }
    static Error not_found(std::string detail) {
        return Error{{}, {}, 0, std::move(detail), ErrorKind::NotFound};
    }
    static Error conflict(std::string detail) {
        return Error{{}, {}, 0, std::move(detail), ErrorKind::Conflict};
    }
    static Error internal(std::string detail) {
        return Error{{}, {}, 0, std::move(detail), ErrorKind::Internal};
    }
    static Error of(ErrorKind k, std::string detail) {
        return Error{{}, {}, 0, std::move(detail), k};
    }
    // Adds what the caller was doing in front of a lower-level error.
    Error context(std::string outer) && {
        detail = message();
        op = std::move(outer);
        object.clear();
        err = 0;
        return std::move(*this);
    }
};

template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}
    Result(Error e) : v_(std::in_place_index<1>, std::move(e)) {}

    explicit operator bool() const { return v_.index() == 0; }
    bool ok() const { return v_.index() == 0; }

    T &value() & { return std::get<0>(v_); }
    const T &value() const & { return std::get<0>(v_); }
    T &&value() && { return std::get<0>(std::move(v_)); }
    T *operator->() { return &std::get<0>(v_); }
    const T *operator->() const { return &std::get<0>(v_); }
    T &operator*() & { return std::get<0>(v_); }
    const T &operator*() const & { return std::get<0>(v_); }

    const Error &error() const & { return std::get<1>(v_); }
    Error &&error() && { return std::get<1>(std::move(v_)); }

private:
    std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error e) : err_(std::move(e)), failed_(true) {}

    explicit operator bool() const { return !failed_; }
    bool ok() const { return !failed_; }
    void value() const {}
    const Error &error() const & { return err_; }
    Error &&error() && { return std::move(err_); }

private:
    Error err_;
    bool failed_ = false;
};

}  // namespace berth

// TRY(expr): evaluates a Result; on error returns it from the enclosing function,
// otherwise yields the value. __extension__ keeps -Wpedantic quiet about the
// statement expression, a GCC/Clang feature this project relies on.
#define TRY(expr)                                                   \
    __extension__({                                                 \
        auto &&berth_try_result_ = (expr);                          \
        if (!berth_try_result_) return std::move(berth_try_result_).error(); \
        std::move(berth_try_result_).value();                       \
    })
