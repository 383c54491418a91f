#include "api/progress_format.h"

#include <cstdio>

namespace berth::api {

std::string human_size(double bytes) {
    static const char *units[] = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
    int i = 0;
    while (bytes >= 1000.0 && i < 8) {
        bytes /= 1000.0;
        ++i;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g%s", bytes, units[i]);
    return buf;
}

std::string progress_bar(std::int64_t current, std::int64_t total) {
    if (total <= 0) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%8s", human_size(static_cast<double>(current)).c_str());
        return buf;
    }
    int half_percent = static_cast<int>(static_cast<double>(current) / static_cast<double>(total) * 100.0) / 2;
    if (half_percent > 50) half_percent = 50;
    if (half_percent < 0) half_percent = 0;
    std::string bar = "[" + std::string(static_cast<std::size_t>(half_percent), '=') + ">" +
                      std::string(static_cast<std::size_t>(50 - half_percent), ' ') + "] ";
    if (current > total) return bar;
    char numbers[64];
    std::snprintf(numbers, sizeof numbers, "%8s/%s", human_size(static_cast<double>(current)).c_str(),
                  human_size(static_cast<double>(total)).c_str());
    return bar + numbers;
}

nlohmann::json progress_json(const images::PullProgress &p) {
    nlohmann::json j = {{"status", p.status}};
    if (p.current >= 0) {
        nlohmann::json detail = {{"current", p.current}};
        if (p.total > 0) detail["total"] = p.total;
        j["progressDetail"] = detail;
        j["progress"] = progress_bar(p.current, p.total);
    } else if (!p.id.empty()) {
        j["progressDetail"] = nlohmann::json::object();
    }
    if (!p.id.empty()) j["id"] = p.id;
    return j;
}

nlohmann::json error_json(const std::string &message) {
    return {{"errorDetail", {{"message", message}}}, {"error", message}};
}

}  // namespace berth::api
