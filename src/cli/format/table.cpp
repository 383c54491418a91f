#include "cli/format/table.h"

#include <algorithm>
#include <sstream>

#include "cli/format/human.h"

namespace berth::cli::format {

namespace {
constexpr std::size_t kMinWidth = 10;
constexpr std::size_t kPadding = 3;
}  // namespace

void Table::render(std::ostream &out) const {
    std::size_t columns = 0;
    for (const auto &r : rows_) columns = std::max(columns, r.size());
    std::vector<std::size_t> widths(columns, kMinWidth);
    for (const auto &r : rows_)
        for (std::size_t c = 0; c + 1 < r.size(); ++c)
            widths[c] = std::max(widths[c], display_width(r[c]) + kPadding);
    for (const auto &r : rows_) {
        std::string line;
        for (std::size_t c = 0; c < r.size(); ++c) {
            line += r[c];
            if (c + 1 < r.size()) line.append(widths[c] - display_width(r[c]), ' ');
        }
        out << line << '\n';
    }
}

std::vector<std::string> split_tabs(const std::string &line) {
    std::vector<std::string> cells;
    std::size_t start = 0, tab;
    while ((tab = line.find('\t', start)) != std::string::npos) {
        cells.push_back(line.substr(start, tab - start));
        start = tab + 1;
    }
    cells.push_back(line.substr(start));
    return cells;
}

std::string Table::str() const {
    std::ostringstream s;
    render(s);
    return s.str();
}

}  // namespace berth::cli::format
