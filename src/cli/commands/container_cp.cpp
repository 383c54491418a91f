// berth cp: files between a container and the host, with docker cp's rules for where
// things land (cli/command/container/cp.go and pkg/archive's CopyInfoDestinationPath):
//   dest is an existing directory  -> the source goes inside it under its own name
//                                     (a source ending in "/." gives its contents)
//   dest does not exist            -> the source is copied under the name dest
//                                     (a dest ending in "/" must then be a directory)
//   dest is an existing file       -> a file source replaces it; a directory is refused
// "-" is a tar on stdin (into a container directory) or to stdout.
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <ostream>
#include <thread>

#include "cli/commands/commands.h"
#include "cli/commands/cp_host_tar.h"
#include "client/container_files.h"

namespace berth::cli::commands {
namespace {

namespace fs = std::filesystem;

struct CpEndpoint {
    std::string container;  // empty: the host
    std::string path;
};

// docker's splitCpArg: an absolute or ./-relative path is local even with a ':' in it.
CpEndpoint split_cp_arg(const std::string &arg) {
    if (arg.starts_with("/") || arg.starts_with(".")) return {"", arg};
    const auto colon = arg.find(':');
    if (colon == std::string::npos || colon == 0) return {"", arg};
    return {arg.substr(0, colon), arg.substr(colon + 1)};
}

bool wants_contents(const std::string &p) { return p.ends_with("/.") || p == "."; }
bool asserts_dir(const std::string &p) { return p.ends_with("/") || wants_contents(p); }

std::string base_name(const std::string &p) {
    std::string s = p;
    while (s.size() > 1 && s.ends_with("/")) s.pop_back();
    const auto slash = s.rfind('/');
    return slash == std::string::npos ? s : s.substr(slash + 1);
}

std::string parent_of(const std::string &p) {
    std::string s = p;
    while (s.size() > 1 && s.ends_with("/")) s.pop_back();
    const auto slash = s.rfind('/');
    if (slash == std::string::npos) return ".";
    return slash == 0 ? "/" : s.substr(0, slash);
}

Error usage_error(const std::string &m) { return Error{{}, {}, 0, m, ErrorKind::InvalidArgument}; }

// The container's tar goes through a socket pair into the extraction, which runs on a
// thread of its own as the bytes arrive: a copy of any size in constant memory. The
// extraction changes the working directory, so it starts only once the engine's answer is
// flowing (the connection, whatever its socket path, is open by then).
Result<void> download_into(client::EngineClient &c, const std::string &container, const std::string &path,
                           const fs::path &dest_dir, const HostExtractOptions &o) {
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) < 0) return Error::sys("create", "a socket pair");
    std::optional<Result<void>> extracted;
    auto extract = [&] {
        extracted.emplace(extract_to_host_from_fd(fds[0], dest_dir, o));
        ::shutdown(fds[0], SHUT_RDWR);  // the download stops if the extraction ended early
    };
    std::optional<std::thread> extractor;
    bool extraction_ended = false;
    auto downloaded = client::get_container_archive(c, container, path, [&](std::string_view b) {
        if (!extractor) extractor.emplace(extract);
        while (!b.empty()) {
            const ssize_t n = ::send(fds[1], b.data(), b.size(), MSG_NOSIGNAL);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                extraction_ended = true;
                return false;
            }
            b.remove_prefix(static_cast<std::size_t>(n));
        }
        return true;
    });
    ::shutdown(fds[1], SHUT_WR);  // the end of the tar for the extraction
    if (extractor) extractor->join();
    if (!downloaded && !extraction_ended) {
        ::close(fds[0]);
        ::close(fds[1]);
        return std::move(downloaded).error();
    }
    if (!extractor) extract();  // an empty answer: the extraction says what it makes of it
    ::close(fds[0]);
    ::close(fds[1]);
    return std::move(*extracted);
}

Result<void> from_container(Context &ctx, client::EngineClient &c, const CpEndpoint &src, const std::string &dst,
                            bool follow, bool archive_mode) {
    std::string src_path = src.path;
    auto st = TRY(client::stat_container_path(c, src.container, src_path));
    std::string rebase;  // the name entries should have instead of the link's target name
    if (follow && st.is_symlink()) {
        rebase = st.name;
        src_path = st.link_target;
        st = TRY(client::stat_container_path(c, src.container, src_path));
    }
    if (dst == "-") {
        TRY(client::get_container_archive(c, src.container, src_path, [&](std::string_view b) {
            ctx.out.write(b.data(), static_cast<std::streamsize>(b.size()));
            return static_cast<bool>(ctx.out);
        }));
        ctx.out.flush();
        return {};
    }
    const std::string src_base = wants_contents(src_path) ? "." : base_name(src_path);
    const std::string tar_base = rebase.empty() ? (src_base == "/" ? "." : src_base) : base_name(src_path);
    HostExtractOptions o;
    o.keep_owner = archive_mode;
    struct stat dst_st {};
    const bool dst_exists = ::stat(dst.c_str(), &dst_st) == 0;
    if (dst_exists && S_ISDIR(dst_st.st_mode)) {
        if (!wants_contents(src_path) && !rebase.empty()) {
            o.rename_from = tar_base;
            o.rename_to = rebase;
        }
        return download_into(c, src.container, src_path, fs::absolute(dst), o);
    }
    if (dst_exists) {
        if (st.is_dir()) return usage_error("cannot copy a directory to a file");
    } else {
        if (asserts_dir(dst) && !st.is_dir()) return usage_error("destination directory " + dst + " must exist");
        struct stat parent_st {};
        if (::stat(parent_of(dst).c_str(), &parent_st) < 0 || !S_ISDIR(parent_st.st_mode))
            return usage_error("destination directory " + parent_of(dst) + " does not exist");
    }
    o.rename_from = tar_base;
    o.rename_to = base_name(dst);
    return download_into(c, src.container, src_path, fs::absolute(parent_of(dst)), o);
}

