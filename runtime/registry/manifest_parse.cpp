#include "registry/manifest_parse.h"

namespace berth::images::registry {
namespace {

std::string media_type_of(std::string_view content_type) {
    // "application/vnd...+json; charset=utf-8" -> the type alone
    std::string_view t = content_type.substr(0, content_type.find(';'));
    while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
    return std::string(t);
}

bool is_known(std::string_view t) {
    return t == kDockerManifest || t == kDockerManifestList || t == kOciManifest || t == kOciIndex;
}

std::string string_field(const nlohmann::json &j, const char *name) {
    auto it = j.find(name);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Error bad_manifest(const std::string &why) { return Error::of(ErrorKind::Internal, "invalid manifest: " + why); }

}  // namespace

std::string manifest_accept_header() {
    return std::string("Accept: ") + kDockerManifest + ", " + kDockerManifestList + ", " + kOciManifest + ", " +
           kOciIndex;
}

Result<ParsedDocument> classify_manifest(std::string_view raw, std::string_view content_type) {
    ParsedDocument out;
    out.doc = nlohmann::json::parse(raw, nullptr, false);
    if (out.doc.is_discarded() || !out.doc.is_object()) return bad_manifest("not a JSON object");

    const std::string header_type = media_type_of(content_type);
    const std::string field_type = string_field(out.doc, "mediaType");
    if (is_known(header_type)) out.media_type = header_type;
    else if (is_known(field_type)) out.media_type = field_type;
    else if (!field_type.empty() || header_type.find("manifest.v1") != std::string::npos)
        return Error::of(ErrorKind::Internal,
                         "unsupported manifest media type " + (field_type.empty() ? header_type : field_type) +
                             " (Docker schema1 images are not supported)");
    else if (out.doc.contains("manifests")) out.media_type = kOciIndex;
    else if (out.doc.contains("config") && out.doc.contains("layers")) out.media_type = kOciManifest;
    else return bad_manifest("unknown manifest format (Content-Type \"" + header_type + "\")");

    // A body whose own mediaType contradicts the header would let a registry swap types.
    if (!field_type.empty() && field_type != out.media_type)
        return bad_manifest("mediaType " + field_type + " does not match Content-Type " + out.media_type);
    if (!out.doc.contains("schemaVersion") || !out.doc["schemaVersion"].is_number_integer() ||
        out.doc["schemaVersion"].get<int>() != 2)
        return bad_manifest("schemaVersion must be 2");
    out.kind = out.media_type == kDockerManifestList || out.media_type == kOciIndex ? ManifestKind::Index
                                                                                     : ManifestKind::Image;
    return out;
}

Result<Descriptor> parse_descriptor(const nlohmann::json &j) {
    if (!j.is_object()) return bad_manifest("descriptor is not an object");
    Descriptor d;
    d.media_type = string_field(j, "mediaType");
    d.digest = string_field(j, "digest");
    if (!is_valid_digest(d.digest))
        return bad_manifest("descriptor digest \"" + d.digest + "\" is not sha256:<64 hex>");
    auto size = j.find("size");
    if (size == j.end() || !size->is_number_integer() || size->get<std::int64_t>() < 0)
        return bad_manifest("descriptor " + d.digest + " has no valid size");
    d.size = size->get<std::int64_t>();
    if (auto urls = j.find("urls"); urls != j.end() && urls->is_array())
        for (const auto &u : *urls)
            if (u.is_string()) d.urls.push_back(u.get<std::string>());
    if (auto p = j.find("platform"); p != j.end() && p->is_object()) {
        Platform platform;
        platform.os = string_field(*p, "os");
        platform.architecture = string_field(*p, "architecture");
        platform.variant = string_field(*p, "variant");
        d.platform = platform;
    }
    return d;
}

Result<Manifest> parse_image_manifest(const ParsedDocument &parsed, std::string raw, std::string digest) {
    if (parsed.kind != ManifestKind::Image) return bad_manifest("expected an image manifest, got " + parsed.media_type);
    Manifest m;
    m.media_type = parsed.media_type;
    m.digest = std::move(digest);
    m.raw = std::move(raw);
    auto config = parsed.doc.find("config");
    if (config == parsed.doc.end()) return bad_manifest("no config");
    m.config = TRY(parse_descriptor(*config));
    auto layers = parsed.doc.find("layers");
    if (layers == parsed.doc.end() || !layers->is_array()) return bad_manifest("no layers");
    for (const auto &layer : *layers) m.layers.push_back(TRY(parse_descriptor(layer)));
    return m;
}

}  // namespace berth::images::registry
