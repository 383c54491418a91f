// berthd's LayerUnpacker: each layer is unpacked by a berth-worker (`unpack` mode), so
// berthd never loads libarchive. Progress comes back as the worker reads; cancelling kills
// the worker, and the store removes the half-made directory as after any failed unpack.
#pragma once

#include <filesystem>

#include "images/image_store.h"

namespace berth::images {

LayerUnpacker worker_layer_unpacker(std::filesystem::path worker_exe);

}  // namespace berth::images
