// One registry, as the client sees it: which endpoint answers (HTTPS, or plain HTTP where
// allowed), how to authenticate (the /v2/ ping's challenge, Bearer tokens per scope, Basic),
// and the policy around every request: redirects that keep credentials on the registry's
// own origin, and retries with backoff for transient failures.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "registry/auth_challenge.h"
#include "registry/http_transport.h"
#include "registry/registry_host.h"
#include "registry/token_cache.h"
#include "images/registry_client.h"

namespace berth::images::registry {

struct RegistryCall {
    std::string method = "GET";
    std::string target;                 // "/v2/..." on the registry, or an absolute URL
    std::vector<std::string> headers;   // besides Authorization
    std::string scope;                  // token scope: "repository:library/busybox:pull"
    BodySink *sink = nullptr;           // streams a 2xx body; see TransferOptions
    std::function<void()> restart;      // called before every attempt that uses `sink`
    std::size_t max_body = 4 << 20;
    const std::atomic<bool> *cancel = nullptr;
};

class RegistrySession {
public:
    RegistrySession(RegistryConfig config, RegistryHost host, TlsSettings tls, std::optional<Credentials> creds);

    // Sends the call (authenticating, retrying and following redirects as needed) and
    // returns the final response, whatever its status. Errors are failures to get one.
    Result<HttpResponse> call(const RegistryCall &call);

    // "https://host:port" or "http://host:port", found by pinging /v2/ once.
    Result<std::string> base_url();

    const RegistryHost &host() const { return host_; }

    // For tests: how long the backoff before retry `attempt` (1-based) is.
    static std::chrono::milliseconds backoff(int attempt);

private:
    RegistryConfig config_;
    RegistryHost host_;
    HttpTransport transport_;
    std::optional<Credentials> creds_;
    TokenCache tokens_;

    std::mutex ping_mutex_;  // one /v2/ ping at a time
    std::mutex mutex_;       // guards base_ and challenges_
    std::string base_;
    std::vector<AuthChallenge> challenges_;

    struct Sent {
        TransferResult result;
        std::string url;  // the URL that gave the final response
    };
    // One attempt: sends, following redirects, adding `authorization` only on the registry's origin.
    Result<Sent> send_following_redirects(const RegistryCall &call, const std::string &url,
                                          const std::string &authorization, const std::string &registry_origin);
    Result<std::string> authorization(const std::string &scope);
    Result<BearerToken> fetch_token(const AuthChallenge &bearer, const std::string &scope);
    Result<std::string> ping();
    // Replaces the known challenges with the response's; false when it carried none.
    bool remember_challenges(const HttpResponse &response, const std::string &scope);
};

// "Get \"https://...\": <what libcurl said>", Go's net/http wording, which Docker prints.
Error transport_error(const std::string &method, const std::string &url, const TransferResult &result);

}  // namespace berth::images::registry
