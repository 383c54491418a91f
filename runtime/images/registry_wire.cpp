#include "images/registry_wire.h"

namespace berth::images::wire {

using nlohmann::json;

namespace {

// Runs `read` and turns nlohmann's type and key errors into an Error naming `what`.
template <class T, class F>
Result<T> decode(const char *what, const json &j, F read) {
    try {
        if (!j.is_object()) return Error::internal(std::string("malformed ") + what + ": not an object");
        return read(j);
    } catch (const json::exception &e) {
        return Error::internal(std::string("malformed ") + what + ": " + e.what());
    }
}

}  // namespace

json to_json(const RegistryConfig &c) {
    return {{"insecure_registries", c.insecure_registries},
            {"certs_dir", c.certs_dir},
            {"max_concurrent_downloads", c.max_concurrent_downloads},
            {"max_attempts", c.max_attempts}};
}

json to_json(const Credentials &c) {
    return {{"username", c.username}, {"password", c.password}, {"identity_token", c.identity_token}};
}

json to_json(const Reference &r) {
    return {{"domain", r.domain}, {"path", r.path}, {"tag", r.tag}, {"digest", r.digest}};
}

json to_json(const Platform &p) { return {{"os", p.os}, {"architecture", p.architecture}, {"variant", p.variant}}; }

json to_json(const Descriptor &d) {
    json j{{"media_type", d.media_type}, {"digest", d.digest}, {"size", d.size}, {"urls", d.urls}};
    if (d.platform) j["platform"] = to_json(*d.platform);
    return j;
}

json to_json(const Manifest &m) {
    json layers = json::array();
    for (const auto &l : m.layers) layers.push_back(to_json(l));
    return {{"media_type", m.media_type}, {"digest", m.digest}, {"index_digest", m.index_digest},
            {"config", to_json(m.config)}, {"layers", std::move(layers)}, {"raw", m.raw}};
}

Result<RegistryConfig> config_from(const json &j) {
    return decode<RegistryConfig>("registry settings", j, [](const json &o) {
        RegistryConfig c;
        c.insecure_registries = o.at("insecure_registries").get<std::vector<std::string>>();
        c.certs_dir = o.at("certs_dir").get<std::string>();
        c.max_concurrent_downloads = o.at("max_concurrent_downloads").get<int>();
        c.max_attempts = o.at("max_attempts").get<int>();
        return c;
    });
}

Result<Credentials> credentials_from(const json &j) {
    return decode<Credentials>("credentials", j, [](const json &o) {
        return Credentials{o.at("username").get<std::string>(), o.at("password").get<std::string>(),
                           o.at("identity_token").get<std::string>()};
    });
}

Result<Reference> reference_from(const json &j) {
    return decode<Reference>("reference", j, [](const json &o) {
        return Reference{o.at("domain").get<std::string>(), o.at("path").get<std::string>(),
                         o.at("tag").get<std::string>(), o.at("digest").get<std::string>()};
    });
}

Result<Platform> platform_from(const json &j) {
    return decode<Platform>("platform", j, [](const json &o) {
        return Platform{o.at("os").get<std::string>(), o.at("architecture").get<std::string>(),
                        o.at("variant").get<std::string>()};
    });
}

Result<Descriptor> descriptor_from(const json &j) {
    return decode<Descriptor>("descriptor", j, [](const json &o) -> Result<Descriptor> {
        Descriptor d;
        d.media_type = o.at("media_type").get<std::string>();
        d.digest = o.at("digest").get<std::string>();
        d.size = o.at("size").get<std::int64_t>();
        d.urls = o.at("urls").get<std::vector<std::string>>();
        if (o.contains("platform")) d.platform = TRY(platform_from(o.at("platform")));
        return d;
    });
}

Result<Manifest> manifest_from(const json &j) {
    return decode<Manifest>("manifest", j, [](const json &o) -> Result<Manifest> {
        Manifest m;
        m.media_type = o.at("media_type").get<std::string>();
        m.digest = o.at("digest").get<std::string>();
        m.index_digest = o.at("index_digest").get<std::string>();
        m.config = TRY(descriptor_from(o.at("config")));
        for (const auto &l : o.at("layers")) m.layers.push_back(TRY(descriptor_from(l)));
        m.raw = o.at("raw").get<std::string>();
        return m;
    });
}

}  // namespace berth::images::wire
