// Docker image references: the grammar of github.com/distribution/reference (regexp.go),
// normalised as its ParseNormalizedNamed/splitDockerDomain do and printed as
// FamiliarString does. Error texts are Docker's, because users and scripts match on them.
#include "common/reference.h"

#include <algorithm>
#include <cctype>
#include <regex>

namespace berth {
namespace {

constexpr std::string_view kDefaultDomain = "docker.io";
constexpr std::string_view kLegacyDefaultDomain = "index.docker.io";
constexpr std::string_view kOfficialRepoPrefix = "library/";
constexpr std::string_view kDefaultTag = "latest";
constexpr std::size_t kNameTotalLengthMax = 255;
// Longer than any valid reference (255 name + 128 tag + a sha512 digest). std::regex
// backtracks recursively, so hostile input is refused before it reaches the matcher.
constexpr std::size_t kReferenceTextMax = 1024;

// The building blocks of distribution/reference's regexp.go, in ECMAScript syntax (the
// same leftmost-first semantics as Go's RE2 for these patterns).
const std::string kAlphaNumeric = "[a-z0-9]+";
const std::string kSeparator = "(?:[._]|__|[-]+)";
const std::string kDomainComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const std::string kDomainName = kDomainComponent + "(?:\\." + kDomainComponent + ")*";
const std::string kIpv6Address = "\\[(?:[a-fA-F0-9:]+)\\]";
const std::string kDomainAndPort = "(?:" + kDomainName + "|" + kIpv6Address + ")(?::[0-9]+)?";
const std::string kTag = "[\\w][\\w.-]{0,127}";
const std::string kDigest = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}";
const std::string kPathComponent = kAlphaNumeric + "(?:" + kSeparator + kAlphaNumeric + ")*";
const std::string kRemoteName = kPathComponent + "(?:/" + kPathComponent + ")*";
const std::string kName = "(?:" + kDomainAndPort + "/)?" + kRemoteName;

const std::regex &reference_regex() {
    static const std::regex re("^(" + kName + ")(?::(" + kTag + "))?(?:@(" + kDigest + "))?$");
    return re;
}

const std::regex &anchored_name_regex() {
    static const std::regex re("^(?:(" + kDomainAndPort + ")/)?(" + kRemoteName + ")$");
    return re;
}

std::string to_lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool all_of_hex(std::string_view s, bool lowercase_only) {
    return std::all_of(s.begin(), s.end(), [&](char c) {
        if (c >= '0' && c <= '9') return true;
        if (c >= 'a' && c <= 'f') return true;
        return !lowercase_only && c >= 'A' && c <= 'F';
    });
}

// go-digest's Digest.Validate: a known algorithm, its exact hex length, lowercase hex.
Result<void> validate_digest(std::string_view digest) {
    const auto colon = digest.find(':');
    if (colon == std::string_view::npos || colon + 1 == digest.size())
        return Error::invalid("invalid checksum digest format");
    const std::string_view algorithm = digest.substr(0, colon);
    const std::string_view encoded = digest.substr(colon + 1);
    std::size_t want = 0;
    if (algorithm == "sha256") want = 64;
    else if (algorithm == "sha384") want = 96;
    else if (algorithm == "sha512") want = 128;
    else return Error::invalid("unsupported digest algorithm");
    if (encoded.size() != want) return Error::invalid("invalid checksum digest length");
    if (!all_of_hex(encoded, true)) return Error::invalid("invalid checksum digest format");
    return {};
}

struct DomainSplit {
    std::string domain;
    std::string remainder;  // path, possibly followed by ":tag" and/or "@digest"
};

// splitDockerDomain: the first component is a registry only when it looks like one
// ("localhost", contains '.' or ':', or has uppercase, which a path never may).
DomainSplit split_docker_domain(std::string_view name) {
    DomainSplit out;
    const auto slash = name.find('/');
    if (slash == std::string_view::npos) {
        // A single element ("ubuntu", "ubuntu:latest") is always a Docker Hub official image,
        // never "host:port".
        out.domain = kDefaultDomain;
        out.remainder = std::string(kOfficialRepoPrefix) + std::string(name);
        return out;
    }
    const std::string_view maybe_domain = name.substr(0, slash);
    const std::string_view maybe_remainder = name.substr(slash + 1);
    if (maybe_domain == "localhost" ||
        maybe_domain.find_first_of(".:") != std::string_view::npos ||
        to_lower(maybe_domain) != maybe_domain) {
        out.domain = maybe_domain;
        out.remainder = maybe_remainder;
    } else {
        out.domain = kDefaultDomain;
        out.remainder = name;
    }
    if (out.domain == kLegacyDefaultDomain) out.domain = kDefaultDomain;
    if (out.domain == kDefaultDomain && out.remainder.find('/') == std::string::npos)
        out.remainder = std::string(kOfficialRepoPrefix) + out.remainder;
    return out;
}

// distribution/reference's Parse on the already normalised "domain/remainder".
Result<Reference> parse_canonical(const std::string &text) {
    std::smatch m;
    if (!std::regex_match(text, m, reference_regex())) {
        if (text.empty()) return Error::invalid("repository name must have at least one component");
        const std::string lowered = to_lower(text);
        if (std::regex_match(lowered, reference_regex()))
            return Error::invalid("invalid reference format: repository name must be lowercase");
        return Error::invalid("invalid reference format");
    }
    const std::string name = m[1].str();
    if (name.size() > kNameTotalLengthMax)
        return Error::invalid("repository name must not be more than 255 characters");

    Reference ref;
    std::smatch nm;
    if (std::regex_match(name, nm, anchored_name_regex()) && nm[1].matched) {
        ref.domain = nm[1].str();
        ref.path = nm[2].str();
    } else {
        ref.path = name;
    }
    ref.tag = m[2].str();
    if (m[3].matched) {
        ref.digest = m[3].str();
        TRY(validate_digest(ref.digest));
    }
    return ref;
}

Result<Reference> parse_normalized(std::string_view text, bool default_tag) {
    if (text.size() > kReferenceTextMax) return Error::invalid("invalid reference format");
    if (is_full_hex_id(text))
        return Error::invalid("invalid repository name (" + std::string(text) +
                              "), cannot specify 64-byte hexadecimal strings");
    const DomainSplit split = split_docker_domain(text);
    const std::string remote = split.remainder.substr(0, split.remainder.find(':'));
    if (to_lower(remote) != remote)
        return Error::invalid("invalid reference format: repository name must be lowercase");

    Reference ref = TRY(parse_canonical(split.domain + "/" + split.remainder));
    if (ref.domain.empty()) return Error::invalid("invalid reference format");
    if (default_tag && ref.tag.empty() && ref.digest.empty()) ref.tag = kDefaultTag;
    return ref;
}

}  // namespace

