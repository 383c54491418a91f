// ASCII case folding for protocol text (HTTP header names, auth schemes, platform names),
// which is case-insensitive in ASCII only, whatever the C locale says.
#pragma once

#include <string>
#include <string_view>

namespace berth::util {

inline std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char &c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

}  // namespace berth::util
