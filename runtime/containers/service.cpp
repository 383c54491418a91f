#include "containers/service.h"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

#include "containers/bundle_links.h"
#include "containers/create_plan.h"
#include "containers/ids.h"
#include "containers/networking.h"
#include "events/event_bus.h"
#include "images/image_store.h"
#include "sandbox/cgroups.h"
#include "util/log.h"
#include "volumes/volume_store.h"

namespace berth::containers {

using nlohmann::json;

Result<std::unique_ptr<ContainerService>> ContainerService::open(ServiceOptions options) {
    std::unique_ptr<ContainerService> svc(new ContainerService(std::move(options)));
    svc->store_ = TRY(ContainerStore::open(svc->opts_.root));
    svc->watcher_ = std::make_unique<ExitWatcher>([s = svc.get()](const std::string &id) { s->on_monitor_exit(id); });
    svc->scheduler_ = std::thread([s = svc.get()] { s->scheduler_loop(); });
    if (svc->opts_.images)
        svc->opts_.images->set_in_use_check([s = svc.get()](const std::string &id) { return s->image_in_use(id); });
    if (svc->opts_.volumes)
        svc->opts_.volumes->set_users_check([s = svc.get()](const std::string &n) { return s->volume_users(n); });
    return svc;
}

ContainerService::~ContainerService() {
    {
        std::lock_guard lock(sched_mu_);
        stopping_ = true;
    }
    sched_cv_.notify_all();
    if (scheduler_.joinable()) scheduler_.join();
    watcher_.reset();
    // Running containers keep their links (their monitors use them); the rest go.
    sweep_bundle_links(opts_.bundle_links, store_->dir("x").parent_path(), [this](const std::string &id) {
        auto c = store_->get(id);
        return c && c->state.running;
    });
    if (opts_.images) opts_.images->set_in_use_check(nullptr);
    if (opts_.volumes) opts_.volumes->set_users_check(nullptr);
}

void ContainerService::publish(const Container &c, const std::string &action,
                               std::map<std::string, std::string> extra) const {
    if (!opts_.events) return;
    events::Event e;
    e.type = "container";
    e.action = action;
    e.id = c.id;
    if (c.config.contains("Labels") && c.config["Labels"].is_object())
        for (const auto &[k, v] : c.config["Labels"].items())
            if (v.is_string()) e.attributes[k] = v.get<std::string>();
    e.attributes["name"] = c.name.empty() ? "" : c.name.substr(1);
    e.attributes["image"] = c.config.value("Image", std::string());
    for (auto &[k, v] : extra) e.attributes[k] = std::move(v);
    opts_.events->publish(std::move(e));
}

void ContainerService::schedule(std::chrono::steady_clock::time_point when, std::function<void()> task) {
    {
        std::lock_guard lock(sched_mu_);
        tasks_.emplace(when, std::move(task));
    }
    sched_cv_.notify_all();
}

void ContainerService::scheduler_loop() {
    std::unique_lock lock(sched_mu_);
    while (!stopping_) {
        if (tasks_.empty()) {
            sched_cv_.wait(lock);
            continue;
        }
        auto first = tasks_.begin();
        if (first->first > std::chrono::steady_clock::now()) {
            sched_cv_.wait_until(lock, first->first);
            continue;
        }
        auto task = std::move(first->second);
        tasks_.erase(first);
        lock.unlock();
        task();
        lock.lock();
    }
}

void ContainerService::notify_waiters() { wait_cv_.notify_all(); }

Result<CreateResult> ContainerService::create(const json &body, const std::string &name) {
    if (!body.is_object()) return Error::invalid("invalid JSON: the request body must be an object");
    if (body.contains("Image") && !body["Image"].is_string() && !body["Image"].is_null())
        return Error::invalid("json: cannot unmarshal " + std::string(body["Image"].type_name()) +
                              " into Go struct field Config.Image of type string");
    const std::string image_name = body.value("Image", std::string());
    if (image_name.empty()) return Error::invalid("no image specified: Config.Image must be set");
    if (!opts_.images) return Error::internal("no image store");
    auto image = TRY(opts_.images->resolve(image_name));

    PlanInputs in;
    in.body = body;
    in.name = name;
    in.id = generate_id();
    in.image_id = image.id;
    in.image_config = image.config.is_object() ? image.config.value("config", json::object()) : json::object();
    in.cpu_count = static_cast<int>(std::max(1L, ::sysconf(_SC_NPROCESSORS_ONLN)));
    Container c = TRY(plan_container(in));
    TRY(plan_networks(c, body, opts_, *store_));
    if (c.name.empty()) {
        do c.name = "/" + generate_name();
        while (store_->name_in_use(c.name));
    } else if (store_->name_in_use(c.name)) {
        // Checked again atomically by add(); this early answer saves creating volumes.
        auto holder = store_->resolve(c.name);
        return Error::conflict("Conflict. The container name \"" + c.name + "\" is already in use by container \"" +
                               (holder ? *holder : std::string()) +
                               "\". You have to remove (or rename) that container to be able to reuse that name.");
    }

    // Side effects, undone if anything below fails.
    std::vector<std::string> new_volumes;
    auto undo = [&] {
        for (const auto &v : new_volumes) (void)opts_.volumes->remove(v, true);
    };
    for (auto &m : c.mounts) {
        if (m.type == "volume") {
            if (!opts_.volumes) return Error::internal("no volume store");
            bool created = false;
            auto v = opts_.volumes->create(m.name, {}, {}, m.anonymous, &created);
            if (!v) {
                undo();
                return std::move(v).error();
            }
            if (created) new_volumes.push_back(v->name);
            m.name = v->name;
            m.source = v->mountpoint.string();
        } else if (m.type == "bind") {
            // -v creates a missing host directory, as Docker does (--mount refused it earlier).
            struct stat st {};
            if (::stat(m.source.c_str(), &st) < 0) {
                std::error_code ec;
                std::filesystem::create_directories(m.source, ec);
                if (ec) {
                    undo();
                    return Error{"create bind source", m.source, ec.value(), {}, ErrorKind::InvalidArgument};
                }
            }
        }
    }
    if (auto r = store_->add(c); !r) {
        undo();
        return std::move(r).error();
    }
    {
        std::lock_guard lock(wait_mu_);
        removed_.erase(c.id);
    }
    publish(c, "create");
    return CreateResult{c.id, {}};
}

Result<void> ContainerService::rename(const std::string &id_or_name, const std::string &new_name) {
    auto id = TRY(store_->resolve(id_or_name));
    auto name = TRY(normalize_name(new_name));
    auto before = TRY(store_->get(id));
    if (before.name == name)
        return Error::invalid("Renaming a container with the same name as its current name");
    TRY(store_->rename(id, name));
    rename_networks(*this, id);  // names on user networks follow, as Docker's do
    auto after = TRY(store_->get(id));
    publish(after, "rename", {{"oldName", before.name}});
    return {};
}

Result<void> ContainerService::remove(const std::string &id_or_name, bool force, bool remove_volumes) {
    auto id = TRY(store_->resolve(id_or_name));
    auto op = store_->op_mutex(id);
    std::lock_guard lock(*op);
    auto c = TRY(store_->get(id));
    if (c.state.status == kStatusRemoving) return {};
    if (c.state.running || c.state.restarting) {
        if (!force) {
            if (c.state.paused)
                return Error::conflict("cannot remove container \"" + c.name +
                                       "\": container is paused and must be unpaused first");
            return Error::conflict("cannot remove container \"" + c.name +
                                   "\": container is running: stop the container before removing or force remove");
        }
        if (c.state.running) {
            TRY(signal_init(c, SIGKILL));
            (void)wait_stopped(id, std::chrono::steady_clock::now() + std::chrono::seconds(30));
        }
    }
    return remove_locked(id, remove_volumes);
}

Result<void> ContainerService::remove_locked(const std::string &id, bool remove_volumes) {
    auto c = TRY(store_->update(id, [](Container &x) {
        x.state.status = kStatusRemoving;
        x.state.restarting = false;
    }));
    // The monitor removes the cgroup when it ends; a monitor that was killed leaves it.
    if (auto cg = sandbox::cgroups::Cgroup::open(sandbox::cgroups::default_path(id)); cg)
        if (auto r = cg->remove(); !r) log::warn("remove container cgroup: " + r.error().message());
    detach_networks(*this, id);
    TRY(store_->remove(id));
    std::error_code ec;
    std::filesystem::remove(bundle_path(id), ec);
    if (opts_.volumes)
        for (const auto &m : c.mounts)
            if (m.type == "volume" && m.anonymous && remove_volumes)
                if (auto r = opts_.volumes->remove(m.name, true); !r)
                    log::warn("remove anonymous volume " + m.name + ": " + r.error().message());
    {
        std::lock_guard lock(wait_mu_);
        removed_[id] = true;
        ++exit_seq_[id];
        backoff_.erase(id);
    }
    notify_waiters();
    publish(c, "destroy");
    return {};
}

Result<int> ContainerService::wait(const std::string &id_or_name, WaitCondition condition,
                                   const std::function<bool()> &gone, const std::function<void()> &on_ready) {
    auto id = TRY(store_->resolve(id_or_name));
    std::unique_lock lock(wait_mu_);
    const std::uint64_t start_seq = exit_seq_[id];
    auto c = store_->get(id);
    if (!c) return std::move(c).error();
    if (condition == WaitCondition::NotRunning && !c->state.running && !c->state.restarting) {
        return c->state.exit_code;
    }
    if (on_ready) on_ready();
    for (;;) {
        if (condition == WaitCondition::Removed) {
            if (removed_[id]) return last_exit_.count(id) ? last_exit_[id] : 0;
        } else if (exit_seq_[id] != start_seq) {
            if (removed_[id] && !last_exit_.count(id)) return 0;
            return last_exit_[id];
        }
        if (gone && gone()) return Error::of(ErrorKind::Cancelled, "client went away");
        wait_cv_.wait_for(lock, std::chrono::milliseconds(250));
    }
}

Counts ContainerService::counts() const {
    Counts n;
    for (const auto &c : store_->list()) {
        ++n.total;
        if (c.state.paused) ++n.paused;
        else if (c.state.running) ++n.running;
        else ++n.stopped;
    }
    return n;
}

bool ContainerService::image_in_use(const std::string &image_id) const {
    for (const auto &c : store_->list())
        if (c.image_id == image_id) return true;
    return false;
}

std::vector<std::string> ContainerService::volume_users(const std::string &volume) const {
    std::vector<std::string> ids;
    for (const auto &c : store_->list())
        for (const auto &m : c.mounts)
            if (m.type == "volume" && m.name == volume) {
                ids.push_back(c.id);
                break;
            }
    return ids;
}

}  // namespace berth::containers

namespace berth::containers {

void ContainerService::attach_register(const std::string &id) {
    std::lock_guard lock(wait_mu_);
    ++attach_pending_[id];
}

void ContainerService::attach_unregister(const std::string &id) {
    {
        std::lock_guard lock(wait_mu_);
        if (--attach_pending_[id] <= 0) attach_pending_.erase(id);
    }
    wait_cv_.notify_all();
}

bool ContainerService::attach_wait(const std::string &id, const std::function<bool()> &gone) {
    std::unique_lock lock(wait_mu_);
    for (;;) {
        if (removed_[id]) return false;
        if (gate_open_[id]) return true;
        auto c = store_->get(id);
        if (!c) return false;
        if (c->state.running && ::access(attach_socket(id).c_str(), F_OK) == 0) return true;
        if (gone && gone()) return false;
        wait_cv_.wait_for(lock, std::chrono::milliseconds(100));
    }
}

}  // namespace berth::containers
