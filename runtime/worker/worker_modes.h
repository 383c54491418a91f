// The jobs berth-worker does for berthd, one mode per job (worker_main.cpp dispatches).
// They hold the work that needs libcurl or libarchive, so that berthd, which stays up all
// the time, maps neither library; a worker lives for one job and exits.
//
// Every mode speaks JSON lines (util/json_lines.h). A mode that ends with a result writes
// {"result": ...} or {"error": {...}} as its last line and exits 0; any other exit, or an
// end without that line, is a failure berthd reports as the worker's crash.
#pragma once

#include <string>
#include <vector>

namespace berth::worker {

// `registry`: one registry client for one repository (the first line on stdin opens it),
// then requests with ids on stdin, answered on stdout, several at once (registry_mode.cpp).
int run_registry(const std::vector<std::string> &args);

// `unpack ARCHIVE DEST`: unpacks one image layer; progress and the result on stdout.
int run_unpack(const std::vector<std::string> &args);

// docker cp and docker export on a container's root (containers/archive_job.h has the
// protocol; archive_modes.cpp): `archive-stat PATH`, `archive-get PATH`,
// `archive-put PATH [--no-overwrite-dir-non-dir] [--owner-user USER]`, `export`.
int run_archive_stat(const std::vector<std::string> &args);
int run_archive_get(const std::vector<std::string> &args);
int run_archive_put(const std::vector<std::string> &args);
int run_export(const std::vector<std::string> &args);

}  // namespace berth::worker
