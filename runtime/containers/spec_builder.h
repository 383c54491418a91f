// Turns a container record into the sandbox's plan (sandbox/spec.h): argv, environment
// with Docker's defaults, user, mounts, capabilities after CapAdd/CapDrop, limits, log.
// Pure: every file-system answer (layers, user ids) is looked up by the caller.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "common/result.h"
#include "containers/container.h"
#include "containers/rootfs_files.h"
#include "sandbox/spec.h"

namespace berth::containers {

struct SpecInputs {
    std::filesystem::path bundle;               // the bundle path the monitor gets (state files)
    std::filesystem::path dir;                  // the container's directory (rootfs, /etc files); default: bundle
    std::vector<std::filesystem::path> layers;  // lowest first
    ResolvedUser user;
    std::string log_path;
};

Result<sandbox::Spec> build_spec(const Container &c, const SpecInputs &in);

// Docker's environment: PATH (when the image sets none), HOSTNAME, TERM for a TTY, then
// the container's Env overriding or adding by key.
std::vector<std::string> container_env(const Container &c);

}  // namespace berth::containers
