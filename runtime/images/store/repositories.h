// repositories.json: which references name which image. Tags ("busybox:latest") and repo
// digests ("busybox@sha256:...") in Docker's familiar form, written atomically.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "common/result.h"

namespace berth::images {

struct Repositories {
    std::map<std::string, std::string> tags;     // "busybox:latest" -> image id
    std::map<std::string, std::string> digests;  // "busybox@sha256:..." -> image id

    static Result<Repositories> load(const std::filesystem::path &file);  // missing: empty
    Result<void> save(const std::filesystem::path &file) const;

    std::vector<std::string> tags_of(const std::string &image_id) const;
    std::vector<std::string> digests_of(const std::string &image_id) const;
    // Every reference (tags first) naming the image.
    std::vector<std::string> refs_of(const std::string &image_id) const;
    // Removes a tag or digest key; true when it existed.
    bool erase(const std::string &key);
};

// The repository of a familiar reference key: "busybox:latest" and "busybox@sha256:.."
// -> "busybox"; "127.0.0.1:5000/app:1" -> "127.0.0.1:5000/app".
std::string repository_of(const std::string &key);
inline bool is_digest_key(const std::string &key) { return key.find('@') != std::string::npos; }

}  // namespace berth::images
