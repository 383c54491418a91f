// What `image inspect`, `inspect` and `container inspect` share: the --format template and
// printing the inspected objects as docker does.
#pragma once

#include <optional>

#include <nlohmann/json.hpp>

#include "cli/commands/commands.h"
#include "cli/format/template.h"

namespace berth::cli::commands {

// The parsed --format template, nullopt when none was given; Docker's wording on error.
Result<std::optional<format::Template>> inspect_template(const ParsedArgs &args);

// The template applied to each object, else the objects as a pretty JSON array.
// Returns kExitOk, or the failure code after printing a template error.
int print_inspected(Context &ctx, const nlohmann::json &objects, const std::optional<format::Template> &tmpl);

}  // namespace berth::cli::commands
