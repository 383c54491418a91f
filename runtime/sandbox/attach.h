// The attach socket: framing (pure, shared with the daemon side) and the server the
// monitor runs. Protocol in README.md: output to clients is Docker's multiplexed framing
// without a TTY and raw bytes with one; input from clients is always framed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/result.h"
#include "sandbox/sys.h"

namespace berth::sandbox::attach {

enum FrameType : uint8_t {
    kStdin = 0,
    kStdout = 1,
    kStderr = 2,
    kStdinClose = 3,
    kResize = 4,
};

// [type, 0, 0, 0, size u32 big endian] + payload
std::string frame(uint8_t type, const char *data, size_t len);
std::string resize_frame(uint16_t rows, uint16_t cols);

struct Frame {
    uint8_t type = 0;
    std::string payload;
};
// Takes complete frames off the front of `buf`; a partial frame stays in it.
std::vector<Frame> parse_frames(std::string &buf);

// What the server reports to the monitor.
struct Events {
    virtual ~Events() = default;
    virtual void on_stdin(const std::string &bytes) = 0;
    virtual void on_stdin_close() = 0;
    virtual void on_resize(uint16_t rows, uint16_t cols) = 0;
    // A client went away; sent_stdin tells whether it ever wrote stdin (StdinOnce).
    virtual void on_detach(bool sent_stdin) = 0;
};

class Server {
public:
    static constexpr size_t kMaxBacklog = 4 << 20;  // a client this far behind is dropped

    static Result<Server> listen(const std::string &path);
    Server() = default;
    Server(Server &&) noexcept = default;
    Server &operator=(Server &&) noexcept = default;
    ~Server();

    int listen_fd() const { return listener_.get(); }
    void accept_all();
    // (fd, wants POLLOUT) for every client.
    std::vector<std::pair<int, bool>> clients() const;
    void on_readable(int fd, Events &ev);
    void on_writable(int fd);
    void broadcast(const std::string &bytes);
    void close_all();  // flushes what it can, then closes (EOF for clients)

private:
    struct Client {
        sys::UniqueFd fd;
        std::string in, out;
        bool sent_stdin = false;
    };
    void drop(size_t i, Events *ev);
    std::string path_;
    sys::UniqueFd listener_;
    std::vector<Client> clients_;
};

}  // namespace berth::sandbox::attach
