#include "containers/path_stat.h"

#include <openssl/evp.h>

#include <chrono>

#include "containers/time_format.h"

namespace berth::containers {

std::uint32_t go_file_mode(mode_t mode) {
    std::uint32_t m = mode & 0777;
    switch (mode & S_IFMT) {
    case S_IFBLK: m |= kGoModeDevice; break;
    case S_IFCHR: m |= kGoModeDevice | kGoModeCharDevice; break;
    case S_IFDIR: m |= kGoModeDir; break;
    case S_IFIFO: m |= kGoModeNamedPipe; break;
    case S_IFLNK: m |= kGoModeSymlink; break;
    case S_IFSOCK: m |= kGoModeSocket; break;
    default: break;
    }
    if (mode & S_ISUID) m |= kGoModeSetuid;
    if (mode & S_ISGID) m |= kGoModeSetgid;
    if (mode & S_ISVTX) m |= kGoModeSticky;
    return m;
}

PathStat path_stat_from(const std::string &name, const struct stat &st, const std::string &link_target) {
    PathStat s;
    s.name = name;
    s.size = st.st_size;
    s.mode = go_file_mode(st.st_mode);
    const auto since_epoch = std::chrono::seconds(st.st_mtim.tv_sec) + std::chrono::nanoseconds(st.st_mtim.tv_nsec);
    s.mtime = format_rfc3339_nano(Clock::time_point(std::chrono::duration_cast<Clock::duration>(since_epoch)));
    s.link_target = link_target;
    return s;
}

nlohmann::json to_json(const PathStat &s) {
    return {{"name", s.name}, {"size", s.size}, {"mode", s.mode}, {"mtime", s.mtime}, {"linkTarget", s.link_target}};
}

std::string encode_path_stat_header(const PathStat &s) {
    const std::string raw = to_json(s).dump();
    std::string out(4 * ((raw.size() + 2) / 3) + 1, '\0');
    const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char *>(out.data()),
                                  reinterpret_cast<const unsigned char *>(raw.data()), static_cast<int>(raw.size()));
    out.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
    return out;
}

}  // namespace berth::containers
