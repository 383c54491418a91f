#include "registry/tls_settings.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <system_error>
#include <vector>

namespace berth::images::registry {
namespace {

Result<std::string> read_small_file(const std::filesystem::path &path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error::sys("read", path.string());
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

}  // namespace

Result<TlsSettings> load_tls_settings(const std::filesystem::path &certs_dir, const std::string &host_dir,
                                      const std::filesystem::path &system_bundle) {
    TlsSettings tls;
    if (certs_dir.empty() || host_dir.empty() || host_dir.find('/') != std::string::npos ||
        host_dir == "." || host_dir == "..")
        return tls;
    const std::filesystem::path dir = certs_dir / host_dir;
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return tls;

    std::vector<std::filesystem::path> files;
    for (const auto &entry : std::filesystem::directory_iterator(dir, ec)) files.push_back(entry.path());
    if (ec) return Error::sys("list", dir.string(), ec.value());
    std::sort(files.begin(), files.end());  // a stable order, as os.ReadDir gives Docker

    std::string extra_cas;
    for (const auto &file : files) {
        const std::string ext = file.extension().string();
        if (ext == ".crt") {
            extra_cas += TRY(read_small_file(file));
            extra_cas += '\n';
        } else if (ext == ".cert") {
            auto key = file;
            key.replace_extension(".key");
            if (!std::filesystem::exists(key, ec))
                return Error::invalid("missing key " + key.filename().string() + " for client certificate " +
                                      file.filename().string());
            if (tls.client_cert.empty()) {
                tls.client_cert = file;
                tls.client_key = key;
            }
        } else if (ext == ".key") {
            auto cert = file;
            cert.replace_extension(".cert");
            if (!std::filesystem::exists(cert, ec))
                return Error::invalid("missing client certificate " + cert.filename().string() + " for key " +
                                      file.filename().string());
        }
    }
    if (!extra_cas.empty()) {
        // CURLOPT_CAINFO_BLOB replaces the default store, so the system CAs go in first.
        if (std::filesystem::exists(system_bundle, ec)) tls.ca_bundle = TRY(read_small_file(system_bundle)) + "\n";
        tls.ca_bundle += extra_cas;
    }
    return tls;
}

}  // namespace berth::images::registry
