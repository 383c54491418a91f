// GET /containers/{id}/changes: what the container changed in its file system, read from
// its overlay upper dir (on disk whether or not the container runs), as Docker's overlay
// driver reports it: a 0/0 character device (a whiteout) or an opaque directory is a
// deletion; anything else is a modification when the lower layers have the path and an
// addition otherwise; a directory that only holds changes but whose own metadata equals
// the lower one is not listed itself, yet the parent of an added or deleted path is
// always listed as modified. Paths come in walk order (names sorted in each directory).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"

namespace berth::containers {

enum class ChangeKind { Modified = 0, Added = 1, Deleted = 2 };

struct Change {
    std::string path;  // absolute, inside the container
    ChangeKind kind = ChangeKind::Modified;
};

// `layers` lowest first, as the image store returns them.
Result<std::vector<Change>> upper_dir_changes(const std::filesystem::path &upper,
                                              const std::vector<std::filesystem::path> &layers);

// The API's shape: [{"Path": "/etc", "Kind": 0}, ...] (null when there are none, as Docker).
nlohmann::json to_api_json(const std::vector<Change> &changes);

}  // namespace berth::containers
