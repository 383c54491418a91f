#include "containers/resource_update.h"

#include <unistd.h>

#include "containers/create_plan.h"
#include "containers/json_fields.h"
#include "containers/service.h"
#include "sandbox/cgroups.h"

namespace berth::containers {
namespace {

using nlohmann::json;

std::int64_t int_or_zero(const json &hc, const char *key) {
    auto it = hc.find(key);
    return it != hc.end() && it->is_number() ? it->get<std::int64_t>() : 0;
}

sandbox::CgroupLimits limits_of(const json &hc) {
    sandbox::CgroupLimits l;
    l.memory = int_or_zero(hc, "Memory");
    l.memory_swap = int_or_zero(hc, "MemorySwap");
    l.nano_cpus = int_or_zero(hc, "NanoCpus");
    l.cpu_quota = int_or_zero(hc, "CpuQuota");
    l.cpu_period = int_or_zero(hc, "CpuPeriod");
    l.cpu_shares = int_or_zero(hc, "CpuShares");
    l.pids_limit = int_or_zero(hc, "PidsLimit");
    return l;
}

}  // namespace

Result<json> merge_update(const json &host_config, const json &body, int cpu_count, std::vector<std::string> &warnings) {
    if (!body.is_object()) return Error::invalid("json: cannot unmarshal " + std::string(body.type_name()) +
                                                 " into Go value of type container.UpdateConfig");
    const std::string w = "UpdateConfig";
    json hc = host_config;
    // Zero means "leave as it is" (Docker's update), except where noted.
    for (const char *k : {"Memory", "MemorySwap", "MemoryReservation", "NanoCpus", "CpuShares", "CpuQuota", "CpuPeriod"}) {
        const auto v = TRY(fields::int64(body, k, w));
        if (v != 0) hc[k] = v;
    }
    if (body.contains("PidsLimit") && !body["PidsLimit"].is_null()) {
        const auto v = TRY(fields::int64(body, "PidsLimit", w));
        // 0 and -1 both mean unlimited here (the API's documented update semantics).
        hc["PidsLimit"] = v <= 0 ? json(-1) : json(v);
    }
    for (const char *k : {"CpusetCpus", "CpusetMems"}) {
        if (!TRY(fields::string(body, k, w)).empty()) warnings.push_back(std::string(k) + " is not supported by berthd and was ignored");
    }
    for (const char *k : {"BlkioWeight", "KernelMemory", "KernelMemoryTCP", "CpuRealtimePeriod", "CpuRealtimeRuntime"}) {
        if (TRY(fields::int64(body, k, w)) != 0) warnings.push_back(std::string(k) + " is not supported by berthd and was ignored");
    }

    const bool memory_given = int_or_zero(body, "Memory") != 0;
    const bool swap_given = int_or_zero(body, "MemorySwap") != 0;
    const std::int64_t old_swap = int_or_zero(host_config, "MemorySwap");
    if (memory_given && !swap_given && old_swap > 0 && int_or_zero(hc, "Memory") > old_swap)
        return Error::invalid("Memory limit should be smaller than already set memoryswap limit, update the memoryswap at the same time");
    // NanoCpus and CpuQuota/CpuPeriod replace each other: setting one clears the other.
    if (int_or_zero(body, "NanoCpus") > 0) {
        if (int_or_zero(body, "CpuQuota") > 0 || int_or_zero(body, "CpuPeriod") > 0)
            return Error::invalid("Conflicting options: Nano CPUs and CPU Period/Quota cannot both be set");
        if (int_or_zero(host_config, "CpuQuota") > 0 || int_or_zero(host_config, "CpuPeriod") > 0)
            return Error::invalid("Conflicting options: CPU Quota cannot be updated as NanoCPUs has already been set");
    }
    if ((int_or_zero(body, "CpuQuota") > 0 || int_or_zero(body, "CpuPeriod") > 0) && int_or_zero(host_config, "NanoCpus") > 0)
        return Error::invalid("Conflicting options: CPU Quota cannot be updated as NanoCPUs has already been set");
    TRY(validate_resources(hc, cpu_count));

    if (body.contains("RestartPolicy") && !body["RestartPolicy"].is_null()) {
        TRY(fields::object_or_null(body, "RestartPolicy", w));
        json rp = body["RestartPolicy"];
        if (rp.value("Name", std::string()).empty() && int_or_zero(rp, "MaximumRetryCount") == 0) {
            // An empty policy in an update is "not given".
        } else {
            if (hc.value("AutoRemove", false) && rp.value("Name", std::string()) != "no")
                return Error::invalid("Restart policy cannot be updated because AutoRemove is enabled for the container");
            json probe = hc;
            probe["RestartPolicy"] = rp;
            TRY(validate_restart_policy(probe));
            if (!rp.contains("MaximumRetryCount")) rp["MaximumRetryCount"] = 0;
            hc["RestartPolicy"] = rp;
        }
    }
    return hc;
}

Result<std::vector<std::string>> update_container(ContainerService &svc, const std::string &id_or_name, const json &body) {
    const std::string id = TRY(svc.store().resolve(id_or_name));
    auto op = svc.store().op_mutex(id);
    std::lock_guard lock(*op);
    auto c = TRY(svc.store().get(id));
    if (c.state.status == kStatusRemoving || c.state.dead)
        return Error::conflict("Cannot update container " + id + ": container is marked for removal");
    std::vector<std::string> warnings;
    const long cpus = ::sysconf(_SC_NPROCESSORS_ONLN);
    json merged = TRY(merge_update(c.host_config, body, cpus > 0 ? static_cast<int>(cpus) : 1, warnings));

    if (c.state.running) {
        auto cg = TRY(sandbox::cgroups::Cgroup::open(sandbox::cgroups::default_path(id)));
        if (auto r = cg.update(limits_of(merged)); !r) {
            (void)cg.update(limits_of(c.host_config));  // put back what part of it changed
            Error e = r.error();
            // The kernel refuses a memory limit it cannot reclaim down to (EBUSY).
            const bool busy = e.err == EBUSY;
            return Error::invalid("Cannot update container " + id + ": " +
                                  (busy ? "the memory limit is below what the container uses now and cannot be reclaimed (" + e.message() + ")"
                                        : e.message()));
        }
    }
    c = TRY(svc.store().update(id, [&](Container &x) { x.host_config = merged; }));
    svc.publish(c, "update");
    return warnings;
}

}  // namespace berth::containers
