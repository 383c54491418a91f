// berth-worker unpack ARCHIVE DEST: one layer into DEST (which exists and is empty) with
// layers/layer_unpack.h's rules. stdout: {"progress": consumed} now and then, then
// {"result": stats} or {"error": ...}. berthd cancels by killing the worker; the store then
// removes the half-made directory.
#include "layers/layer_unpack.h"
#include "util/json_lines.h"
#include "worker/worker_modes.h"

namespace berth::worker {

int run_unpack(const std::vector<std::string> &args) {
    using nlohmann::json;
    auto send = [](const json &j) { return util::write_json_line(1, j, "unpack worker stdout"); };
    if (args.size() != 2) {
        (void)send({{"error", util::error_to_json(Error::invalid("usage: berth-worker unpack ARCHIVE DEST"))}});
        return 0;
    }
    images::UnpackOptions options;
    options.on_progress = [&](std::uint64_t consumed) { (void)send({{"progress", consumed}}); };
    auto stats = images::unpack_layer(args[0], args[1], options);
    if (!stats) return send({{"error", util::error_to_json(stats.error())}}) ? 0 : 1;
    const json result{{"bytes", stats->bytes},
                      {"entries", stats->entries},
                      {"content_bytes", stats->content_bytes},
                      {"devices_skipped", stats->devices_skipped},
                      {"diff_id", stats->diff_id}};
    return send({{"result", result}}) ? 0 : 1;
}

}  // namespace berth::worker
