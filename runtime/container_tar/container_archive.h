// docker cp and export on a container's root (a RootfsView's fd): stat a path, write it as
// a tar, extract a tar into a directory, write the whole file system. Paths resolve as
// Docker resolves them (container.ResolvePath): every component but the last follows
// symlinks inside the container's root; the last is taken as it is unless the path ends
// in "/" or "/.". Nothing here can reach outside the root (openat2 RESOLVE_IN_ROOT, then
// *at() calls; extraction reuses the layer unpacker's RESOLVE_BENEATH rules).
// This needs libarchive, so it runs in berth-worker (worker/archive_modes.cpp); berthd
// reaches it through containers/worker_archive.h.
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"
#include "container_tar/tar_writer.h"
#include "containers/archive_job.h"
#include "containers/path_stat.h"

namespace berth::containers {

// A missing path is ErrorKind::NotFound (the API words it with the container's name).
Result<PathStat> stat_container_path(int root, const std::string &path);

// The path as a tar whose top entry is named after the path's base name ("." for "/" and
// for a path ending in "/.").
Result<void> archive_container_path(int root, const std::string &path, const TarSink &sink);

// Extracts the tar (plain, gzip, bzip2 or xz) into the directory `path` as it is read, in
// pieces, so its size does not matter. 404 when `path` does not exist, 400 when it is not
// a directory, an entry is unsafe (escapes the directory, is a device node) or the stream
// is not a tar or ends early. Entries before a bad one stay; a file cut short is removed.
Result<void> extract_into_container(int root, const std::string &path, const TarSource &tar,
                                    const ExtractIntoOptions &options);
// The same from a tar in memory.
Result<void> extract_into_container(int root, const std::string &path, std::string_view tar,
                                    const ExtractIntoOptions &options);

// Every file of the root, entries named without a leading "/" or "./" (docker export).
Result<void> export_root(int root, const TarSink &sink);

}  // namespace berth::containers
