// The container and volume endpoints of the Engine API (runtime/containers,
// runtime/volumes behind them). Registered from routes.cpp.
#pragma once

#include "api/daemon.h"
#include "api/router.h"

namespace berth::api {

void register_container_routes(Router &router, Daemon &daemon);  // /containers/...
void register_container_attach_routes(Router &router, Daemon &daemon);  // attach, resize
void register_volume_routes(Router &router, Daemon &daemon);     // /volumes/...
void register_exec_routes(Router &router, Daemon &daemon);       // exec create/start/resize/inspect
void register_container_stats_routes(Router &router, Daemon &daemon);  // top, stats, update
void register_container_archive_routes(Router &router, Daemon &daemon);  // changes, archive, export

// The daemon's container service, or 503 when it runs without one (tests of other parts).
Result<containers::ContainerService *> container_service_of(Daemon &daemon);

}  // namespace berth::api
