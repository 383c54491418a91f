#include "cli/format/template.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <vector>

namespace berth::cli::format {

using nlohmann::json;

// ---------------------------------------------------------------- syntax tree

struct Pipeline;

struct Operand {
    enum class Kind { Dot, Variable, Literal, Function, Sub } kind = Kind::Dot;
    std::string name;                 // variable ("$x", "$") or function name
    json literal;
    std::shared_ptr<Pipeline> sub;    // ( ... )
    std::vector<std::string> fields;  // .A.B applied to the operand's value
};

struct Command {
    std::vector<Operand> args;
};

struct Pipeline {
    std::vector<std::string> declare;  // $x := ...  or  $i, $v := ... (range)
    std::vector<Command> commands;
};

struct TemplateNode {
    enum class Kind { List, Text, Action, If, Range, With } kind = Kind::List;
    std::string text;
    Pipeline pipe;
    std::vector<std::shared_ptr<TemplateNode>> children;  // List
    std::shared_ptr<TemplateNode> body, else_body;        // If, Range, With
};

namespace {

Error template_error(int line, const std::string &what) {
    return Error::invalid("template: :" + std::to_string(line) + ": " + what);
}

// ---------------------------------------------------------------- splitting text/actions

struct Piece {
    bool action = false;
    std::string text;
    int line = 1;
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

Result<std::vector<Piece>> split_pieces(std::string_view src) {
    std::vector<Piece> out;
    int line = 1;
    bool trim_next_text = false;
    std::size_t pos = 0;
    while (pos <= src.size()) {
        std::size_t open = src.find("{{", pos);
        std::string text(src.substr(pos, open == std::string_view::npos ? std::string_view::npos : open - pos));
        if (trim_next_text) {
            std::size_t k = 0;
            while (k < text.size() && is_space(text[k])) ++k;
            text.erase(0, k);
        }
        std::size_t action_start = open + 2;
        bool trim_left = open != std::string_view::npos && action_start + 1 < src.size() &&
                         src[action_start] == '-' && is_space(src[action_start + 1]);
        if (trim_left)
            while (!text.empty() && is_space(text.back())) text.pop_back();
        if (!text.empty()) out.push_back({false, text, line});
        line += static_cast<int>(std::count(src.begin() + static_cast<long>(pos),
                                            open == std::string_view::npos ? src.end() : src.begin() + static_cast<long>(open), '\n'));
        if (open == std::string_view::npos) break;
        if (trim_left) action_start += 2;
        // Find the closing braces outside string literals.
        std::size_t i = action_start;
        char quote = 0;
        for (; i < src.size(); ++i) {
            char c = src[i];
            if (quote) {
                if (c == '\\' && quote == '"') ++i;
                else if (c == quote) quote = 0;
            } else if (c == '"' || c == '`') {
                quote = c;
            } else if (c == '}' && i + 1 < src.size() && src[i + 1] == '}') {
                break;
            }
        }
        if (i >= src.size()) return template_error(line, "unclosed action");
        std::size_t action_end = i;
        trim_next_text = action_end >= action_start + 2 && src[action_end - 1] == '-' && is_space(src[action_end - 2]);
        std::string action(src.substr(action_start, (trim_next_text ? action_end - 2 : action_end) - action_start));
        std::string_view trimmed = action;
        while (!trimmed.empty() && is_space(trimmed.front())) trimmed.remove_prefix(1);
        while (!trimmed.empty() && is_space(trimmed.back())) trimmed.remove_suffix(1);
        bool comment = trimmed.size() >= 4 && trimmed.substr(0, 2) == "/*" && trimmed.substr(trimmed.size() - 2) == "*/";
        if (!comment) out.push_back({true, std::string(trimmed), line});
        line += static_cast<int>(std::count(action.begin(), action.end(), '\n'));
        pos = action_end + 2;
    }
    return out;
}

// ---------------------------------------------------------------- tokens inside an action

struct Token {
    enum class Kind { Dot, Field, Variable, Ident, Literal, LParen, RParen, Pipe, Declare, Comma } kind;
    std::string text;
    json literal;
    bool space_before = false;
};

bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

Result<std::vector<Token>> tokenize(std::string_view s, int line) {
    std::vector<Token> out;
    std::size_t i = 0;
    bool space = true;
    while (i < s.size()) {
        char c = s[i];
        if (is_space(c)) {
            space = true;
            ++i;
            continue;
        }
        Token t{Token::Kind::Dot, {}, {}, space};
        space = false;
        if (c == '.') {
            std::size_t j = i + 1;
            while (j < s.size() && ident_char(s[j])) ++j;
            if (j == i + 1) {
                t.kind = Token::Kind::Dot;
            } else {
                t.kind = Token::Kind::Field;
                t.text = std::string(s.substr(i + 1, j - i - 1));
            }
            i = j;
        } else if (c == '$') {
            std::size_t j = i + 1;
            while (j < s.size() && ident_char(s[j])) ++j;
            t.kind = Token::Kind::Variable;
            t.text = std::string(s.substr(i, j - i));
            i = j;
        } else if (c == '"') {
            std::size_t j = i + 1;
            while (j < s.size() && s[j] != '"') j += (s[j] == '\\') ? 2 : 1;
            if (j >= s.size()) return template_error(line, "unterminated quoted string");
            auto parsed = json::parse(s.substr(i, j - i + 1), nullptr, false);
            if (!parsed.is_string()) return template_error(line, "bad quoted string");
            t.kind = Token::Kind::Literal;
            t.literal = parsed;
            i = j + 1;
        } else if (c == '`') {
            std::size_t j = s.find('`', i + 1);
            if (j == std::string_view::npos) return template_error(line, "unterminated raw quoted string");
            t.kind = Token::Kind::Literal;
            t.literal = std::string(s.substr(i + 1, j - i - 1));
            i = j + 1;
        } else if (std::isdigit(static_cast<unsigned char>(c)) ||
                   ((c == '-' || c == '+') && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1])))) {
            std::size_t j = i + 1;
            while (j < s.size() && (std::isdigit(static_cast<unsigned char>(s[j])) || s[j] == '.' || s[j] == 'e' || s[j] == 'E'))
                ++j;
            std::string number(s.substr(i, j - i));
            if (number.front() == '+') number.erase(0, 1);
            auto parsed = json::parse(number, nullptr, false);
            if (!parsed.is_number()) return template_error(line, "bad number syntax: " + number);
            t.kind = Token::Kind::Literal;
            t.literal = parsed;
            i = j;
        } else if (c == '(') {
            t.kind = Token::Kind::LParen;
            ++i;
        } else if (c == ')') {
            t.kind = Token::Kind::RParen;
            ++i;
        } else if (c == '|') {
            t.kind = Token::Kind::Pipe;
            ++i;
        } else if (c == ',') {
            t.kind = Token::Kind::Comma;
            ++i;
        } else if (c == ':' && i + 1 < s.size() && s[i + 1] == '=') {
            t.kind = Token::Kind::Declare;
            i += 2;
        } else if (ident_char(c)) {
            std::size_t j = i;
            while (j < s.size() && ident_char(s[j])) ++j;
            t.text = std::string(s.substr(i, j - i));
            i = j;
            if (t.text == "true" || t.text == "false") {
                t.kind = Token::Kind::Literal;
                t.literal = (t.text == "true");
            } else if (t.text == "nil") {
                t.kind = Token::Kind::Literal;
                t.literal = nullptr;
            } else {
                t.kind = Token::Kind::Ident;
            }
        } else {
            return template_error(line, std::string("unexpected character '") + c + "' in action");
        }
        out.push_back(std::move(t));
    }
    return out;
}

