// The Engine API's JSON shapes for images: ImageSummary (/images/json), ImageInspect
// (/images/{name}/json), HistoryResponseItem, ImageDeleteResponseItem.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "images/image_store.h"

namespace berth::api {

// config.config.Labels as a map (empty when absent).
std::map<std::string, std::string> image_labels(const images::Image &image);

// `repo_tags` are the tags to show (the reference filter narrows them).
nlohmann::json image_summary_json(const images::Image &image, const std::vector<std::string> &repo_tags);
// `layer_dirs` lowest first, as ImageStore::layer_dirs returns them.
nlohmann::json image_inspect_json(const images::Image &image, const std::vector<std::filesystem::path> &layer_dirs);
nlohmann::json history_json(const std::vector<images::HistoryItem> &items);
nlohmann::json delete_items_json(const std::vector<images::ImageDeleteItem> &items);

}  // namespace berth::api
