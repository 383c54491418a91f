#include "common/detach_keys.h"

namespace berth {

Result<std::string> parse_detach_keys(std::string_view spec) {
    if (spec.empty()) spec = kDefaultDetachKeys;
    auto invalid = [&] {
        return Error::invalid("Invalid detach keys (" + std::string(spec) +
                              ") provided, please use a sequence of keys like ctrl-p,ctrl-q");
    };
    std::string out;
    std::size_t pos = 0;
    while (pos <= spec.size()) {
        std::size_t comma = spec.find(',', pos);
        if (comma == std::string_view::npos) comma = spec.size();
        std::string_view key = spec.substr(pos, comma - pos);
        if (key.size() == 1) {
            out += key[0];
        } else if (key.size() == 6 && key.substr(0, 5) == "ctrl-") {
            const char c = key[5];
            if (c >= 'a' && c <= 'z') out += static_cast<char>(c - 'a' + 1);
            else if (c >= '@' && c <= '_' && !(c >= 'A' && c <= 'Z')) out += static_cast<char>(c - '@');
            else return invalid();
        } else {
            return invalid();
        }
        pos = comma + 1;
    }
    return out;
}

std::string DetachKeyMatcher::feed(std::string_view data, bool &detached) {
    detached = false;
    std::string out;
    if (keys_.empty()) return std::string(data);
    for (char c : data) {
        if (c == keys_[matched_]) {
            if (++matched_ == keys_.size()) {
                detached = true;
                matched_ = 0;
                return out;
            }
            continue;
        }
        // Not the sequence after all: what was held back goes through, and this byte may
        // itself start the sequence again.
        out.append(keys_, 0, matched_);
        matched_ = 0;
        if (c == keys_[0]) {
            matched_ = 1;
            if (keys_.size() == 1) {
                detached = true;
                matched_ = 0;
                return out;
            }
        } else {
            out += c;
        }
    }
    return out;
}

}  // namespace berth
