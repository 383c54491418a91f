// How a route handler answers. One of: json(), error(), no_content(), text(), a stream
// (begin_stream, write_chunk..., finish) or hijack() for attach/exec.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <ostream>  // boost/beast/http/status.hpp needs it and does not include it

#include <boost/beast/http/status.hpp>
#include <nlohmann/json.hpp>

#include "common/result.h"

namespace berth::api {

using Status = boost::beast::http::status;

// The raw connection after hijack(): the response header is already sent; from here on
// the handler owns the byte stream in both directions. `buffered` holds bytes the client
// sent after its request that the HTTP reader had already read (attach stdin, say); use
// them before reading from the fd. The connection is closed when the handler returns.
struct HijackedConnection {
    int fd = -1;
    std::string buffered;
};

class ResponseWriter {
public:
    virtual ~ResponseWriter() = default;

    virtual void json(Status status, const nlohmann::json &body) = 0;
    // {"message": error.message()} with the status of error.kind; logged at debug/error.
    virtual void error(const Error &error) = 0;
    virtual void no_content() = 0;  // 204
    virtual void text(Status status, std::string_view content_type, std::string body) = 0;
    // Extra header for the next response (e.g. "Location").
    virtual void set_header(const std::string &name, const std::string &value) = 0;

    // Chunked streaming: sends the status and headers now. write_chunk returns false once
    // the client has gone away (then stop producing); finish ends the stream.
    virtual bool begin_stream(Status status, std::string_view content_type) = 0;
    virtual bool write_chunk(std::string_view data) = 0;
    virtual void finish() = 0;
    // True when the peer closed or shut down its side (checked without blocking; safe to
    // call from another thread while the handler writes), so a
    // handler that is waiting for something can notice a departed client.
    virtual bool client_gone() = 0;

    // Sends "101 UPGRADED" (Connection: Upgrade, Upgrade: tcp) when the client asked for an
    // upgrade, otherwise 200, with `content_type` (application/vnd.docker.raw-stream or
    // application/vnd.docker.multiplexed-stream), then hands over the connection.
    virtual Result<HijackedConnection> hijack(std::string_view content_type) = 0;

    // Whether anything was sent yet (a handler that failed after that can only end the
    // stream with an error line).
    virtual bool started() const = 0;
};

}  // namespace berth::api
