#include "client/query.h"

#include <nlohmann/json.hpp>

namespace berth::client {

namespace {
bool unreserved(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '_' || c == '.' || c == '~';
}

std::string encode_except(std::string_view text, std::string_view keep) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (unsigned char c : text) {
        if (unreserved(c) || keep.find(static_cast<char>(c)) != std::string_view::npos) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 0xf];
        }
    }
    return out;
}
}  // namespace

std::string url_encode(std::string_view text) { return encode_except(text, ""); }

std::string encode_path_name(std::string_view name) { return encode_except(name, "/:@"); }

std::string Query::encode() const {
    std::string out;
    for (const auto &[k, v] : items_) {
        if (!out.empty()) out += '&';
        out += url_encode(k);
        out += '=';
        out += url_encode(v);
    }
    return out;
}

std::string encode_filters(const Filters &filters) {
    nlohmann::json j = nlohmann::json::object();
    for (const auto &[key, values] : filters) {
        auto &set = j[key];
        set = nlohmann::json::object();
        for (const auto &v : values) set[v] = true;
    }
    return j.dump();
}

bool add_filter_arg(Filters &filters, std::string_view arg) {
    auto eq = arg.find('=');
    if (eq == std::string_view::npos || eq == 0) return false;
    auto key = std::string(arg.substr(0, eq));
    // Keys are case-insensitive in docker's filters (they are lowercased and trimmed).
    for (auto &c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    filters[key].emplace_back(arg.substr(eq + 1));
    return true;
}

}  // namespace berth::client
