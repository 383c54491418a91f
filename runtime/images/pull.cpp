// Pull orchestration, in the order docker's puller does it (distribution/pull_v2.go):
// resolve the manifest; if the image config is already in the store, only retag; else fetch
// and verify the config, lease present layers ("Already exists"), download the others on
// a few worker threads, and unpack them strictly in layer order on an extractor thread,
// each layer's diff_id checked while it unpacks. Workers never call `progress`: they post
// lines to a queue that the calling thread drains. Nothing becomes visible in the store
// before the final commit, and a failure releases every lease so the layers this pull
// created disappear again.
#include "images/pull.h"

#include <condition_variable>
#include <algorithm>
#include <deque>
#include <mutex>
#include <thread>

#include "images/digest.h"
#include "images/store/blob_store.h"
#include "images/store/fs_util.h"

namespace berth::images {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

std::string short_layer_id(const std::string &digest) {
    std::string hex = digest_hex(digest);
    return hex.substr(0, 12);
}

// Progress lines posted by worker threads, drained by the calling thread.
class ProgressQueue {
public:
    void post(PullProgress p) {
        {
            std::lock_guard lock(mu_);
            lines_.push_back(std::move(p));
        }
        cv_.notify_one();
    }
    void wake() { cv_.notify_one(); }
    // Waits for lines (or `done()` / a timeout) and hands them out.
    template <class Pred>
    std::deque<PullProgress> take(Pred done, std::chrono::milliseconds timeout) {
        std::unique_lock lock(mu_);
        cv_.wait_for(lock, timeout, [&] { return !lines_.empty() || done(); });
        return std::exchange(lines_, {});
    }
    std::mutex &mutex() { return mu_; }
    std::condition_variable &cv() { return cv_; }

private:
    std::mutex mu_;
    std::condition_variable cv_;
    std::deque<PullProgress> lines_;
};

struct LayerJob {
    Descriptor blob;
    std::string diff_id;
    std::string chain_id;
    std::string parent_chain_id;
    std::string short_id;
    bool present = false;  // "Already exists"
    fs::path file;         // the downloaded blob
    bool downloaded = false;
};

// Shared between the calling thread, the download workers and the extractor.
struct PullState {
    ProgressQueue queue;
    std::atomic<bool> abort{false};
    std::mutex mu;  // guards the fields below
    std::condition_variable changed;
    std::size_t next_download = 0;
    std::size_t extracted = 0;  // layers unpacked so far (in order)
    std::optional<Error> error;
    int workers_running = 0;
    bool extractor_done = false;

    void fail(Error e) {
        {
            std::lock_guard lock(mu);
            if (!error) error = std::move(e);
        }
        abort = true;
        changed.notify_all();
        queue.wake();
    }
};

// Docker's "Downloading" lines come every so often, not for every chunk.
class Throttle {
public:
    bool ready(std::int64_t done, std::int64_t total) {
        const auto now = Clock::now();
        if (done == total || now - last_ >= std::chrono::milliseconds(100)) {
            last_ = now;
            return true;
        }
        return false;
    }

private:
    Clock::time_point last_{};
};

void download_worker(RegistryClient &client, std::vector<LayerJob> &jobs, PullState &st) {
    for (;;) {
        std::size_t index;
        {
            std::lock_guard lock(st.mu);
            while (st.next_download < jobs.size() && jobs[st.next_download].present) ++st.next_download;
            if (st.next_download >= jobs.size() || st.abort) break;
            index = st.next_download++;
        }
        LayerJob &job = jobs[index];
        Throttle throttle;
        auto on_progress = [&](std::int64_t done, std::int64_t total) {
            if (throttle.ready(done, total))
                st.queue.post({job.short_id, "Downloading", done, total > 0 ? total : job.blob.size});
        };
        auto r = client.fetch_blob(job.blob, job.file, on_progress, st.abort);
        if (!r) {
            st.fail(std::move(r).error());
            break;
        }
        // fetch_blob verified size and digest while streaming.
        st.queue.post({job.short_id, "Verifying Checksum", -1, -1});
        st.queue.post({job.short_id, "Download complete", -1, -1});
        {
            std::lock_guard lock(st.mu);
            job.downloaded = true;
        }
        st.changed.notify_all();
    }
    {
        std::lock_guard lock(st.mu);
        --st.workers_running;
    }
    st.changed.notify_all();
    st.queue.wake();
}

void extractor(ImageStore &store, std::vector<LayerJob> &jobs, PullState &st) {
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        LayerJob &job = jobs[i];
        if (job.present) continue;
        {
            std::unique_lock lock(st.mu);
            st.changed.wait(lock, [&] { return job.downloaded || st.abort; });
            if (st.abort) break;
        }
        Throttle throttle;
        UnpackOptions options;
        options.cancel = &st.abort;
        const std::int64_t total = job.blob.size;
        options.on_progress = [&](std::uint64_t consumed) {
            const auto done = static_cast<std::int64_t>(consumed);
            if (throttle.ready(done, total)) st.queue.post({job.short_id, "Extracting", done, total});
        };
        auto r = store.create_layer(job.parent_chain_id, job.diff_id, job.file, options);
        std::error_code ec;
        fs::remove(job.file, ec);
        if (!r) {
            st.fail(std::move(r).error().context("extract layer " + job.blob.digest));
            break;
        }
        job.present = true;  // leased by create_layer: release at the end
        st.queue.post({job.short_id, "Pull complete", -1, -1});
        {
            std::lock_guard lock(st.mu);
            st.extracted = i + 1;
        }
    }
    {
        std::lock_guard lock(st.mu);
        st.extractor_done = true;
    }
    st.changed.notify_all();
    st.queue.wake();
}

