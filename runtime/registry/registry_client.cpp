// RegistryClient over the distribution API v2: what to ask for and how to check the answer.
// Transport policy (auth, retries, redirects, TLS) lives in RegistrySession.
#include "registry/distribution_client.h"

#include <memory>

#include "images/digest.h"
#include "registry/blob_file_sink.h"
#include "registry/manifest_parse.h"
#include "registry/registry_errors.h"
#include "registry/registry_session.h"
#include "registry/tls_settings.h"

namespace berth::images {
namespace {

using registry::RegistryCall;
using registry::RegistrySession;

// Docker refuses manifests above 4 MiB; so does Berth (the body is held in memory).
constexpr std::size_t kMaxManifestSize = 4 << 20;
constexpr std::size_t kMaxListPage = 16 << 20;
constexpr int kMaxListPages = 10000;

// "layer sha256:..." or "config sha256:...", for error messages.
std::string blob_name(const Descriptor &d) {
    const std::string &t = d.media_type;
    if (t.find("config") != std::string::npos) return "config " + d.digest;
    if (t.find("layer") != std::string::npos || t.find("rootfs") != std::string::npos) return "layer " + d.digest;
    return "blob " + d.digest;
}

// The URL of the RFC 5988 Link header's rel="next" target, as registries paginate.
std::string next_link(const registry::HttpResponse &response) {
    for (const auto &link : response.header_values("link")) {
        const auto open = link.find('<');
        const auto close = link.find('>', open);
        if (open == std::string::npos || close == std::string::npos) continue;
        const std::string params = link.substr(close + 1);
        if (params.find("rel=\"next\"") != std::string::npos || params.find("rel=next") != std::string::npos)
            return link.substr(open + 1, close - open - 1);
    }
    return {};
}

class DistributionClient final : public RegistryClient {
public:
    DistributionClient(std::shared_ptr<RegistrySession> session, Reference repo)
        : session_(std::move(session)), repo_(std::move(repo)), scope_("repository:" + repo_.path + ":pull") {}

    Result<Manifest> fetch_manifest(const Reference &ref, const Platform &platform) override {
        const std::string wanted = !ref.digest.empty() ? ref.digest : (ref.tag.empty() ? "latest" : ref.tag);
        auto [raw, content_type] = TRY(get_manifest(wanted, ref));
        const std::string digest = TRY(verify_manifest(raw, ref.digest, ref));
        auto parsed = TRY(registry::classify_manifest(raw, content_type));
        if (parsed.kind == registry::ManifestKind::Image)
            return registry::parse_image_manifest(parsed, std::move(raw), digest);

        const Descriptor chosen = TRY(select_platform(parsed.doc, platform));
        auto [child_raw, child_type] = TRY(get_manifest(chosen.digest, ref));
        const std::string child_digest = TRY(verify_manifest(child_raw, chosen.digest, ref));
        if (static_cast<std::int64_t>(child_raw.size()) != chosen.size)
            return Error::of(ErrorKind::Internal, "size mismatch for manifest " + chosen.digest + ": expected " +
                                                      std::to_string(chosen.size) + " bytes, got " +
                                                      std::to_string(child_raw.size()));
        auto child = TRY(registry::classify_manifest(child_raw, child_type));
        if (child.kind != registry::ManifestKind::Image)
            return Error::of(ErrorKind::Internal, "manifest " + chosen.digest + " for " + platform.str() +
                                                      " is itself a manifest list");
        Manifest m = TRY(registry::parse_image_manifest(child, std::move(child_raw), child_digest));
        m.index_digest = digest;
        return m;
    }

    Result<void> fetch_blob(const Descriptor &blob, const std::filesystem::path &dest,
                            const std::function<void(std::int64_t, std::int64_t)> &progress,
                            const std::atomic<bool> &cancel) override {
        if (!is_valid_digest(blob.digest))
            return Error::invalid("fetch blob: digest \"" + blob.digest + "\" is not sha256:<64 hex>");
        auto sink = TRY(registry::BlobFileSink::open(dest, blob.size, blob_name(blob), &progress));
        RegistryCall call;
        call.target = "/v2/" + repo_.path + "/blobs/" + blob.digest;
        call.scope = scope_;
        call.sink = sink.get();
        call.restart = [&] { sink->restart(); };
        call.cancel = &cancel;
        auto response = session_->call(call);
        if (!response) {
            sink->discard();
            if (sink->error()) return *sink->error();  // the sink's reason (size, disk) is the real one
            return std::move(response).error();
        }
        if (response->status != 200) {
            sink->discard();
            return registry::response_error(*response, "fetch " + blob_name(blob));
        }
        return sink->finish(blob.digest);
    }

