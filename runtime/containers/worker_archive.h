// docker cp and docker export as berthd does them: each request starts one berth-worker
// (archive_job.h has the protocol) on the container's root fd, because the tar work needs
// libarchive and berthd must not map it. Tars stream through pipes in chunks both ways;
// nothing the size of a tar is held in memory.
//
// Every failure of the worker itself (crash, kill, an end without a result) is an internal
// error naming the job and the container; the worker is always killed and reaped, so no
// process outlives the call. Writing to a worker that has exited needs SIGPIPE ignored,
// which berthd does at start (api/daemon_main.cpp).
#pragma once

#include <filesystem>
#include <string>

#include "common/result.h"
#include "containers/archive_job.h"
#include "containers/path_stat.h"
#include "util/child_process.h"
#include "util/json_lines.h"
#include "util/unique_fd.h"

namespace berth::containers {

// A running archive-get or export job: its tar, read in chunks into a sink.
class WorkerTarStream {
public:
    // The path's stat, sent before any tar byte (archive-get only).
    const PathStat &stat() const { return stat_; }
    // Copies the tar into `sink`, then returns the worker's result. A sink that returns
    // false (the client went away) ends the worker at once: ErrorKind::Cancelled.
    Result<void> copy_to(const TarSink &sink);

private:
    friend class ArchiveWorker;
    WorkerTarStream(util::ChildProcess child, util::UniqueFd tar, std::string job);

    util::ChildProcess child_;
    util::UniqueFd tar_;
    std::string job_;  // "archive-get of /etc in container web", for errors
    util::JsonLineReader lines_;
    PathStat stat_;
};

class ArchiveWorker {
public:
    // The berth-worker installed beside berthd; an error when there is none.
    static Result<ArchiveWorker> beside_daemon(std::string container);
    // `container` only names the container in errors.
    ArchiveWorker(std::filesystem::path exe, std::string container);

    // HEAD /containers/{id}/archive. A missing path is NotFound with errno ENOENT.
    Result<PathStat> stat(int root, const std::string &path) const;
    // GET /containers/{id}/archive: returns once the worker sent the stat (or failed
    // before writing any tar byte), so the caller can still answer with an error.
    Result<WorkerTarStream> get(int root, const std::string &path) const;
    // PUT /containers/{id}/archive: feeds `tar` into the worker as it arrives. A source
    // error ends the job with that error; the worker's own errors (404, 400) come back as
    // they are. The source may not be read to its end: the worker stops at the tar's end.
    Result<void> put(int root, const std::string &path, const TarSource &tar, const ExtractIntoOptions &options) const;
    // GET /containers/{id}/export.
    Result<WorkerTarStream> export_root(int root) const;

private:
    std::string describe(const char *mode, const std::string &path) const;

    std::filesystem::path exe_;
    std::string container_;
};

}  // namespace berth::containers
