// Every module's routes are registered here, on one Router, at daemon start.
#pragma once

#include "api/daemon.h"
#include "api/router.h"

namespace berth::api {

void register_system_routes(Router &router, Daemon &daemon);  // /_ping /version /info
void register_image_routes(Router &router, Daemon &daemon);   // /images/...
void register_event_routes(Router &router, Daemon &daemon);   // /events
void register_network_routes(Router &router, Daemon &daemon); // /networks/...

// Calls each register_*_routes above; new subsystems add their line there.
void register_all_routes(Router &router, Daemon &daemon);

}  // namespace berth::api
