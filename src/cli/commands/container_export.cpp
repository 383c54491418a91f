// berth export: the container's file system as a tar, to a file (-o) or to stdout, which
// must not be a terminal (as docker export).
#include <fcntl.h>
#include <unistd.h>

#include <ostream>

#include "cli/commands/commands.h"
#include "client/container_files.h"

namespace berth::cli::commands {
namespace {

int run(Context &ctx, const ParsedArgs &args) {
    const std::string output = args.value("output");
    if (output.empty() && ctx.out_is_tty)
        return ctx.fail("cowardly refusing to save to a terminal. Use the -o flag or redirect");
    int fd = -1;
    if (!output.empty()) {
        fd = ::open(output.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd < 0) return ctx.fail(Error::sys("open", output));
    }
    auto client = ctx.client();
    if (!client) {
        if (fd >= 0) ::close(fd);
        return ctx.fail(client.error());
    }
    bool write_failed = false;
    auto r = client::export_container(**client, args.positional[0], [&](std::string_view b) {
        if (fd < 0) {
            ctx.out.write(b.data(), static_cast<std::streamsize>(b.size()));
            return static_cast<bool>(ctx.out);
        }
        while (!b.empty()) {
            const ssize_t n = ::write(fd, b.data(), b.size());
            if (n < 0) {
                write_failed = true;
                return false;
            }
            b.remove_prefix(static_cast<std::size_t>(n));
        }
        return true;
    });
    ctx.out.flush();
    if (fd >= 0 && ::close(fd) < 0) write_failed = true;
    if (!r) return ctx.fail(r.error());
    if (write_failed) return ctx.fail("failed to write " + output);
    return kExitOk;
}

}  // namespace

Command export_command() {
    Command c;
    c.path = "container export";
    c.aliases = {"export"};
    c.usage = "[OPTIONS] CONTAINER";
    c.summary = "Export a container's filesystem as a tar archive";
    c.flags = {{"output", 'o', FlagSpec::Type::String, "Write to a file, instead of STDOUT", "", "string"}};
    c.min_args = c.max_args = 1;
    c.run = run;
    return c;
}

}  // namespace berth::cli::commands
