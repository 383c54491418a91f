#include "cli/commands/inspect_output.h"

#include <ostream>

namespace berth::cli::commands {

Result<std::optional<format::Template>> inspect_template(const ParsedArgs &args) {
    const std::string fmt = args.value("format");
    if (fmt.empty()) return std::optional<format::Template>{};
    auto parsed = format::Template::parse(fmt);
    if (!parsed) return Error::invalid("template parsing error: " + parsed.error().message());
    return std::optional<format::Template>{std::move(*parsed)};
}

int print_inspected(Context &ctx, const nlohmann::json &objects, const std::optional<format::Template> &tmpl) {
    if (!tmpl) {
        ctx.out << objects.dump(4, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        return kExitOk;
    }
    for (const auto &object : objects) {
        auto text = tmpl->execute(object);
        if (!text) {
            ctx.out.flush();
            return ctx.fail(text.error());
        }
        ctx.out << *text << '\n';
    }
    return kExitOk;
}

}  // namespace berth::cli::commands
