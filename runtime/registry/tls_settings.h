// TLS trust for one registry, laid out like Docker's certs.d:
//   <certs_dir>/<host:port>/*.crt             extra CAs, trusted besides the system's
//   <certs_dir>/<host:port>/<name>.cert+.key  a client certificate
#pragma once

#include <filesystem>
#include <string>

#include "common/result.h"

namespace berth::images::registry {

struct TlsSettings {
    // PEM bundle (system CAs + the registry's *.crt) when the registry has its own CAs;
    // empty means libcurl's default CA store.
    std::string ca_bundle;
    std::filesystem::path client_cert;  // PEM, empty when none
    std::filesystem::path client_key;
    // Off only for registries the user listed as insecure: like dockerd, Berth then accepts
    // any certificate (and falls back to plain HTTP). Loopback registries stay verified.
    bool verify_peer = true;
};

inline constexpr const char *kSystemCaBundle = "/etc/ssl/certs/ca-certificates.crt";

// Reads <certs_dir>/<host_dir>. A missing directory is not an error (no extra trust);
// a .cert without its .key (or the reverse) is, as in Docker.
Result<TlsSettings> load_tls_settings(const std::filesystem::path &certs_dir, const std::string &host_dir,
                                      const std::filesystem::path &system_bundle = kSystemCaBundle);

}  // namespace berth::images::registry
