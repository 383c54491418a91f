// The host side of `berth cp`: a host path as a tar (the request body of PUT archive) and
// a tar from the engine extracted into a host directory. libarchive does the tar work;
// extraction refuses "..", absolute names and writing through symlinks
// (ARCHIVE_EXTRACT_SECURE_*), so a hostile container cannot write outside the target.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "common/result.h"

namespace berth::cli::commands {

// `source` (file, directory or symlink) as a tar with its top entry named `top_name` and
// everything below it as top_name/... ; `follow_link` archives what a symlink at `source`
// points to. top_name "." gives a directory's contents ("./a", "./b").
// The tar is made as it is read, one file block at a time, so a tree of any size is sent
// in constant memory: the files are opened and read when their turn comes.
class HostTarReader {
public:
    HostTarReader(const std::filesystem::path &source, const std::string &top_name, bool follow_link);
    ~HostTarReader();
    HostTarReader(const HostTarReader &) = delete;
    HostTarReader &operator=(const HostTarReader &) = delete;

    // Up to `size` bytes of the tar into `buf`; 0 at its end. An error (a file that cannot
    // be read) is returned again by every later call.
    Result<std::size_t> read(char *buf, std::size_t size);

private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

// The whole tar in memory (small trees, tests).
Result<std::string> tar_host_path(const std::filesystem::path &source, const std::string &top_name,
                                  bool follow_link);

struct HostExtractOptions {
    std::string rename_from;  // the first path component to rename ("" keeps names)
    std::string rename_to;
    bool keep_owner = false;  // -a: the tar's owners (only effective as root)
};
// Extracts `tar` into the existing directory `dest_dir`.
Result<void> extract_to_host(std::string_view tar, const std::filesystem::path &dest_dir,
                             const HostExtractOptions &options);
// The same, reading the tar from `fd` as it comes, until its end marker or end of file.
// Changes the process's working directory while it runs (libarchive extracts relative to
// it): other threads must not use relative paths meanwhile.
Result<void> extract_to_host_from_fd(int fd, const std::filesystem::path &dest_dir, const HostExtractOptions &options);

}  // namespace berth::cli::commands
