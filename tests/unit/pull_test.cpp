// Pulls from a real registry (Debian's docker-registry on 127.0.0.1 and a free port),
// into which the test pushes small OCI images it builds itself (busybox from
// busybox-static) with skopeo: docker's progress sequence, layer sharing, and failures
// (tampered blob, wrong diff_id, cancellation) that must leave the store as it was.
#include <archive.h>
#include <archive_entry.h>
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <thread>

#include <nlohmann/json.hpp>

#include "images/digest.h"
#include "images/image_store.h"
#include "images/pull.h"
#include "images/worker_registry_client.h"
#include "images/worker_unpack.h"
#include "layers/layer_unpack.h"
#include "registry/distribution_client.h"

extern char **environ;

namespace fs = std::filesystem;
using namespace berth;
using namespace berth::images;

namespace {

la_ssize_t append_to_string(archive *, void *ctx, const void *buf, size_t n) {
    static_cast<std::string *>(ctx)->append(static_cast<const char *>(buf), n);
    return static_cast<la_ssize_t>(n);
}

std::string read_all(const fs::path &p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

struct LayerFile {
    std::string path;
    std::string data;
    std::string symlink;  // when set, a symlink
    mode_t perm = 0644;
};

std::string make_tar(const std::vector<LayerFile> &files) {
    std::string out;
    archive *a = archive_write_new();
    archive_write_set_format_pax_restricted(a);
    archive_write_set_bytes_in_last_block(a, 1);
    archive_write_open(a, &out, nullptr, append_to_string, nullptr);
    for (const auto &f : files) {
        archive_entry *e = archive_entry_new();
        archive_entry_set_pathname(e, f.path.c_str());
        archive_entry_set_mtime(e, 1700000000, 0);
        if (!f.symlink.empty()) {
            archive_entry_set_filetype(e, AE_IFLNK);
            archive_entry_set_perm(e, 0777);
            archive_entry_set_symlink(e, f.symlink.c_str());
        } else {
            archive_entry_set_filetype(e, AE_IFREG);
            archive_entry_set_perm(e, f.perm);
            archive_entry_set_size(e, static_cast<la_int64_t>(f.data.size()));
        }
        archive_write_header(a, e);
        if (f.symlink.empty()) archive_write_data(a, f.data.data(), f.data.size());
        archive_entry_free(e);
    }
    archive_write_close(a);
    archive_write_free(a);
    return out;
}

std::string gzip(const std::string &data) {
    std::string out;
    archive *a = archive_write_new();
    archive_write_set_format_raw(a);
    archive_write_add_filter_gzip(a);
    archive_write_open(a, &out, nullptr, append_to_string, nullptr);
    archive_entry *e = archive_entry_new();
    archive_entry_set_filetype(e, AE_IFREG);
    archive_write_header(a, e);
    archive_write_data(a, data.data(), data.size());
    archive_entry_free(e);
    archive_write_close(a);
    archive_write_free(a);
    return out;
}

struct Layer {
    std::string gz;
    std::string diff_id;
    std::string digest;
};

Layer make_layer(const std::vector<LayerFile> &files) {
    const std::string tar = make_tar(files);
    Layer l;
    l.gz = gzip(tar);
    l.diff_id = sha256_digest(tar);
    l.digest = sha256_digest(l.gz);
    return l;
}

int run(const std::vector<std::string> &argv, const fs::path &log) {
    std::vector<char *> args;
    for (const auto &a : argv) args.push_back(const_cast<char *>(a.c_str()));
    args.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_adddup2(&fa, 1, 2);
    pid_t pid = -1;
    int rc = posix_spawn(&pid, args[0], &fa, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) return -1;
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int free_port() {
    int s = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(s, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    ::getsockname(s, reinterpret_cast<sockaddr *>(&addr), &len);
    ::close(s);
    return ntohs(addr.sin_port);
}

bool port_open(int port) {
    int s = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bool ok = ::connect(s, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0;
    ::close(s);
    return ok;
}

// One registry for the whole suite; images are pushed to it by the tests that need them.
class Registry {
public:
    bool start() {
        char tmpl[] = "/tmp/berth-pull-registry-XXXXXX";
        if (!::mkdtemp(tmpl)) return false;
        dir_ = tmpl;
        port_ = free_port();
        std::ofstream(dir_ / "config.yml") << "version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n"
                                              "    rootdirectory: "
                                           << (dir_ / "storage").string()
                                           << "\nhttp:\n  addr: 127.0.0.1:" << port_ << "\n";
        std::ofstream(dir_ / "policy.json") << R"({"default":[{"type":"insecureAcceptAnything"}]})";
        std::vector<std::string> argv = {"/usr/bin/docker-registry", "serve", (dir_ / "config.yml").string()};
        std::vector<char *> args;
        for (auto &a : argv) args.push_back(a.data());
        args.push_back(nullptr);
        posix_spawn_file_actions_t fa;
        posix_spawn_file_actions_init(&fa);
        posix_spawn_file_actions_addopen(&fa, 1, (dir_ / "registry.log").c_str(), O_WRONLY | O_CREAT | O_APPEND,
                                         0644);
        posix_spawn_file_actions_adddup2(&fa, 1, 2);
        int rc = posix_spawn(&pid_, args[0], &fa, nullptr, args.data(), environ);
        posix_spawn_file_actions_destroy(&fa);
        if (rc != 0) return false;
        for (int i = 0; i < 200; ++i) {
            if (port_open(port_)) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return false;
    }
    void stop() {
        if (pid_ > 0) {
            ::kill(pid_, SIGTERM);
            int status = 0;
            ::waitpid(pid_, &status, 0);
            pid_ = -1;
        }
        if (!dir_.empty()) fs::remove_all(dir_);
    }

    std::string host() const { return "127.0.0.1:" + std::to_string(port_); }
    fs::path blob_data(const std::string &digest) const {
        const std::string hex = digest.substr(7);
        return dir_ / "storage/docker/registry/v2/blobs/sha256" / hex.substr(0, 2) / hex / "data";
    }

    // Writes an OCI layout with one image and pushes it as host()/name:tag. Returns the
    // config digest (the image ID).
    std::string push(const std::string &name, const std::string &tag, const std::vector<Layer> &layers,
                     std::vector<std::string> diff_ids = {}) {
        const fs::path oci = dir_ / ("oci-" + name + "-" + tag);
        fs::create_directories(oci / "blobs/sha256");
        auto put = [&](const std::string &data) {
            const std::string d = sha256_digest(data);
            std::ofstream(oci / "blobs/sha256" / d.substr(7), std::ios::binary) << data;
            return d;
        };
        if (diff_ids.empty())
            for (const auto &l : layers) diff_ids.push_back(l.diff_id);
        nlohmann::json history = nlohmann::json::array();
        for (std::size_t i = 0; i < layers.size(); ++i)
            history.push_back({{"created", "2024-01-01T00:00:00Z"}, {"created_by", "layer " + std::to_string(i)}});
        nlohmann::json config = {{"architecture", "amd64"},
                                 {"os", "linux"},
                                 {"created", "2024-01-01T00:00:00Z"},
                                 {"config", {{"Cmd", {"sh"}}, {"Labels", {{"image", name + ":" + tag}}}}},
                                 {"rootfs", {{"type", "layers"}, {"diff_ids", diff_ids}}},
                                 {"history", history}};
        const std::string config_raw = config.dump();
        nlohmann::json manifest = {{"schemaVersion", 2},
                                   {"mediaType", "application/vnd.oci.image.manifest.v1+json"},
                                   {"config",
                                    {{"mediaType", "application/vnd.oci.image.config.v1+json"},
                                     {"digest", put(config_raw)},
                                     {"size", config_raw.size()}}},
                                   {"layers", nlohmann::json::array()}};
        for (const auto &l : layers) {
            put(l.gz);
            manifest["layers"].push_back({{"mediaType", "application/vnd.oci.image.layer.v1.tar+gzip"},
                                          {"digest", l.digest},
                                          {"size", l.gz.size()}});
        }
        const std::string manifest_raw = manifest.dump();
        nlohmann::json index = {{"schemaVersion", 2},
                                {"manifests",
                                 {{{"mediaType", "application/vnd.oci.image.manifest.v1+json"},
                                   {"digest", put(manifest_raw)},
                                   {"size", manifest_raw.size()},
                                   {"annotations", {{"org.opencontainers.image.ref.name", tag}}}}}}};
        std::ofstream(oci / "index.json") << index.dump();
        std::ofstream(oci / "oci-layout") << R"({"imageLayoutVersion":"1.0.0"})";
        int rc = run({"/usr/bin/skopeo", "--policy", (dir_ / "policy.json").string(), "copy", "--quiet",
                      "--dest-tls-verify=false", "oci:" + oci.string() + ":" + tag,
                      "docker://" + host() + "/" + name + ":" + tag},
                     dir_ / "skopeo.log");
        EXPECT_EQ(rc, 0) << read_all(dir_ / "skopeo.log");
        return sha256_digest(config_raw);
    }

private:
    fs::path dir_;
    int port_ = 0;
    pid_t pid_ = -1;
};

Registry *g_registry = nullptr;

const Layer &busybox_layer() {
    static const Layer layer = make_layer({{"bin/busybox", read_all("/bin/busybox"), {}, 0755},
                                           {"bin/sh", {}, "busybox"},
                                           {"bin/ls", {}, "busybox"}});
    return layer;
}

// The berth-worker processes this test process started (children of any of its threads).
std::vector<pid_t> worker_children() {
    std::vector<pid_t> out;
    for (const auto &task : fs::directory_iterator("/proc/self/task")) {
        std::ifstream children(task.path() / "children");
        for (pid_t pid; children >> pid;) {
            std::ifstream cmdline("/proc/" + std::to_string(pid) + "/cmdline");
            std::string argv0;
            std::getline(cmdline, argv0, '\0');
            if (argv0 == "berth-worker") out.push_back(pid);
        }
    }
    return out;
}

// Every test runs twice: with the registry client and unpacker in this process, and as
// berthd runs them, in berth-worker processes.
class Pull : public ::testing::TestWithParam<bool> {
protected:
    static void SetUpTestSuite() {
        // As in berthd (daemon_main.cpp): a worker that has exited makes writes to its
        // stdin fail with EPIPE instead of killing the process.
        ::signal(SIGPIPE, SIG_IGN);
        g_registry = new Registry;
        if (!g_registry->start()) {
            g_registry->stop();
            delete g_registry;
            g_registry = nullptr;
        }
    }
    static void TearDownTestSuite() {
        if (g_registry) g_registry->stop();
        delete g_registry;
        g_registry = nullptr;
    }

    void SetUp() override {
        ASSERT_NE(g_registry, nullptr) << "docker-registry did not start";
        char tmpl[] = "/tmp/berth-pull-store-XXXXXX";
        ASSERT_NE(::mkdtemp(tmpl), nullptr);
        root_ = tmpl;
        auto s = ImageStore::open(root_ / "image", through_worker() ? worker_layer_unpacker(BERTH_WORKER_EXE)
                                                                    : LayerUnpacker(unpack_layer));
        ASSERT_TRUE(s.ok()) << s.error().message();
        store_ = std::move(s).value();
    }
    void TearDown() override {
        store_.reset();
        fs::remove_all(root_);
    }

    struct Outcome {
        Result<Image> result = Error::internal("not run");
        std::vector<PullProgress> lines;
        bool other_thread = false;
    };

    Outcome pull(const std::string &name, std::atomic<bool> *cancel_at_download = nullptr) {
        Outcome out;
        auto ref = parse_reference(g_registry->host() + "/" + name);
        EXPECT_TRUE(ref.ok());
        PullRequest req;
        req.ref = *ref;
        RegistryConfig config;
        config.max_concurrent_downloads = 2;
        std::atomic<bool> local_cancel{false};
        std::atomic<bool> &cancel = cancel_at_download ? *cancel_at_download : local_cancel;
        const auto me = std::this_thread::get_id();
        const RegistryClientFactory clients =
            through_worker() ? worker_registry_clients(BERTH_WORKER_EXE) : RegistryClientFactory(open_distribution_client);
        out.result = pull_image(*store_, config, clients, req,
                                [&](const PullProgress &p) {
                                    if (std::this_thread::get_id() != me) out.other_thread = true;
                                    out.lines.push_back(p);
                                    if (cancel_at_download && p.status == "Downloading") cancel = true;
                                },
                                cancel);
        return out;
    }

    // The store's files, to compare before and after a failed pull.
    std::set<std::string> store_files() const {
        std::set<std::string> out;
        for (auto it = fs::recursive_directory_iterator(root_ / "image"); it != fs::recursive_directory_iterator();
             ++it) {
            const std::string rel = it->path().lexically_relative(root_).string();
            if (rel.find("/diff/") != std::string::npos) continue;
            out.insert(rel + (it->is_regular_file() ? ":" + read_all(it->path()) : ""));
        }
        return out;
    }

    // Status lines of one layer, in order, without repeated "Downloading"/"Extracting".
    static std::vector<std::string> statuses_of(const std::vector<PullProgress> &lines, const std::string &id) {
        std::vector<std::string> out;
        for (const auto &l : lines) {
            if (l.id != id) continue;
            if (!out.empty() && out.back() == l.status) continue;
            out.push_back(l.status);
        }
        return out;
    }

    static bool through_worker() { return GetParam(); }
    // Differs between the two runs where a test changes blobs in the shared registry.
    static std::string run_name() { return through_worker() ? "worker" : "in-process"; }

    fs::path root_;
    std::unique_ptr<ImageStore> store_;
};

std::string short_of(const Layer &l) { return l.digest.substr(7, 12); }

TEST_P(Pull, EmitsDockersProgressSequence) {
    const Layer top = make_layer({{"etc/hello", "hello from the top layer\n"}});
    const std::string id = g_registry->push("seq", "v1", {busybox_layer(), top});
    auto out = pull("seq:v1");
    ASSERT_TRUE(out.result.ok()) << out.result.error().message();
    EXPECT_FALSE(out.other_thread) << "progress was called from a worker thread";
    EXPECT_EQ(out.result->id, id);

    ASSERT_GE(out.lines.size(), 10u);
    EXPECT_EQ(out.lines.front().id, "v1");
    EXPECT_EQ(out.lines.front().status, "Pulling from seq");
    EXPECT_EQ(out.lines[1].id, short_of(busybox_layer()));
    EXPECT_EQ(out.lines[1].status, "Pulling fs layer");
    EXPECT_EQ(out.lines[2].id, short_of(top));
    EXPECT_EQ(out.lines[2].status, "Pulling fs layer");
    const std::vector<std::string> expected = {"Pulling fs layer", "Downloading", "Verifying Checksum",
                                               "Download complete", "Extracting", "Pull complete"};
    EXPECT_EQ(statuses_of(out.lines, short_of(busybox_layer())), expected);
    EXPECT_EQ(statuses_of(out.lines, short_of(top)), expected);

    // Extraction strictly in layer order.
    std::vector<std::string> completed;
    for (const auto &l : out.lines)
        if (l.status == "Pull complete") completed.push_back(l.id);
    EXPECT_EQ(completed, (std::vector<std::string>{short_of(busybox_layer()), short_of(top)}));
    for (const auto &l : out.lines)
        if (l.status == "Downloading") {
            EXPECT_GT(l.total, 0);
            EXPECT_LE(l.current, l.total);
        }

    const auto &digest_line = out.lines[out.lines.size() - 2];
    EXPECT_TRUE(digest_line.status.starts_with("Digest: sha256:")) << digest_line.status;
    EXPECT_EQ(digest_line.id, "");
    EXPECT_EQ(out.lines.back().status, "Status: Downloaded newer image for " + g_registry->host() + "/seq:v1");

    auto img = store_->resolve(g_registry->host() + "/seq:v1");
    ASSERT_TRUE(img.ok());
    ASSERT_EQ(img->repo_digests.size(), 1u);
    EXPECT_EQ(img->repo_digests[0], g_registry->host() + "/seq@" + digest_line.status.substr(8));
    auto dirs = store_->layer_dirs(img->id);
    ASSERT_TRUE(dirs.ok());
    ASSERT_EQ(dirs->size(), 2u);
    EXPECT_EQ(read_all((*dirs)[0] / "bin/busybox"), read_all("/bin/busybox"));
    EXPECT_EQ(fs::read_symlink((*dirs)[0] / "bin/sh"), "busybox");
    EXPECT_EQ(read_all((*dirs)[1] / "etc/hello"), "hello from the top layer\n");
    EXPECT_TRUE(fs::is_empty(root_ / "image/tmp"));

    // Again: nothing to download.
    auto again = pull("seq:v1");
    ASSERT_TRUE(again.result.ok());
    ASSERT_EQ(again.lines.size(), 3u);
    EXPECT_EQ(again.lines[1].status, digest_line.status);
    EXPECT_EQ(again.lines[2].status, "Status: Image is up to date for " + g_registry->host() + "/seq:v1");
}

TEST_P(Pull, SharedLayerAlreadyExists) {
    const Layer a = make_layer({{"a", "only in a"}});
    const Layer b = make_layer({{"b", "only in b"}});
    g_registry->push("share-a", "1", {busybox_layer(), a});
    g_registry->push("share-b", "1", {busybox_layer(), b});
    ASSERT_TRUE(pull("share-a:1").result.ok());
    auto out = pull("share-b:1");
    ASSERT_TRUE(out.result.ok()) << out.result.error().message();
    EXPECT_EQ(statuses_of(out.lines, short_of(busybox_layer())), std::vector<std::string>{"Already exists"});
    EXPECT_EQ(statuses_of(out.lines, short_of(b)).front(), "Pulling fs layer");

    // The shared base is one directory, used by both images.
    auto ia = store_->resolve(g_registry->host() + "/share-a:1");
    auto ib = store_->resolve(g_registry->host() + "/share-b:1");
    ASSERT_TRUE(ia.ok() && ib.ok());
    EXPECT_EQ((*store_->layer_dirs(ia->id))[0], (*store_->layer_dirs(ib->id))[0]);
    ASSERT_TRUE(store_->remove(g_registry->host() + "/share-a:1", false, false).ok());
    EXPECT_TRUE(fs::exists((*store_->layer_dirs(ib->id))[0] / "bin/busybox"));
}

TEST_P(Pull, ManyLayersQueueBehindTheDownloadLimit) {
    std::vector<Layer> layers;
    for (int i = 0; i < 4; ++i) layers.push_back(make_layer({{"f" + std::to_string(i), std::string(1000, 'a' + i)}}));
    g_registry->push("many", "1", layers);
    auto out = pull("many:1");
    ASSERT_TRUE(out.result.ok()) << out.result.error().message();
    int waiting = 0;
    for (const auto &l : out.lines) waiting += l.status == "Waiting";
    EXPECT_EQ(waiting, 2);  // four layers, two download slots
    auto dirs = store_->layer_dirs(out.result->id);
    ASSERT_TRUE(dirs.ok());
    EXPECT_EQ(dirs->size(), 4u);
}

TEST_P(Pull, TamperedBlobFailsAndLeavesTheStoreAsItWas) {
    ASSERT_TRUE(g_registry->push("base", "1", {busybox_layer()}).size());
    ASSERT_TRUE(pull("base:1").result.ok());
    const Layer victim = make_layer({{"victim", std::string(200000, 'v') + run_name()}});
    g_registry->push("tampered", "1", {busybox_layer(), victim});
    {
        const fs::path data = g_registry->blob_data(victim.digest);
        std::string bytes = read_all(data);
        ASSERT_FALSE(bytes.empty());
        bytes[bytes.size() / 2] ^= 0x55;
        std::ofstream(data, std::ios::binary | std::ios::trunc) << bytes;
    }
    const auto before = store_files();
    auto out = pull("tampered:1");
    ASSERT_FALSE(out.result.ok());
    const std::string msg = out.result.error().message();
    EXPECT_NE(msg.find(victim.digest), std::string::npos) << msg;
    EXPECT_EQ(store_files(), before);
    EXPECT_FALSE(store_->resolve(g_registry->host() + "/tampered:1").ok());
}

TEST_P(Pull, WrongDiffIdFailsAndLeavesTheStoreAsItWas) {
    const Layer layer = make_layer({{"x", "content"}});
    g_registry->push("baddiff", "1", {busybox_layer(), layer},
                     {busybox_layer().diff_id, "sha256:" + std::string(64, '1')});
    const auto before = store_files();
    auto out = pull("baddiff:1");
    ASSERT_FALSE(out.result.ok());
    EXPECT_NE(out.result.error().message().find("diff_id"), std::string::npos) << out.result.error().message();
    EXPECT_EQ(store_files(), before);
}

TEST_P(Pull, CancelledPullLeavesTheStoreAsItWas) {
    const Layer big = make_layer({{"big", std::string(4 << 20, 'b')}});
    g_registry->push("cancelled", "1", {busybox_layer(), big});
    const auto before = store_files();
    std::atomic<bool> cancel{false};
    auto out = pull("cancelled:1", &cancel);
    ASSERT_FALSE(out.result.ok());
    EXPECT_EQ(store_files(), before);
    EXPECT_TRUE(worker_children().empty()) << "a worker was left running";
}

TEST_P(Pull, UnknownTagIsNotFound) {
    auto out = pull("nosuch:1");
    ASSERT_FALSE(out.result.ok());
    EXPECT_TRUE(store_->list().empty());
}

// berth-worker killed in the middle of a download: the pull fails saying so, and the
// store is as it was.
class WorkerPull : public Pull {};

TEST_P(WorkerPull, KilledWorkerFailsThePullCleanly) {
    const Layer big = make_layer({{"big", std::string(8 << 20, 'k')}});
    g_registry->push("killed", "1", {busybox_layer(), big});
    const auto before = store_files();
    std::atomic<bool> killed{false};
    auto ref = parse_reference(g_registry->host() + "/killed:1");
    ASSERT_TRUE(ref.ok());
    PullRequest req;
    req.ref = *ref;
    std::atomic<bool> cancel{false};
    auto result = pull_image(*store_, RegistryConfig{}, worker_registry_clients(BERTH_WORKER_EXE), req,
                             [&](const PullProgress &p) {
                                 if (p.status != "Downloading" || killed) return;
                                 for (pid_t pid : worker_children()) ::kill(pid, SIGKILL);
                                 killed = true;
                             },
                             cancel);
    ASSERT_TRUE(killed) << "no download was seen";
    ASSERT_FALSE(result.ok());
    EXPECT_NE(result.error().message().find("berth-worker"), std::string::npos) << result.error().message();
    EXPECT_EQ(store_files(), before);
    EXPECT_TRUE(worker_children().empty()) << "a worker was left running";
}

TEST(PullWorker, MissingWorkerIsAClearError) {
    ::signal(SIGPIPE, SIG_IGN);  // as berthd does: see Pull::SetUpTestSuite
    auto client = worker_registry_clients("")(RegistryConfig{}, Reference{"127.0.0.1:1", "x", "1", ""}, std::nullopt);
    ASSERT_FALSE(client.ok());
    EXPECT_NE(client.error().message().find("berth-worker was not found"), std::string::npos);
    // A program that is not a worker: it ends without answering.
    auto wrong = worker_registry_clients("/bin/true")(RegistryConfig{}, Reference{"127.0.0.1:1", "x", "1", ""},
                                                      std::nullopt);
    ASSERT_FALSE(wrong.ok());
    EXPECT_NE(wrong.error().message().find("berth-worker"), std::string::npos) << wrong.error().message();
}

std::string run_kind(const ::testing::TestParamInfo<bool> &param) {
    return param.param ? "Worker" : "InProcess";
}
INSTANTIATE_TEST_SUITE_P(InProcessAndWorker, Pull, ::testing::Values(false, true), run_kind);
INSTANTIATE_TEST_SUITE_P(WorkerOnly, WorkerPull, ::testing::Values(true), run_kind);

}  // namespace
