#include "registry/registry_session.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <thread>

#include <openssl/evp.h>

#include <nlohmann/json.hpp>

#include "registry/registry_errors.h"

namespace berth::images::registry {
namespace {

constexpr int kMaxRedirects = 10;
// A Retry-After longer than this is not waited for: the error goes back to the user.
constexpr std::chrono::seconds kMaxRetryAfter{10};

std::string base64(std::string_view in) {
    std::string out(4 * ((in.size() + 2) / 3), '\0');
    const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char *>(out.data()),
                                  reinterpret_cast<const unsigned char *>(in.data()), static_cast<int>(in.size()));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

// RFC 3986 percent-encoding of everything but the unreserved characters.
std::string query_escape(std::string_view in) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : in) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 0xf];
        }
    }
    return out;
}

bool is_redirect(long status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

bool is_retryable_status(long status) {
    return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
}

// Retry-After in its delta-seconds form; the HTTP-date form falls back to our own backoff.
std::optional<std::chrono::seconds> retry_after(const HttpResponse &response) {
    const std::string v = response.header("retry-after");
    long secs = -1;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), secs);
    if (v.empty() || ec != std::errc() || end != v.data() + v.size() || secs < 0) return std::nullopt;
    return std::chrono::seconds(secs);
}

bool sleep_unless_cancelled(std::chrono::milliseconds d, const std::atomic<bool> *cancel) {
    const auto until = std::chrono::steady_clock::now() + d;
    while (std::chrono::steady_clock::now() < until) {
        if (cancel && cancel->load()) return false;
        std::this_thread::sleep_for(std::min<std::chrono::milliseconds>(
            std::chrono::milliseconds(50), std::chrono::duration_cast<std::chrono::milliseconds>(
                                               until - std::chrono::steady_clock::now())));
    }
    return !(cancel && cancel->load());
}

std::string token_key(const AuthChallenge &bearer, const std::string &scope) {
    return bearer.param("realm") + "|" + bearer.param("service") + "|" + scope;
}

Error cancelled() { return Error::of(ErrorKind::Cancelled, "cancelled"); }

}  // namespace

Error transport_error(const std::string &method, const std::string &url, const TransferResult &result) {
    if (result.cancelled) return cancelled();
    std::string verb = method;
    for (std::size_t i = 1; i < verb.size(); ++i) verb[i] = static_cast<char>(std::tolower(verb[i]));
    return Error::of(ErrorKind::Internal, verb + " \"" + url + "\": " + result.error);
}

RegistrySession::RegistrySession(RegistryConfig config, RegistryHost host, TlsSettings tls,
                                 std::optional<Credentials> creds)
    : config_(std::move(config)), host_(std::move(host)), transport_(std::move(tls)), creds_(std::move(creds)) {
    if (config_.max_attempts < 1) config_.max_attempts = 1;
}

std::chrono::milliseconds RegistrySession::backoff(int attempt) {
    const int shift = std::clamp(attempt - 1, 0, 5);
    return std::min(std::chrono::milliseconds(200 << shift), std::chrono::milliseconds(5000));
}

Result<std::string> RegistrySession::base_url() {
    {
        std::lock_guard lock(mutex_);
        if (!base_.empty()) return base_;
    }
    std::lock_guard ping_lock(ping_mutex_);
    {
        std::lock_guard lock(mutex_);
        if (!base_.empty()) return base_;
    }
    return ping();
}

// Docker's endpoint order: HTTPS first; plain HTTP only for insecure registries. A TLS
// handshake sent to a plain-HTTP server fails at once (the server answers with text), so
// the fallback costs one round trip. A certificate that fails verification means the
// server does speak TLS: that error is the answer, not a reason to try HTTP.
Result<std::string> RegistrySession::ping() {
    std::vector<std::string> candidates{"https://" + host_.api_host};
    if (allows_plain_http(host_, config_.insecure_registries)) candidates.push_back("http://" + host_.api_host);
    TransferResult last;
    std::string last_url;
    for (int attempt = 1;; ++attempt) {
        bool worth_retrying = false;
        for (const auto &base : candidates) {
            const std::string url = base + "/v2/";
            TransferOptions options;
            options.max_body = 64 << 10;
            TransferResult r = transport_.perform(HttpRequest{"GET", url, {}, {}}, options);
            if (r.ok()) {
                remember_challenges(r.response, "");
                std::lock_guard lock(mutex_);
                base_ = base;
                return base_;
            }
            const bool certificate_refused = is_certificate_failure(r.code);
            worth_retrying = worth_retrying || is_transient(r.code);
            last = std::move(r);
            last_url = url;
            if (certificate_refused) return transport_error("GET", last_url, last);
        }
        if (!worth_retrying || attempt >= config_.max_attempts) break;
        sleep_unless_cancelled(backoff(attempt), nullptr);
    }
    return transport_error("GET", last_url, last);
}

