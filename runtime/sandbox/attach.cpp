// The attach socket (see attach.h).
#include "sandbox/attach.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace berth::sandbox::attach {

std::string frame(uint8_t type, const char *data, size_t len) {
    std::string f(8, '\0');
    f[0] = static_cast<char>(type);
    const uint32_t n = static_cast<uint32_t>(len);
    f[4] = static_cast<char>(n >> 24);
    f[5] = static_cast<char>(n >> 16);
    f[6] = static_cast<char>(n >> 8);
    f[7] = static_cast<char>(n);
    f.append(data, len);
    return f;
}

std::string resize_frame(uint16_t rows, uint16_t cols) {
    const char p[4] = {static_cast<char>(rows >> 8), static_cast<char>(rows),
                       static_cast<char>(cols >> 8), static_cast<char>(cols)};
    return frame(kResize, p, 4);
}

std::vector<Frame> parse_frames(std::string &buf) {
    std::vector<Frame> out;
    size_t pos = 0;
    while (buf.size() - pos >= 8) {
        const auto *h = reinterpret_cast<const unsigned char *>(buf.data() + pos);
        const uint32_t n = (uint32_t{h[4]} << 24) | (uint32_t{h[5]} << 16) | (uint32_t{h[6]} << 8) | h[7];
        if (buf.size() - pos - 8 < n) break;
        out.push_back({h[0], buf.substr(pos + 8, n)});
        pos += 8 + n;
    }
    buf.erase(0, pos);
    return out;
}

Result<Server> Server::listen(const std::string &path) {
    Server s;
    struct sockaddr_un addr {};
    addr.sun_family = AF_UNIX;
    if (path.size() >= sizeof addr.sun_path) return Error{"listen", path, ENAMETOOLONG, {}};
    std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
    s.listener_.reset(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0));
    if (!s.listener_) return Error::sys("socket", path);
    ::unlink(path.c_str());
    // Root only: attach gives the container's stdin.
    const mode_t old = ::umask(0077);
    int rc = ::bind(s.listener_.get(), reinterpret_cast<sockaddr *>(&addr), sizeof addr);
    ::umask(old);
    if (rc < 0) return Error::sys("bind", path);
    if (::listen(s.listener_.get(), 64) < 0) return Error::sys("listen", path);
    s.path_ = path;
    return s;
}

Server::~Server() {
    if (!path_.empty()) ::unlink(path_.c_str());
}

void Server::accept_all() {
    for (;;) {
        int fd = ::accept4(listener_.get(), nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
        if (fd < 0) return;
        Client c;
        c.fd.reset(fd);
        clients_.push_back(std::move(c));
    }
}

std::vector<std::pair<int, bool>> Server::clients() const {
    std::vector<std::pair<int, bool>> out;
    for (const auto &c : clients_) out.emplace_back(c.fd.get(), !c.out.empty());
    return out;
}

void Server::drop(size_t i, Events *ev) {
    const bool sent = clients_[i].sent_stdin;
    clients_.erase(clients_.begin() + static_cast<long>(i));
    if (ev) ev->on_detach(sent);
}

void Server::on_readable(int fd, Events &ev) {
    for (size_t i = 0; i < clients_.size(); ++i) {
        if (clients_[i].fd.get() != fd) continue;
        char buf[16384];
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && (errno == EAGAIN || errno == EINTR)) return;
        if (n <= 0) {
            drop(i, &ev);
            return;
        }
        Client &c = clients_[i];
        c.in.append(buf, static_cast<size_t>(n));
        for (auto &f : parse_frames(c.in)) {
            if (f.type == kStdin) {
                c.sent_stdin = true;
                ev.on_stdin(f.payload);
            } else if (f.type == kStdinClose) {
                c.sent_stdin = true;
                ev.on_stdin_close();
            } else if (f.type == kResize && f.payload.size() == 4) {
                const auto *p = reinterpret_cast<const unsigned char *>(f.payload.data());
                ev.on_resize(static_cast<uint16_t>((p[0] << 8) | p[1]),
                             static_cast<uint16_t>((p[2] << 8) | p[3]));
            }
        }
        return;
    }
}

void Server::on_writable(int fd) {
    for (size_t i = 0; i < clients_.size(); ++i) {
        Client &c = clients_[i];
        if (c.fd.get() != fd) continue;
        while (!c.out.empty()) {
            ssize_t n = ::send(fd, c.out.data(), c.out.size(), MSG_NOSIGNAL);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0 && errno == EAGAIN) return;
            if (n < 0) {
                drop(i, nullptr);
                return;
            }
            c.out.erase(0, static_cast<size_t>(n));
        }
        return;
    }
}

void Server::broadcast(const std::string &bytes) {
    for (size_t i = 0; i < clients_.size();) {
        clients_[i].out += bytes;
        const size_t before = clients_.size();
        on_writable(clients_[i].fd.get());
        if (clients_.size() < before) continue;  // the write failed and dropped it
        if (clients_[i].out.size() > kMaxBacklog) {
            drop(i, nullptr);
            continue;
        }
        ++i;
    }
}

void Server::close_all() {
    for (auto &c : clients_) {
        // Give a slow reader a moment to take the tail of the output.
        for (int tries = 0; !c.out.empty() && tries < 50; ++tries) {
            struct pollfd p {c.fd.get(), POLLOUT, 0};
            if (::poll(&p, 1, 20) <= 0) continue;
            ssize_t n = ::send(c.fd.get(), c.out.data(), c.out.size(), MSG_NOSIGNAL);
            if (n <= 0) break;
            c.out.erase(0, static_cast<size_t>(n));
        }
    }
    clients_.clear();
}

}  // namespace berth::sandbox::attach
