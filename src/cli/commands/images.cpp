// berth images / berth image ls: REPOSITORY TAG [DIGEST] IMAGE ID CREATED SIZE.
#include <algorithm>
#include <map>
#include <ostream>
#include <sstream>

#include "cli/commands/commands.h"
#include "cli/format/human.h"
#include "cli/format/table.h"
#include "cli/format/template.h"
#include "common/reference.h"

namespace berth::cli::commands {
namespace {

struct Row {
    std::string repository, tag, digest, id;
    std::int64_t created = 0;
    std::int64_t size = 0;
    std::int64_t shared_size = -1;
    std::int64_t containers = -1;
};

std::string text(const nlohmann::json &j, const char *key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::int64_t number(const nlohmann::json &j, const char *key, std::int64_t fallback = 0) {
    auto it = j.find(key);
    return it != j.end() && it->is_number() ? it->get<std::int64_t>() : fallback;
}

std::vector<std::string> strings(const nlohmann::json &j, const char *key) {
    std::vector<std::string> out;
    auto it = j.find(key);
    if (it != j.end() && it->is_array())
        for (const auto &v : *it)
            if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

// Rows as docker's image formatter makes them: one per repository:tag, digests attached to
// their repository's tags, digest-only repositories on rows of their own, "<none>" where
// nothing is known.
std::vector<Row> rows_of(const nlohmann::json &image, bool show_digests) {
    std::map<std::string, std::vector<std::string>> repo_tags, repo_digests;
    for (const auto &t : strings(image, "RepoTags")) {
        auto ref = parse_reference_no_default_tag(t);
        if (!ref || ref->tag.empty()) continue;  // "<none>:<none>" from old engines
        repo_tags[ref->familiar_name()].push_back(ref->tag);
    }
    for (const auto &d : strings(image, "RepoDigests")) {
        auto ref = parse_reference_no_default_tag(d);
        if (!ref || ref->digest.empty()) continue;
        repo_digests[ref->familiar_name()].push_back(ref->digest);
    }
    Row base;
    base.id = text(image, "Id");
    base.created = number(image, "Created");
    base.size = number(image, "Size");
    base.shared_size = number(image, "SharedSize", -1);
    base.containers = number(image, "Containers", -1);
    std::vector<Row> rows;
    auto add = [&](std::string repo, std::string tag, std::string digest) {
        Row r = base;
        r.repository = std::move(repo);
        r.tag = std::move(tag);
        r.digest = std::move(digest);
        rows.push_back(std::move(r));
    };
    const bool tagged_or_digested = !repo_tags.empty() || !repo_digests.empty();
    for (const auto &[repo, tags] : repo_tags) {
        std::vector<std::string> digests;
        if (auto it = repo_digests.find(repo); it != repo_digests.end()) {
            if (show_digests) digests = it->second;
            repo_digests.erase(it);
        }
        for (const auto &tag : tags) {
            if (digests.empty()) add(repo, tag, "<none>");
            for (const auto &d : digests) add(repo, tag, d);
        }
    }
    for (const auto &[repo, digests] : repo_digests) {
        if (show_digests)
            for (const auto &d : digests) add(repo, "<none>", d);
        else
            add(repo, "<none>", "<none>");
    }
    if (!tagged_or_digested) add("<none>", "<none>", "<none>");
    return rows;
}

std::string created_at(std::int64_t unix_seconds) {
    std::string t = format::rfc3339(unix_seconds);  // 2024-01-02T15:04:05Z
    return t.substr(0, 10) + " " + t.substr(11, 8) + " +0000 UTC";
}

// The fields a --format template can use ({{.Repository}}, {{.ID}}, ...), docker's names.
nlohmann::json fields_of(const Row &r, bool trunc, std::int64_t now) {
    nlohmann::json j;
    j["Repository"] = r.repository;
    j["Tag"] = r.tag;
    j["Digest"] = r.digest;
    j["ID"] = trunc ? format::short_id(r.id) : r.id;
    j["CreatedSince"] = r.created > 0 ? format::time_ago(r.created, now) : "N/A";
    j["CreatedAt"] = created_at(r.created);
    j["Size"] = format::human_size(static_cast<double>(r.size), 3);
    j["VirtualSize"] = j["Size"];
    j["SharedSize"] = r.shared_size < 0 ? "N/A" : format::human_size(static_cast<double>(r.shared_size), 3);
    j["UniqueSize"] = r.shared_size < 0 ? "N/A" : format::human_size(static_cast<double>(r.size - r.shared_size), 3);
    j["Containers"] = r.containers < 0 ? "N/A" : std::to_string(r.containers);
    return j;
}

nlohmann::json headers() {
    return {{"Repository", "REPOSITORY"}, {"Tag", "TAG"},           {"Digest", "DIGEST"},
            {"ID", "IMAGE ID"},           {"CreatedSince", "CREATED"}, {"CreatedAt", "CREATED AT"},
            {"Size", "SIZE"},             {"VirtualSize", "SIZE"},  {"SharedSize", "SHARED SIZE"},
            {"UniqueSize", "UNIQUE SIZE"}, {"Containers", "CONTAINERS"}};
}

int print_with_format(Context &ctx, std::string fmt, const std::vector<Row> &rows, bool trunc) {
    // "table ..." prints a header row and aligns the tab-separated cells.
    bool table = fmt.rfind("table", 0) == 0;
    if (table) {
        fmt = fmt.substr(5);
        fmt.erase(0, fmt.find_first_not_of(" "));
    }
    if (table && fmt.find_first_not_of(" \t") == std::string::npos)
        fmt = "{{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}";
    // docker's --format takes "\t" written as two characters in the shell.
    for (std::size_t p; (p = fmt.find("\\t")) != std::string::npos;) fmt.replace(p, 2, "\t");
    auto tmpl = format::Template::parse(fmt);
    if (!tmpl) return ctx.fail("template parsing error: " + tmpl.error().message());
    const auto now = format::unix_now();
    format::Table t;
    if (table) {
        auto header = tmpl->execute(headers());
        if (!header) return ctx.fail(header.error());
        t.add_row(format::split_tabs(*header));
    }
    for (const auto &r : rows) {
        auto line = tmpl->execute(fields_of(r, trunc, now));
        if (!line) return ctx.fail(line.error());
        if (table) t.add_row(format::split_tabs(*line));
        else ctx.out << *line << '\n';
    }
    if (table) t.render(ctx.out);
    return kExitOk;
}

int run(Context &ctx, const ParsedArgs &args) {
    client::Filters filters;
    for (const auto &f : args.values("filter"))
        if (!client::add_filter_arg(filters, f))
            return ctx.fail("bad format of filter (expected name=value)");
    if (!args.positional.empty()) filters["reference"].push_back(args.positional[0]);
    const bool digests = args.flag("digests");
    const bool trunc = !args.flag("no-trunc");

    auto client = ctx.client();
    if (!client) return ctx.fail(client.error());
    auto images = (*client)->list_images(args.flag("all"), filters);
    if (!images) return ctx.fail(images.error());
    if (!images->is_array()) return ctx.fail("unexpected answer from the engine: not a list of images");

    std::vector<nlohmann::json> sorted(images->begin(), images->end());
    // Newest first, as docker lists them.
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) {
        return number(a, "Created") > number(b, "Created");
    });
    std::vector<Row> rows;
    for (const auto &image : sorted) {
        auto r = rows_of(image, digests);
        rows.insert(rows.end(), r.begin(), r.end());
    }

    if (args.flag("quiet")) {
        for (const auto &r : rows) ctx.out << (trunc ? format::short_id(r.id) : r.id) << '\n';
        return kExitOk;
    }
    if (args.was_set("format") && !args.value("format").empty())
        return print_with_format(ctx, args.value("format"), rows, trunc);

    std::vector<std::string> header = {"REPOSITORY", "TAG"};
    if (digests) header.push_back("DIGEST");
    for (const char *h : {"IMAGE ID", "CREATED", "SIZE"}) header.push_back(h);
    format::Table t(header);
    const auto now = format::unix_now();
    for (const auto &r : rows) {
        std::vector<std::string> cells = {r.repository, r.tag};
        if (digests) cells.push_back(r.digest);
        cells.push_back(trunc ? format::short_id(r.id) : r.id);
        cells.push_back(r.created > 0 ? format::time_ago(r.created, now) : "N/A");
        cells.push_back(format::human_size(static_cast<double>(r.size), 3));
        t.add_row(std::move(cells));
    }
    t.render(ctx.out);
    return kExitOk;
}

}  // namespace

Command images_command() {
    Command c;
    c.path = "image ls";
    c.aliases = {"image list", "images"};
    c.usage = "[OPTIONS] [REPOSITORY[:TAG]]";
    c.summary = "List images";
    c.flags = {
        {"all", 'a', FlagSpec::Type::Bool, "Show all images (default hides intermediate images)", "", ""},
        {"digests", 0, FlagSpec::Type::Bool, "Show digests", "", ""},
        {"filter", 'f', FlagSpec::Type::List, "Filter output based on conditions provided", "", "filter"},
        {"format", 0, FlagSpec::Type::String, "Format output using a custom template ('table', 'table TEMPLATE' or a Go template)", "", "string"},
        {"no-trunc", 0, FlagSpec::Type::Bool, "Don't truncate output", "", ""},
        {"quiet", 'q', FlagSpec::Type::Bool, "Only show image IDs", "", ""},
    };
    c.min_args = 0;
    c.max_args = 1;
    c.run = run;
    return c;
}

}  // namespace berth::cli::commands
