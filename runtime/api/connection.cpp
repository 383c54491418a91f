// One client connection: read requests with Beast, check who is calling, route, and give
// the handler a ResponseWriter over the same socket.
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <exception>

#include <boost/asio/local/stream_protocol.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

#include "api/api_version.h"
#include "api/errors.h"
#include "api/server.h"
#include "util/log.h"

namespace berth::api {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using Socket = asio::local::stream_protocol::socket;

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

class BeastResponseWriter final : public ResponseWriter {
public:
    BeastResponseWriter(Socket &sock, beast::flat_buffer &buffer, const ServerOptions &options,
                        const Request &request, bool keep_alive)
        : sock_(sock), buffer_(buffer), options_(options), request_(request), keep_alive_(keep_alive) {}

    void json(Status status, const nlohmann::json &body) override {
        // Docker ends JSON bodies with a newline; some clients' tests compare bytes.
        text(status, "application/json", body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    }

    void error(const Error &e) override {
        const Status status = http_status(e.kind);
        const std::string message = e.message();
        if (static_cast<int>(status) >= 500) log::error(request_.method + " " + request_.target + ": " + message);
        else log::debug(request_.method + " " + request_.target + ": " + std::to_string(static_cast<int>(status)) + " " + message);
        if (state_ == State::Streaming) {
            // Too late for a status: end the stream with Docker's error line.
            nlohmann::json line = {{"errorDetail", {{"message", message}}}, {"error", message}};
            write_chunk(line.dump() + "\n");
            finish();
            return;
        }
        if (state_ != State::Idle) return;
        json(status, {{"message", message}});
    }

    void no_content() override {
        http::response<http::empty_body> res{http::status::no_content, 11};
        add_common_headers(res);
        res.keep_alive(keep_alive_);
        send_header_only(res);
    }

    void text(Status status, std::string_view content_type, std::string body) override {
        if (state_ != State::Idle) return;
        http::response<http::string_body> res{status, 11};
        add_common_headers(res);
        res.set(http::field::content_type, std::string(content_type));
        res.keep_alive(keep_alive_);
        res.body() = std::move(body);
        res.prepare_payload();
        beast::error_code ec;
        if (request_.method == "HEAD") {
            http::response_serializer<http::string_body> sr{res};
            http::write_header(sock_, sr, ec);
        } else {
            http::write(sock_, res, ec);
        }
        state_ = State::Done;
        if (ec) broken_ = true;
    }

    void set_header(const std::string &name, const std::string &value) override {
        extra_headers_.emplace_back(name, value);
    }

    bool begin_stream(Status status, std::string_view content_type) override {
        if (state_ != State::Idle) return state_ == State::Streaming && !broken_;
        http::response<http::empty_body> res{status, 11};
        add_common_headers(res);
        res.set(http::field::content_type, std::string(content_type));
        res.keep_alive(keep_alive_);
        res.chunked(true);
        send_header_only(res);
        state_ = State::Streaming;
        return !broken_;
    }

    bool write_chunk(std::string_view data) override {
        if (state_ != State::Streaming || broken_) return false;
        if (data.empty()) return true;  // an empty chunk would end the stream
        beast::error_code ec;
        asio::write(sock_, http::make_chunk(asio::const_buffer(data.data(), data.size())), ec);
        if (ec) broken_ = true;
        return !broken_;
    }

    void finish() override {
        if (state_ != State::Streaming) return;
        if (!broken_) {
            beast::error_code ec;
            asio::write(sock_, http::make_chunk_last(), ec);
            if (ec) broken_ = true;
        }
        state_ = State::Done;
    }

    bool client_gone() override {
        if (broken_) return true;
        pollfd p{sock_.native_handle(), POLLRDHUP, 0};
        if (::poll(&p, 1, 0) > 0 && (p.revents & (POLLRDHUP | POLLHUP | POLLERR))) broken_ = true;
        return broken_;
    }

    Result<HijackedConnection> hijack(std::string_view content_type) override {
        if (state_ != State::Idle) return Error::internal("hijack after a response was started");
        // Docker's attach/exec: clients that send "Upgrade: tcp" get 101 and a raw stream;
        // older clients get 200 and the same raw stream until the connection closes.
        const bool upgrade = lower(request_.header("upgrade")) == "tcp" ||
                             lower(request_.header("connection")).find("upgrade") != std::string::npos;
        std::string head = upgrade ? "HTTP/1.1 101 UPGRADED\r\n" : "HTTP/1.1 200 OK\r\n";
        head += "Content-Type: " + std::string(content_type) + "\r\n";
        if (upgrade) head += "Connection: Upgrade\r\nUpgrade: tcp\r\n";
        head += "Api-Version: " + std::string(kMaxApiVersion) + "\r\n";
        head += "Server: " + options_.server_header + "\r\n\r\n";
        beast::error_code ec;
        asio::write(sock_, asio::buffer(head), ec);
        state_ = State::Hijacked;
        if (ec) {
            broken_ = true;
            return Error::of(ErrorKind::Cancelled, "client went away before the stream started");
        }
        HijackedConnection out;
        out.fd = sock_.native_handle();
        const auto data = buffer_.data();
        out.buffered.assign(static_cast<const char *>(data.data()), data.size());
        buffer_.consume(buffer_.size());
        return out;
    }

    bool started() const override { return state_ != State::Idle; }

    bool reusable() const { return !broken_ && keep_alive_ && state_ == State::Done; }
    bool answered() const { return state_ != State::Idle; }

private:
    enum class State { Idle, Streaming, Done, Hijacked };

    template <class Body>
    void add_common_headers(http::response<Body> &res) {
        res.set("Api-Version", std::string(kMaxApiVersion));
        res.set(http::field::server, options_.server_header);
        res.set("Docker-Experimental", "false");
        res.set("Ostype", "linux");
        for (const auto &[name, value] : extra_headers_) res.set(name, value);
    }

    template <class Body>
    void send_header_only(http::response<Body> &res) {
        beast::error_code ec;
        http::response_serializer<Body> sr{res};
        http::write_header(sock_, sr, ec);
        state_ = State::Done;
        if (ec) broken_ = true;
    }

    Socket &sock_;
    beast::flat_buffer &buffer_;
    const ServerOptions &options_;
    const Request &request_;
    bool keep_alive_;
    State state_ = State::Idle;
    std::atomic<bool> broken_{false};  // client_gone() may run on another thread
    std::vector<std::pair<std::string, std::string>> extra_headers_;
};

// A response for requests that never reached a handler (unparseable, too large).
void send_plain_error(Socket &sock, const ServerOptions &options, http::status status, const std::string &message) {
    http::response<http::string_body> res{status, 11};
    res.set("Api-Version", std::string(kMaxApiVersion));
    res.set(http::field::server, options.server_header);
    res.set(http::field::content_type, "application/json");
    res.keep_alive(false);
    res.body() = nlohmann::json{{"message", message}}.dump() + "\n";
    res.prepare_payload();
    beast::error_code ec;
    http::write(sock, res, ec);
}

std::string describe_peer(const PeerCredentials &p) {
    return "uid " + std::to_string(p.uid) + ", gid " + std::to_string(p.gid) + ", pid " + std::to_string(p.pid);
}

}  // namespace

void serve_connection(int fd, const Router &router, const ServerOptions &options) {
    asio::io_context io;  // synchronous use only; never run
    Socket sock(io);
    beast::error_code ec;
    // The socket object borrows the fd: the Server closes it (see Server::serve).
    sock.assign(asio::local::stream_protocol(), ::dup(fd), ec);
    if (ec) {
        log::error("connection: cannot use socket: " + ec.message());
        return;
    }

    PeerCredentials peer;
    std::string refusal;
    if (auto creds = peer_credentials(fd)) {
        peer = *creds;
        refusal = authorization_failure(peer, options.allowed_group, options.group_name);
    } else {
        refusal = creds.error().message();
    }

    beast::flat_buffer buffer;
    for (;;) {
        http::request_parser<http::string_body> parser;
        parser.header_limit(64 * 1024);
        parser.body_limit(options.body_limit);
        http::read_header(sock, buffer, parser, ec);
        // curl sends "Expect: 100-continue" with larger bodies and waits for the go-ahead.
        if (!ec && !parser.is_done() && lower(std::string(parser.get()[http::field::expect])) == "100-continue")
            asio::write(sock, asio::buffer(std::string_view("HTTP/1.1 100 Continue\r\n\r\n")), ec);
        if (!ec && !parser.is_done()) http::read(sock, buffer, parser, ec);
        if (ec == http::error::end_of_stream || ec == asio::error::eof || ec == asio::error::connection_reset ||
            ec == asio::error::broken_pipe || ec == asio::error::operation_aborted || ec == asio::error::bad_descriptor)
            break;
        if (ec == http::error::body_limit) {
            send_plain_error(sock, options, http::status::payload_too_large,
                             "request body is too large: the limit is " +
                                 std::to_string(options.body_limit / (1024 * 1024)) + " MiB");
            break;
        }
        if (ec == http::error::partial_message) {
            log::debug("connection closed in the middle of a request (" + describe_peer(peer) + ")");
            send_plain_error(sock, options, http::status::bad_request, "incomplete HTTP request: " + ec.message());
            break;
        }
        if (ec.category() == http::make_error_code(http::error::bad_target).category()) {
            send_plain_error(sock, options, http::status::bad_request, "malformed HTTP request: " + ec.message());
            break;
        }
        if (ec) {
            log::debug("connection read: " + ec.message());
            break;
        }

        auto &msg = parser.get();
        Request req;
        req.method = std::string(msg.method_string());
        req.target = std::string(msg.target());
        req.peer = peer;
        for (const auto &field : msg) req.headers[lower(std::string(field.name_string()))] = std::string(field.value());
        const bool keep_alive = msg.keep_alive();
        req.body = std::move(msg.body());
        BeastResponseWriter writer(sock, buffer, options, req, keep_alive);

        if (!refusal.empty()) {
            log::warn("refused " + req.method + " " + req.target + " from " + describe_peer(peer) + ": " + refusal);
            writer.error(Error::of(ErrorKind::Forbidden, "permission denied: " + refusal));
            break;
        }

        const auto q = req.target.find('?');
        const std::string raw_path = req.target.substr(0, q);
        auto path = percent_decode(raw_path, false);
        auto query = Query::parse(q == std::string::npos ? std::string_view{} : std::string_view(req.target).substr(q + 1));
        if (!path) {
            writer.error(path.error());
        } else if (!query) {
            writer.error(query.error());
        } else if (auto match = router.route(req.method, *path); !match) {
            log::debug(req.method + " " + req.target + ": " + match.error().message());
            writer.error(match.error());
        } else {
            req.query = std::move(*query);
            req.path = std::move(match->path);
            req.params = std::move(match->params);
            req.api_version = std::move(match->api_version);
            log::debug(req.method + " " + req.target + " (" + describe_peer(peer) + ")");
            try {
                (*match->handler)(req, writer);
            } catch (const std::exception &e) {
                writer.error(Error::internal(std::string("unexpected failure: ") + e.what()));
            }
            if (!writer.answered()) {
                log::error(req.method + " " + req.target + ": handler sent no response");
                writer.error(Error::internal("no response"));
            }
            writer.finish();  // ends a stream the handler left open
        }
        if (!writer.reusable()) break;
    }
    beast::error_code ignored;
    sock.shutdown(Socket::shutdown_both, ignored);
    sock.close(ignored);
}

}  // namespace berth::api
