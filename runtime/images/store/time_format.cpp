#include "images/store/time_format.h"

#include <cstdio>
#include <ctime>
#include <string>

namespace berth::images {

std::int64_t parse_rfc3339(std::string_view text) {
    const std::string s(text);
    int year = 0, mon = 0, day = 0, hour = 0, min = 0, sec = 0, used = 0;
    if (std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &year, &mon, &day, &hour, &min, &sec, &used) != 6)
        return 0;
    std::size_t pos = static_cast<std::size_t>(used);
    if (pos < s.size() && s[pos] == '.')
        for (++pos; pos < s.size() && s[pos] >= '0' && s[pos] <= '9';) ++pos;
    int offset = 0;
    if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
        int oh = 0, om = 0;
        if (std::sscanf(s.c_str() + pos + 1, "%2d:%2d", &oh, &om) != 2) return 0;
        offset = (s[pos] == '+' ? 1 : -1) * (oh * 3600 + om * 60);
    } else if (pos >= s.size() || (s[pos] != 'Z' && s[pos] != 'z')) {
        return 0;
    }
    std::tm tm{};
    tm.tm_year = year - 1900;
    tm.tm_mon = mon - 1;
    tm.tm_mday = day;
    tm.tm_hour = hour;
    tm.tm_min = min;
    tm.tm_sec = sec;
    return static_cast<std::int64_t>(::timegm(&tm)) - offset;
}

}  // namespace berth::images