Result<std::string> fetch_config(RegistryClient &client, const Descriptor &config, const fs::path &tmp,
                                 const std::atomic<bool> &cancel) {
    const fs::path file = tmp / ("config-" + fsx::random_hex(8));
    auto fetched = client.fetch_blob(config, file, [](std::int64_t, std::int64_t) {}, cancel);
    if (!fetched) {
        std::error_code ec;
        fs::remove(file, ec);
        return std::move(fetched).error();
    }
    auto raw = fsx::read_file(file);
    std::error_code ec;
    fs::remove(file, ec);
    if (!raw) return std::move(raw).error();
    // The image ID is this digest; check it here too rather than trust the transport alone.
    const std::string actual = sha256_digest(*raw);
    if (actual != config.digest)
        return Error::internal("image config digest mismatch: expected " + config.digest + ", got " + actual);
    return raw;
}

Result<std::vector<std::string>> diff_ids_from(const std::string &config_raw, std::size_t layers) {
    std::vector<std::string> out;
    try {
        auto j = nlohmann::json::parse(config_raw);
        for (const auto &d : j.at("rootfs").at("diff_ids")) out.push_back(d.get<std::string>());
    } catch (const nlohmann::json::exception &e) {
        return Error::internal(std::string("invalid image config: ") + e.what());
    }
    if (out.size() != layers)
        return Error::internal("image config lists " + std::to_string(out.size()) + " diff_ids for " +
                               std::to_string(layers) + " layers");
    for (const auto &d : out)
        if (!is_valid_digest(d)) return Error::internal("invalid diff_id \"" + d + "\" in image config");
    return out;
}

// The layers: download, verify, unpack. Emits every per-layer line.
Result<void> pull_layers(ImageStore &store, RegistryClient &client, const RegistryConfig &config,
                         std::vector<LayerJob> &jobs, const std::function<void(const PullProgress &)> &progress,
                         const std::atomic<bool> &cancel) {
    std::size_t to_download = 0;
    for (auto &job : jobs) {
        progress({job.short_id, job.present ? "Already exists" : "Pulling fs layer", -1, -1});
        if (!job.present) job.file = store.temp_dir() / ("layer-" + fsx::random_hex(8));
        to_download += job.present ? 0 : 1;
    }
    const std::size_t workers = std::min<std::size_t>(std::max(1, config.max_concurrent_downloads), to_download);
    std::size_t started = 0;
    for (auto &job : jobs) {
        if (job.present) continue;
        if (started++ >= workers) progress({job.short_id, "Waiting", -1, -1});
    }
    if (to_download == 0) return {};

    PullState st;
    std::vector<std::thread> threads;
    st.workers_running = static_cast<int>(workers);
    for (std::size_t i = 0; i < workers; ++i)
        threads.emplace_back(download_worker, std::ref(client), std::ref(jobs), std::ref(st));
    threads.emplace_back(extractor, std::ref(store), std::ref(jobs), std::ref(st));

    auto finished = [&] {
        std::lock_guard lock(st.mu);
        return st.extractor_done && st.workers_running == 0;
    };
    for (;;) {
        if (cancel && !st.abort) st.fail(Error::of(ErrorKind::Cancelled, "pull cancelled"));
        auto lines = st.queue.take(finished, std::chrono::milliseconds(100));
        // After a failure, progress for other layers is noise: the error line follows.
        if (!st.abort)
            for (const auto &line : lines) progress(line);
        if (finished()) {
            // Lines posted between the last take and the end.
            if (!st.abort)
                for (const auto &line : st.queue.take([] { return true; }, std::chrono::milliseconds(0)))
                    progress(line);
            break;
        }
    }
    for (auto &t : threads) t.join();

    std::error_code ec;
    for (const auto &job : jobs)
        if (!job.file.empty()) fs::remove(job.file, ec);
    if (st.error) return *st.error;
    return {};
}

}  // namespace

