// Platform matching for manifest lists and OCI indexes, after containerd's platforms
// package (normalised architectures, variant-compatible fallbacks) and Docker's error text.
#include <algorithm>
#include <cctype>
#include <optional>

#include "registry/manifest_parse.h"
#include "images/registry_client.h"
#include "util/ascii.h"

namespace berth::images {
namespace {

// containerd's platforms.Normalize: aliases to GOARCH names, default variants dropped or made explicit.
Platform normalized(Platform p) {
    p.os = util::ascii_lower(p.os);
    p.architecture = util::ascii_lower(p.architecture);
    p.variant = util::ascii_lower(p.variant);
    const std::string &a = p.architecture;
    if (a == "x86_64" || a == "x86-64" || a == "amd64") {
        p.architecture = "amd64";
        if (p.variant == "v1") p.variant.clear();
    } else if (a == "aarch64" || a == "arm64") {
        p.architecture = "arm64";
        if (p.variant == "8" || p.variant == "v8") p.variant.clear();
    } else if (a == "armhf") {
        p.architecture = "arm";
        p.variant = "v7";
    } else if (a == "armel") {
        p.architecture = "arm";
        p.variant = "v6";
    } else if (a == "arm") {
        if (p.variant.empty() || p.variant == "7") p.variant = "v7";
        else if (p.variant == "5" || p.variant == "6" || p.variant == "8") p.variant = "v" + p.variant;
    } else if (a == "i386" || a == "i686") {
        p.architecture = "386";
    }
    return p;
}

int variant_number(const std::string &v) {  // "v7" -> 7, "" -> 0, anything else -> -1
    if (v.empty()) return 0;
    if (v.size() < 2 || v[0] != 'v' || !std::all_of(v.begin() + 1, v.end(), ::isdigit)) return -1;
    return std::stoi(v.substr(1));
}

// How well `have` serves `want` (higher is better); nullopt when it can't run there.
// A request without a variant takes any variant of the architecture, preferring none.
// A request with one takes that variant first, then older ones the CPU also runs
// (arm/v7 runs v6 and v5; amd64/v3 runs v2 and v1), as containerd's platforms.Only does.
std::optional<int> match_score(const Platform &want, const Platform &have) {
    if (have.os != want.os || have.architecture != want.architecture) return std::nullopt;
    if (have.variant == want.variant) return 1000;
    if (want.variant.empty()) return 500 - std::max(variant_number(have.variant), 0);
    const int w = variant_number(want.variant);
    const int h = variant_number(have.variant);
    if (w > 0 && h >= 0 && h < w) return 500 - (w - h);
    return std::nullopt;
}

}  // namespace

Result<Descriptor> select_platform(const nlohmann::json &index, const Platform &want) {
    const Platform target = normalized(want);
    auto manifests = index.find("manifests");
    if (manifests == index.end() || !manifests->is_array())
        return Error::of(ErrorKind::Internal, "invalid manifest list: no manifests array");
    std::optional<Descriptor> best;
    int best_score = -1;
    for (const auto &entry : *manifests) {
        // An entry that isn't a valid descriptor can't be pulled; skip it rather than fail
        // the whole list (a registry may add entries of kinds Berth doesn't know).
        auto d = registry::parse_descriptor(entry);
        if (!d || !d->platform) continue;
        auto score = match_score(target, normalized(*d->platform));
        if (score && *score > best_score) {  // strictly better: the first of equals wins
            best_score = *score;
            best = std::move(d).value();
        }
    }
    if (!best)
        return Error::of(ErrorKind::NotFound,
                         "no matching manifest for " + want.str() + " in the manifest list entries");
    return *best;
}

}  // namespace berth::images
