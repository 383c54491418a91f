// Typed calls for a container's files: changes (docker diff), archive HEAD/GET/PUT
// (docker cp) and export, with the X-Docker-Container-Path-Stat header decoded.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "client/engine_client.h"

namespace berth::client {

// The header's JSON; `mode` is Go's os.FileMode.
struct ContainerPathStat {
    std::string name;
    std::int64_t size = 0;
    std::uint32_t mode = 0;
    std::string mtime;
    std::string link_target;

    bool is_dir() const { return (mode & (1u << 31)) != 0; }
    bool is_symlink() const { return (mode & (1u << 27)) != 0; }
};

Result<ContainerPathStat> decode_path_stat_header(std::string_view base64);

// [{"Path", "Kind"}...] or null.
Result<nlohmann::json> container_changes(EngineClient &c, const std::string &id);
// HEAD /containers/{id}/archive: 404 (ErrorKind::NotFound) when the path is missing.
Result<ContainerPathStat> stat_container_path(EngineClient &c, const std::string &id, const std::string &path);
// GET: the tar of `path`, chunk by chunk.
Result<void> get_container_archive(EngineClient &c, const std::string &id, const std::string &path,
                                   const RawCallback &on_tar, Cancel cancel = nullptr);
// PUT: extracts a tar into the directory `path` of the container. The source is read
// while the request is sent (chunked), so the tar is never whole in memory: fill `buf`,
// return the count, 0 at the end; its error aborts the upload and is returned.
using TarSource = std::function<Result<std::size_t>(char *buf, std::size_t size)>;
Result<void> put_container_archive(EngineClient &c, const std::string &id, const std::string &path,
                                   TarSource tar, bool no_overwrite_dir_non_dir, bool copy_uid_gid = false);
// The same with a tar in memory.
Result<void> put_container_archive(EngineClient &c, const std::string &id, const std::string &path,
                                   std::string tar, bool no_overwrite_dir_non_dir, bool copy_uid_gid = false);
// GET /containers/{id}/export, chunk by chunk.
Result<void> export_container(EngineClient &c, const std::string &id, const RawCallback &on_tar,
                              Cancel cancel = nullptr);

}  // namespace berth::client
