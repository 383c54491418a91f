// Rootfs overlay (see overlay.h).
#include "sandbox/overlay.h"

#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "sandbox/sys.h"

namespace berth::sandbox::overlay {
namespace {

// overlayfs separates layers with ':' and options with ','; both must be escaped.
std::string escape(const std::string &p) {
    std::string out;
    for (char c : p) {
        if (c == ':' || c == ',' || c == '\\') out += '\\';
        out += c;
    }
    return out;
}

std::string build(const std::vector<std::string> &lower_top_first, const Rootfs &r) {
    std::string o = "lowerdir=";
    for (size_t i = 0; i < lower_top_first.size(); ++i) {
        if (i) o += ':';
        o += escape(lower_top_first[i]);
    }
    if (!r.upper.empty()) o += ",upperdir=" + escape(r.upper) + ",workdir=" + escape(r.work);
    return o;
}

std::string short_name(size_t n) {  // base 36: 500 layers fit in two characters each
    const char *digits = "0123456789abcdefghijklmnopqrstuvwxyz";
    std::string s;
    do {
        s.insert(s.begin(), digits[n % 36]);
        n /= 36;
    } while (n);
    return s;
}

}  // namespace

Plan plan(const Rootfs &r, const std::string &links_dir, size_t page) {
    Plan p;
    if (r.lower.size() == 1 && r.upper.empty()) {
        // overlayfs needs two lower layers when it has no upper one.
        p.bind = true;
        p.source = r.lower[0];
        return p;
    }
    std::vector<std::string> top_first(r.lower.rbegin(), r.lower.rend());
    p.options = build(top_first, r);
    if (p.options.size() < page) return p;
    std::vector<std::string> short_names;
    for (size_t i = 0; i < top_first.size(); ++i) {
        std::string name = short_name(top_first.size() - 1 - i);  // base layer is "0"
        p.links.emplace_back(links_dir + "/" + name, top_first[i]);
        short_names.push_back(name);
    }
    p.chdir = links_dir;
    p.options = build(short_names, r);
    return p;
}

Result<void> prepare(const Plan &p, const std::string &links_dir) {
    if (p.links.empty()) return {};
    TRY(sys::mkdir_p(links_dir, 0700));
    for (const auto &[link, target] : p.links) {
        ::unlink(link.c_str());
        if (::symlink(target.c_str(), link.c_str()) < 0) return Error::sys("symlink", link);
    }
    return {};
}

int mount_rootfs(const Plan &p, const std::string &merged, StepError &e) {
    if (p.bind) {
        if (mount(p.source.c_str(), merged.c_str(), nullptr, MS_BIND | MS_REC, nullptr) < 0)
            return fail(e, "bind rootfs", merged.c_str(), errno);
        if (p.nodev && mount(nullptr, merged.c_str(), nullptr, MS_REMOUNT | MS_BIND | MS_NODEV, nullptr) < 0)
            return fail(e, "remount rootfs nodev", merged.c_str(), errno);
        return 0;
    }
    // Relative lowerdirs are resolved against the cwd of the mounting process.
    if (!p.chdir.empty() && chdir(p.chdir.c_str()) < 0) return fail(e, "chdir", p.chdir.c_str(), errno);
    if (mount("overlay", merged.c_str(), "overlay", p.nodev ? MS_NODEV : 0, p.options.c_str()) < 0)
        return fail(e, "mount overlay", merged.c_str(), errno);
    return 0;
}

}  // namespace berth::sandbox::overlay