const std::map<std::string, int> &known_functions() {
    // name -> minimum argument count (variadic ones take more)
    static const std::map<std::string, int> f = {
        {"json", 1},  {"index", 1}, {"len", 1},   {"join", 2},  {"split", 2},    {"upper", 1},
        {"lower", 1}, {"title", 1}, {"truncate", 2}, {"print", 0}, {"println", 0}, {"printf", 1},
        {"eq", 2},    {"ne", 2},    {"lt", 2},    {"le", 2},    {"gt", 2},       {"ge", 2},
        {"not", 1},   {"and", 1},   {"or", 1},
    };
    return f;
}

class PipelineParser {
public:
    PipelineParser(std::vector<Token> tokens, int line) : t_(std::move(tokens)), line_(line) {}

    Result<Pipeline> parse_top(bool allow_two_vars) {
        Pipeline p;
        // Declarations: "$x :=" or "$i, $v :=".
        std::size_t save = i_;
        std::vector<std::string> vars;
        while (i_ < t_.size() && t_[i_].kind == Token::Kind::Variable) {
            vars.push_back(t_[i_].text);
            ++i_;
            if (i_ < t_.size() && t_[i_].kind == Token::Kind::Comma && allow_two_vars && vars.size() == 1) {
                ++i_;
                continue;
            }
            break;
        }
        if (!vars.empty() && i_ < t_.size() && t_[i_].kind == Token::Kind::Declare) {
            ++i_;
            p.declare = std::move(vars);
        } else {
            i_ = save;
        }
        auto body = TRY(parse_pipeline(false));
        p.commands = std::move(body.commands);
        if (i_ != t_.size()) return template_error(line_, "unexpected token in action");
        return p;
    }

private:
    Result<Pipeline> parse_pipeline(bool in_paren) {
        Pipeline p;
        for (;;) {
            Command cmd;
            while (i_ < t_.size() && t_[i_].kind != Token::Kind::Pipe &&
                   !(in_paren && t_[i_].kind == Token::Kind::RParen)) {
                cmd.args.push_back(TRY(parse_operand()));
            }
            if (cmd.args.empty()) return template_error(line_, "missing value for command");
            p.commands.push_back(std::move(cmd));
            if (i_ < t_.size() && t_[i_].kind == Token::Kind::Pipe) {
                ++i_;
                continue;
            }
            break;
        }
        return p;
    }

