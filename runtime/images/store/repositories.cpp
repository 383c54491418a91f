#include "images/store/repositories.h"

#include <nlohmann/json.hpp>

#include "images/store/fs_util.h"

namespace berth::images {

Result<Repositories> Repositories::load(const std::filesystem::path &file) {
    Repositories repos;
    if (!std::filesystem::exists(file)) return repos;
    auto text = TRY(fsx::read_file(file));
    try {
        auto j = nlohmann::json::parse(text);
        if (j.contains("tags")) repos.tags = j.at("tags").get<std::map<std::string, std::string>>();
        if (j.contains("digests")) repos.digests = j.at("digests").get<std::map<std::string, std::string>>();
    } catch (const nlohmann::json::exception &e) {
        return Error{"read", file.string(), 0, e.what(), ErrorKind::Internal};
    }
    return repos;
}

Result<void> Repositories::save(const std::filesystem::path &file) const {
    nlohmann::json j;
    j["tags"] = tags;
    j["digests"] = digests;
    return fsx::write_file_atomic(file, j.dump(2) + "\n");
}

std::vector<std::string> Repositories::tags_of(const std::string &image_id) const {
    std::vector<std::string> out;
    for (const auto &[k, v] : tags)
        if (v == image_id) out.push_back(k);
    return out;
}

std::vector<std::string> Repositories::digests_of(const std::string &image_id) const {
    std::vector<std::string> out;
    for (const auto &[k, v] : digests)
        if (v == image_id) out.push_back(k);
    return out;
}

std::vector<std::string> Repositories::refs_of(const std::string &image_id) const {
    auto out = tags_of(image_id);
    for (auto &d : digests_of(image_id)) out.push_back(std::move(d));
    return out;
}

bool Repositories::erase(const std::string &key) { return tags.erase(key) + digests.erase(key) > 0; }

std::string repository_of(const std::string &key) {
    if (auto at = key.find('@'); at != std::string::npos) return key.substr(0, at);
    auto colon = key.rfind(':');
    auto slash = key.rfind('/');
    if (colon != std::string::npos && (slash == std::string::npos || colon > slash)) return key.substr(0, colon);
    return key;
}

}  // namespace berth::images
