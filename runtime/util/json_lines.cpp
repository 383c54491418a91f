#include "util/json_lines.h"

#include "util/fd_io.h"

#include <unistd.h>

#include <array>
#include <utility>

namespace berth::util {

namespace {

constexpr std::array<std::pair<ErrorKind, const char *>, 9> kKinds{{
    {ErrorKind::Internal, "internal"},
    {ErrorKind::InvalidArgument, "invalid"},
    {ErrorKind::Unauthorized, "unauthorized"},
    {ErrorKind::Forbidden, "forbidden"},
    {ErrorKind::NotFound, "not_found"},
    {ErrorKind::Conflict, "conflict"},
    {ErrorKind::NotModified, "not_modified"},
    {ErrorKind::Unavailable, "unavailable"},
    {ErrorKind::Cancelled, "cancelled"},
}};

}  // namespace

Result<void> write_json_line(int fd, const nlohmann::json &j, const std::string &what) {
    return write_all(fd, j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n", what);
}

JsonLineReader::JsonLineReader(int fd, std::string what, std::size_t max_line)
    : fd_(fd), what_(std::move(what)), max_line_(max_line) {}

Result<std::optional<nlohmann::json>> JsonLineReader::next() {
    for (;;) {
        const auto nl = buf_.find('\n');
        if (nl != std::string::npos) {
            std::string line = buf_.substr(0, nl);
            buf_.erase(0, nl + 1);
            auto j = nlohmann::json::parse(line, nullptr, false);
            if (j.is_discarded() || !j.is_object())
                return Error::internal(what_ + " sent a line that is not a JSON object: \"" + line.substr(0, 80) + "\"");
            return std::optional<nlohmann::json>(std::move(j));
        }
        if (eof_) {
            if (!buf_.empty()) return Error::internal(what_ + " ended in the middle of a line");
            return std::optional<nlohmann::json>();
        }
        if (buf_.size() > max_line_)
            return Error::internal(what_ + " sent a line longer than " + std::to_string(max_line_) + " bytes");
        char chunk[16384];
        const ssize_t n = ::read(fd_, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return Error::sys("read", what_);
        if (n == 0) eof_ = true;
        buf_.append(chunk, static_cast<std::size_t>(n));
    }
}

nlohmann::json error_to_json(const Error &e) {
    const char *kind = "internal";
    for (const auto &[k, name] : kKinds)
        if (k == e.kind) kind = name;
    // Field by field, so the other side gets the same Error back (the archive routes tell
    // "no such file" by its errno).
    return {{"kind", kind}, {"op", e.op}, {"object", e.object}, {"errno", e.err}, {"detail", e.detail}};
}

Error error_from_json(const nlohmann::json &j) {
    auto text = [&](const char *key) {
        auto it = j.find(key);
        return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    const bool has_errno = j.is_object() && j.contains("errno") && j["errno"].is_number_integer() && j["errno"] != 0;
    if (!j.is_object() || (text("op").empty() && text("object").empty() && text("detail").empty() && !has_errno))
        return Error::internal("a helper reported a malformed error: " + j.dump().substr(0, 120));
    Error e{text("op"), text("object"), 0, text("detail"), ErrorKind::Internal};
    const std::string kind = text("kind");
    for (const auto &[k, name] : kKinds)
        if (kind == name) e.kind = k;
    if (auto it = j.find("errno"); it != j.end() && it->is_number_integer()) e.err = it->get<int>();
    return e;
}

}  // namespace berth::util
