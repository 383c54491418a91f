// The byte pump between a hijacked client connection and a monitor's (or exec process')
// attach socket (sandbox/README.md): output from the monitor is already in the wire
// format; stdin from the client is framed for the monitor. Shared by container attach and
// exec start.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "common/detach_keys.h"
#include "common/result.h"
#include "util/unique_fd.h"

namespace berth::api {

Result<util::UniqueFd> connect_attach_socket(const std::filesystem::path &path);
bool send_all(int fd, const char *data, std::size_t len);
// [type, 0, 0, 0, size u32 BE] + payload
std::string attach_frame(unsigned char type, const char *data, std::size_t len);

struct ProxyOptions {
    bool forward_stdin = false;
    std::string buffered;  // stdin bytes the HTTP reader already took
    // With a TTY: the detach sequence (parse_detach_keys); empty = none.
    std::string detach_keys;
    // Send "stdin closed" to the monitor when the client half-closes (docker run -i).
    bool close_stdin_on_eof = true;
};

enum class ProxyEnd { OutputEnded, ClientLeft, Detached };

// Copies until the monitor closes (the process ended), the client goes away or types
// the detach keys.
ProxyEnd proxy_attach(int client, int monitor, ProxyOptions options);

}  // namespace berth::api
