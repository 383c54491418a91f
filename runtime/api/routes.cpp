#include "api/routes.h"

#include "api/containers_routes.h"

namespace berth::api {

void register_all_routes(Router &router, Daemon &daemon) {
    register_system_routes(router, daemon);
    register_image_routes(router, daemon);
    register_event_routes(router, daemon);
    register_container_routes(router, daemon);
    register_volume_routes(router, daemon);
    register_exec_routes(router, daemon);
    register_container_stats_routes(router, daemon);
    register_network_routes(router, daemon);
    register_container_archive_routes(router, daemon);
}

}  // namespace berth::api
