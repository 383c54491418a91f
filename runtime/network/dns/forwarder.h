// Forwarding of the names the server doesn't know to the upstream resolvers, from the
// host's namespace: over UDP, again over TCP when a TCP client's answer came back
// truncated; the next upstream when one refuses or stays silent. Runs on the io thread
// only; no thread and no blocking per query.
#pragma once

#include <boost/asio/io_context.hpp>

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "network/dns/message.h"

namespace berth::network::dns {

class Forwarder {
public:
    Forwarder(boost::asio::io_context &io, std::filesystem::path resolv_conf,
              std::chrono::milliseconds timeout);

    // Calls `done` exactly once, on the io thread, with what to send the client: the
    // upstream's answer under the client's ID; NXDOMAIN when there is no upstream or
    // all of them refused; SERVFAIL when one timed out or too many queries are in flight.
    void forward(std::shared_ptr<const Query> query, Transport client, std::function<void(Bytes)> done);

    // The upstreams read from resolv.conf (re-read when the file changes).
    const std::vector<std::string> &upstreams();

    struct Attempt;

private:
    friend struct Attempt;
    boost::asio::io_context &io_;
    std::filesystem::path resolv_conf_;
    std::chrono::milliseconds timeout_;
    std::vector<std::string> upstreams_;
    std::filesystem::file_time_type read_mtime_{};
    std::chrono::steady_clock::time_point checked_at_{};
    bool read_once_ = false;
    std::size_t in_flight_ = 0;
    std::mt19937 random_;
};

}  // namespace berth::network::dns