    Result<Operand> parse_operand() {
        const Token &t = t_[i_++];
        Operand op;
        switch (t.kind) {
            case Token::Kind::Dot: op.kind = Operand::Kind::Dot; break;
            case Token::Kind::Field:
                op.kind = Operand::Kind::Dot;
                op.fields.push_back(t.text);
                break;
            case Token::Kind::Variable:
                op.kind = Operand::Kind::Variable;
                op.name = t.text;
                break;
            case Token::Kind::Literal:
                op.kind = Operand::Kind::Literal;
                op.literal = t.literal;
                break;
            case Token::Kind::Ident:
                if (!known_functions().count(t.text))
                    return template_error(line_, "function \"" + t.text + "\" not defined");
                op.kind = Operand::Kind::Function;
                op.name = t.text;
                return op;
            case Token::Kind::LParen: {
                op.kind = Operand::Kind::Sub;
                op.sub = std::make_shared<Pipeline>(TRY(parse_pipeline(true)));
                if (i_ >= t_.size() || t_[i_].kind != Token::Kind::RParen)
                    return template_error(line_, "unclosed left paren");
                ++i_;
                break;
            }
            default: return template_error(line_, "unexpected \"" + t.text + "\" in operand");
        }
        // Field chains are written without spaces: .A.B, $v.A, (index .X 0).A
        while (i_ < t_.size() && t_[i_].kind == Token::Kind::Field && !t_[i_].space_before) {
            op.fields.push_back(t_[i_].text);
            ++i_;
        }
        return op;
    }

    std::vector<Token> t_;
    std::size_t i_ = 0;
    int line_;
};

// ---------------------------------------------------------------- parsing the node tree

class TreeParser {
public:
    explicit TreeParser(std::vector<Piece> pieces) : p_(std::move(pieces)) {}

    enum class Stop { Eof, End, Else };

