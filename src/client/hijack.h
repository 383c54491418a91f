// A hijacked connection (attach, exec start): the request is sent with
// "Connection: Upgrade" / "Upgrade: tcp", the engine answers 101 (or 200 from old
// engines) and from then on the socket carries the container's raw stdio both ways:
// multiplexed frames without a TTY (feed them to MultiplexedStreamDecoder), raw bytes with
// one. libcurl cannot hand over an upgraded connection, so this is a plain socket with a
// minimal HTTP/1.1 request and response head.
//
// Use: write stdin with write_all(), read() until it returns 0, close_write() when stdin
// ends. fd() is for poll() or a QSocketNotifier; call read() when it is readable (and first
// drain what has_buffered() says arrived with the response head).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "client/host.h"
#include "client/query.h"
#include "common/result.h"

namespace berth::client {

class HijackedConnection {
public:
    HijackedConnection() = default;
    HijackedConnection(int fd, std::string already_read) : fd_(fd), buffered_(std::move(already_read)) {}
    ~HijackedConnection();
    HijackedConnection(HijackedConnection &&other) noexcept;
    HijackedConnection &operator=(HijackedConnection &&other) noexcept;
    HijackedConnection(const HijackedConnection &) = delete;
    HijackedConnection &operator=(const HijackedConnection &) = delete;

    // Up to `size` bytes; 0 at end of stream. Blocks unless the fd is readable.
    Result<std::size_t> read(char *buffer, std::size_t size);
    Result<void> write_all(std::string_view data);
    // Half-close: the engine sees the end of stdin, output keeps coming.
    Result<void> close_write();
    void close();
    // Gives up ownership of the fd (the caller closes it).
    int release() {
        int fd = fd_;
        fd_ = -1;
        return fd;
    }

    int fd() const { return fd_; }
    bool has_buffered() const { return !buffered_.empty(); }
    bool is_open() const { return fd_ >= 0; }

private:
    int fd_ = -1;
    std::string buffered_;  // stream bytes that came in with the response head
};

struct HijackRequest {
    std::string method = "POST";
    std::string path;  // versioned
    Query query;
    std::optional<std::string> body;  // JSON
};

// Connects, sends the upgrade request, reads the response head. An error status is
// returned as the engine's error (daemon_error), a connect failure like any request's.
Result<HijackedConnection> open_hijacked(const Host &host, const HijackRequest &request);

}  // namespace berth::client
