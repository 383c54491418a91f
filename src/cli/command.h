// The command table: each verb is a Command (src/cli/commands/<verb>.cpp) with its
// usage, help, flags and a run function. The dispatcher (cli.cpp) parses the flags and
// checks the argument count before run() is called.
#pragma once

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "cli/args.h"
#include "client/engine_client.h"
#include "common/result.h"

namespace berth::cli {

// Exit codes: docker's. Usage errors are 1 for now (docker's `run` uses 125; it comes
// with the container commands).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 1;

// What every command can use: streams, the global options, the engine client.
class Context {
public:
    Context(std::ostream &out, std::ostream &err, std::istream &in, bool out_is_tty)
        : out(out), err(err), in(in), out_is_tty(out_is_tty) {}

    std::ostream &out;
    std::ostream &err;
    std::istream &in;
    bool out_is_tty;
    std::optional<std::string> host_flag;  // -H/--host
    bool debug = false;

    // Created on first use from -H, BERTH_HOST, DOCKER_HOST or the default socket.
    Result<client::EngineClient *> client();

    // Prints an error as the docker CLI would and returns kExitFailure:
    //   the engine's answer  -> "Error response from daemon: <message>"
    //   cannot connect       -> "Cannot connect to the Berth engine at ... Is berthd running?"
    //   anything local       -> "berth: <message>"
    int fail(const Error &e);
    // "berth: <message>" and kExitFailure.
    int fail(const std::string &message);

private:
    std::optional<client::EngineClient> client_;
};

struct Command {
    std::string path;                  // "image ls" or "version"
    std::vector<std::string> aliases;  // other full paths: "images", "image list"
    std::string usage;                 // after the path: "[OPTIONS] NAME[:TAG|@DIGEST]"
    std::string summary;               // one line
    std::vector<FlagSpec> flags;
    int min_args = 0;
    int max_args = 0;  // -1: any number
    bool stop_at_first_positional = false;
    int usage_exit_code = kExitUsage;  // `run` and `create` use docker's 125
    std::function<int(Context &, const ParsedArgs &)> run;
};

// Every command, in help order (commands/registry.cpp).
const std::vector<Command> &all_commands();

}  // namespace berth::cli
