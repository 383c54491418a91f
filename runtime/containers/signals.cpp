#include "containers/signals.h"

#include <signal.h>

#include <algorithm>
#include <cstring>

namespace berth::containers {

Result<int> parse_signal(const std::string &text) {
    auto invalid = [&] { return Error::invalid("Invalid signal: " + text); };
    if (text.empty()) return invalid();
    if (text.find_first_not_of("0123456789") == std::string::npos) {
        if (text.size() > 3) return invalid();
        int n = std::stoi(text);
        if (n < 1 || n > SIGRTMAX) return invalid();
        return n;
    }
    std::string name = text;
    std::transform(name.begin(), name.end(), name.begin(), ::toupper);
    if (name.rfind("SIG", 0) == 0) name = name.substr(3);
    for (int s = 1; s < NSIG; ++s) {
        const char *abbrev = ::sigabbrev_np(s);
        if (abbrev && name == abbrev) return s;
    }
    if (name.rfind("RTMIN", 0) == 0 || name.rfind("RTMAX", 0) == 0) {
        const bool min = name[3] == 'I';
        std::string rest = name.substr(5);
        int off = 0;
        if (!rest.empty()) {
            if ((rest[0] != '+' && rest[0] != '-') || rest.size() < 2 ||
                rest.find_first_not_of("0123456789", 1) != std::string::npos)
                return invalid();
            off = std::stoi(rest);
        }
        int s = (min ? SIGRTMIN : SIGRTMAX) + off;
        if (s < SIGRTMIN || s > SIGRTMAX) return invalid();
        return s;
    }
    return invalid();
}

}  // namespace berth::containers
