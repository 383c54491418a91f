// The container records under <root>/containers/<id>/: loads them all at start, resolves
// IDs, names and ID prefixes the way Docker does, keeps names unique, and writes every
// change atomically. Thread-safe; callers get copies, and change a container through
// update() so that the record on disk always matches memory.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "containers/container.h"

namespace berth::containers {

namespace fs = std::filesystem;

class ContainerStore {
public:
    // `root` is the daemon root; containers live in root/containers.
    static Result<std::unique_ptr<ContainerStore>> open(const fs::path &root);

    fs::path dir(const std::string &id) const { return base_ / id; }
    fs::path log_path(const std::string &id) const { return base_ / id / (id + "-json.log"); }
    fs::path base() const { return base_; }

    // Creates the directory and writes the first record; 409 if the name is taken.
    Result<void> add(const Container &c);
    // Full ID, then name (with or without '/'), then unique ID prefix.
    // 404 "No such container: x"; an ambiguous prefix is 400.
    Result<std::string> resolve(std::string_view id_or_name) const;
    Result<Container> get(std::string_view id_or_name) const;
    std::vector<Container> list() const;  // newest first, as `docker ps` shows them
    // Applies `change` under the lock and persists the result.
    Result<Container> update(const std::string &id, const std::function<void(Container &)> &change);
    // 409 when `new_name` is in use by another container.
    Result<void> rename(const std::string &id, const std::string &new_name);
    // Forgets the container and deletes its directory.
    Result<void> remove(const std::string &id);
    bool name_in_use(const std::string &name) const;

    // Serialises lifecycle operations (start/stop/rm...) on one container.
    std::shared_ptr<std::mutex> op_mutex(const std::string &id);

private:
    explicit ContainerStore(fs::path base) : base_(std::move(base)) {}
    Result<void> persist(const Container &c) const;
    Result<std::string> resolve_locked(std::string_view id_or_name) const;
    Error name_conflict(const std::string &name, const std::string &holder) const;

    fs::path base_;
    mutable std::mutex mu_;
    std::map<std::string, Container> by_id_;
    std::map<std::string, std::string> id_by_name_;  // "/name" -> id
    std::map<std::string, std::shared_ptr<std::mutex>> op_mutexes_;
};

}  // namespace berth::containers
