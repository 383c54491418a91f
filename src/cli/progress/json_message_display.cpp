#include "cli/progress/json_message_display.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdio>

#include "cli/format/human.h"

namespace berth::cli {
namespace {

std::string str(const nlohmann::json &m, const char *key) {
    auto it = m.find(key);
    return it != m.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::int64_t num(const nlohmann::json &m, const char *key) {
    auto it = m.find(key);
    return it != m.end() && it->is_number() ? it->get<std::int64_t>() : 0;
}

}  // namespace

int terminal_width() {
    winsize ws{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0) return ws.ws_col;
    return 0;
}

std::string progress_text(const nlohmann::json &detail, int width) {
    if (!detail.is_object()) return {};
    const std::int64_t current = num(detail, "current");
    const std::int64_t total = num(detail, "total");
    if (current <= 0 && total <= 0) return {};
    char buf[64];
    if (total <= 0) {
        std::snprintf(buf, sizeof buf, "%8s", format::human_size(static_cast<double>(current)).c_str());
        return buf;
    }
    int percentage = static_cast<int>(static_cast<double>(current) / static_cast<double>(total) * 100) / 2;
    if (percentage > 50) percentage = 50;
    std::string bar;
    if (width > 110) bar = "[" + std::string(percentage, '=') + ">" + std::string(50 - percentage, ' ') + "] ";
    if (current > total) {
        std::snprintf(buf, sizeof buf, "%8s", format::human_size(static_cast<double>(current)).c_str());
    } else {
        std::snprintf(buf, sizeof buf, "%8s/%s", format::human_size(static_cast<double>(current)).c_str(),
                      format::human_size(static_cast<double>(total)).c_str());
    }
    return bar + buf;
}

void JsonMessageDisplay::show(const nlohmann::json &message) {
    if (!message.is_object()) return;
    if (terminal_) show_on_terminal(message);
    else show_plain(message);
    out_.flush();
}

void JsonMessageDisplay::show_on_terminal(const nlohmann::json &m) {
    const std::string id = str(m, "id");
    const std::string status = str(m, "status");
    const std::string stream = str(m, "stream");
    if (id.empty()) {
        // Lines without an ID are not part of the redrawn block: start a new one after them.
        lines_.clear();
        out_ << "\x1b[2K\r" << (stream.empty() ? status + "\n" : stream);
        return;
    }
    auto it = lines_.find(id);
    std::size_t line;
    if (it == lines_.end()) {
        line = lines_.size();
        lines_[id] = line;
        out_ << '\n';
    } else {
        line = it->second;
    }
    // The cursor rests on the empty line below the block: go up to this ID's line, redraw
    // it, come back down.
    const std::size_t up = lines_.size() - line;
    out_ << "\x1b[" << up << "A" << "\x1b[2K\r" << id << ": " << status;
    std::string progress = progress_text(m.value("progressDetail", nlohmann::json()), width_);
    if (!progress.empty()) out_ << ' ' << progress;
    out_ << '\r' << "\x1b[" << up << "B";
}

void JsonMessageDisplay::show_plain(const nlohmann::json &m) {
    const std::string id = str(m, "id");
    const std::string status = str(m, "status");
    const std::string stream = str(m, "stream");
    if (!stream.empty()) {
        out_ << stream;
        return;
    }
    if (id.empty()) {
        out_ << status << '\n';
        return;
    }
    // Byte counters change on every message; print only when the status itself changes.
    auto &last = last_status_[id];
    if (last == status) return;
    last = status;
    out_ << id << ": " << status << '\n';
}

}  // namespace berth::cli
