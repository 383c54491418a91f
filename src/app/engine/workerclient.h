#pragma once
// The Engine API client a worker thread owns: one per thread, because a client's transport
// is not thread-safe. The workers create it on first use and drop it when the host changes.

#include "client/host.h"
#include "common/result.h"

#include <QString>

#include <memory>

namespace berth::client {
class EngineClient;
}

// The host a setting names: the text itself, or when it is empty $BERTH_HOST, then
// $DOCKER_HOST, then Berth's default socket (the CLI's order).
berth::Result<berth::client::Host> hostFromSetting(const QString &hostText);

// A client for `host` that negotiates the API version on its first request.
std::unique_ptr<berth::client::EngineClient> newWorkerClient(berth::client::Host host);
