// Column output like the docker CLI's (text/tabwriter with minwidth 10, padding 3): every
// column but the last is padded to max(10, its widest cell + 3).
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace berth::cli::format {

class Table {
public:
    explicit Table(std::vector<std::string> header) { rows_.push_back(std::move(header)); }
    // A table without a header row (`-q`-like listings never use one; `--format` does).
    Table() = default;

    void add_row(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }
    void render(std::ostream &out) const;
    std::string str() const;

private:
    std::vector<std::vector<std::string>> rows_;
};

// The cells of a `--format "table ..."` line: what a template rendered, split at tabs.
std::vector<std::string> split_tabs(const std::string &line);

}  // namespace berth::cli::format
