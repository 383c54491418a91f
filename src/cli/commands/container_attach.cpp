#include "cli/commands/container_attach.h"

#include <ostream>

#include "client/containers.h"

namespace berth::cli::commands {

int follow_and_wait(Context &ctx, client::EngineClient &client, const std::string &id, bool tty,
                    int error_exit_code) {
    client::LogsOptions options;
    options.follow = true;
    auto streamed = client::container_logs(client, id, options, tty,
                                           [&](client::StreamKind kind, std::string_view data) {
                                               std::ostream &to = kind == client::StreamKind::Stderr ? ctx.err : ctx.out;
                                               to.write(data.data(), static_cast<std::streamsize>(data.size()));
                                               to.flush();
                                               return true;
                                           });
    ctx.out.flush();
    if (!streamed && streamed.error().kind == ErrorKind::Unavailable) {
        ctx.fail(streamed.error());
        return error_exit_code;
    }
    // A logs stream that ended early (or failed) is not the container's end: wait decides.
    auto code = client::wait_container(client, id);
    if (!code) {
        ctx.fail(code.error());
        return error_exit_code;
    }
    return *code;
}

}  // namespace berth::cli::commands