// The host path as a tar made while it is sent: a tree of any size in constant memory.
client::TarSource host_tar(const std::string &src, const std::string &name, bool follow) {
    auto reader = std::make_shared<HostTarReader>(src, name, follow);
    return [reader](char *buf, std::size_t size) { return reader->read(buf, size); };
}

Result<void> to_container(Context &ctx, client::EngineClient &c, const std::string &src, const CpEndpoint &dst,
                          bool follow, bool archive_mode) {
    if (src == "-") {
        auto st = TRY(client::stat_container_path(c, dst.container, dst.path));
        if (!st.is_dir()) return usage_error("destination \"" + dst.container + ":" + dst.path + "\" must be a directory");
        // Passed on as it comes: a tar on stdin can be any size.
        client::TarSource from_stdin = [&ctx](char *buf, std::size_t size) -> Result<std::size_t> {
            const std::streamsize n = ctx.in.rdbuf()->sgetn(buf, static_cast<std::streamsize>(size));
            return n > 0 ? static_cast<std::size_t>(n) : 0;
        };
        return client::put_container_archive(c, dst.container, dst.path, std::move(from_stdin), true, archive_mode);
    }
    struct stat src_st {};
    if ((follow ? ::stat(src.c_str(), &src_st) : ::lstat(src.c_str(), &src_st)) < 0)
        return Error::sys("stat", src);
    const bool src_dir = S_ISDIR(src_st.st_mode);
    const std::string src_name = wants_contents(src) ? "." : base_name(src);

    std::string dst_path = dst.path;
    auto st = client::stat_container_path(c, dst.container, dst_path);
    if (st && st->is_symlink()) {  // docker follows a destination link
        dst_path = st->link_target;
        st = client::stat_container_path(c, dst.container, dst_path);
    }
    if (!st && st.error().kind != ErrorKind::NotFound) return std::move(st).error();
    if (st && st->is_dir())
        return client::put_container_archive(c, dst.container, dst_path, host_tar(src, src_name, follow), true,
                                             archive_mode);
    if (st) {
        if (src_dir) return usage_error("cannot copy a directory to a file");
    } else if (asserts_dir(dst.path) && !src_dir) {
        return usage_error("destination directory " + dst.path + " must exist");
    }
    // Not there (or a file to replace): into its parent, under its name.
    return client::put_container_archive(c, dst.container, parent_of(dst_path), host_tar(src, base_name(dst_path), follow),
                                         true, archive_mode);
}

int run(Context &ctx, const ParsedArgs &args) {
    const CpEndpoint src = split_cp_arg(args.positional[0]);
    const CpEndpoint dst = split_cp_arg(args.positional[1]);
    if (src.container.empty() == dst.container.empty())
        return ctx.fail(src.container.empty() ? "must specify at least one container source"
                                              : "copying between containers is not supported");
    if (src.path.empty() || dst.path.empty()) return ctx.fail("filepath can not be empty");
    auto client = ctx.client();
    if (!client) return ctx.fail(client.error());
    const bool follow = args.flag("follow-link");
    auto r = src.container.empty() ? to_container(ctx, **client, src.path, dst, follow, args.flag("archive"))
                                   : from_container(ctx, **client, src, dst.path, follow, args.flag("archive"));
    if (!r) return ctx.fail(r.error());
    return kExitOk;
}

}  // namespace

Command cp_command() {
    Command c;
    c.path = "container cp";
    c.aliases = {"cp"};
    c.usage = "[OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tberth cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH";
    c.summary = "Copy files/folders between a container and the local filesystem";
    c.flags = {
        {"archive", 'a', FlagSpec::Type::Bool, "Archive mode (copy all uid/gid information)", "", ""},
        {"follow-link", 'L', FlagSpec::Type::Bool, "Always follow symbol link in SRC_PATH", "", ""},
    };
    c.min_args = c.max_args = 2;
    c.run = run;
    return c;
}

}  // namespace berth::cli::commands
