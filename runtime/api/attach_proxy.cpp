#include "api/attach_proxy.h"

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>

namespace berth::api {

Result<util::UniqueFd> connect_attach_socket(const std::filesystem::path &path) {
    util::UniqueFd fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (!fd) return Error::sys("socket", path.string());
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (path.string().size() >= sizeof addr.sun_path) return Error::invalid("attach socket path too long: " + path.string());
    std::strncpy(addr.sun_path, path.c_str(), sizeof addr.sun_path - 1);
    if (::connect(fd.get(), reinterpret_cast<sockaddr *>(&addr), sizeof addr) < 0) return Error::sys("connect", path.string());
    return fd;
}

bool send_all(int fd, const char *data, std::size_t len) {
    while (len > 0) {
        ssize_t n = ::send(fd, data, len, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        data += n;
        len -= static_cast<std::size_t>(n);
    }
    return true;
}

std::string attach_frame(unsigned char type, const char *data, std::size_t len) {
    std::string out(8, '\0');
    out[0] = static_cast<char>(type);
    out[4] = static_cast<char>((len >> 24) & 0xff);
    out[5] = static_cast<char>((len >> 16) & 0xff);
    out[6] = static_cast<char>((len >> 8) & 0xff);
    out[7] = static_cast<char>(len & 0xff);
    if (len > 0) out.append(data, len);
    return out;
}

ProxyEnd proxy_attach(int client, int monitor, ProxyOptions options) {
    DetachKeyMatcher detach(options.detach_keys);
    // Stdin from the client, after the detach-key scan; false when the client detached.
    auto forward = [&](const char *data, std::size_t len, bool &detached) {
        std::string pass = detach.feed(std::string_view(data, len), detached);
        if (!pass.empty()) {
            auto f = attach_frame(0, pass.data(), pass.size());
            if (!send_all(monitor, f.data(), f.size())) return false;
        }
        return true;
    };
    bool detached = false;
    if (options.forward_stdin && !options.buffered.empty()) {
        if (!forward(options.buffered.data(), options.buffered.size(), detached)) return ProxyEnd::OutputEnded;
        if (detached) return ProxyEnd::Detached;
    }
    bool client_open = true;
    char buf[32768];
    for (;;) {
        pollfd p[2] = {{monitor, POLLIN, 0}, {client, static_cast<short>(client_open ? POLLIN : 0), 0}};
        if (::poll(p, 2, -1) < 0) {
            if (errno == EINTR) continue;
            return ProxyEnd::ClientLeft;
        }
        if (p[0].revents) {
            ssize_t n = ::read(monitor, buf, sizeof buf);
            if (n <= 0) return ProxyEnd::OutputEnded;
            if (!send_all(client, buf, static_cast<std::size_t>(n))) return ProxyEnd::ClientLeft;
        }
        if (client_open && p[1].revents) {
            ssize_t n = ::read(client, buf, sizeof buf);
            if (n <= 0) {
                // The client closed its sending side: that is stdin's EOF (docker run -i).
                client_open = false;
                if (options.forward_stdin && options.close_stdin_on_eof) {
                    auto f = attach_frame(3, nullptr, 0);
                    send_all(monitor, f.data(), f.size());
                }
                if (n < 0) return ProxyEnd::ClientLeft;
                continue;
            }
            if (options.forward_stdin) {
                if (!forward(buf, static_cast<std::size_t>(n), detached)) return ProxyEnd::OutputEnded;
                if (detached) return ProxyEnd::Detached;
            }
        }
    }
}

}  // namespace berth::api
