#include "api/query.h"

#include <charconv>

#include <nlohmann/json.hpp>

namespace berth::api {
namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

Result<std::string> percent_decode(std::string_view text, bool plus_is_space) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '%') {
            if (i + 2 >= text.size())
                return Error::invalid("invalid URL escape \"" + std::string(text.substr(i)) + "\"");
            const int hi = hex_value(text[i + 1]);
            const int lo = hex_value(text[i + 2]);
            if (hi < 0 || lo < 0)
                return Error::invalid("invalid URL escape \"" + std::string(text.substr(i, 3)) + "\"");
            out += static_cast<char>(hi * 16 + lo);
            i += 2;
        } else if (c == '+' && plus_is_space) {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

Result<Query> Query::parse(std::string_view qs) {
    Query q;
    while (!qs.empty()) {
        const auto amp = qs.find('&');
        const std::string_view pair = qs.substr(0, amp);
        qs = amp == std::string_view::npos ? std::string_view{} : qs.substr(amp + 1);
        if (pair.empty()) continue;
        const auto eq = pair.find('=');
        std::string key = TRY(percent_decode(pair.substr(0, eq), true));
        std::string value;
        if (eq != std::string_view::npos) value = TRY(percent_decode(pair.substr(eq + 1), true));
        q.values_[std::move(key)].push_back(std::move(value));
    }
    return q;
}

std::optional<std::string> Query::get(const std::string &key) const {
    const auto it = values_.find(key);
    if (it == values_.end() || it->second.empty()) return std::nullopt;
    return it->second.front();
}

std::string Query::get_or(const std::string &key, std::string fallback) const {
    auto v = get(key);
    return v ? *v : std::move(fallback);
}

const std::vector<std::string> &Query::all(const std::string &key) const {
    static const std::vector<std::string> none;
    const auto it = values_.find(key);
    return it == values_.end() ? none : it->second;
}

bool Query::get_bool(const std::string &key) const {
    const auto v = get(key);
    if (!v) return false;
    std::string s;
    for (char c : *v) s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return !(s.empty() || s == "0" || s == "no" || s == "false" || s == "none");
}

Result<long long> Query::get_int(const std::string &key, long long fallback) const {
    const auto v = get(key);
    if (!v || v->empty()) return fallback;
    long long out = 0;
    const auto [ptr, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
    if (ec != std::errc() || ptr != v->data() + v->size())
        return Error::invalid("invalid value for " + key + ": \"" + *v + "\" is not an integer");
    return out;
}

Result<Filters> Filters::parse(std::string_view text) {
    Filters f;
    if (text.empty()) return f;
    const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return Error::invalid("invalid filters: not a JSON object: " + std::string(text.substr(0, 200)));
    for (const auto &[key, val] : j.items()) {
        auto &set = f.args_[key];
        if (val.is_array()) {  // {"key": ["v1", "v2"]}
            for (const auto &v : val) {
                if (!v.is_string()) return Error::invalid("invalid filters: values of '" + key + "' must be strings");
                set.insert(v.get<std::string>());
            }
        } else if (val.is_object()) {  // legacy {"key": {"v1": true}}
            for (const auto &[v, on] : val.items()) {
                if (!on.is_boolean()) return Error::invalid("invalid filters: values of '" + key + "' must be booleans");
                if (on.get<bool>()) set.insert(v);
            }
        } else {
            return Error::invalid("invalid filters: '" + key + "' must be a list of strings");
        }
    }
    return f;
}

const std::set<std::string> &Filters::values(const std::string &key) const {
    static const std::set<std::string> none;
    const auto it = args_.find(key);
    return it == args_.end() ? none : it->second;
}

Result<void> Filters::validate(const std::set<std::string> &allowed) const {
    for (const auto &[key, _] : args_)
        if (!allowed.count(key)) return Error::invalid("invalid filter '" + key + "'");
    return {};
}

Result<std::optional<bool>> Filters::get_bool(const std::string &key) const {
    if (!contains(key)) return std::optional<bool>{};
    bool seen_true = false, seen_false = false;
    for (const auto &v : values(key)) {
        std::string s;
        for (char c : v) s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (s == "true" || s == "1") seen_true = true;
        else if (s == "false" || s == "0") seen_false = true;
        else return Error::invalid("invalid filter '" + key + "=" + v + "'");
    }
    if (seen_true && seen_false) return Error::invalid("invalid filter '" + key + "': both true and false given");
    if (!seen_true && !seen_false) return std::optional<bool>{};
    return std::optional<bool>{seen_true};
}

bool Filters::match_labels(const std::string &key, const std::map<std::string, std::string> &labels) const {
    for (const auto &want : values(key)) {
        const auto eq = want.find('=');
        if (eq == std::string::npos) {
            if (!labels.count(want)) return false;
        } else {
            const auto it = labels.find(want.substr(0, eq));
            if (it == labels.end() || it->second != want.substr(eq + 1)) return false;
        }
    }
    return true;
}

}  // namespace berth::api
