// Container changes from the overlay upper dir (see changes.h). Follows the rules of
// moby's pkg/archive changes() with the overlay whiteout test.
#include "containers/changes.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>

#include <algorithm>
#include <optional>
#include <set>

#include "containers/rootfs_files.h"

namespace berth::containers {
namespace {

namespace fs = std::filesystem;

bool is_whiteout(const struct stat &st) { return S_ISCHR(st.st_mode) && st.st_rdev == makedev(0, 0); }

bool is_opaque(const fs::path &dir) {
    char v[4] = {};
    return ::lgetxattr(dir.c_str(), "trusted.overlay.opaque", v, sizeof v) == 1 && v[0] == 'y';
}

// The path as the lower layers alone show it (whiteouts and opaque dirs applied).
std::optional<struct stat> lower_stat(const std::vector<fs::path> &layers, const std::string &rel) {
    if (layers.empty()) return std::nullopt;
    // find_in_layers looks in an upper dir first: the top layer plays that part.
    std::vector<fs::path> below(layers.begin(), layers.end() - 1);
    auto found = find_in_layers(below, layers.back(), rel);
    if (!found) return std::nullopt;
    struct stat st {};
    if (::lstat(found->c_str(), &st) < 0) return std::nullopt;
    return st;
}

bool same_dir_metadata(const struct stat &a, const struct stat &b) {
    // Docker's sameFsTime: equal, or equal seconds where one side lacks nanoseconds.
    const bool same_time =
        a.st_mtim.tv_sec == b.st_mtim.tv_sec &&
        (a.st_mtim.tv_nsec == b.st_mtim.tv_nsec || a.st_mtim.tv_nsec == 0 || b.st_mtim.tv_nsec == 0);
    return a.st_size == b.st_size && a.st_mode == b.st_mode && same_time;
}

struct Walker {
    const fs::path &upper;
    const std::vector<fs::path> &layers;
    std::vector<Change> out;
    std::set<std::string> changed_dirs;

    Result<void> visit(const std::string &path, const struct stat &st) {
        const fs::path host = upper / path.substr(1);
        Change change{path, ChangeKind::Added};
        if (is_whiteout(st) || (S_ISDIR(st.st_mode) && is_opaque(host))) {
            change.kind = ChangeKind::Deleted;
        } else if (auto lower = lower_stat(layers, path.substr(1))) {
            // A directory copied up only because something below it changed keeps the
            // lower one's metadata: not a change of its own.
            if (S_ISDIR(lower->st_mode) && S_ISDIR(st.st_mode) && same_dir_metadata(*lower, st)) return {};
            change.kind = ChangeKind::Modified;
        }
        if (S_ISDIR(st.st_mode)) changed_dirs.insert(path);
        if (change.kind != ChangeKind::Modified) {
            const std::string parent = fs::path(path).parent_path().string();
            if (parent != "/" && changed_dirs.insert(parent).second)
                out.push_back({parent, ChangeKind::Modified});
        }
        out.push_back(std::move(change));
        return {};
    }

    Result<void> walk(const std::string &dir_path) {
        const fs::path host = dir_path == "/" ? upper : upper / dir_path.substr(1);
        DIR *d = ::opendir(host.c_str());
        if (!d) return Error::sys("read directory", host.string());
        std::vector<std::string> names;
        while (dirent *e = ::readdir(d)) {
            const std::string n = e->d_name;
            if (n != "." && n != "..") names.push_back(n);
        }
        ::closedir(d);
        std::sort(names.begin(), names.end());
        for (const auto &n : names) {
            const std::string path = (dir_path == "/" ? "/" : dir_path + "/") + n;
            struct stat st {};
            if (::lstat((host / n).c_str(), &st) < 0) {
                if (errno == ENOENT) continue;  // removed by the running container meanwhile
                return Error::sys("stat", (host / n).string());
            }
            TRY(visit(path, st));
            if (S_ISDIR(st.st_mode)) TRY(walk(path));
        }
        return {};
    }
};

}  // namespace

Result<std::vector<Change>> upper_dir_changes(const fs::path &upper, const std::vector<fs::path> &layers) {
    struct stat st {};
    if (::lstat(upper.c_str(), &st) < 0) {
        if (errno == ENOENT) return std::vector<Change>{};  // never started: nothing changed
        return Error::sys("stat", upper.string());
    }
    Walker w{upper, layers, {}, {}};
    TRY(w.walk("/"));
    return std::move(w.out);
}

nlohmann::json to_api_json(const std::vector<Change> &changes) {
    if (changes.empty()) return nullptr;
    nlohmann::json out = nlohmann::json::array();
    for (const auto &c : changes) out.push_back({{"Path", c.path}, {"Kind", static_cast<int>(c.kind)}});
    return out;
}

}  // namespace berth::containers
