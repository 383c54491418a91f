#include "cli/args.h"

#include <algorithm>
#include <optional>

namespace berth::cli {
namespace {

const FlagSpec *find_long(const std::vector<FlagSpec> &specs, const std::string &name) {
    for (const auto &s : specs)
        if (s.name == name) return &s;
    return nullptr;
}

const FlagSpec *find_short(const std::vector<FlagSpec> &specs, char c) {
    for (const auto &s : specs)
        if (s.shorthand != 0 && s.shorthand == c) return &s;
    return nullptr;
}

Result<std::string> bool_value(const std::string &flag, const std::string &v) {
    if (v == "true" || v == "1" || v == "t" || v == "T" || v == "TRUE" || v == "True") return std::string("true");
    if (v == "false" || v == "0" || v == "f" || v == "F" || v == "FALSE" || v == "False") return std::string("false");
    return Error::invalid("invalid argument \"" + v + "\" for \"" + flag + "\" flag: strconv.ParseBool: parsing \"" +
                          v + "\": invalid syntax");
}

}  // namespace

bool ParsedArgs::flag(const std::string &name) const {
    auto it = values_.find(name);
    if (it != values_.end() && !it->second.empty()) return it->second.back() == "true";
    auto d = defaults_.find(name);
    return d != defaults_.end() && d->second == "true";
}

std::string ParsedArgs::value(const std::string &name) const {
    auto it = values_.find(name);
    if (it != values_.end() && !it->second.empty()) return it->second.back();
    auto d = defaults_.find(name);
    return d == defaults_.end() ? std::string() : d->second;
}

std::vector<std::string> ParsedArgs::values(const std::string &name) const {
    auto it = values_.find(name);
    return it == values_.end() ? std::vector<std::string>{} : it->second;
}

Result<ParsedArgs> parse_args(const std::vector<FlagSpec> &specs, const std::vector<std::string> &args,
                              bool stop_at_first_positional) {
    ParsedArgs out;
    for (const auto &s : specs) out.defaults_[s.name] = s.default_value;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &a = args[i];
        if (a == "--") {
            out.positional.insert(out.positional.end(), args.begin() + static_cast<long>(i) + 1, args.end());
            break;
        }
        if (a.size() < 2 || a[0] != '-') {
            out.positional.push_back(a);
            if (stop_at_first_positional) {
                out.positional.insert(out.positional.end(), args.begin() + static_cast<long>(i) + 1, args.end());
                break;
            }
            continue;
        }
        if (a[1] == '-') {
            std::string name = a.substr(2);
            std::optional<std::string> inline_value;
            if (auto eq = name.find('='); eq != std::string::npos) {
                inline_value = name.substr(eq + 1);
                name = name.substr(0, eq);
            }
            if (name == "help") {
                out.help = true;
                continue;
            }
            const FlagSpec *spec = find_long(specs, name);
            if (spec == nullptr) return Error::invalid("unknown flag: --" + name);
            if (spec->type == FlagSpec::Type::Bool) {
                out.values_[name].push_back(inline_value ? TRY(bool_value(name, *inline_value)) : "true");
                continue;
            }
            if (!inline_value) {
                if (i + 1 >= args.size()) return Error::invalid("flag needs an argument: --" + name);
                inline_value = args[++i];
            }
            out.values_[name].push_back(*inline_value);
            continue;
        }
        // One or more shorthands: -aq, -f value, -fvalue, -H=false
        for (std::size_t k = 1; k < a.size(); ++k) {
            char c = a[k];
            const FlagSpec *spec = find_short(specs, c);
            if (spec == nullptr) {
                if (c == 'h') {
                    out.help = true;
                    continue;
                }
                return Error::invalid(std::string("unknown shorthand flag: '") + c + "' in " + a);
            }
            if (spec->type == FlagSpec::Type::Bool) {
                if (k + 1 < a.size() && a[k + 1] == '=') {
                    out.values_[spec->name].push_back(TRY(bool_value(spec->name, a.substr(k + 2))));
                    break;
                }
                out.values_[spec->name].push_back("true");
                continue;
            }
            std::string v;
            if (k + 1 < a.size()) {
                v = a.substr(k + 1);
                if (!v.empty() && v[0] == '=') v.erase(0, 1);
            } else {
                if (i + 1 >= args.size())
                    return Error::invalid(std::string("flag needs an argument: '") + c + "' in -" + c);
                v = args[++i];
            }
            out.values_[spec->name].push_back(v);
            break;
        }
    }
    return out;
}

std::string flags_help(const std::vector<FlagSpec> &specs) {
    std::vector<std::pair<std::string, std::string>> rows;
    std::size_t width = 0;
    for (const auto &s : specs) {
        std::string left = s.shorthand ? std::string("  -") + s.shorthand + ", --" + s.name : "      --" + s.name;
        if (s.type != FlagSpec::Type::Bool) left += " " + s.value_name;
        std::string right = s.help;
        if (s.type != FlagSpec::Type::Bool && !s.default_value.empty())
            right += " (default \"" + s.default_value + "\")";
        if (s.type == FlagSpec::Type::Bool && s.default_value == "true") right += " (default true)";
        width = std::max(width, left.size());
        rows.emplace_back(left, right);
    }
    std::string out;
    for (auto &[l, r] : rows) out += l + std::string(width - l.size() + 3, ' ') + r + "\n";
    return out;
}

}  // namespace berth::cli
