// The names the DNS server answers for: per network, the containers on it with their
// names and address; per served container, the networks whose names it sees. Plain data
// behind one mutex: the API threads write it, the io thread reads it per query.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace berth::network::dns {

class Records {
public:
    // Names are stored lower-case without a trailing dot; empty names are ignored.
    void set(const std::string &network_id, const std::string &container_id,
             const std::vector<std::string> &names, const std::string &ipv4);
    void remove(const std::string &network_id, const std::string &container_id);
    // New names for a container that has records on the network (after a rename), its
    // address kept. False, and nothing recorded, when it has none there: a container
    // that stopped meanwhile must not come back as a name.
    bool rename(const std::string &network_id, const std::string &container_id,
                const std::vector<std::string> &names);

    void set_networks(const std::string &container_id, std::vector<std::string> network_ids);
    void forget_container(const std::string &container_id);

    // The addresses `name` has on the networks `asker` is on, sorted and without
    // duplicates; empty when the name is not known there.
    std::vector<std::string> addresses(const std::string &asker, const std::string &name) const;
    // The names (first name of each container: its own name) that own `ipv4` on the
    // networks `asker` is on.
    std::vector<std::string> names_of(const std::string &asker, const std::string &ipv4) const;

    // "Web.Example." -> "web.example": the form names are compared in (RFC 4343: ASCII
    // case-insensitive).
    static std::string canonical(const std::string &name);

private:
    static std::vector<std::string> canonical_names(const std::vector<std::string> &names);
    struct Entry {
        std::vector<std::string> names;
        std::string ipv4;
    };
    mutable std::mutex mu_;
    std::map<std::string, std::map<std::string, Entry>> networks_;    // network -> container -> entry
    std::map<std::string, std::vector<std::string>> asker_networks_;  // container -> networks
};

}  // namespace berth::network::dns
