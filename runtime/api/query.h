// The query string of a request and Docker's `filters` parameter.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace berth::api {

// Percent-decoding as in URLs; `plus_is_space` for query strings (form encoding).
Result<std::string> percent_decode(std::string_view text, bool plus_is_space);

class Query {
public:
    static Result<Query> parse(std::string_view query_string);

    bool has(const std::string &key) const { return values_.count(key) != 0; }
    // The first value, as Go's url.Values.Get (which the Engine API uses) returns it.
    std::optional<std::string> get(const std::string &key) const;
    std::string get_or(const std::string &key, std::string fallback) const;
    const std::vector<std::string> &all(const std::string &key) const;
    // Docker's httputils.BoolValue: absent, "", "0", "no", "false", "none" are false.
    bool get_bool(const std::string &key) const;
    // Integer parameter; absent gives `fallback`, garbage an InvalidArgument error.
    Result<long long> get_int(const std::string &key, long long fallback) const;

private:
    std::map<std::string, std::vector<std::string>> values_;
};

// Docker's filters.Args: {"dangling":["true"],"label":["a=b"]}, also accepting the
// legacy map form {"dangling":{"true":true}} that old clients send.
class Filters {
public:
    static Result<Filters> parse(std::string_view json_text);

    bool empty() const { return args_.empty(); }
    bool contains(const std::string &key) const { return args_.count(key) != 0; }
    const std::set<std::string> &values(const std::string &key) const;
    // 400 "invalid filter 'x'" for a key not in `allowed`, as Docker answers.
    Result<void> validate(const std::set<std::string> &allowed) const;
    // A boolean filter such as dangling=true: nullopt when absent; error for other values
    // or for both true and false at once.
    Result<std::optional<bool>> get_bool(const std::string &key) const;
    // Label filters ("key" or "key=value") all match `labels`.
    bool match_labels(const std::string &key, const std::map<std::string, std::string> &labels) const;

    void add(const std::string &key, const std::string &value) { args_[key].insert(value); }

private:
    std::map<std::string, std::set<std::string>> args_;
};

}  // namespace berth::api
