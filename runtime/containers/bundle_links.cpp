#include "containers/bundle_links.h"

namespace berth::containers {

namespace fs = std::filesystem;

void sweep_bundle_links(const fs::path &dir, const fs::path &containers_dir,
                        const std::function<bool(const std::string &)> &keep) {
    std::error_code ec;
    const std::string ours = containers_dir.lexically_normal().string() + "/";
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const fs::path link = it->path();
        std::error_code lec;
        if (!it->is_symlink(lec)) continue;
        const bool dangling = !fs::exists(link, lec);
        const std::string target = fs::read_symlink(link, lec).lexically_normal().string();
        const bool mine = target.rfind(ours, 0) == 0;
        if (dangling || (mine && !keep(link.filename().string()))) fs::remove(link, lec);
    }
    // The directory itself stays: another daemon may be about to put a link in it.
}

}  // namespace berth::containers
