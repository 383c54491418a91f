// berth stats: live resource use of containers, as docker's table or a --format template.
// Each container is read on its own thread with its own engine client (one client per
// thread); the table is printed once (--no-stream) or redrawn every second.
#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <ostream>
#include <thread>

#include "cli/commands/commands.h"
#include "cli/commands/container_stats_row.h"
#include "cli/format/table.h"
#include "cli/format/template.h"
#include "client/container_resources.h"
#include "client/containers.h"

namespace berth::cli::commands {
namespace {

using nlohmann::json;

constexpr const char *kDefaultFormat =
    "table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}";

json header_fields() {
    return json{{"Container", "CONTAINER"}, {"Name", "NAME"},    {"ID", "CONTAINER ID"},  {"CPUPerc", "CPU %"},
                {"MemUsage", "MEM USAGE / LIMIT"}, {"MemPerc", "MEM %"}, {"NetIO", "NET I/O"}, {"BlockIO", "BLOCK I/O"},
                {"PIDs", "PIDS"}};
}

std::string unescape_tabs(std::string f) {
    for (std::size_t at; (at = f.find("\\t")) != std::string::npos;) f.replace(at, 2, "\t");
    return f;
}

struct Layout {
    bool table = false;
    format::Template tmpl;
};

Result<Layout> parse_layout(std::string fmt) {
    if (fmt.empty()) fmt = kDefaultFormat;
    fmt = unescape_tabs(fmt);
    Layout l{false, {}};
    if (fmt.rfind("table", 0) == 0) {
        l.table = true;
        fmt = fmt.substr(5);
        while (!fmt.empty() && (fmt[0] == ' ' || fmt[0] == '\t')) fmt.erase(0, 1);
    }
    auto t = format::Template::parse(fmt);
    if (!t) return Error::invalid("template parsing error: " + t.error().message());
    l.tmpl = std::move(*t);
    return l;
}

Result<std::string> render(const Layout &l, const std::vector<json> &rows) {
    std::vector<std::string> lines;
    if (l.table) lines.push_back(TRY(l.tmpl.execute(header_fields())));
    for (const auto &r : rows) lines.push_back(TRY(l.tmpl.execute(r)));
    std::string out;
    if (!l.table) {
        for (const auto &line : lines) out += line + "\n";
        return out;
    }
    format::Table table;
    for (const auto &line : lines) {
        table.add_row(format::split_tabs(line));
    }
    return table.str();
}

// What the reader threads share with the printer.
struct Board {
    std::mutex mu;
    std::vector<std::optional<json>> rows;  // per container, in the order given
    std::vector<std::optional<Error>> errors;
    std::atomic<int> running{0};
};

int run(Context &ctx, const ParsedArgs &args) {
    auto layout = parse_layout(args.value("format"));
    if (!layout) return ctx.fail(layout.error());
    const bool no_trunc = args.flag("no-trunc");
    const bool no_stream = args.flag("no-stream");

    std::vector<std::string> names = args.positional;
    if (names.empty()) {
        auto client = ctx.client();
        if (!client) return ctx.fail(client.error());
        auto list = client::list_containers(**client, args.flag("all"), -1, {});
        if (!list) return ctx.fail(list.error());
        for (const auto &c : *list) names.push_back(c.value("Id", std::string()));
    }

    Board board;
    board.rows.resize(names.size());
    board.errors.resize(names.size());
    std::atomic<bool> cancel{false};
    std::vector<std::thread> readers;
    const auto host = ctx.host_flag;
    for (std::size_t i = 0; i < names.size(); ++i) {
        ++board.running;
        readers.emplace_back([&, i] {
            auto store = [&](const json &s) {
                std::lock_guard lock(board.mu);
                board.rows[i] = stats_fields(stats_row(s, names[i]), no_trunc);
                return !cancel.load();
            };
            auto c = client::make_client(host);
            Result<void> r = c ? Result<void>() : Result<void>(c.error());
            if (c && no_stream) {
                auto s = client::container_stats(*c, names[i]);
                if (s) store(*s);
                else r = s.error();
            } else if (c) {
                r = client::stream_container_stats(*c, names[i], store, &cancel);
            }
            if (!r && r.error().kind != ErrorKind::Cancelled) {
                std::lock_guard lock(board.mu);
                board.errors[i] = r.error();
            }
            --board.running;
        });
    }

    auto print = [&](bool clear) -> int {
        std::vector<json> rows;
        {
            std::lock_guard lock(board.mu);
            for (const auto &r : board.rows)
                if (r) rows.push_back(*r);
        }
        auto text = render(*layout, rows);
        if (!text) return ctx.fail(text.error());
        // The docker CLI clears the terminal and homes the cursor before each redraw.
        if (clear && ctx.out_is_tty) ctx.out << "\033[2J\033[H";
        ctx.out << *text;
        ctx.out.flush();
        return kExitOk;
    };

    int rc = kExitOk;
    if (no_stream) {
        for (auto &t : readers) t.join();
        rc = print(false);
    } else {
        while (board.running.load() > 0) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1000));
            if (print(true) != kExitOk) {
                rc = kExitFailure;
                break;
            }
        }
        cancel = true;
        for (auto &t : readers) t.join();
    }
    for (const auto &e : board.errors)
        if (e) rc = ctx.fail(*e);
    return rc;
}

}  // namespace

Command stats_command() {
    Command c;
    c.path = "container stats";
    c.aliases = {"stats"};
    c.usage = "[OPTIONS] [CONTAINER...]";
    c.summary = "Display a live stream of container(s) resource usage statistics";
    c.flags = {
        {"all", 'a', FlagSpec::Type::Bool, "Show all containers (default shows just running)", "", ""},
        {"format", 0, FlagSpec::Type::String, "Format output using a custom template (Go template subset)", "", "string"},
        {"no-stream", 0, FlagSpec::Type::Bool, "Disable streaming stats and only pull the first result", "", ""},
        {"no-trunc", 0, FlagSpec::Type::Bool, "Do not truncate output", "", ""},
    };
    c.min_args = 0;
    c.max_args = -1;
    c.run = run;
    return c;
}

}  // namespace berth::cli::commands