std::string Reference::name() const { return domain + "/" + path; }

std::string Reference::familiar_name() const {
    if (domain != kDefaultDomain) return name();
    // familiarizeName: "library/x" loses its prefix only when nothing is nested below it.
    if (path.starts_with(kOfficialRepoPrefix)) {
        std::string rest = path.substr(kOfficialRepoPrefix.size());
        if (rest.find('/') == std::string::npos) return rest;
    }
    return path;
}

static std::string with_tag_and_digest(std::string base, const Reference &r) {
    if (!r.tag.empty()) base += ":" + r.tag;
    if (!r.digest.empty()) base += "@" + r.digest;
    return base;
}

std::string Reference::full() const { return with_tag_and_digest(name(), *this); }

std::string Reference::familiar() const { return with_tag_and_digest(familiar_name(), *this); }

Result<Reference> parse_reference(std::string_view text) { return parse_normalized(text, true); }

Result<Reference> parse_reference_no_default_tag(std::string_view text) {
    return parse_normalized(text, false);
}

bool is_valid_digest(std::string_view digest) {
    return digest.size() == 7 + 64 && digest.starts_with("sha256:") && all_of_hex(digest.substr(7), true);
}

bool is_full_hex_id(std::string_view id) { return id.size() == 64 && all_of_hex(id, true); }

}  // namespace berth
