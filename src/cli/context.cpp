#include <iostream>

#include "cli/command.h"
#include "client/api_error.h"

namespace berth::cli {

Result<client::EngineClient *> Context::client() {
    if (!client_) {
        std::function<void(const std::string &)> log;
        if (debug) log = [this](const std::string &line) { err << "DEBU " << line << '\n'; };
        client_ = TRY(client::make_client(host_flag, std::move(log)));
    }
    return &*client_;
}

int Context::fail(const Error &e) {
    const bool from_engine = e.op == client::kDaemonErrorOp;
    const bool connection = e.op.empty() && (e.kind == ErrorKind::Unavailable || e.kind == ErrorKind::Forbidden);
    if (from_engine || connection) err << e.message() << '\n';
    else err << "berth: " << e.message() << '\n';
    return kExitFailure;
}

int Context::fail(const std::string &message) {
    err << "berth: " << message << '\n';
    return kExitFailure;
}

}  // namespace berth::cli
