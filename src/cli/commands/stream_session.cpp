#include "cli/commands/stream_session.h"

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <optional>
#include <ostream>

#include "cli/terminal.h"
#include "client/mux_stream.h"
#include "common/detach_keys.h"

namespace berth::cli::commands {

Result<SessionEnd> run_session(Context &ctx, client::HijackedConnection &conn, const SessionOptions &options) {
    const bool local_tty = options.tty && terminal::is_terminal(STDIN_FILENO);
    std::string keys;
    if (options.tty && options.forward_stdin) keys = TRY(parse_detach_keys(options.detach_keys));
    DetachKeyMatcher detach(keys);

    terminal::RawMode raw;
    std::optional<terminal::WinchWatcher> winch;
    if (local_tty && options.forward_stdin) raw = TRY(terminal::RawMode::enable(STDIN_FILENO));
    if (options.tty && options.resize) {
        const int probe = terminal::is_terminal(STDOUT_FILENO) ? STDOUT_FILENO : STDIN_FILENO;
        if (auto w = terminal::WinchWatcher::open(); w) winch.emplace(std::move(*w));
        if (auto s = terminal::size(probe); s && s->first > 0) options.resize(s->first, s->second);
    }

    client::MultiplexedStreamDecoder decoder([&](client::StreamKind kind, std::string_view data) {
        std::ostream &to = kind == client::StreamKind::Stderr || kind == client::StreamKind::System ? ctx.err : ctx.out;
        to.write(data.data(), static_cast<std::streamsize>(data.size()));
        to.flush();
        return true;
    });
    auto output = [&](const char *data, std::size_t n) -> Result<void> {
        if (options.tty) {
            ctx.out.write(data, static_cast<std::streamsize>(n));
            ctx.out.flush();
            return {};
        }
        return decoder.feed(std::string_view(data, n));
    };

    bool stdin_open = options.forward_stdin;
    if (!stdin_open) (void)conn.close_write();  // nothing to send: tell the engine at once
    char buf[32768];
    for (;;) {
        while (conn.has_buffered()) {
            auto n = TRY(conn.read(buf, sizeof buf));
            TRY(output(buf, n));
        }
        pollfd p[3] = {{conn.fd(), POLLIN, 0},
                       {stdin_open ? STDIN_FILENO : -1, POLLIN, 0},
                       {winch ? winch->fd() : -1, POLLIN, 0}};
        if (::poll(p, 3, -1) < 0) {
            if (errno == EINTR) continue;
            return Error::sys("poll", "attached session");
        }
        if (p[0].revents) {
            auto n = TRY(conn.read(buf, sizeof buf));
            if (n == 0) {
                ctx.out.flush();
                return SessionEnd::OutputEnded;
            }
            TRY(output(buf, n));
        }
        if (stdin_open && p[1].revents) {
            ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                stdin_open = false;
                (void)conn.close_write();
            } else {
                bool detached = false;
                const std::string pass = detach.feed(std::string_view(buf, static_cast<std::size_t>(n)), detached);
                if (!pass.empty()) TRY(conn.write_all(pass));
                if (detached) {
                    raw.restore();
                    ctx.err << "\nread escape sequence\n";
                    ctx.err.flush();
                    return SessionEnd::Detached;
                }
            }
        }
        if (p[2].revents) {
            winch->drain();
            const int probe = terminal::is_terminal(STDOUT_FILENO) ? STDOUT_FILENO : STDIN_FILENO;
            if (auto s = terminal::size(probe); s && options.resize) options.resize(s->first, s->second);
        }
    }
}

}  // namespace berth::cli::commands
