// One client connection: read requests with Beast, check who is calling, route, and give
// the handler a ResponseWriter over the same socket.
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <exception>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <vector>

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
    // `body_unread` (streamed bodies only) tells whether part of the request body is still
    // on the socket: then the answer says "Connection: close" and the connection ends.
    BeastResponseWriter(Socket &sock, beast::flat_buffer &buffer, const ServerOptions &options,
                        const Request &request, bool keep_alive, std::function<bool()> body_unread = {})
        : sock_(sock), buffer_(buffer), options_(options), request_(request), keep_alive_(keep_alive),
          body_unread_(std::move(body_unread)) {}

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
        res.keep_alive(keep_alive());
        send_header_only(res);
    }

    void text(Status status, std::string_view content_type, std::string body) override {
        if (state_ != State::Idle) return;
        http::response<http::string_body> res{status, 11};
        add_common_headers(res);
        res.set(http::field::content_type, std::string(content_type));
        res.keep_alive(keep_alive());
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
        res.keep_alive(keep_alive());
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

    bool reusable() const { return !broken_ && keep_alive() && state_ == State::Done; }
    bool answered() const { return state_ != State::Idle; }

private:
    enum class State { Idle, Streaming, Done, Hijacked };

    bool keep_alive() const { return keep_alive_ && !(body_unread_ && body_unread_()); }

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
    std::function<bool()> body_unread_;
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

bool wants_continue(const http::request_parser<http::string_body> &parser) {
    return !parser.is_done() && lower(std::string(parser.get()[http::field::expect])) == "100-continue";
}

// curl sends "Expect: 100-continue" with larger bodies and waits for the go-ahead.
void send_continue(Socket &sock, beast::error_code &ec) {
    asio::write(sock, asio::buffer(std::string_view("HTTP/1.1 100 Continue\r\n\r\n")), ec);
}

bool client_closed(const beast::error_code &ec) {
    return ec == http::error::end_of_stream || ec == http::error::partial_message || ec == asio::error::eof ||
           ec == asio::error::connection_reset || ec == asio::error::broken_pipe ||
           ec == asio::error::operation_aborted || ec == asio::error::bad_descriptor;
}

// A streamed route's body, read from the socket only as the handler asks for it. The
// parser that read the header moves into a buffer_body parser, which puts the body's
// bytes (Content-Length or chunked, framing removed) straight into the handler's buffer.
class SocketBodyReader final : public BodyReader {
public:
    SocketBodyReader(Socket &sock, beast::flat_buffer &buffer, http::request_parser<http::string_body> &&header)
        : sock_(sock), buffer_(buffer), expect_continue_(wants_continue(header)), parser_(std::move(header)) {}

    Result<std::size_t> read(char *buf, std::size_t size) override {
        if (failure_) return *failure_;
        if (parser_.is_done() || size == 0) return std::size_t{0};
        beast::error_code ec;
        if (expect_continue_) {
            expect_continue_ = false;
            send_continue(sock_, ec);
            if (ec) return fail(ec);
        }
        std::size_t got = 0;
        while (got == 0 && !parser_.is_done()) {
            parser_.get().body().data = buf;
            parser_.get().body().size = size;
            http::read(sock_, buffer_, parser_, ec);
            if (ec == http::error::need_buffer) ec = {};  // buf is full
            got = size - parser_.get().body().size;
            if (ec) {
                Error e = fail(ec);
                if (got == 0) return e;  // else the next call reports it
            }
        }
        return got;
    }

    bool unread() const { return !parser_.is_done() || failure_.has_value(); }

private:
    Error fail(const beast::error_code &ec) {
        failure_ = client_closed(ec)
                       ? Error::of(ErrorKind::Cancelled, "the client went away before the end of the request body")
                       : Error::invalid("malformed request body: " + ec.message());
        return *failure_;
    }

    Socket &sock_;
    beast::flat_buffer &buffer_;
    bool expect_continue_;
    http::request_parser<http::buffer_body> parser_;
    std::optional<Error> failure_;
};

// After an answer to a request whose streamed body was not read to its end (an early
// refusal, a bad tar). Closing at once would make the client's pending writes fail, and
// many clients then report the broken pipe instead of the answer; so stop sending and drop
// what still arrives until the client closes or goes quiet (bounded, so a client that
// never stops cannot hold the thread).
void drain_before_close(Socket &sock) {
    beast::error_code ec;
    sock.shutdown(Socket::shutdown_send, ec);
    const int fd = sock.native_handle();
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    std::vector<char> scratch(64 * 1024);
    while (std::chrono::steady_clock::now() < deadline) {
        pollfd p{fd, POLLIN, 0};
        const int ready = ::poll(&p, 1, 1000);
        if (ready < 0 && errno == EINTR) continue;
        if (ready <= 0) break;  // quiet for a second
        const ssize_t n = ::recv(fd, scratch.data(), scratch.size(), MSG_DONTWAIT);
        if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) break;
    }
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

    // A failed read of a request's header or body: answered while the client can still take
    // an answer. True when the read failed and the connection is over.
    const auto read_failed = [&](const beast::error_code &e) {
        if (!e) return false;
        if (e == http::error::partial_message) {
            log::debug("connection closed in the middle of a request (" + describe_peer(peer) + ")");
            send_plain_error(sock, options, http::status::bad_request, "incomplete HTTP request: " + e.message());
        } else if (client_closed(e)) {
            // nobody left to answer
        } else if (e.category() == http::make_error_code(http::error::bad_target).category()) {
            send_plain_error(sock, options, http::status::bad_request, "malformed HTTP request: " + e.message());
        } else {
            log::debug("connection read: " + e.message());
        }
        return true;
    };

    beast::flat_buffer buffer;
    for (;;) {
        http::request_parser<http::string_body> parser;
        parser.header_limit(64 * 1024);
        // No limit yet: the route, known once the header is in, decides (see below). Not
        // boost::none: Beast 1.74 compares a Content-Length against it as if it were 0.
        parser.body_limit(std::numeric_limits<std::uint64_t>::max());
        http::read_header(sock, buffer, parser, ec);
        if (read_failed(ec)) break;

        Request req;
        req.method = std::string(parser.get().method_string());
        req.target = std::string(parser.get().target());
        req.peer = peer;
        for (const auto &field : parser.get())
            req.headers[lower(std::string(field.name_string()))] = std::string(field.value());
        const bool keep_alive = parser.get().keep_alive();

        // Routing comes before the body: a streamed route reads the body itself.
        const auto q = req.target.find('?');
        const std::string raw_path = req.target.substr(0, q);
        auto path = percent_decode(raw_path, false);
        auto query = Query::parse(q == std::string::npos ? std::string_view{} : std::string_view(req.target).substr(q + 1));
        auto match = path ? router.route(req.method, *path) : Result<RouteMatch>(path.error());
        const bool streamed = refusal.empty() && path && query && match && match->body_mode == BodyMode::Streamed;

        std::optional<SocketBodyReader> body_reader;
        if (streamed) {
            body_reader.emplace(sock, buffer, std::move(parser));
            req.body_reader = &*body_reader;
        } else {
            const auto too_large = [&] {
                send_plain_error(sock, options, http::status::payload_too_large,
                                 "request body is too large: the limit is " +
                                     std::to_string(options.body_limit / (1024 * 1024)) + " MiB");
            };
            if (parser.content_length() && *parser.content_length() > options.body_limit) {
                too_large();
                break;
            }
            parser.body_limit(options.body_limit);  // counts chunked bodies as they come
            if (wants_continue(parser)) send_continue(sock, ec);
            if (!ec && !parser.is_done()) http::read(sock, buffer, parser, ec);
            if (ec == http::error::body_limit) {
                too_large();
                break;
            }
            if (read_failed(ec)) break;
            req.body = std::move(parser.get().body());
        }
        std::function<bool()> body_unread;
        if (body_reader) body_unread = [&body_reader] { return body_reader->unread(); };
        BeastResponseWriter writer(sock, buffer, options, req, keep_alive, std::move(body_unread));

        if (!refusal.empty()) {
            log::warn("refused " + req.method + " " + req.target + " from " + describe_peer(peer) + ": " + refusal);
            writer.error(Error::of(ErrorKind::Forbidden, "permission denied: " + refusal));
            break;
        }

        if (!path) {
            writer.error(path.error());
        } else if (!query) {
            writer.error(query.error());
        } else if (!match) {
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
        if (body_reader && body_reader->unread() && writer.answered()) {
            drain_before_close(sock);
            break;
        }
        if (!writer.reusable()) break;
    }
    beast::error_code ignored;
    sock.shutdown(Socket::shutdown_both, ignored);
    sock.close(ignored);
}

}  // namespace berth::api
