#include "network/dns/records.h"

#include <algorithm>

namespace berth::network::dns {

std::string Records::canonical(const std::string &name) {
    std::string out = name;
    while (!out.empty() && out.back() == '.') out.pop_back();
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    });
    return out;
}

std::vector<std::string> Records::canonical_names(const std::vector<std::string> &names) {
    std::vector<std::string> out;
    for (const auto &n : names) {
        auto c = canonical(n);
        if (!c.empty() && std::find(out.begin(), out.end(), c) == out.end()) out.push_back(std::move(c));
    }
    return out;
}

void Records::set(const std::string &network_id, const std::string &container_id,
                  const std::vector<std::string> &names, const std::string &ipv4) {
    Entry entry;
    entry.ipv4 = ipv4;
    entry.names = canonical_names(names);
    std::lock_guard lock(mu_);
    networks_[network_id][container_id] = std::move(entry);
}

bool Records::rename(const std::string &network_id, const std::string &container_id,
                     const std::vector<std::string> &names) {
    auto wanted = canonical_names(names);
    std::lock_guard lock(mu_);
    auto net = networks_.find(network_id);
    if (net == networks_.end()) return false;
    auto entry = net->second.find(container_id);
    if (entry == net->second.end()) return false;
    entry->second.names = std::move(wanted);
    return true;
}

void Records::remove(const std::string &network_id, const std::string &container_id) {
    std::lock_guard lock(mu_);
    auto it = networks_.find(network_id);
    if (it == networks_.end()) return;
    it->second.erase(container_id);
    if (it->second.empty()) networks_.erase(it);
}

void Records::set_networks(const std::string &container_id, std::vector<std::string> network_ids) {
    std::lock_guard lock(mu_);
    asker_networks_[container_id] = std::move(network_ids);
}

void Records::forget_container(const std::string &container_id) {
    std::lock_guard lock(mu_);
    asker_networks_.erase(container_id);
}

std::vector<std::string> Records::addresses(const std::string &asker, const std::string &name) const {
    const auto wanted = canonical(name);
    std::vector<std::string> out;
    std::lock_guard lock(mu_);
    auto asker_it = asker_networks_.find(asker);
    if (asker_it == asker_networks_.end() || wanted.empty()) return out;
    for (const auto &network_id : asker_it->second) {
        auto net = networks_.find(network_id);
        if (net == networks_.end()) continue;
        for (const auto &[container_id, entry] : net->second) {
            if (std::find(entry.names.begin(), entry.names.end(), wanted) != entry.names.end())
                out.push_back(entry.ipv4);
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::vector<std::string> Records::names_of(const std::string &asker, const std::string &ipv4) const {
    std::vector<std::string> out;
    std::lock_guard lock(mu_);
    auto asker_it = asker_networks_.find(asker);
    if (asker_it == asker_networks_.end()) return out;
    for (const auto &network_id : asker_it->second) {
        auto net = networks_.find(network_id);
        if (net == networks_.end()) continue;
        for (const auto &[container_id, entry] : net->second) {
            if (entry.ipv4 == ipv4 && !entry.names.empty() &&
                std::find(out.begin(), out.end(), entry.names.front()) == out.end())
                out.push_back(entry.names.front());
        }
    }
    return out;
}

}  // namespace berth::network::dns