    Result<std::shared_ptr<TemplateNode>> parse_list(Stop &stop, bool nested) {
        auto list = std::make_shared<TemplateNode>();
        list->kind = TemplateNode::Kind::List;
        while (i_ < p_.size()) {
            const Piece &piece = p_[i_++];
            if (!piece.action) {
                auto n = std::make_shared<TemplateNode>();
                n->kind = TemplateNode::Kind::Text;
                n->text = piece.text;
                list->children.push_back(n);
                continue;
            }
            std::string_view a = piece.text;
            std::string keyword(a.substr(0, a.find_first_of(" \t\n\r")));
            std::string_view rest = keyword.size() < a.size() ? a.substr(keyword.size()) : std::string_view();
            if (keyword == "end" || keyword == "else") {
                if (!nested) return template_error(piece.line, "unexpected {{" + keyword + "}}");
                if (rest.find_first_not_of(" \t\r\n") != std::string_view::npos)
                    return template_error(piece.line, "unexpected text after {{" + keyword + "}}");
                stop = keyword == "end" ? Stop::End : Stop::Else;
                return list;
            }
            auto n = std::make_shared<TemplateNode>();
            if (keyword == "if" || keyword == "range" || keyword == "with") {
                n->kind = keyword == "if" ? TemplateNode::Kind::If
                        : keyword == "range" ? TemplateNode::Kind::Range
                                             : TemplateNode::Kind::With;
                auto tokens = TRY(tokenize(rest, piece.line));
                if (tokens.empty()) return template_error(piece.line, "missing value for " + keyword);
                n->pipe = TRY(PipelineParser(std::move(tokens), piece.line).parse_top(keyword == "range"));
                Stop inner = Stop::Eof;
                n->body = TRY(parse_list(inner, true));
                if (inner == Stop::Else) {
                    n->else_body = TRY(parse_list(inner, true));
                    if (inner == Stop::Else) return template_error(piece.line, "expected {{end}} after {{else}}");
                }
                if (inner != Stop::End) return template_error(piece.line, "unexpected EOF: missing {{end}} for {{" + keyword + "}}");
            } else {
                if (keyword == "define" || keyword == "template" || keyword == "block")
                    return template_error(piece.line, "{{" + keyword + "}} is not supported");
                n->kind = TemplateNode::Kind::Action;
                auto tokens = TRY(tokenize(a, piece.line));
                if (tokens.empty()) return template_error(piece.line, "missing value for command");
                n->pipe = TRY(PipelineParser(std::move(tokens), piece.line).parse_top(false));
            }
            list->children.push_back(n);
        }
        stop = Stop::Eof;
        return list;
    }

private:
    std::vector<Piece> p_;
    std::size_t i_ = 0;
};

// ---------------------------------------------------------------- evaluation

struct Value {
    json v;
    bool missing = false;  // a key that is not there: prints "<no value>"
};

bool truthy(const Value &x) {
    if (x.missing) return false;
    const json &v = x.v;
    switch (v.type()) {
        case json::value_t::null: return false;
        case json::value_t::boolean: return v.get<bool>();
        case json::value_t::number_integer:
        case json::value_t::number_unsigned:
        case json::value_t::number_float: return v.get<double>() != 0;
        case json::value_t::string:
        case json::value_t::array:
        case json::value_t::object: return !v.empty();
        default: return true;
    }
}

std::string to_text(const Value &x) { return x.missing ? std::string("<no value>") : go_print(x.v); }

class Executor {
public:
    explicit Executor(const json &root) { vars_.push_back({"$", Value{root}}); }

    Result<void> run(const TemplateNode &n, const Value &dot, std::string &out) {
        switch (n.kind) {
            case TemplateNode::Kind::List:
                for (const auto &c : n.children) TRY(run(*c, dot, out));
                return {};
            case TemplateNode::Kind::Text: out += n.text; return {};
            case TemplateNode::Kind::Action: {
                Value v = TRY(eval_pipeline(n.pipe, dot));
                if (!n.pipe.declare.empty()) {
                    vars_.push_back({n.pipe.declare[0], v});  // lives until the enclosing block ends
                    return {};
                }
                out += to_text(v);
                return {};
            }
            case TemplateNode::Kind::If:
            case TemplateNode::Kind::With: {
                std::size_t mark = vars_.size();
                Value v = TRY(eval_pipeline(n.pipe, dot));
                if (!n.pipe.declare.empty()) vars_.push_back({n.pipe.declare[0], v});
                Result<void> r;
                if (truthy(v)) r = run(*n.body, n.kind == TemplateNode::Kind::With ? v : dot, out);
                else if (n.else_body) r = run(*n.else_body, dot, out);
                vars_.resize(mark);
                return r;
            }
            case TemplateNode::Kind::Range: return run_range(n, dot, out);
        }
        return {};
    }

private:
    Result<void> run_range(const TemplateNode &n, const Value &dot, std::string &out) {
        Value over = TRY(eval_pipeline(n.pipe, dot));
        std::size_t mark = vars_.size();
        bool any = false;
        auto iteration = [&](const json &key, const json &element) -> Result<void> {
            any = true;
            vars_.resize(mark);
            if (n.pipe.declare.size() == 1) vars_.push_back({n.pipe.declare[0], Value{element}});
            if (n.pipe.declare.size() == 2) {
                vars_.push_back({n.pipe.declare[0], Value{key}});
                vars_.push_back({n.pipe.declare[1], Value{element}});
            }
            return run(*n.body, Value{element}, out);
        };
        Result<void> r;
        if (!over.missing && over.v.is_array()) {
            for (std::size_t i = 0; i < over.v.size() && r.ok(); ++i) r = iteration(json(i), over.v[i]);
        } else if (!over.missing && over.v.is_object()) {
            for (auto it = over.v.begin(); it != over.v.end() && r.ok(); ++it) r = iteration(json(it.key()), it.value());
        } else if (!over.missing && !over.v.is_null()) {
            vars_.resize(mark);
            return Error::invalid("template: range can't iterate over " + to_text(over));
        }
        vars_.resize(mark);
        if (!r) return r;
        if (!any && n.else_body) return run(*n.else_body, dot, out);
        return {};
    }

