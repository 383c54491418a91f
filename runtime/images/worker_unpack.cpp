#include "images/worker_unpack.h"

#include <poll.h>
#include <signal.h>

#include "util/child_process.h"
#include "util/json_lines.h"

namespace berth::images {

namespace {

using nlohmann::json;

Result<UnpackStats> stats_from(const json &j) {
    try {
        UnpackStats s;
        s.bytes = j.at("bytes").get<std::uint64_t>();
        s.entries = j.at("entries").get<std::uint64_t>();
        s.content_bytes = j.at("content_bytes").get<std::uint64_t>();
        s.devices_skipped = j.at("devices_skipped").get<std::uint64_t>();
        s.diff_id = j.at("diff_id").get<std::string>();
        return s;
    } catch (const json::exception &e) {
        return Error::internal(std::string("the unpack worker sent malformed stats: ") + e.what());
    }
}

Result<UnpackStats> unpack_in_worker(const std::filesystem::path &exe, const std::filesystem::path &archive,
                                     const std::filesystem::path &dest, const UnpackOptions &options) {
    if (exe.empty()) return Error::internal("berth-worker was not found beside berthd: cannot unpack layers");
    util::ChildSpec spec;
    spec.exe = exe;
    spec.argv = {"berth-worker", "unpack", archive.string(), dest.string()};
    spec.pipe_stdout = true;
    auto worker = TRY(util::ChildProcess::spawn(spec));
    util::JsonLineReader in(worker.stdout_fd(), "berth-worker (unpack)");
    for (;;) {
        // Lines are written whole and are short, so a readable pipe holds at least one.
        pollfd pfd{worker.stdout_fd(), POLLIN, 0};
        const int ready = ::poll(&pfd, 1, 100);
        if (ready < 0 && errno != EINTR) return Error::sys("poll", "berth-worker (unpack)");
        if (options.cancel && *options.cancel)
            return Error{"unpack layer", archive.string(), 0, "cancelled", ErrorKind::Cancelled};
        if (ready <= 0) continue;
        auto line = TRY(in.next());
        if (!line) break;
        const json &msg = *line;
        if (msg.contains("progress") && msg["progress"].is_number_unsigned()) {
            if (options.on_progress) options.on_progress(msg["progress"].get<std::uint64_t>());
        } else if (msg.contains("error")) {
            return util::error_from_json(msg["error"]);
        } else if (msg.contains("result")) {
            return stats_from(msg["result"]);
        }
    }
    const int status = TRY(worker.wait());
    return Error{"unpack layer", archive.string(), 0,
                 "the unpack worker (berth-worker) ended without an answer (exit status " + std::to_string(status) + ")",
                 ErrorKind::Internal};
}

}  // namespace

LayerUnpacker worker_layer_unpacker(std::filesystem::path worker_exe) {
    return [exe = std::move(worker_exe)](const std::filesystem::path &archive, const std::filesystem::path &dest,
                                         const UnpackOptions &options) {
        return unpack_in_worker(exe, archive, dest, options);
    };
}

}  // namespace berth::images