bool RegistrySession::remember_challenges(const HttpResponse &response, const std::string &scope) {
    if (response.status != 401) return false;
    auto challenges = parse_www_authenticate(response.header_values("www-authenticate"));
    if (challenges.empty()) return false;
    for (const auto &c : challenges)
        if (c.scheme == "bearer" && !scope.empty()) tokens_.invalidate(token_key(c, scope));
    std::lock_guard lock(mutex_);
    challenges_ = std::move(challenges);
    return true;
}

Result<std::string> RegistrySession::authorization(const std::string &scope) {
    std::vector<AuthChallenge> challenges;
    {
        std::lock_guard lock(mutex_);
        challenges = challenges_;
    }
    for (const auto &c : challenges) {
        if (c.scheme != "bearer" || c.param("realm").empty()) continue;
        const std::string token = TRY(tokens_.get(token_key(c, scope), [&] { return fetch_token(c, scope); }));
        return "Authorization: Bearer " + token;
    }
    for (const auto &c : challenges)
        if (c.scheme == "basic" && creds_ && !creds_->username.empty())
            return "Authorization: Basic " + base64(creds_->username + ":" + creds_->password);
    return std::string();
}

// The distribution token protocol: GET <realm>?service=&scope= (Basic credentials when we
// have them), or the OAuth2 refresh-token POST when we hold an identity token.
Result<BearerToken> RegistrySession::fetch_token(const AuthChallenge &bearer, const std::string &scope) {
    const std::string realm = bearer.param("realm");
    if (!realm.starts_with("https://") && !realm.starts_with("http://"))
        return Error::of(ErrorKind::Unauthorized, "unsupported token realm \"" + realm + "\"");
    const std::string service = bearer.param("service");

    HttpRequest request;
    if (creds_ && !creds_->identity_token.empty()) {
        request.method = "POST";
        request.url = realm;
        request.headers.push_back("Content-Type: application/x-www-form-urlencoded");
        request.body = "grant_type=refresh_token&client_id=berth&refresh_token=" +
                       query_escape(creds_->identity_token) + "&service=" + query_escape(service);
        if (!scope.empty()) request.body += "&scope=" + query_escape(scope);
    } else {
        std::string query;
        auto add = [&](const char *name, const std::string &value) {
            if (value.empty()) return;
            query += (query.empty() ? "" : "&") + std::string(name) + "=" + query_escape(value);
        };
        add("service", service);
        add("scope", scope);
        if (creds_) add("account", creds_->username);
        request.url = realm + (query.empty() ? "" : (realm.find('?') == std::string::npos ? "?" : "&") + query);
        if (creds_ && !creds_->username.empty())
            request.headers.push_back("Authorization: Basic " + base64(creds_->username + ":" + creds_->password));
    }

    TransferOptions options;
    options.max_body = 1 << 20;
    TransferResult r;
    for (int attempt = 1;; ++attempt) {
        r = transport_.perform(request, options);
        const bool again = r.ok() ? is_retryable_status(r.response.status) : is_transient(r.code);
        if (!again || attempt >= config_.max_attempts) break;
        sleep_unless_cancelled(backoff(attempt), nullptr);
    }
    if (!r.ok()) return transport_error(request.method, realm, r);
    if (r.response.status != 200) return response_error(r.response, "fetch token from " + realm);

    auto doc = nlohmann::json::parse(r.response.body, nullptr, false);
    if (doc.is_discarded() || !doc.is_object())
        return Error::of(ErrorKind::Unauthorized, "fetch token from " + realm + ": response is not JSON");
    BearerToken token;
    for (const char *field : {"token", "access_token"})
        if (doc.contains(field) && doc[field].is_string() && !doc[field].get<std::string>().empty()) {
            token.token = doc[field].get<std::string>();
            break;
        }
    if (token.token.empty())
        return Error::of(ErrorKind::Unauthorized, "fetch token from " + realm + ": no token in the response");
    if (doc.contains("expires_in") && doc["expires_in"].is_number_integer())
        token.expires_in = std::chrono::seconds(doc["expires_in"].get<long>());
    return token;
}

