#include "volumes/volume_store.h"

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <ctime>

#include "events/event_bus.h"

namespace berth::volumes {
namespace {

constexpr const char *kMetaFile = "volume.json";

std::string now_rfc3339() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string random_hex64() {
    static constexpr char kHex[] = "0123456789abcdef";
    unsigned char raw[32];
    std::size_t got = 0;
    while (got < sizeof raw) {
        ssize_t n = getrandom(raw + got, sizeof raw - got, 0);
        if (n > 0) got += static_cast<std::size_t>(n);
    }
    std::string out;
    for (unsigned char b : raw) {
        out += kHex[b >> 4];
        out += kHex[b & 15];
    }
    return out;
}

Result<void> write_atomic(const fs::path &path, const std::string &content) {
    const fs::path tmp = path.string() + ".tmp";
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) return Error::sys("create", tmp.string());
    bool ok = ::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size()) &&
              ::fsync(fd) == 0;
    Error e = ok ? Error{} : Error::sys("write", tmp.string());
    ::close(fd);
    if (!ok) return e;
    if (::rename(tmp.c_str(), path.c_str()) < 0) return Error::sys("rename", path.string());
    return {};
}

nlohmann::json meta_json(const Volume &v) {
    return {{"Name", v.name},        {"Driver", v.driver}, {"CreatedAt", v.created_at},
            {"Labels", v.labels},    {"Options", v.options}, {"Anonymous", v.anonymous}};
}

std::uint64_t tree_size(const fs::path &p) {
    std::uint64_t total = 0;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        if (it->is_regular_file(ec) && !it->is_symlink(ec)) total += it->file_size(ec);
    }
    return total;
}

}  // namespace

nlohmann::json to_api_json(const Volume &v) {
    nlohmann::json labels = nlohmann::json::object();
    for (const auto &[k, val] : v.labels) labels[k] = val;
    nlohmann::json options = nlohmann::json::object();
    for (const auto &[k, val] : v.options) options[k] = val;
    return {{"Name", v.name},
            {"Driver", v.driver},
            {"Mountpoint", v.mountpoint.string()},
            {"CreatedAt", v.created_at},
            {"Labels", labels},
            {"Options", options},
            {"Scope", "local"}};
}

Result<std::unique_ptr<VolumeStore>> VolumeStore::open(const fs::path &root, events::EventBus *bus) {
    const fs::path base = root / "volumes";
    std::error_code ec;
    fs::create_directories(base, ec);
    if (ec) return Error{"create directory", base.string(), ec.value(), {}, ErrorKind::Internal};
    std::unique_ptr<VolumeStore> store(new VolumeStore(base, bus));
    for (const auto &entry : fs::directory_iterator(base, ec)) {
        const fs::path meta = entry.path() / kMetaFile;
        int fd = ::open(meta.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) continue;
        std::string text;
        char buf[4096];
        ssize_t n;
        while ((n = ::read(fd, buf, sizeof buf)) > 0) text.append(buf, static_cast<std::size_t>(n));
        ::close(fd);
        try {
            auto j = nlohmann::json::parse(text);
            Volume v;
            v.name = j.at("Name").get<std::string>();
            if (v.name != entry.path().filename().string()) continue;
            v.driver = j.value("Driver", std::string("local"));
            v.created_at = j.value("CreatedAt", std::string());
            v.labels = j.value("Labels", std::map<std::string, std::string>{});
            v.options = j.value("Options", std::map<std::string, std::string>{});
            v.anonymous = j.value("Anonymous", false);
            v.mountpoint = entry.path() / "_data";
            store->volumes_[v.name] = v;
        } catch (const std::exception &) {
            continue;
        }
    }
    return store;
}

Result<void> VolumeStore::validate_name(const std::string &name) {
    auto ok_char = [](char c, bool first) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
        return !first && (c == '_' || c == '.' || c == '-');
    };
    bool ok = name.size() >= 2;
    for (std::size_t i = 0; ok && i < name.size(); ++i) ok = ok_char(name[i], i == 0);
    if (!ok)
        return Error::invalid("create " + name + ": \"" + name +
                              "\" includes invalid characters for a local volume name, only "
                              "\"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass "
                              "a host directory, use absolute path");
    return {};
}