    Result<std::vector<std::string>> list_tags() override {
        return paged_list("/v2/" + repo_.path + "/tags/list", "tags", scope_, "tags of " + repo_.familiar_name());
    }

    Result<std::vector<std::string>> catalog() override {
        return paged_list("/v2/_catalog", "repositories", "registry:catalog:*", "catalog of " + repo_.domain);
    }

private:
    std::shared_ptr<RegistrySession> session_;
    Reference repo_;
    std::string scope_;

    struct Fetched {
        std::string raw;
        std::string content_type;
    };

    Result<Fetched> get_manifest(const std::string &tag_or_digest, const Reference &ref) {
        RegistryCall call;
        call.target = "/v2/" + repo_.path + "/manifests/" + tag_or_digest;
        call.headers.push_back(registry::manifest_accept_header());
        call.scope = scope_;
        call.max_body = kMaxManifestSize;
        auto response = TRY(session_->call(call));
        if (response.status != 200) return registry::manifest_error(response, ref);
        // Checked against the header here and against a pinned digest by the caller.
        const std::string header_digest = response.header("docker-content-digest");
        if (header_digest.starts_with("sha256:")) {
            const std::string got = sha256_digest(response.body);
            if (got != header_digest)
                return Error::of(ErrorKind::Internal, "digest mismatch for manifest " + tag_or_digest +
                                                          ": expected " + header_digest + ", got " + got);
        }
        return Fetched{std::move(response.body), response.header("content-type")};
    }

    static Result<std::string> verify_manifest(const std::string &raw, const std::string &pinned,
                                               const Reference &ref) {
        const std::string got = sha256_digest(raw);
        if (!pinned.empty() && pinned != got)
            return Error::of(ErrorKind::Internal,
                             "digest mismatch for manifest of " + ref.familiar() + ": expected " + pinned +
                                 ", got " + got);
        return got;
    }

    Result<std::vector<std::string>> paged_list(const std::string &first, const char *field,
                                                const std::string &scope, const std::string &what) {
        std::vector<std::string> out;
        std::string target = first;
        for (int page = 0; !target.empty(); ++page) {
            if (page >= kMaxListPages) return Error::of(ErrorKind::Internal, what + ": too many pages");
            RegistryCall call;
            call.target = target;
            call.scope = scope;
            call.max_body = kMaxListPage;
            auto response = TRY(session_->call(call));
            if (response.status != 200) return registry::response_error(response, what);
            auto doc = nlohmann::json::parse(response.body, nullptr, false);
            if (doc.is_discarded() || !doc.is_object())
                return Error::of(ErrorKind::Internal, what + ": response is not a JSON object");
            if (auto list = doc.find(field); list != doc.end() && list->is_array())
                for (const auto &item : *list)
                    if (item.is_string()) out.push_back(item.get<std::string>());
            const std::string next = next_link(response);
            target = next.empty() ? std::string() : registry::resolve_url(response.url, next);
        }
        return out;
    }
};

}  // namespace

Result<std::unique_ptr<RegistryClient>> open_distribution_client(const RegistryConfig &config, const Reference &repo,
                                                                  std::optional<Credentials> creds) {
    if (repo.domain.empty() || repo.path.empty())
        return Error::invalid("registry client: reference \"" + repo.full() + "\" has no registry or repository");
    registry::RegistryHost host = registry::registry_host(repo.domain);
    auto tls = TRY(registry::load_tls_settings(config.certs_dir, host.api_host));
    if (tls.ca_bundle.empty() && tls.client_cert.empty() && host.api_host != host.domain)
        tls = TRY(registry::load_tls_settings(config.certs_dir, host.domain));
    tls.verify_peer = !registry::listed_as_insecure(host, config.insecure_registries);
    auto session = std::make_shared<RegistrySession>(config, std::move(host), std::move(tls), std::move(creds));
    return std::unique_ptr<RegistryClient>(new DistributionClient(std::move(session), repo));
}

}  // namespace berth::images