    Result<Value> field(Value base, const std::vector<std::string> &fields) {
        for (const auto &f : fields) {
            if (base.missing || base.v.is_null())
                return Error::invalid("template: nil pointer evaluating ." + f);
            if (!base.v.is_object())
                return Error::invalid("template: can't evaluate field " + f + " in type " +
                                      std::string(base.v.type_name()));
            auto it = base.v.find(f);
            if (it == base.v.end()) base = Value{json(), true};
            else base = Value{*it};
        }
        return base;
    }

    Result<Value> eval_operand(const Operand &op, const Value &dot) {
        Value base;
        switch (op.kind) {
            case Operand::Kind::Dot: base = dot; break;
            case Operand::Kind::Literal: base = Value{op.literal}; break;
            case Operand::Kind::Variable: {
                auto it = std::find_if(vars_.rbegin(), vars_.rend(), [&](const auto &p) { return p.first == op.name; });
                if (it == vars_.rend()) return Error::invalid("template: undefined variable: " + op.name);
                base = it->second;
                break;
            }
            case Operand::Kind::Sub: base = TRY(eval_pipeline(*op.sub, dot)); break;
            case Operand::Kind::Function: return Error::invalid("template: " + op.name + " is a function, not a value");
        }
        return field(std::move(base), op.fields);
    }

    Result<Value> eval_pipeline(const Pipeline &p, const Value &dot) {
        std::optional<Value> previous;
        for (const auto &cmd : p.commands) previous = TRY(eval_command(cmd, dot, previous));
        return previous ? *previous : Value{};
    }

    Result<Value> eval_command(const Command &cmd, const Value &dot, const std::optional<Value> &piped) {
        const Operand &first = cmd.args.front();
        if (first.kind != Operand::Kind::Function) {
            if (cmd.args.size() > 1 || piped)
                return Error::invalid("template: can't give argument to non-function");
            return eval_operand(first, dot);
        }
        std::vector<Value> args;
        for (std::size_t i = 1; i < cmd.args.size(); ++i) args.push_back(TRY(eval_operand(cmd.args[i], dot)));
        if (piped) args.push_back(*piped);
        return call(first.name, args);
    }

