// Shows the engine's JSON progress stream (pull now; push and build later) the way the
// docker CLI does (pkg/jsonmessage):
//  - on a terminal, one line per layer ID redrawn in place with ANSI cursor moves:
//      a1b2c3d4e5f6: Downloading [=====>      ]  1.2MB/3.4MB
//    a message without an ID is printed below and starts a new block of lines;
//  - otherwise every status change is printed once per layer ("a1b2c3d4e5f6: Pull complete"),
//    never the byte counters, so logs stay readable.
#pragma once

#include <map>
#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

namespace berth::cli {

class JsonMessageDisplay {
public:
    // `terminal_width` decides, as in docker, whether the progress bar fits (> 110).
    JsonMessageDisplay(std::ostream &out, bool is_terminal, int terminal_width = 80)
        : out_(out), terminal_(is_terminal), width_(terminal_width) {}

    void show(const nlohmann::json &message);

private:
    void show_on_terminal(const nlohmann::json &message);
    void show_plain(const nlohmann::json &message);

    std::ostream &out_;
    bool terminal_;
    int width_;
    std::map<std::string, std::size_t> lines_;         // terminal: ID -> line in the block
    std::map<std::string, std::string> last_status_;   // plain: ID -> last printed status
};

// docker's JSONProgress.String(): "[=====>     ]  1.2MB/3.4MB" ("" without numbers);
// the bar only when `width` > 110.
std::string progress_text(const nlohmann::json &detail, int width);

// The terminal's columns, or 0 when stdout is not a terminal.
int terminal_width();

}  // namespace berth::cli
