// Flag parsing with the docker CLI's (pflag's) rules: "-q", "-aq" (short bools combined),
// "-f value", "-fvalue", "--filter value", "--filter=value", "--all=false", "--" ending
// flags, flags and arguments in any order unless the command stops at its first argument
// (run and exec, so that the container's own flags are left alone).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "common/result.h"

namespace berth::cli {

struct FlagSpec {
    enum class Type { Bool, String, List };
    std::string name;      // long name without dashes: "all"
    char shorthand = 0;    // 'a', or 0
    Type type = Type::Bool;
    std::string help;
    std::string default_value;  // shown in help; Bool flags "true" when on by default
    std::string value_name = "string";
};

class ParsedArgs {
public:
    bool flag(const std::string &name) const;  // Bool flags: last value, else the default
    std::string value(const std::string &name) const;  // String: last value or the default
    std::vector<std::string> values(const std::string &name) const;  // List: all, in order
    bool was_set(const std::string &name) const { return values_.count(name) != 0; }
    bool help = false;
    std::vector<std::string> positional;

    std::map<std::string, std::vector<std::string>> values_;
    std::map<std::string, std::string> defaults_;
};

// Errors are InvalidArgument with pflag's wording: "unknown flag: --bogus",
// "unknown shorthand flag: 'x' in -x", "flag needs an argument: --filter".
Result<ParsedArgs> parse_args(const std::vector<FlagSpec> &specs, const std::vector<std::string> &args,
                              bool stop_at_first_positional = false);

// The "Options:" block of a command's help.
std::string flags_help(const std::vector<FlagSpec> &specs);

}  // namespace berth::cli
