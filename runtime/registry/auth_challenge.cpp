#include "registry/auth_challenge.h"

#include <algorithm>
#include <cctype>

#include "util/ascii.h"

namespace berth::images::registry {
namespace {

// RFC 7230 section 3.2.6 tchar.
bool is_tchar(char c) {
    if (std::isalnum(static_cast<unsigned char>(c))) return true;
    return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

class Scanner {
public:
    explicit Scanner(std::string_view s) : s_(s) {}

    bool done() const { return pos_ >= s_.size(); }
    char peek() const { return done() ? '\0' : s_[pos_]; }
    void skip_spaces() {
        while (!done() && (s_[pos_] == ' ' || s_[pos_] == '\t')) ++pos_;
    }
    bool consume(char c) {
        skip_spaces();
        if (peek() != c) return false;
        ++pos_;
        return true;
    }
    std::string_view token() {
        const std::size_t start = pos_;
        while (!done() && is_tchar(s_[pos_])) ++pos_;
        return s_.substr(start, pos_ - start);
    }
    // token68 (RFC 7235 section 2.1) may end in '=' padding.
    std::string_view token68() {
        const std::size_t start = pos_;
        while (!done() && (is_tchar(s_[pos_]) || s_[pos_] == '/')) ++pos_;
        while (!done() && s_[pos_] == '=') ++pos_;
        return s_.substr(start, pos_ - start);
    }
    std::string quoted_string() {  // after the opening quote; RFC 7230 quoted-pair aware
        std::string out;
        while (!done()) {
            char c = s_[pos_++];
            if (c == '"') return out;
            if (c == '\\' && !done()) c = s_[pos_++];
            out += c;
        }
        return out;  // unterminated: keep what there is
    }
    // Whether what follows is "name =" (a parameter) rather than a new scheme.
    bool at_param() const {
        std::size_t p = pos_;
        while (p < s_.size() && (s_[p] == ' ' || s_[p] == '\t')) ++p;
        const std::size_t name_start = p;
        while (p < s_.size() && is_tchar(s_[p])) ++p;
        if (p == name_start) return false;
        while (p < s_.size() && (s_[p] == ' ' || s_[p] == '\t')) ++p;
        // "name=" but not a token68's "==" padding.
        return p < s_.size() && s_[p] == '=' && (p + 1 >= s_.size() || s_[p + 1] != '=');
    }
    void skip_to_comma() {
        bool quoted = false;
        while (!done()) {
            const char c = s_[pos_];
            if (quoted && c == '\\') {
                pos_ += 2;
                continue;
            }
            if (c == '"') quoted = !quoted;
            if (c == ',' && !quoted) return;
            ++pos_;
        }
    }

private:
    std::string_view s_;
    std::size_t pos_ = 0;
};

}  // namespace

std::vector<AuthChallenge> parse_www_authenticate(std::string_view header) {
    std::vector<AuthChallenge> out;
    Scanner sc(header);
    while (!sc.done()) {
        while (sc.consume(',')) {}
        sc.skip_spaces();
        if (sc.done()) break;
        const std::string_view scheme = sc.token();
        if (scheme.empty()) {  // garbage: resynchronise at the next comma
            sc.skip_to_comma();
            if (!sc.done() && sc.peek() == ',') sc.consume(',');
            continue;
        }
        AuthChallenge challenge;
        challenge.scheme = util::ascii_lower(scheme);
        sc.skip_spaces();
        if (!sc.at_param()) {
            // Either a bare scheme ("Negotiate") or a token68 ("Negotiate abc==").
            const std::string_view t68 = sc.token68();
            if (!t68.empty()) challenge.params["token68"] = std::string(t68);
        }
        bool junk = false;  // something that is neither a parameter nor a comma
        for (;;) {
            sc.skip_spaces();
            if (!sc.at_param()) break;
            const std::string name = util::ascii_lower(sc.token());
            sc.consume('=');
            sc.skip_spaces();
            std::string value;
            if (sc.peek() == '"') {
                sc.consume('"');
                value = sc.quoted_string();
            } else {
                value = std::string(sc.token());
            }
            challenge.params.emplace(name, std::move(value));
            sc.skip_spaces();
            if (sc.peek() != ',') {
                junk = !sc.done();
                break;
            }
            // A comma ends this parameter; the next item is a parameter or a new challenge.
            sc.consume(',');
            while (sc.consume(',')) {}
        }
        if (junk) sc.skip_to_comma();
        out.push_back(std::move(challenge));
    }
    return out;
}

std::vector<AuthChallenge> parse_www_authenticate(const std::vector<std::string> &headers) {
    std::vector<AuthChallenge> out;
    for (const auto &h : headers) {
        auto part = parse_www_authenticate(std::string_view(h));
        out.insert(out.end(), part.begin(), part.end());
    }
    return out;
}

}  // namespace berth::images::registry
