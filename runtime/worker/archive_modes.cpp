// berth-worker's side of docker cp and docker export (the protocol is in
// containers/archive_job.h): the container's root arrives as descriptor kRootFd, tars go
// out on kTarFd or come in on stdin, and JSON lines on stdout say how it went.
#include <unistd.h>

#include <string>
#include <string_view>
#include <vector>

#include "container_tar/container_archive.h"
#include "containers/archive_job.h"
#include "util/fd_io.h"
#include "util/json_lines.h"
#include "worker/worker_modes.h"

namespace berth::worker {
namespace {

using containers::ExtractIntoOptions;
using containers::TarSink;
using containers::TarSource;
namespace job = containers::archive_job;

constexpr const char *kStdout = "berth-worker stdout";

// The last line of every job; berthd is the only reader, so a failed write has no one to
// tell and the exit code stays 0 (berthd then sees a job without a result).
int finish(const Result<nlohmann::json> &r) {
    if (r) (void)util::write_json_line(STDOUT_FILENO, {{"result", *r}}, kStdout);
    else (void)util::write_json_line(STDOUT_FILENO, {{"error", util::error_to_json(r.error())}}, kStdout);
    return 0;
}

Result<nlohmann::json> done(const Result<void> &r) {
    if (!r) return r.error();
    return nlohmann::json::object();
}

Result<std::string> path_argument(const std::vector<std::string> &args, const char *mode) {
    if (args.empty() || args[0].empty()) return Error::invalid(std::string(mode) + ": no path given");
    return args[0];
}

// Writes all of `bytes` to the tar descriptor; false once berthd stopped reading (EPIPE:
// the client went away and berthd is about to end this worker).
bool write_tar(std::string_view bytes) { return util::write_all(job::kTarFd, bytes, "the tar").ok(); }

Result<std::size_t> read_stdin(char *buf, std::size_t size) {
    for (;;) {
        const ssize_t n = ::read(STDIN_FILENO, buf, size);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return Error::sys("read", "the tar from berthd");
        return static_cast<std::size_t>(n);
    }
}

Result<ExtractIntoOptions> put_options(const std::vector<std::string> &args) {
    ExtractIntoOptions o;
    for (std::size_t i = 1; i < args.size(); ++i) {
        if (args[i] == job::kNoOverwriteDirNonDir) {
            o.no_overwrite_dir_non_dir = true;
        } else if (args[i] == job::kOwnerUser && i + 1 < args.size()) {
            o.owner_user = args[++i];
        } else {
            return Error::invalid(std::string(job::kPut) + ": unknown argument \"" + args[i] + "\"");
        }
    }
    return o;
}

}  // namespace

int run_archive_stat(const std::vector<std::string> &args) {
    auto run = [&]() -> Result<nlohmann::json> {
        const std::string path = TRY(path_argument(args, job::kStat));
        return containers::to_json(TRY(containers::stat_container_path(job::kRootFd, path)));
    };
    return finish(run());
}

int run_archive_get(const std::vector<std::string> &args) {
    auto run = [&]() -> Result<nlohmann::json> {
        const std::string path = TRY(path_argument(args, job::kGet));
        // The stat goes first, so berthd answers 404 or sends the stat header before any
        // tar byte exists.
        const auto st = TRY(containers::stat_container_path(job::kRootFd, path));
        TRY(util::write_json_line(STDOUT_FILENO, {{"stat", containers::to_json(st)}}, kStdout));
        auto r = containers::archive_container_path(job::kRootFd, path, write_tar);
        ::close(job::kTarFd);  // the end of the tar for berthd, before the result line
        return done(r);
    };
    return finish(run());
}

int run_archive_put(const std::vector<std::string> &args) {
    auto run = [&]() -> Result<nlohmann::json> {
        const std::string path = TRY(path_argument(args, job::kPut));
        const auto options = TRY(put_options(args));
        const TarSource from_stdin = read_stdin;
        return done(containers::extract_into_container(job::kRootFd, path, from_stdin, options));
    };
    return finish(run());
}

int run_export(const std::vector<std::string> &) {
    auto r = containers::export_root(job::kRootFd, write_tar);
    ::close(job::kTarFd);
    return finish(done(r));
}

}  // namespace berth::worker