    static Result<Value> call(const std::string &name, std::vector<Value> &args) {
        const int min = known_functions().at(name);
        if (static_cast<int>(args.size()) < min)
            return Error::invalid("template: wrong number of args for " + name + ": want at least " +
                                  std::to_string(min) + " got " + std::to_string(args.size()));
        auto err = [&](const std::string &why) { return Error::invalid("template: error calling " + name + ": " + why); };
        auto str = [](const Value &v) { return v.missing ? std::string() : v.v.is_string() ? v.v.get<std::string>() : go_print(v.v); };
        if (name == "json") {
            if (args[0].missing) return Value{json("null")};
            return Value{json(args[0].v.dump(-1, ' ', false, json::error_handler_t::replace))};
        }
        if (name == "index") {
            Value cur = args[0];
            for (std::size_t i = 1; i < args.size(); ++i) {
                const Value &k = args[i];
                if (cur.missing || cur.v.is_null()) return err("index of untyped nil");
                if (cur.v.is_array()) {
                    if (!k.v.is_number_integer()) return err("cannot index slice/array with type " + std::string(k.v.type_name()));
                    auto idx = k.v.get<long long>();
                    if (idx < 0 || idx >= static_cast<long long>(cur.v.size()))
                        return err("index out of range: " + std::to_string(idx));
                    cur = Value{cur.v[static_cast<std::size_t>(idx)]};
                } else if (cur.v.is_object()) {
                    if (!k.v.is_string()) return err("value has type " + std::string(k.v.type_name()) + "; should be string");
                    auto it = cur.v.find(k.v.get<std::string>());
                    cur = it == cur.v.end() ? Value{json(), true} : Value{*it};
                } else {
                    return err("can't index item of type " + std::string(cur.v.type_name()));
                }
            }
            return cur;
        }
        if (name == "len") {
            const Value &v = args[0];
            if (!v.missing && (v.v.is_array() || v.v.is_object())) return Value{json(v.v.size())};
            if (!v.missing && v.v.is_string()) return Value{json(v.v.get_ref<const std::string &>().size())};
            return err("len of type " + std::string(v.missing ? "nil" : v.v.type_name()));
        }
        if (name == "join") {
            std::string out;
            if (!args[0].missing && args[0].v.is_array()) {
                for (std::size_t i = 0; i < args[0].v.size(); ++i) {
                    if (i) out += str(args[1]);
                    out += str(Value{args[0].v[i]});
                }
            } else if (!args[0].missing && !args[0].v.is_null()) {
                return err("join expects a list");
            }
            return Value{json(out)};
        }
        if (name == "split") {
            std::string s = str(args[0]), sep = str(args[1]);
            json parts = json::array();
            if (sep.empty()) {
                for (char c : s) parts.push_back(std::string(1, c));
            } else {
                std::size_t start = 0, at;
                while ((at = s.find(sep, start)) != std::string::npos) {
                    parts.push_back(s.substr(start, at - start));
                    start = at + sep.size();
                }
                parts.push_back(s.substr(start));
            }
            return Value{parts};
        }
        if (name == "upper" || name == "lower" || name == "title") {
            std::string s = str(args[0]);
            bool word_start = true;
            for (auto &c : s) {
                auto uc = static_cast<unsigned char>(c);
                if (name == "upper") c = static_cast<char>(std::toupper(uc));
                else if (name == "lower") c = static_cast<char>(std::tolower(uc));
                else {
                    if (word_start) c = static_cast<char>(std::toupper(uc));
                    word_start = !std::isalnum(uc);
                }
            }
            return Value{json(s)};
        }
        if (name == "truncate") {
            std::string s = str(args[0]);
            if (!args[1].v.is_number_integer()) return err("length must be an integer");
            auto n = args[1].v.get<long long>();
            std::size_t kept = 0, i = 0;
            for (; i < s.size(); ++i) {
                if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
                    if (static_cast<long long>(kept) == n) break;
                    ++kept;
                }
            }
            return Value{json(s.substr(0, i))};
        }
        if (name == "print" || name == "println") {
            std::string out;
            for (std::size_t i = 0; i < args.size(); ++i) {
                // fmt.Sprint adds spaces between operands when neither is a string;
                // fmt.Sprintln always does.
                bool strings = (!args[i].missing && args[i].v.is_string()) ||
                               (i > 0 && !args[i - 1].missing && args[i - 1].v.is_string());
                if (i > 0 && (name == "println" || !strings)) out += ' ';
                out += to_text(args[i]);
            }
            if (name == "println") out += '\n';
            return Value{json(out)};
        }
        if (name == "printf") return printf(args, err);
        if (name == "not") return Value{json(!truthy(args[0]))};
        if (name == "and") {
            for (auto &a : args) if (!truthy(a)) return a;
            return args.back();
        }
        if (name == "or") {
            for (auto &a : args) if (truthy(a)) return a;
            return args.back();
        }
        // Comparisons.
        const json &a = args[0].v;
        if (name == "eq") {
            for (std::size_t i = 1; i < args.size(); ++i)
                if (a == args[i].v) return Value{json(true)};
            return Value{json(false)};
        }
        const json &b = args[1].v;
        if (name == "ne") return Value{json(a != b)};
        bool comparable = (a.is_number() && b.is_number()) || (a.is_string() && b.is_string());
        if (!comparable) return err("incompatible types for comparison");
        if (name == "lt") return Value{json(a < b)};
        if (name == "le") return Value{json(a <= b)};
        if (name == "gt") return Value{json(a > b)};
        return Value{json(a >= b)};  // ge
    }

    template <class ErrFn>
    static Result<Value> printf(const std::vector<Value> &args, ErrFn err) {
        if (!args[0].v.is_string()) return err("format must be a string");
        const std::string &fmt = args[0].v.get_ref<const std::string &>();
        std::string out;
        std::size_t next = 1;
        for (std::size_t i = 0; i < fmt.size(); ++i) {
            if (fmt[i] != '%') {
                out += fmt[i];
                continue;
            }
            std::size_t j = i + 1;
            while (j < fmt.size() && std::string_view("-+# 0").find(fmt[j]) != std::string_view::npos) ++j;
            while (j < fmt.size() && (std::isdigit(static_cast<unsigned char>(fmt[j])) || fmt[j] == '.')) ++j;
            if (j >= fmt.size()) return err("bad format");
            char verb = fmt[j];
            std::string flags = fmt.substr(i + 1, j - i - 1);
            i = j;
            if (verb == '%') {
                out += '%';
                continue;
            }
            if (next >= args.size()) {
                out += std::string("%!") + verb + "(MISSING)";
                continue;
            }
            const Value &v = args[next++];
            char buf[512];
            if (verb == 'd' && !v.missing && v.v.is_number()) {
                std::snprintf(buf, sizeof buf, ("%" + flags + "lld").c_str(), static_cast<long long>(v.v.get<double>()));
                out += buf;
            } else if ((verb == 'f' || verb == 'g' || verb == 'e') && !v.missing && v.v.is_number()) {
                std::snprintf(buf, sizeof buf, ("%" + flags + verb).c_str(), v.v.get<double>());
                out += buf;
            } else {
                std::string text = verb == 'q' ? (v.missing ? std::string("\"\"") : json(v.v.is_string() ? v.v.get<std::string>() : go_print(v.v)).dump())
                                               : to_text(v);
                std::snprintf(buf, sizeof buf, ("%" + flags + "s").c_str(), text.c_str());
                out += buf;
            }
        }
        return Value{json(out)};
    }

    std::vector<std::pair<std::string, Value>> vars_;
};

}  // namespace

