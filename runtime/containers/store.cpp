#include "containers/store.h"

#include <algorithm>

#include "common/reference.h"
#include "util/atomic_file.h"
#include "containers/time_format.h"

namespace berth::containers {

namespace {
constexpr const char *kRecordFile = "config.v2.json";
}

Result<std::unique_ptr<ContainerStore>> ContainerStore::open(const fs::path &root) {
    const fs::path base = root / "containers";
    std::error_code ec;
    fs::create_directories(base, ec);
    if (ec) return Error{"create directory", base.string(), ec.value(), {}, ErrorKind::Internal};
    std::unique_ptr<ContainerStore> store(new ContainerStore(base));
    for (const auto &entry : fs::directory_iterator(base, ec)) {
        const std::string id = entry.path().filename().string();
        if (!is_full_hex_id(id)) continue;
        auto text = util::read_file(entry.path() / kRecordFile);
        if (!text) {
            // A directory without a record is what a crash during create leaves.
            fs::remove_all(entry.path(), ec);
            continue;
        }
        try {
            Container c = container_from_disk_json(nlohmann::json::parse(*text));
            if (c.id != id) continue;
            store->id_by_name_[c.name] = c.id;
            store->by_id_.emplace(c.id, std::move(c));
        } catch (const std::exception &) {
            continue;  // unreadable record: leave it for a human, don't take the name
        }
    }
    return store;
}

Error ContainerStore::name_conflict(const std::string &name, const std::string &holder) const {
    return Error::conflict("Conflict. The container name \"" + name +
                           "\" is already in use by container \"" + holder +
                           "\". You have to remove (or rename) that container to be able to "
                           "reuse that name.");
}

Result<void> ContainerStore::persist(const Container &c) const {
    return util::write_file_atomic(base_ / c.id / kRecordFile, to_disk_json(c).dump(), 0600);
}

Result<void> ContainerStore::add(const Container &c) {
    std::lock_guard lock(mu_);
    if (auto it = id_by_name_.find(c.name); it != id_by_name_.end())
        return name_conflict(c.name, it->second);
    std::error_code ec;
    fs::create_directories(base_ / c.id, ec);
    if (ec) return Error{"create directory", (base_ / c.id).string(), ec.value(), {}, ErrorKind::Internal};
    if (auto r = persist(c); !r) {
        fs::remove_all(base_ / c.id, ec);
        return r;
    }
    id_by_name_[c.name] = c.id;
    by_id_[c.id] = c;
    return {};
}

Result<std::string> ContainerStore::resolve_locked(std::string_view id_or_name) const {
    const std::string key(id_or_name);
    auto not_found = [&] { return Error::not_found("No such container: " + key); };
    if (key.empty()) return not_found();
    if (by_id_.count(key)) return key;
    const std::string name = key.front() == '/' ? key : "/" + key;
    if (auto it = id_by_name_.find(name); it != id_by_name_.end()) return it->second;
    if (key.find_first_not_of("0123456789abcdef") != std::string::npos) return not_found();
    auto it = by_id_.lower_bound(key);
    if (it == by_id_.end() || it->first.compare(0, key.size(), key) != 0) return not_found();
    auto next = std::next(it);
    if (next != by_id_.end() && next->first.compare(0, key.size(), key) == 0)
        return Error::invalid("multiple IDs found with provided prefix: " + key);
    return it->first;
}

Result<std::string> ContainerStore::resolve(std::string_view id_or_name) const {
    std::lock_guard lock(mu_);
    return resolve_locked(id_or_name);
}

Result<Container> ContainerStore::get(std::string_view id_or_name) const {
    std::lock_guard lock(mu_);
    auto id = TRY(resolve_locked(id_or_name));
    return by_id_.at(id);
}

std::vector<Container> ContainerStore::list() const {
    std::vector<Container> out;
    {
        std::lock_guard lock(mu_);
        for (const auto &[id, c] : by_id_) out.push_back(c);
    }
    // Not a text sort: RFC3339Nano drops trailing zeros, so "05Z" would sort after "05.1Z".
    auto key = [](const Container &c) { return parse_rfc3339_nano(c.created).value_or(0); };
    std::sort(out.begin(), out.end(),
              [&](const Container &a, const Container &b) { return key(a) > key(b); });
    return out;
}

Result<Container> ContainerStore::update(const std::string &id,
                                         const std::function<void(Container &)> &change) {
    std::lock_guard lock(mu_);
    auto it = by_id_.find(id);
    if (it == by_id_.end()) return Error::not_found("No such container: " + id);
    Container next = it->second;
    change(next);
    TRY(persist(next));
    it->second = next;
    return next;
}

Result<void> ContainerStore::rename(const std::string &id, const std::string &new_name) {
    std::lock_guard lock(mu_);
    auto it = by_id_.find(id);
    if (it == by_id_.end()) return Error::not_found("No such container: " + id);
    if (auto holder = id_by_name_.find(new_name); holder != id_by_name_.end()) {
        if (holder->second == id) return {};
        return name_conflict(new_name, holder->second);
    }
    Container next = it->second;
    const std::string old = next.name;
    next.name = new_name;
    TRY(persist(next));
    id_by_name_.erase(old);
    id_by_name_[new_name] = id;
    it->second = next;
    return {};
}

Result<void> ContainerStore::remove(const std::string &id) {
    std::lock_guard lock(mu_);
    auto it = by_id_.find(id);
    if (it == by_id_.end()) return Error::not_found("No such container: " + id);
    std::error_code ec;
    fs::remove_all(base_ / id, ec);
    if (ec) return Error{"remove", (base_ / id).string(), ec.value(), {}, ErrorKind::Internal};
    id_by_name_.erase(it->second.name);
    by_id_.erase(it);
    op_mutexes_.erase(id);
    return {};
}

bool ContainerStore::name_in_use(const std::string &name) const {
    std::lock_guard lock(mu_);
    return id_by_name_.count(name) > 0;
}

std::shared_ptr<std::mutex> ContainerStore::op_mutex(const std::string &id) {
    std::lock_guard lock(mu_);
    auto &m = op_mutexes_[id];
    if (!m) m = std::make_shared<std::mutex>();
    return m;
}

}  // namespace berth::containers
