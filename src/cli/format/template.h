// A subset of Go's text/template, enough for docker's `--format` flags, evaluated over
// JSON as the engine returns it:
//   {{.}}  {{.A.B}}  {{$}}  {{$v.A}}  {{json .X}}  {{index .X 0}}  {{index .M "key"}}
//   {{range .X}}..{{else}}..{{end}}  {{range $k, $v := .M}}..{{end}}  {{if .X}}..{{else}}..{{end}}
//   {{with .X}}..{{end}}  {{$x := .A}}  pipelines {{.X | json}}  (sub pipelines)  {{- trim -}}
//   {{/* comments */}}
// Functions: json, index, len, join, split, upper, lower, title, truncate, print, println,
// printf (%s %d %v %q), eq, ne, lt, le, gt, ge, not, and, or.
// Values print as Go prints them: arrays "[a b]", objects "map[k:v]", null "<nil>",
// a missing key "<no value>".
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "common/result.h"

namespace berth::cli::format {

struct TemplateNode;

class Template {
public:
    // Parse errors are InvalidArgument and say where: "template: :1: unexpected {{end}}".
    static Result<Template> parse(std::string_view text);
    Result<std::string> execute(const nlohmann::json &data) const;

private:
    std::shared_ptr<const TemplateNode> root_;
};

// Go's %v of a JSON value (what {{.X}} prints).
std::string go_print(const nlohmann::json &value);

}  // namespace berth::cli::format