std::string go_print(const json &v) {
    switch (v.type()) {
        case json::value_t::null: return "<nil>";
        case json::value_t::string: return v.get<std::string>();
        case json::value_t::boolean: return v.get<bool>() ? "true" : "false";
        case json::value_t::number_integer: return std::to_string(v.get<long long>());
        case json::value_t::number_unsigned: return std::to_string(v.get<unsigned long long>());
        case json::value_t::number_float: return v.dump();
        case json::value_t::array: {
            std::string out = "[";
            for (std::size_t i = 0; i < v.size(); ++i) {
                if (i) out += ' ';
                out += go_print(v[i]);
            }
            return out + "]";
        }
        case json::value_t::object: {
            std::string out = "map[";
            bool first = true;
            for (auto it = v.begin(); it != v.end(); ++it) {
                if (!first) out += ' ';
                first = false;
                out += it.key() + ":" + go_print(it.value());
            }
            return out + "]";
        }
        default: return v.dump();
    }
}

Result<Template> Template::parse(std::string_view text) {
    auto pieces = TRY(split_pieces(text));
    TreeParser parser(std::move(pieces));
    TreeParser::Stop stop = TreeParser::Stop::Eof;
    auto root = TRY(parser.parse_list(stop, false));
    Template t;
    t.root_ = root;
    return t;
}

Result<std::string> Template::execute(const json &data) const {
    std::string out;
    Executor ex(data);
    TRY(ex.run(*root_, Value{data}, out));
    return out;
}

}  // namespace berth::cli::format