void VolumeStore::publish(const std::string &action, const std::string &name,
                          const std::map<std::string, std::string> &extra) const {
    if (!bus_) return;
    events::Event e;
    e.type = "volume";
    e.action = action;
    e.id = name;
    e.attributes = extra;
    e.attributes["driver"] = "local";
    bus_->publish(std::move(e));
}

Result<Volume> VolumeStore::create(std::string name, const std::map<std::string, std::string> &labels,
                                   const std::map<std::string, std::string> &options, bool anonymous,
                                   bool *created) {
    if (created) *created = false;
    if (name.empty()) {
        name = random_hex64();
        anonymous = true;
    } else {
        TRY(validate_name(name));
    }
    for (const auto &[k, v] : options) {
        (void)v;
        // Only plain directories: the local driver's mount options (type/device/o) would
        // mount arbitrary devices on the user's word.
        return Error::invalid("create " + name + ": invalid option: \"" + k + "\"");
    }
    std::lock_guard lock(mu_);
    if (auto it = volumes_.find(name); it != volumes_.end()) return it->second;
    Volume v;
    v.name = name;
    v.labels = labels;
    v.options = options;
    v.anonymous = anonymous;
    v.created_at = now_rfc3339();
    const fs::path dir = base_ / name;
    v.mountpoint = dir / "_data";
    std::error_code ec;
    fs::create_directories(v.mountpoint, ec);
    if (ec) return Error{"create volume directory", v.mountpoint.string(), ec.value(), {}, ErrorKind::Internal};
    ::chmod(dir.c_str(), 0701);
    ::chmod(v.mountpoint.c_str(), 0755);
    if (auto r = write_atomic(dir / kMetaFile, meta_json(v).dump()); !r) {
        fs::remove_all(dir, ec);
        return r.error();
    }
    volumes_[name] = v;
    if (created) *created = true;
    publish("create", name);
    return v;
}

Result<Volume> VolumeStore::get(const std::string &name) const {
    std::lock_guard lock(mu_);
    auto it = volumes_.find(name);
    if (it == volumes_.end()) return Error::not_found("get " + name + ": no such volume");
    return it->second;
}

std::vector<Volume> VolumeStore::list() const {
    std::lock_guard lock(mu_);
    std::vector<Volume> out;
    for (const auto &[n, v] : volumes_) out.push_back(v);
    return out;
}

void VolumeStore::set_users_check(VolumeUsers users) {
    std::lock_guard lock(mu_);
    users_ = std::move(users);
}

std::vector<std::string> VolumeStore::users(const std::string &name) const {
    VolumeUsers check;
    {
        std::lock_guard lock(mu_);
        check = users_;
    }
    return check ? check(name) : std::vector<std::string>{};
}

Result<void> VolumeStore::remove(const std::string &name, bool force) {
    auto in_use = users(name);
    std::lock_guard lock(mu_);
    auto it = volumes_.find(name);
    if (it == volumes_.end()) {
        if (force) return {};
        return Error::not_found("get " + name + ": no such volume");
    }
    if (!in_use.empty()) {
        std::string list;
        for (const auto &id : in_use) list += (list.empty() ? "" : " ") + id;
        return Error::conflict("remove " + name + ": volume is in use - [" + list + "]");
    }
    std::error_code ec;
    fs::remove_all(base_ / name, ec);
    if (ec) return Error{"remove volume", (base_ / name).string(), ec.value(), {}, ErrorKind::Internal};
    volumes_.erase(it);
    publish("destroy", name);
    return {};
}

Result<VolumePruneReport> VolumeStore::prune(const std::function<bool(const Volume &)> &match, bool all) {
    VolumePruneReport report;
    for (const auto &v : list()) {
        if (!all && !v.anonymous) continue;
        if (match && !match(v)) continue;
        if (!users(v.name).empty()) continue;
        const std::uint64_t size = tree_size(v.mountpoint);
        if (remove(v.name, false)) {
            report.deleted.push_back(v.name);
            report.space_reclaimed += size;
        }
    }
    return report;
}

}  // namespace berth::volumes