Result<Image> pull_image(ImageStore &store, const RegistryConfig &config, const RegistryClientFactory &open_client,
                         const PullRequest &request,
                         const std::function<void(const PullProgress &)> &progress,
                         const std::atomic<bool> &cancel) {
    const Reference &ref = request.ref;
    progress({ref.has_digest() && ref.tag.empty() ? ref.digest : ref.tag, "Pulling from " + ref.path, -1, -1});

    Platform platform = Platform::host();
    if (!request.platform.empty()) {
        // "os/arch[/variant]"
        const std::string &p = request.platform;
        auto first = p.find('/');
        if (first == std::string::npos) return Error::invalid("invalid platform \"" + p + "\": want os/arch[/variant]");
        auto second = p.find('/', first + 1);
        platform.os = p.substr(0, first);
        platform.architecture = p.substr(first + 1, second == std::string::npos ? std::string::npos : second - first - 1);
        platform.variant = second == std::string::npos ? "" : p.substr(second + 1);
    }

    auto client = TRY(open_client(config, ref, request.credentials));
    auto manifest = TRY(client->fetch_manifest(ref, platform));
    if (cancel) return Error::of(ErrorKind::Cancelled, "pull cancelled");
    // Docker records and prints the digest the reference resolved to: the index's, when
    // the tag named one.
    const std::string repo_digest = manifest.index_digest.empty() ? manifest.digest : manifest.index_digest;

    // Docker skips the layers entirely when the image is already here, and only retags.
    // The config is fetched either way: it is small and the commit records it.
    const bool image_present = store.has_image(manifest.config.digest);
    const std::string config_raw = TRY(fetch_config(*client, manifest.config, store.temp_dir(), cancel));
    auto diff_ids = TRY(diff_ids_from(config_raw, manifest.layers.size()));

    std::vector<LayerJob> jobs;
    std::vector<std::string> leased;
    std::string parent;
    bool all_present = true;
    for (std::size_t i = 0; i < manifest.layers.size(); ++i) {
        LayerJob job;
        job.blob = manifest.layers[i];
        job.diff_id = diff_ids[i];
        job.parent_chain_id = parent;
        job.chain_id = chain_id(parent, job.diff_id);
        job.short_id = short_layer_id(job.blob.digest);
        job.present = store.lease_layer(job.chain_id);
        if (job.present) leased.push_back(job.chain_id);
        all_present = all_present && job.present;
        parent = job.chain_id;
        jobs.push_back(std::move(job));
    }
    const bool layers_needed = !(image_present && all_present);
    if (layers_needed) {
        auto pulled = pull_layers(store, *client, config, jobs, progress, cancel);
        // Layers this pull created were leased by create_layer.
        for (const auto &job : jobs)
            if (job.present && std::find(leased.begin(), leased.end(), job.chain_id) == leased.end())
                leased.push_back(job.chain_id);
        if (!pulled) {
            store.release_layers(leased);
            return std::move(pulled).error();
        }
    }
    if (cancel) {
        store.release_layers(leased);
        return Error::of(ErrorKind::Cancelled, "pull cancelled");
    }
    auto committed = store.commit_image(config_raw, ref, repo_digest, manifest.raw);
    store.release_layers(leased);
    if (!committed) return std::move(committed).error();

    progress({"", "Digest: " + repo_digest, -1, -1});
    // Like docker: "newer image" when layers came down or the tag moved.
    const bool downloaded = !image_present || committed->tag_updated;
    progress({"", std::string(downloaded ? "Status: Downloaded newer image for " : "Status: Image is up to date for ") +
                      ref.familiar(),
              -1, -1});
    return committed->image;
}

}  // namespace berth::images
