// Capabilities: Docker's default set, set arithmetic for CapAdd/CapDrop, name parsing with
// libcap, and applying the final set to all five sets of the calling process.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/result.h"

namespace berth::sandbox::capabilities {

// Docker's default capability set (moby oci/caps/defaults.go), as "CAP_*" names.
std::vector<std::string> default_capabilities();
// Every capability the running kernel knows ("CAP_*"), for --privileged and "ALL".
std::vector<std::string> all_capabilities();

// CapAdd/CapDrop the way Docker applies them: names with or without "CAP_", any case;
// "ALL" in add starts from every capability, "ALL" in drop from none; drop wins over the
// default set, add wins over drop only for the capability named in both (Docker errors
// out instead; we follow "explicit add after drop"). Result is sorted and unique.
Result<std::vector<std::string>> apply_add_drop(const std::vector<std::string> &base,
                                                const std::vector<std::string> &add,
                                                const std::vector<std::string> &drop);

// "chown" / "CAP_CHOWN" -> 0. InvalidArgument for unknown names.
Result<int> parse(const std::string &name);
std::string normalize(const std::string &name);  // "net_raw" -> "CAP_NET_RAW"

// A bit mask of capability numbers (fits every kernel's last cap, < 64).
struct CapMask {
    uint64_t bits = 0;
    bool has(int cap) const { return (bits >> cap) & 1u; }
};
Result<CapMask> to_mask(const std::vector<std::string> &names);
int last_cap();  // from /proc/sys/kernel/cap_last_cap, read before clone
// The calling process' permitted set: a privileged container gets every capability we
// hold ourselves (root here may lack some, CAP_SYS_RESOURCE for one).
CapMask current_permitted();

// In the container child (no allocation): drop every capability outside `keep` from the
// bounding set (needs CAP_SETPCAP, so call while still root) and clear ambient.
// Returns 0 or an errno; *step names what failed.
int drop_bounding(CapMask keep, int last, const char **step);
// After the user switch (PR_SET_KEEPCAPS kept permitted): effective = permitted = keep,
// inheritable empty (moby since CVE-2022-24769). A non-root process ends up with empty
// effective/permitted at execve anyway, as with Docker.
int set_process_caps(CapMask keep, const char **step);

}  // namespace berth::sandbox::capabilities
