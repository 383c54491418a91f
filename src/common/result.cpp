#include "common/result.h"

#include <cstring>

namespace berth {

std::string Error::message() const {
    std::string out = op;
    if (!object.empty()) {
        if (!out.empty()) out += ' ';
        out += '`' + object + '`';
    }
    if (err != 0) {
        if (!out.empty()) out += ": ";
        out += std::strerror(err);
    }
    if (!detail.empty()) {
        if (!out.empty()) out += ": ";
        out += detail;
    }
    return out.empty() ? std::string("unknown error") : out;
}

}  // namespace berth
