#include "client/json_stream.h"

namespace berth::client {

Result<void> JsonLineDecoder::deliver(std::string_view line) {
    // Tolerate CRLF and blank keep-alive lines.
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
        line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.empty()) return {};
    auto value = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (value.is_discarded()) {
        std::string shown(line.substr(0, 200));
        return Error{"decode JSON stream", {}, 0, "not JSON: " + shown, ErrorKind::Internal};
    }
    if (!cb_(value)) stopped_ = true;
    return {};
}

Result<void> JsonLineDecoder::feed(std::string_view chunk) {
    if (stopped_) return {};
    // Most chunks end on a line boundary: decode straight from the chunk and only keep
    // the unfinished tail.
    std::size_t start = 0;
    while (!stopped_) {
        auto nl = chunk.find('\n', start);
        if (nl == std::string_view::npos) break;
        if (pending_.empty()) {
            TRY(deliver(chunk.substr(start, nl - start)));
        } else {
            pending_.append(chunk.substr(start, nl - start));
            std::string line = std::move(pending_);
            pending_.clear();
            TRY(deliver(line));
        }
        start = nl + 1;
    }
    if (!stopped_ && start < chunk.size()) pending_.append(chunk.substr(start));
    return {};
}

Result<void> JsonLineDecoder::finish() {
    if (stopped_ || pending_.empty()) return {};
    std::string line = std::move(pending_);
    pending_.clear();
    return deliver(line);
}

std::string stream_error_message(const nlohmann::json &message) {
    if (!message.is_object()) return {};
    if (auto d = message.find("errorDetail"); d != message.end() && d->is_object()) {
        if (auto m = d->find("message"); m != d->end() && m->is_string() &&
                                         !m->get_ref<const std::string &>().empty())
            return m->get<std::string>();
    }
    if (auto e = message.find("error"); e != message.end() && e->is_string())
        return e->get<std::string>();
    return {};
}

}  // namespace berth::client
