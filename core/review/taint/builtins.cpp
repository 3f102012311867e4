#include "review/taint/builtins.h"

namespace copilot::review::taint {
namespace {

LangInfo python() {
  LangInfo l;
  l.self_names = {"self", "cls"};
  l.clean_methods = {"startswith",   "endswith",     "isdigit",   "isnumeric", "isdecimal", "isalpha", "isalnum",
                     "isidentifier", "islower",      "isupper",   "isspace",   "istitle",   "isascii", "count",
                     "find",         "rfind",        "index",     "rindex",    "exists",    "is_file", "is_dir",
                     "__len__",      "__contains__", "hexdigest", "digest",    "fileno",    "tell",    "bit_length",
                     "is_absolute",  "match",        "fullmatch", "search"};
  l.mutators = {"append",     "extend",     "insert",     "add",   "update",
                "setdefault", "appendleft", "extendleft", "write", "writelines"};
  l.joining_methods = {"format",  "format_map", "join",       "replace",
                       "__add__", "__mod__",    "substitute", "safe_substitute"};
  l.propagating_functions = {"str",      "repr",       "ascii",     "bytes",     "bytearray", "list",      "tuple",
                             "set",      "frozenset",  "dict",      "sorted",    "reversed",  "format",    "iter",
                             "next",     "max",        "min",       "enumerate", "zip",       "map",       "filter",
                             "str.join", "str.format", "str.strip", "str.lower", "str.upper", "memoryview"};
  l.validating_methods = {"isdigit", "isnumeric", "isdecimal", "isalnum", "isalpha", "isidentifier"};
  l.url_parsers = {"urlparse",       "urlsplit",      "urllib.parse.urlparse", "urllib.parse.urlsplit",
                   "parse.urlparse", "parse.urlsplit"};
  l.noreturn_functions = {"abort",    "flask.abort", "sys.exit",  "exit", "quit",
                          "os._exit", "os.abort",    "raise_404", "fail"};
  return l;
}

LangInfo javascript() {
  LangInfo l;
  l.self_names = {"this"};
  l.clean_methods = {"startsWith", "endsWith",      "includes",   "indexOf",     "lastIndexOf",
                     "test",       "localeCompare", "charCodeAt", "codePointAt", "search",
                     "has",        "every",         "some",       "isArray",     "hasOwnProperty",
                     "digest",     "getTime",       "isInteger",  "isNaN",       "isFinite"};
  l.mutators = {"push", "unshift", "set", "add", "splice", "append", "write"};
  l.joining_methods = {"concat", "join", "replace", "replaceAll", "padStart", "padEnd"};
  l.propagating_functions = {"String",         "decodeURIComponent", "decodeURI",  "unescape",      "JSON.parse",
                             "JSON.stringify", "Buffer.from",        "Array.from", "Object.values", "Object.entries",
                             "Object.assign",  "util.format",        "atob",       "btoa",          "String.raw",
                             "Array.of"};
  l.membership_methods = {"includes", "has", "contains"};
  l.url_parsers = {"URL", "url.parse", "parse"};
  l.noreturn_functions = {"process.exit"};
  return l;
}

LangInfo go() {
  LangInfo l;
  l.clean_methods = {"HasPrefix", "HasSuffix", "Contains", "Len", "Equal", "EqualFold", "Index"};
  l.mutators = {"WriteString", "Write", "WriteByte", "WriteRune", "Add", "Set"};
  l.joining_methods = {};
  l.propagating_functions = {"string",
                             "append",
                             "fmt.Sprintf",
                             "fmt.Sprint",
                             "fmt.Sprintln",
                             "strings.ToLower",
                             "strings.ToUpper",
                             "strings.TrimSpace",
                             "strings.Trim",
                             "strings.TrimPrefix",
                             "strings.TrimSuffix",
                             "strings.Replace",
                             "strings.ReplaceAll",
                             "strings.Join",
                             "strings.Split",
                             "strings.Fields",
                             "strings.Title",
                             "strings.Repeat",
                             "strings.NewReader",
                             "bytes.NewBufferString",
                             "bytes.NewReader",
                             "url.QueryUnescape",
                             "url.PathUnescape",
                             "html.UnescapeString",
                             "strings.Builder",
                             "bytes.Buffer",
                             "io.ReadAll",
                             "ioutil.ReadAll",
                             "filepath.Join",
                             "path.Join",
                             "filepath.Clean",
                             "path.Clean",
                             "filepath.Abs",
                             "json.NewDecoder",
                             "xml.NewDecoder",
                             "bufio.NewReader",
                             "bufio.NewScanner",
                             "io.LimitReader",
                             "io.TeeReader"};
  l.out_param_methods = {"Unmarshal",      "Decode",          "Bind",     "BindJSON", "ShouldBind",
                         "ShouldBindJSON", "ShouldBindQuery", "BindQuery"};
  l.membership_methods = {};
  l.url_parsers = {"url.Parse", "url.ParseRequestURI"};
  l.noreturn_functions = {"panic", "log.Fatal", "log.Fatalf", "log.Fatalln", "os.Exit", "log.Panic", "log.Panicf"};
  return l;
}

LangInfo java() {
  LangInfo l;
  l.self_names = {"this"};
  l.clean_methods = {"equals",      "equalsIgnoreCase", "startsWith", "endsWith", "contains",    "isEmpty",
                     "isBlank",     "length",           "size",       "indexOf",  "lastIndexOf", "matches",
                     "hashCode",    "compareTo",        "hasNext",    "exists",   "isFile",      "isDirectory",
                     "containsKey", "booleanValue",     "intValue",   "longValue"};
  l.mutators = {"append", "add", "addAll", "put", "putAll", "insert", "offer", "push"};
  l.joining_methods = {"concat", "replace",   "replaceAll", "replaceFirst", "format",
                       "join",   "formatted", "append",     "insert"};
  l.propagating_functions = {"String.valueOf", "String.format", "String.join",      "URLDecoder.decode", "String",
                             "StringBuilder",  "StringBuffer",  "Objects.toString", "String.copyValueOf"};
  l.membership_methods = {"contains", "containsKey"};
  l.url_parsers = {"URL", "URI", "URI.create"};
  l.noreturn_functions = {"System.exit"};
  return l;
}

}  // namespace

const LangInfo& lang_info(std::string_view grammar) {
  static const LangInfo py = python(), js = javascript(), golang = go(), jv = java(), none;
  if (grammar == "python") return py;
  if (grammar == "javascript" || grammar == "typescript" || grammar == "tsx") return js;
  if (grammar == "go") return golang;
  if (grammar == "java") return jv;
  return none;
}

}  // namespace copilot::review::taint
