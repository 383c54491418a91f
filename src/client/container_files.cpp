#include "client/container_files.h"

#include <openssl/evp.h>

#include <algorithm>
#include <cstring>

namespace berth::client {

Result<ContainerPathStat> decode_path_stat_header(std::string_view base64) {
    auto bad = [&](const std::string &why) {
        return Error{"decode container path stat", std::string(base64.substr(0, 80)), 0, why, ErrorKind::Internal};
    };
    if (base64.empty() || base64.size() % 4 != 0) return bad("not base64");
    std::string raw(base64.size() / 4 * 3, '\0');
    const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char *>(raw.data()),
                                  reinterpret_cast<const unsigned char *>(base64.data()), static_cast<int>(base64.size()));
    if (n < 0) return bad("not base64");
    // EVP_DecodeBlock counts the padding as zero bytes.
    std::size_t len = static_cast<std::size_t>(n);
    for (std::size_t i = base64.size(); i > 0 && base64[i - 1] == '=' && len > 0; --i) --len;
    raw.resize(len);
    auto j = nlohmann::json::parse(raw, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return bad("not JSON");
    ContainerPathStat s;
    s.name = j.value("name", std::string());
    s.size = j.value("size", std::int64_t{0});
    s.mode = j.value("mode", std::uint32_t{0});
    s.mtime = j.value("mtime", std::string());
    s.link_target = j.value("linkTarget", std::string());
    return s;
}

Result<nlohmann::json> container_changes(EngineClient &c, const std::string &id) {
    return c.request_json("GET", "/containers/" + id + "/changes");
}

Result<ContainerPathStat> stat_container_path(EngineClient &c, const std::string &id, const std::string &path) {
    HttpRequest req;
    req.method = "HEAD";
    req.path = "/containers/" + id + "/archive";
    req.query.add("path", path);
    auto resp = c.send(std::move(req));
    if (!resp) {
        Error e = std::move(resp).error();
        // A HEAD answer has no body to carry the engine's words.
        if (e.kind == ErrorKind::NotFound && (e.detail.empty() || e.detail.starts_with("page not found")))
            e.detail = "Could not find the file " + path + " in container " + id;
        return e;
    }
    return decode_path_stat_header(resp->header("x-docker-container-path-stat"));
}

Result<void> get_container_archive(EngineClient &c, const std::string &id, const std::string &path,
                                   const RawCallback &on_tar, Cancel cancel) {
    Query q;
    q.add("path", path);
    return c.stream_raw("GET", "/containers/" + id + "/archive", std::move(q), std::nullopt, on_tar, cancel);
}

Result<void> put_container_archive(EngineClient &c, const std::string &id, const std::string &path,
                                   TarSource tar, bool no_overwrite_dir_non_dir, bool copy_uid_gid) {
    HttpRequest req;
    req.method = "PUT";
    req.path = "/containers/" + id + "/archive";
    req.query.add("path", path);
    if (no_overwrite_dir_non_dir) req.query.add("noOverwriteDirNonDir", "true");
    if (copy_uid_gid) req.query.add("copyUIDGID", "true");
    req.body_source = std::move(tar);
    req.content_type = "application/x-tar";
    TRY(c.send(std::move(req)));
    return {};
}

Result<void> put_container_archive(EngineClient &c, const std::string &id, const std::string &path,
                                   std::string tar, bool no_overwrite_dir_non_dir, bool copy_uid_gid) {
    TarSource from_memory = [tar = std::move(tar), sent = std::size_t{0}](char *buf, std::size_t size) mutable -> Result<std::size_t> {
        const std::size_t n = std::min(size, tar.size() - sent);
        std::memcpy(buf, tar.data() + sent, n);
        sent += n;
        return n;
    };
    return put_container_archive(c, id, path, std::move(from_memory), no_overwrite_dir_non_dir, copy_uid_gid);
}

Result<void> export_container(EngineClient &c, const std::string &id, const RawCallback &on_tar, Cancel cancel) {
    return c.stream_raw("GET", "/containers/" + id + "/export", {}, std::nullopt, on_tar, cancel);
}

}  // namespace berth::client
