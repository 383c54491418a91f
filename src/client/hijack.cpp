#include "client/hijack.h"

#include <netdb.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "client/api_error.h"

namespace berth::client {
namespace {

Result<int> connect_unix(const Host &host) {
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (host.socket_path.size() >= sizeof(addr.sun_path))
        return Error::invalid("socket path too long: " + host.socket_path);
    std::memcpy(addr.sun_path, host.socket_path.c_str(), host.socket_path.size() + 1);
    int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return Error::sys("socket", host.text);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) < 0) {
        int e = errno;
        ::close(fd);
        return connection_error(host.text, 0, e, std::strerror(e));
    }
    return fd;
}

Result<int> connect_tcp(const Host &host) {
    std::string name = host.address.substr(0, host.address.rfind(':'));
    std::string port = host.address.substr(host.address.rfind(':') + 1);
    if (name.size() >= 2 && name.front() == '[') name = name.substr(1, name.size() - 2);
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *found = nullptr;
    if (int rc = ::getaddrinfo(name.c_str(), port.c_str(), &hints, &found); rc != 0)
        return Error::of(ErrorKind::Unavailable,
                         "error during connect to " + host.text + ": " + ::gai_strerror(rc));
    int last_errno = ECONNREFUSED;
    for (addrinfo *ai = found; ai != nullptr; ai = ai->ai_next) {
        int fd = ::socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
        if (fd < 0) {
            last_errno = errno;
            continue;
        }
        if (::connect(fd, ai->ai_addr, ai->ai_addrlen) == 0) {
            ::freeaddrinfo(found);
            return fd;
        }
        last_errno = errno;
        ::close(fd);
    }
    ::freeaddrinfo(found);
    return connection_error(host.text, 0, last_errno, std::strerror(last_errno));
}

Result<void> send_all(int fd, std::string_view data) {
    while (!data.empty()) {
        ssize_t n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR) continue;
            return Error::sys("write to hijacked connection", {});
        }
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return {};
}

struct ResponseHead {
    long status = 0;
    std::size_t content_length = 0;
    bool has_length = false;
};

ResponseHead parse_head(std::string_view head) {
    ResponseHead out;
    // "HTTP/1.1 101 UPGRADED"
    auto sp = head.find(' ');
    if (sp != std::string_view::npos) out.status = std::strtol(std::string(head.substr(sp + 1, 3)).c_str(), nullptr, 10);
    std::size_t pos = head.find("\r\n");
    while (pos != std::string_view::npos && pos + 2 < head.size()) {
        std::size_t end = head.find("\r\n", pos + 2);
        std::string_view line = head.substr(pos + 2, end == std::string_view::npos ? head.npos : end - pos - 2);
        auto colon = line.find(':');
        if (colon != std::string_view::npos) {
            std::string name(line.substr(0, colon));
            for (auto &c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (name == "content-length") {
                out.content_length = std::strtoul(std::string(line.substr(colon + 1)).c_str(), nullptr, 10);
                out.has_length = true;
            }
        }
        pos = end;
    }
    return out;
}

}  // namespace

HijackedConnection::~HijackedConnection() { close(); }

HijackedConnection::HijackedConnection(HijackedConnection &&other) noexcept
    : fd_(other.fd_), buffered_(std::move(other.buffered_)) {
    other.fd_ = -1;
}

HijackedConnection &HijackedConnection::operator=(HijackedConnection &&other) noexcept {
    if (this != &other) {
        close();
        fd_ = other.fd_;
        buffered_ = std::move(other.buffered_);
        other.fd_ = -1;
    }
    return *this;
}

void HijackedConnection::close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
}

Result<std::size_t> HijackedConnection::read(char *buffer, std::size_t size) {
    if (!buffered_.empty()) {
        std::size_t n = std::min(size, buffered_.size());
        std::memcpy(buffer, buffered_.data(), n);
        buffered_.erase(0, n);
        return n;
    }
    if (fd_ < 0) return std::size_t{0};
    for (;;) {
        ssize_t n = ::recv(fd_, buffer, size, 0);
        if (n >= 0) return static_cast<std::size_t>(n);
        if (errno != EINTR) return Error::sys("read from hijacked connection", {});
    }
}

Result<void> HijackedConnection::write_all(std::string_view data) {
    if (fd_ < 0) return Error::internal("write to a closed hijacked connection");
    return send_all(fd_, data);
}

Result<void> HijackedConnection::close_write() {
    if (fd_ >= 0 && ::shutdown(fd_, SHUT_WR) < 0 && errno != ENOTCONN)
        return Error::sys("shutdown hijacked connection", {});
    return {};
}

Result<HijackedConnection> open_hijacked(const Host &host, const HijackRequest &request) {
    int fd = TRY(host.scheme == Host::Scheme::Unix ? connect_unix(host) : connect_tcp(host));
    HijackedConnection conn(fd, {});

    std::string target = request.path;
    if (!request.query.empty()) target += "?" + request.query.encode();
    std::string head = request.method + " " + target + " HTTP/1.1\r\n";
    head += "Host: " + (host.scheme == Host::Scheme::Unix ? std::string("localhost") : host.address) + "\r\n";
    head += "User-Agent: Berth-Client/0.1\r\n";
    head += "Connection: Upgrade\r\nUpgrade: tcp\r\n";
    if (request.body) {
        head += "Content-Type: application/json\r\n";
        head += "Content-Length: " + std::to_string(request.body->size()) + "\r\n";
    } else {
        head += "Content-Length: 0\r\n";
    }
    head += "\r\n";
    if (request.body) head += *request.body;
    TRY(send_all(fd, head));

    // Read the response head; whatever follows it already belongs to the stream.
    std::string received;
    std::size_t head_end = std::string::npos;
    char buf[4096];
    while ((head_end = received.find("\r\n\r\n")) == std::string::npos) {
        if (received.size() > 64 * 1024)
            return Error{"read hijack response", host.text, 0, "response head too large", ErrorKind::Internal};
        auto n = TRY(conn.read(buf, sizeof buf));
        if (n == 0)
            return Error{"read hijack response", host.text, 0, "connection closed by the engine",
                         ErrorKind::Unavailable};
        received.append(buf, n);
    }
    ResponseHead parsed = parse_head(std::string_view(received).substr(0, head_end));
    std::string rest = received.substr(head_end + 4);
    if (parsed.status >= 400) {
        // Error bodies are small JSON with a Content-Length; read what is announced.
        while (parsed.has_length && rest.size() < parsed.content_length) {
            auto n = TRY(conn.read(buf, sizeof buf));
            if (n == 0) break;
            rest.append(buf, n);
        }
        return daemon_error(parsed.status, rest);
    }
    if (parsed.status != 101 && parsed.status != 200)
        return Error{"hijack", host.text, 0, "unexpected HTTP status " + std::to_string(parsed.status),
                     ErrorKind::Internal};
    return HijackedConnection(conn.release(), std::move(rest));
}

}  // namespace berth::client
