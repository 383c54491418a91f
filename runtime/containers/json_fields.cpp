#include "containers/json_fields.h"

namespace berth::containers::fields {
namespace {

const char *go_kind(const json &v) {
    switch (v.type()) {
    case json::value_t::string: return "string";
    case json::value_t::boolean: return "bool";
    case json::value_t::array: return "array";
    case json::value_t::object: return "object";
    default: return "number";
    }
}

Error mismatch(const json &v, const std::string &where, const char *key, const char *go_type) {
    return Error::invalid(std::string("json: cannot unmarshal ") + go_kind(v) +
                          " into Go struct field " + where + "." + key + " of type " + go_type);
}

const json *find(const json &obj, const char *key) {
    if (!obj.is_object()) return nullptr;
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return nullptr;
    return &*it;
}

}  // namespace

Result<std::int64_t> int64(const json &obj, const char *key, const std::string &where,
                           std::int64_t def) {
    const json *v = find(obj, key);
    if (!v) return def;
    if (v->is_number_integer()) return v->get<std::int64_t>();
    if (v->is_number_float()) {
        double d = v->get<double>();
        if (d == static_cast<double>(static_cast<std::int64_t>(d))) return static_cast<std::int64_t>(d);
    }
    return mismatch(*v, where, key, "int64");
}

Result<bool> boolean(const json &obj, const char *key, const std::string &where, bool def) {
    const json *v = find(obj, key);
    if (!v) return def;
    if (!v->is_boolean()) return mismatch(*v, where, key, "bool");
    return v->get<bool>();
}

Result<std::string> string(const json &obj, const char *key, const std::string &where,
                           const std::string &def) {
    const json *v = find(obj, key);
    if (!v) return def;
    if (!v->is_string()) return mismatch(*v, where, key, "string");
    return v->get<std::string>();
}

Result<std::vector<std::string>> strings(const json &obj, const char *key, const std::string &where,
                                         bool allow_single_string) {
    const json *v = find(obj, key);
    if (!v) return std::vector<std::string>{};
    if (allow_single_string && v->is_string()) return std::vector<std::string>{v->get<std::string>()};
    if (!v->is_array()) return mismatch(*v, where, key, "[]string");
    std::vector<std::string> out;
    for (const auto &e : *v) {
        if (!e.is_string()) return mismatch(e, where, key, "string");
        out.push_back(e.get<std::string>());
    }
    return out;
}

Result<std::map<std::string, std::string>> string_map(const json &obj, const char *key,
                                                      const std::string &where) {
    const json *v = find(obj, key);
    std::map<std::string, std::string> out;
    if (!v) return out;
    if (!v->is_object()) return mismatch(*v, where, key, "map[string]string");
    for (const auto &[k, e] : v->items()) {
        if (!e.is_string()) return mismatch(e, where, key, "string");
        out[k] = e.get<std::string>();
    }
    return out;
}

Result<void> object_or_null(const json &obj, const char *key, const std::string &where) {
    const json *v = find(obj, key);
    if (v && !v->is_object()) return mismatch(*v, where, key, "struct");
    return {};
}

}  // namespace berth::containers::fields