Result<RegistrySession::Sent> RegistrySession::send_following_redirects(const RegistryCall &call,
                                                                         const std::string &url,
                                                                         const std::string &authorization,
                                                                         const std::string &registry_origin) {
    std::string current = url;
    std::string method = call.method;
    for (int hop = 0; hop <= kMaxRedirects; ++hop) {
        HttpRequest request{method, current, call.headers, {}};
        // Credentials are for the registry only; a blob redirected to a storage service
        // (S3, a CDN) gets a pre-signed URL and no Authorization header.
        if (!authorization.empty() && url_origin(current) == registry_origin) request.headers.push_back(authorization);
        if (call.sink && call.restart) call.restart();
        TransferOptions options{call.sink, call.max_body, call.cancel};
        TransferResult r = transport_.perform(request, options);
        if (!r.ok() || !is_redirect(r.response.status)) return Sent{std::move(r), current};
        const std::string location = r.response.header("location");
        if (location.empty()) return Sent{std::move(r), current};
        const std::string next = resolve_url(current, location);
        if (next.empty())
            return Error::of(ErrorKind::Internal, "bad redirect from \"" + current + "\" to \"" + location + "\"");
        if (r.response.status == 303 && method != "HEAD") method = "GET";
        current = next;
    }
    return Error::of(ErrorKind::Internal, call.method + " \"" + url + "\": stopped after " +
                                              std::to_string(kMaxRedirects) + " redirects");
}

Result<HttpResponse> RegistrySession::call(const RegistryCall &c) {
    const std::string base = TRY(base_url());
    const std::string registry_origin = url_origin(base);
    const bool absolute = c.target.starts_with("http://") || c.target.starts_with("https://");
    const std::string url = absolute ? c.target : base + c.target;
    bool reauthenticated = false;
    for (int attempt = 1;;) {
        if (c.cancel && c.cancel->load()) return cancelled();
        const std::string auth = TRY(authorization(c.scope));
        Sent sent = TRY(send_following_redirects(c, url, auth, registry_origin));
        TransferResult &r = sent.result;
        if (r.cancelled || (c.cancel && c.cancel->load())) return cancelled();
        if (!r.ok()) {
            if (r.body_too_large)
                return Error::of(ErrorKind::Internal, "response from \"" + sent.url + "\" is larger than " +
                                                          std::to_string(c.max_body) + " bytes");
            if (r.sink_refused) return Error::of(ErrorKind::Internal, "writing the response from \"" + sent.url + "\"");
            if (is_transient(r.code) && attempt < config_.max_attempts) {
                if (!sleep_unless_cancelled(backoff(attempt++), c.cancel)) return cancelled();
                continue;
            }
            return transport_error(c.method, sent.url, r);
        }
        HttpResponse &response = r.response;
        response.url = sent.url;
        // A 401 with a (new) challenge: authenticate as it asks, once. Registries that
        // answer the anonymous ping with 200 still challenge per repository.
        if (response.status == 401 && !reauthenticated) {
            reauthenticated = true;
            if (remember_challenges(response, c.scope)) continue;
        }
        if (is_retryable_status(response.status) && attempt < config_.max_attempts) {
            auto delay = backoff(attempt++);
            if (auto after = retry_after(response)) {
                if (*after > kMaxRetryAfter) return std::move(response);
                delay = std::max<std::chrono::milliseconds>(delay, *after);
            }
            if (!sleep_unless_cancelled(delay, c.cancel)) return cancelled();
            continue;
        }
        return std::move(response);
    }
}

}  // namespace berth::images::registry
