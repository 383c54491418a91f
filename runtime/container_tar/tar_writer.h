// Writes file trees as a tar stream (libarchive, pax) to a sink, for docker cp's GET
// archive and for export. Every file is reached with *at() calls from an already open
// directory and never followed through a symlink, so a tree can be written from inside a
// container's root without ever touching the host's paths. Hardlinks stay hardlinks;
// security.capability is kept (as Docker does); sockets are left out; the contents of
// proc and sysfs mounts are not descended into.
#pragma once

#include <sys/types.h>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "common/result.h"
#include "containers/archive_job.h"

struct archive;

namespace berth::containers {

class TarWriter {
public:
    explicit TarWriter(TarSink sink);
    ~TarWriter();
    TarWriter(const TarWriter &) = delete;
    TarWriter &operator=(const TarWriter &) = delete;

    // `name` in the directory `parent` (without following it if it is a symlink),
    // recursively, as `tar_name` and below it.
    Result<void> add(int parent, const std::string &name, const std::string &tar_name);
    // The entries of the directory `dir`, each as prefix/name (just name for an empty prefix).
    Result<void> add_children(int dir, const std::string &prefix);
    // Writes the end-of-archive blocks.
    Result<void> finish();

private:
    Result<void> open();
    Result<void> check(int r, const std::string &what);

    TarSink sink_;
    archive *a_ = nullptr;
    bool reader_gone_ = false;
    std::pair<TarSink *, bool *> ctx_;  // what the libarchive write callback sees
    std::map<std::pair<dev_t, ino_t>, std::string> links_;  // first name of each multiply-linked file
};

}  // namespace berth::containers
