// GET /images/json: which images to list and with which tags, under `all` and `filters`
// (dangling, reference, label, before, since), as moby's image list does it.
#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/query.h"
#include "common/result.h"
#include "images/image_store.h"

namespace berth::api {

// Docker's reference.FamiliarMatch: Go path.Match of `pattern` against "name:tag", then
// against "name" alone ("busybox" and "busy*" match "busybox:latest").
bool reference_filter_match(std::string_view pattern, std::string_view familiar_tag);

using ImageResolver = std::function<Result<images::Image>(std::string_view)>;

Result<nlohmann::json> list_images_json(const std::vector<images::Image> &images, bool all,
                                        const Filters &filters, const ImageResolver &resolve);

}  // namespace berth::api
