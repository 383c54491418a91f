// The X-Docker-Container-Path-Stat header of /containers/{id}/archive: base64 (standard
// alphabet) of the JSON {"name","size","mode","mtime","linkTarget"}, where mode is Go's
// os.FileMode (permission bits plus type flags in the high bits), because that is what
// the docker CLI decodes it into.
#pragma once

#include <sys/stat.h>

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace berth::containers {

// Go's os.FileMode type bits (io/fs).
inline constexpr std::uint32_t kGoModeDir = 1u << 31;
inline constexpr std::uint32_t kGoModeSymlink = 1u << 27;
inline constexpr std::uint32_t kGoModeDevice = 1u << 26;
inline constexpr std::uint32_t kGoModeNamedPipe = 1u << 25;
inline constexpr std::uint32_t kGoModeSocket = 1u << 24;
inline constexpr std::uint32_t kGoModeSetuid = 1u << 23;
inline constexpr std::uint32_t kGoModeSetgid = 1u << 22;
inline constexpr std::uint32_t kGoModeCharDevice = 1u << 21;
inline constexpr std::uint32_t kGoModeSticky = 1u << 20;

// st_mode -> os.FileMode, as Go's os.Lstat fills it on Linux.
std::uint32_t go_file_mode(mode_t mode);

struct PathStat {
    std::string name;         // the base name of the path asked for
    std::int64_t size = 0;
    std::uint32_t mode = 0;   // os.FileMode
    std::string mtime;        // RFC3339Nano
    std::string link_target;  // for a symlink: where it points, as an absolute path in the container
};

PathStat path_stat_from(const std::string &name, const struct stat &st, const std::string &link_target);
nlohmann::json to_json(const PathStat &s);
std::string encode_path_stat_header(const PathStat &s);

}  // namespace berth::containers
