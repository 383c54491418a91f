#include <gtest/gtest.h>

#include "cli/format/template.h"

using berth::cli::format::Template;
using nlohmann::json;

namespace {

const json kImage = json::parse(R"({
  "Id": "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
  "RepoTags": ["busybox:latest", "busybox:1.36"],
  "Size": 4261234,
  "Config": {"Cmd": ["sh"], "Env": ["PATH=/bin", "A=b"], "Labels": null,
             "ExposedPorts": {"80/tcp": {}, "443/tcp": {}}},
  "RootFS": {"Layers": []}
})");

std::string run(const std::string &tmpl, const json &data = kImage) {
    auto t = Template::parse(tmpl);
    if (!t) return "PARSE ERROR: " + t.error().message();
    auto r = t->execute(data);
    if (!r) return "EXEC ERROR: " + r.error().message();
    return *r;
}

}  // namespace

TEST(Template, PrintsFieldsLikeGo) {
    EXPECT_EQ(run("{{.Id}}"), kImage["Id"].get<std::string>());
    EXPECT_EQ(run("{{.Config.Cmd}}"), "[sh]");
    EXPECT_EQ(run("{{.Size}}"), "4261234");
    EXPECT_EQ(run("{{.Config.Labels}}"), "<nil>");
    EXPECT_EQ(run("{{.Config.Nope}}"), "<no value>");
    EXPECT_EQ(run("{{.Config.ExposedPorts}}"), "map[443/tcp:map[] 80/tcp:map[]]");
    EXPECT_EQ(run("size={{.Size}} tags={{len .RepoTags}}\n"), "size=4261234 tags=2\n");
    EXPECT_EQ(run("{{.}}", json("plain")), "plain");
}

TEST(Template, JsonIndexAndPipelines) {
    EXPECT_EQ(run("{{json .Config.Cmd}}"), R"(["sh"])");
    EXPECT_EQ(run("{{json .RootFS}}"), R"({"Layers":[]})");
    EXPECT_EQ(run("{{index .RepoTags 0}}"), "busybox:latest");
    EXPECT_EQ(run("{{index .Config.ExposedPorts \"80/tcp\"}}"), "map[]");
    EXPECT_EQ(run("{{.Config.Cmd | json}}"), R"(["sh"])");
    EXPECT_EQ(run("{{(index .RepoTags 1) | upper}}"), "BUSYBOX:1.36");
    EXPECT_EQ(run("{{join .Config.Env \",\"}}"), "PATH=/bin,A=b");
    EXPECT_EQ(run("{{printf \"%-6s|%d\" \"ab\" .Size}}"), "ab    |4261234");
    EXPECT_EQ(run("{{println .Size}}"), "4261234\n");
}

TEST(Template, RangeWithVariablesElseAndTrim) {
    EXPECT_EQ(run("{{range .RepoTags}}[{{.}}]{{end}}"), "[busybox:latest][busybox:1.36]");
    EXPECT_EQ(run("{{range $i, $t := .RepoTags}}{{$i}}={{$t}} {{end}}"), "0=busybox:latest 1=busybox:1.36 ");
    EXPECT_EQ(run("{{range $p, $conf := .Config.ExposedPorts}}{{$p}};{{end}}"), "443/tcp;80/tcp;");
    EXPECT_EQ(run("{{range .RootFS.Layers}}x{{else}}none{{end}}"), "none");
    EXPECT_EQ(run("{{range .Config.Labels}}x{{end}}."), ".");
    EXPECT_EQ(run("a  {{- .Size -}}  b"), "a4261234b");
    EXPECT_EQ(run("{{range .RepoTags}}{{$.Size}} {{end}}"), "4261234 4261234 ");
    EXPECT_EQ(run("{{/* a comment */}}ok"), "ok");
}

TEST(Template, IfWithAndComparisons) {
    EXPECT_EQ(run("{{if .Config.Labels}}yes{{else}}no{{end}}"), "no");
    EXPECT_EQ(run("{{if eq (len .RepoTags) 2}}two{{end}}"), "two");
    EXPECT_EQ(run("{{with .Config}}{{.Cmd}}{{end}}"), "[sh]");
    EXPECT_EQ(run("{{if and .RepoTags (not .Config.Labels)}}ok{{end}}"), "ok");
    EXPECT_EQ(run("{{$n := .Size}}{{if gt $n 1000}}big{{end}}"), "big");
}

TEST(Template, ReportsErrorsInsteadOfGuessing) {
    EXPECT_EQ(run("{{.Id"), "PARSE ERROR: template: :1: unclosed action");
    EXPECT_EQ(run("{{end}}"), "PARSE ERROR: template: :1: unexpected {{end}}");
    EXPECT_EQ(run("{{range .X}}"), "PARSE ERROR: template: :1: unexpected EOF: missing {{end}} for {{range}}");
    EXPECT_EQ(run("{{nosuch .X}}"), "PARSE ERROR: template: :1: function \"nosuch\" not defined");
    EXPECT_EQ(run("{{index .RepoTags 5}}"), "EXEC ERROR: template: error calling index: index out of range: 5");
    EXPECT_EQ(run("{{.Id.Foo}}"), "EXEC ERROR: template: can't evaluate field Foo in type string");
    EXPECT_EQ(run("{{.Config.Labels.Foo}}"), "EXEC ERROR: template: nil pointer evaluating .Foo");
    EXPECT_EQ(run("{{$nope}}"), "EXEC ERROR: template: undefined variable: $nope");
}
