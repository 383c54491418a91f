#include "containers/worker_archive.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cstring>
#include <optional>
#include <utility>
#include <vector>

#include "util/fd_io.h"

namespace berth::containers {
namespace {

namespace job = archive_job;

constexpr std::size_t kChunk = 256 * 1024;

// How a worker that did not end with a result line ended, in words.
std::string how_it_ended(int code) {
    if (code > 128) return "was killed by signal " + std::to_string(code - 128) + " (" + ::strsignal(code - 128) + ")";
    if (code != 0) return "exited with status " + std::to_string(code);
    return "ended without a result";
}

Error worker_failed(const std::string &what, const std::string &how) {
    return Error::internal("berth-worker's " + what + " failed: the worker " + how);
}

// Reads the worker's lines to the end and waits for it. The job's outcome is its last line
// ({"result": ...} or {"error": ...}) when it exited 0; anything else is the worker's crash.
// `last` is a line the caller already read.
Result<nlohmann::json> finish_job(util::ChildProcess &child, util::JsonLineReader &lines, const std::string &what,
                                  std::optional<nlohmann::json> last = std::nullopt) {
    std::optional<Error> read_error;
    for (;;) {
        auto line = lines.next();
        if (!line) {
            read_error = std::move(line).error();
            child.kill(SIGKILL);
            break;
        }
        if (!*line) break;
        last = std::move(**line);
    }
    auto code = child.wait();
    if (!code) return std::move(code).error().context("wait for berth-worker's " + what);
    if (read_error) return std::move(*read_error).context("berth-worker's " + what);
    if (*code != 0) return worker_failed(what, how_it_ended(*code));
    if (last && last->contains("error")) return util::error_from_json(last->at("error"));
    if (last && last->contains("result")) return last->at("result");
    return worker_failed(what, how_it_ended(0));
}

// Writes all of `data` to the worker's stdin. False when the worker no longer reads (EPIPE:
// it finished early, failed or died; its result says which).
Result<bool> feed(int fd, std::string_view data, const std::string &what) {
    auto r = util::write_all(fd, data, "the tar for berth-worker's " + what);
    if (!r && r.error().err == EPIPE) return false;
    if (!r) return std::move(r).error();
    return true;
}

}  // namespace

WorkerTarStream::WorkerTarStream(util::ChildProcess child, util::UniqueFd tar, std::string what)
    : child_(std::move(child)), tar_(std::move(tar)), job_(std::move(what)),
      lines_(child_.stdout_fd(), "berth-worker's " + job_) {}

Result<void> WorkerTarStream::copy_to(const TarSink &sink) {
    std::vector<char> buf(kChunk);
    for (;;) {
        const ssize_t n = ::read(tar_.get(), buf.data(), buf.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return Error::sys("read", "the tar of berth-worker's " + job_);  // the worker dies with child_
        if (n == 0) break;
        if (!sink(std::string_view(buf.data(), static_cast<std::size_t>(n)))) {
            // Nobody wants the rest: stop the worker now rather than let it walk the tree.
            child_.kill(SIGKILL);
            (void)child_.wait();
            return Error::of(ErrorKind::Cancelled, job_ + ": the client went away");
        }
    }
    tar_.reset();
    TRY(finish_job(child_, lines_, job_));
    return {};
}

Result<ArchiveWorker> ArchiveWorker::beside_daemon(std::string container) {
    auto exe = util::sibling_executable("berth-worker");
    if (exe.empty()) {
        std::error_code ec;
        const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
        return Error::internal("berth-worker not found beside berthd (in " + self.parent_path().string() +
                               "): docker cp and export need it");
    }
    return ArchiveWorker(std::move(exe), std::move(container));
}

ArchiveWorker::ArchiveWorker(std::filesystem::path exe, std::string container)
    : exe_(std::move(exe)), container_(std::move(container)) {}

std::string ArchiveWorker::describe(const char *mode, const std::string &path) const {
    return std::string(mode) + (path.empty() ? "" : " of " + path) + " in container " + container_;
}

namespace {

struct JobStart {
    const std::filesystem::path &exe;
    const char *mode;
    std::vector<std::string> args;
    int root;
    bool pipe_stdin = false;
    int tar_fd = -1;  // the write end of the tar pipe, for the modes that send a tar
};

Result<util::ChildProcess> start_job(const JobStart &s, const std::string &what) {
    util::ChildSpec spec;
    spec.exe = s.exe;
    spec.argv = {"berth-worker", s.mode};
    spec.argv.insert(spec.argv.end(), s.args.begin(), s.args.end());
    spec.pipe_stdin = s.pipe_stdin;
    spec.pipe_stdout = true;
    spec.inherit.emplace_back(s.root, job::kRootFd);
    if (s.tar_fd >= 0) spec.inherit.emplace_back(s.tar_fd, job::kTarFd);
    auto child = util::ChildProcess::spawn(spec);
    if (!child) return std::move(child).error().context("start berth-worker for " + what);
    return child;
}

}  // namespace

Result<PathStat> ArchiveWorker::stat(int root, const std::string &path) const {
    const std::string what = describe(job::kStat, path);
    const JobStart start{exe_, job::kStat, {path}, root};
    auto child = TRY(start_job(start, what));
    util::JsonLineReader lines(child.stdout_fd(), "berth-worker's " + what);
    return path_stat_from_json(TRY(finish_job(child, lines, what)));
}

Result<WorkerTarStream> ArchiveWorker::get(int root, const std::string &path) const {
    const std::string what = describe(job::kGet, path);
    auto [tar_in, tar_out] = TRY(util::make_pipe("the tar of " + what));
    const JobStart start{exe_, job::kGet, {path}, root, false, tar_out.get()};
    auto child = TRY(start_job(start, what));
    tar_out.reset();  // the worker holds the only write end: its exit ends the tar
    WorkerTarStream stream(std::move(child), std::move(tar_in), what);
    auto first = stream.lines_.next();
    if (first && *first && (*first)->contains("stat")) {
        stream.stat_ = TRY(path_stat_from_json((*first)->at("stat")));
        return stream;
    }
    // No stat: the worker failed before the tar ({"error": ...}) or died.
    std::optional<nlohmann::json> last;
    if (!first) {
        stream.child_.kill(SIGKILL);
        (void)stream.child_.wait();
        return std::move(first).error();
    }
    if (*first) last = std::move(**first);
    stream.tar_.reset();
    TRY(finish_job(stream.child_, stream.lines_, what, std::move(last)));
    return worker_failed(what, "sent a result before the path's stat");
}

Result<void> ArchiveWorker::put(int root, const std::string &path, const TarSource &tar,
                                const ExtractIntoOptions &options) const {
    const std::string what = describe(job::kPut, path);
    std::vector<std::string> args{path};
    if (options.no_overwrite_dir_non_dir) args.emplace_back(job::kNoOverwriteDirNonDir);
    if (!options.owner_user.empty()) {
        args.emplace_back(job::kOwnerUser);
        args.push_back(options.owner_user);
    }
    const JobStart start{exe_, job::kPut, std::move(args), root, true};
    auto child = TRY(start_job(start, what));

    std::optional<Error> source_error;
    std::vector<char> buf(kChunk);
    for (;;) {
        auto n = tar(buf.data(), buf.size());
        if (!n) {
            source_error = std::move(n).error();
            break;
        }
        if (*n == 0) break;
        if (!TRY(feed(child.stdin_fd(), std::string_view(buf.data(), *n), what))) break;
    }
    // The end of the tar (or of what arrived of it): a worker still reading finishes, and
    // one cut short by a source error removes the file it was writing.
    child.close_stdin();
    util::JsonLineReader lines(child.stdout_fd(), "berth-worker's " + what);
    auto r = finish_job(child, lines, what);
    if (source_error) return std::move(*source_error);
    if (!r) return std::move(r).error();
    return {};
}

Result<WorkerTarStream> ArchiveWorker::export_root(int root) const {
    const std::string what = describe(job::kExport, "");
    auto [tar_in, tar_out] = TRY(util::make_pipe("the tar of " + what));
    const JobStart start{exe_, job::kExport, {}, root, false, tar_out.get()};
    auto child = TRY(start_job(start, what));
    tar_out.reset();
    return WorkerTarStream(std::move(child), std::move(tar_in), what);
}

}  // namespace berth::containers
