// The command line as two tables, the commands and their options, in the manner of
// ninja's tool table: the parser, the dispatch, --help and every usage error are made
// from them, so a command or an option is added, changed or described in one place.
#include "cli/options.h"

#include <algorithm>
#include <optional>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "scaffold/starting_files.h"
#include "util/text.h"

namespace techpages {

namespace {

using cli::Args;

struct Option {
    std::string name;      // "--content"
    std::string argument;  // "DIR"; "" for an option without a value; "a|b|c" for a choice of words
    bool repeatable;       // may be given several times, each value kept
    std::string help;      // the --help text, wrapped when printed
};

// An option as a command takes it.
struct Accepted {
    std::string name;
    std::string argument = "";  // when the command names the value differently from the option's row
    bool required = false;
};

struct Command {
    std::string name;
    std::string arguments;           // what it takes besides options, one word each: "FILE.toml"
    std::vector<Accepted> options;   // in the order of its synopsis
    std::string help;                // the --help text, wrapped when printed
    std::string missing;             // what to say when an argument or a required option is missing
    int (*run)(const Args&, std::ostream& out, std::ostream& err);
};

const Option options[] = {
    {"--content", "DIR", false, "the content folder (default: content)"},
    {"--out", "DIR", false, "the output folder (default: site); export-plan: the CSV file to write (default: standard output)"},
    {"--theme", "NAME", false, "a visual theme under themes/ (default: the theme in site.toml)"},
    {"--base-url", "URL", false, "the address the site is published at (default: base_url in site.toml)"},
    {"--drafts", "", false, "include profiles, case studies and stories marked published = false"},
    {"--clean", "", false, "build: ignore the build cache and render every page (the cache is written anew)"},
    {"--threads", "N", false, "worker threads (default: one per core)"},
    {"--format", "text|github|json", false,
     "how check reports problems: text (default), github (annotations on a pull request's diff) or json (for tools)"},
    {"--external", "", false,
     "check: also check every link to another site (settings in [link_check] of site.toml; known-good links are "
     "cached in .techpages-cache/links.tsv beside the content folder)"},
    {"--write", "", false, "codeowners: save .github/CODEOWNERS instead of printing it"},
    {"--institution", "SLUG", false,
     "import-plan, new: the institution folder the file goes in (new may leave it out when there is only one "
     "institution)"},
    {"--plan", "NAME", false, "import-plan: the plan's file name (default: the spreadsheet's name)"},
    {"--map", "COLUMN=FIELD", true,
     "import-plan: read a column (its heading, or its number from 1) as a field: ref, action, activity, details, "
     "success, evaluation, timescale, owners, status, comment, group, themes, talent, priority, aim, or extra; "
     "may be given several times"},
    {"--force", "", false,
     "build: replace an output folder that techpages did not make, and everything in it (a build replaces only its "
     "own output folder, marked with a .techpages-site file, or an empty one); import-plan: replace a plan that is "
     "already there"},
    {"--port", "N", false, "serve: the port to listen on (default: 8000; 0: any free port)"},
    {"--bind", "ADDR", false,
     "serve: the address to listen on (default: 127.0.0.1, this machine only); --bind 0.0.0.0 lets other machines "
     "on the network see it"},
};

const Command commands[] = {
    {"build", "",
     {{"--content"}, {"--out"}, {"--theme"}, {"--base-url"}, {"--drafts"}, {"--threads"}, {"--clean"}, {"--force"}},
     "check the content and build the site into the output folder (the previous site is kept untouched if anything "
     "is wrong); pages whose content did not change since the last build are not rendered again (the build cache is "
     "in .techpages-cache/ beside the content)",
     "", cli::run_build},
    {"check", "", {{"--content"}, {"--format"}, {"--external"}},
     "check the content and report every problem, without building; --external also asks every other site the "
     "pages link to",
     "", cli::run_check},
    {"codeowners", "", {{"--content"}, {"--write"}},
     "print .github/CODEOWNERS from the institutions' reviewers (--write saves it), so pull requests go to the "
     "right reviewers",
     "", cli::run_codeowners},
    {"import-plan", "FILE",
     {{"--institution", "", true}, {"--content"}, {"--plan"}, {"--map"}, {"--force"}},
     "read an action plan from a spreadsheet saved as CSV or as tab-separated text (Excel, Word) into "
     "content/institutions/SLUG/plans/NAME.toml, and report which column became which field and any row it could "
     "not place",
     "give the spreadsheet and the institution it belongs to, e.g.\n"
     "  techpages import-plan action-plan.csv --institution lstm\n",
     cli::run_import_plan},
    {"export-plan", "FILE.toml", {{"--out", "FILE.csv"}},
     "write an action plan as CSV (to standard output, or --out FILE.csv)",
     "give the plan to export, e.g.\n"
     "  techpages export-plan content/institutions/lstm/plans/2024-2027.toml --out plan.csv\n",
     cli::run_export_plan},
    {"serve", "", {{"--content"}, {"--port"}, {"--bind"}, {"--theme"}, {"--drafts"}, {"--threads"}},
     "build the site and serve it at http://127.0.0.1:8000/ for previewing; every saved change rebuilds it and "
     "reloads the browser, and errors are shown on the page while the last good version stays up",
     "", cli::run_serve},
    {"new", join(scaffold::content_kinds(), "|") + " NAME", {{"--institution"}, {"--content"}},
     "write a starting file for a profile, case study, career story, institution or action plan, every field "
     "explained; never replaces a file",
     "give the kind of content and its name, e.g.\n"
     "  techpages new profile jane-doe --institution lstm\n"
     "The kinds: " + join(scaffold::content_kinds(), ", ") + ".\n",
     cli::run_new},
};

const Command* find_command(const std::string& name) {
    for (const Command& c : commands)
        if (c.name == name) return &c;
    return nullptr;
}

const Option& find_option(const std::string& name) {
    for (const Option& o : options)
        if (o.name == name) return o;
    throw std::logic_error("the command table names an option the option table lacks: " + name);
}

const Accepted* accepted(const Command& command, const std::string& name) {
    for (const Accepted& a : command.options)
        if (a.name == name) return &a;
    return nullptr;
}

// The option's value as the command names it: "DIR", "FILE.csv"; "" for a flag.
std::string argument_of(const Accepted& a) { return a.argument.empty() ? find_option(a.name).argument : a.argument; }

std::vector<std::string> words(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

// "import-plan FILE --institution SLUG [--content DIR] … [--map COLUMN=FIELD …] [--force]"
std::string synopsis(const Command& c) {
    std::string s = c.name + (c.arguments.empty() ? "" : " " + c.arguments);
    for (const Accepted& a : c.options) {
        std::string argument = argument_of(a);
        std::string text = a.name + (argument.empty() ? "" : " " + argument) + (find_option(a.name).repeatable ? " …" : "");
        s += a.required ? " " + text : " [" + text + "]";
    }
    return s;
}

// `heading` padded to `width`, then `text` wrapped to 92 columns with continuation
// lines indented to line up with it.
void print_entry(const std::string& heading, size_t width, const std::string& text, std::ostream& out) {
    const size_t indent = 2 + width + 2, limit = 92;
    std::string line = "  " + heading + std::string(heading.size() < width ? width - heading.size() : 0, ' ') + " ";
    size_t length = line.size();
    for (const std::string& w : words(text)) {
        if (length + 1 + w.size() > limit && length > indent) {
            out << line << "\n";
            line = std::string(indent - 1, ' ');
            length = indent - 1;
        }
        line += " " + w;
        length += 1 + w.size();
    }
    out << line << "\n";
}

void print_usage(std::ostream& out) {
    out << "techpages — the Technician Commitment site generator\n\nUsage:\n";
    for (const Command& c : commands) out << "  techpages " << synopsis(c) << "\n";
    out << "  techpages --help | --version\n\nCommands:\n";
    for (const Command& c : commands) print_entry(c.name, 7, c.help, out);
    out << "\nOptions:\n";
    for (const Option& o : options) print_entry(o.name + (o.argument.empty() ? "" : " " + o.argument), 15, o.help, out);
}

// "techpages check: --out is an option of build and export-plan, not of check", or a typo's likely meaning.
void report_unknown_option(const Command& c, const std::string& name, std::ostream& err) {
    std::vector<std::string> takers;
    for (const Command& other : commands)
        if (accepted(other, name)) takers.push_back(other.name);
    if (!takers.empty()) {
        err << "techpages " << c.name << ": " << name << " is an option of " << join_alternatives(takers, "and")
            << ", not of " << c.name << "\n";
    } else {
        std::vector<std::string> known;
        for (const Accepted& a : c.options) known.push_back(a.name);
        std::string suggestion = closest_match(name, known);
        err << "techpages " << c.name << ": unknown option '" << name << "'"
            << (suggestion.empty() ? "" : " — did you mean " + suggestion + "?") << "\n";
    }
    err << "Usage: techpages " << synopsis(c) << "\nRun 'techpages --help' for the options.\n";
}

// Stores the value of `a`, from "--name=value" or the next argument; false after saying what is wrong.
bool take_value(const Accepted& a, std::optional<std::string> inline_value, int argc, char** argv, int& i, Args& args,
                std::ostream& err) {
    std::string argument = argument_of(a);
    if (!inline_value && i + 1 >= argc) {
        err << "techpages: " << a.name << " needs a value, e.g. " << a.name << " " << argument << "\n";
        return false;
    }
    std::string value = inline_value ? *inline_value : argv[++i];
    if (argument.find('|') != std::string::npos) {
        std::string spaced = argument;
        std::replace(spaced.begin(), spaced.end(), '|', ' ');
        std::vector<std::string> choices = words(spaced);
        if (std::find(choices.begin(), choices.end(), value) == choices.end()) {
            err << "techpages " << args.command << ": " << a.name << " takes " << join_alternatives(choices) << ", not '"
                << value << "'\n";
            return false;
        }
    }
    args.values[a.name] = value;
    if (find_option(a.name).repeatable) args.repeated[a.name].push_back(value);
    return true;
}

bool parse(const Command& c, int argc, char** argv, Args& args, std::ostream& err) {
    args.command = c.name;
    const size_t positional = words(c.arguments).size();
    for (int i = 2; i < argc; ++i) {
        std::string name = argv[i];
        std::optional<std::string> inline_value;
        if (auto eq = name.find('='); name.rfind("--", 0) == 0 && eq != std::string::npos) {
            inline_value = name.substr(eq + 1);
            name.resize(eq);
        }
        const Accepted* a = accepted(c, name);
        if (a && !argument_of(*a).empty()) {
            if (!take_value(*a, inline_value, argc, argv, i, args, err)) return false;
        } else if (!a && !inline_value && args.positional.size() < positional && (name.empty() || name[0] != '-')) {
            args.positional.push_back(name);
        } else if (a && !inline_value) {
            args.flags.push_back(name);
        } else if (a) {
            err << "techpages " << c.name << ": " << name << " takes no value\n";
            return false;
        } else {
            report_unknown_option(c, name, err);
            return false;
        }
    }
    return true;
}

// Every argument the command takes, and every option it must have, were given.
bool complete(const Command& c, const Args& args) {
    if (args.positional.size() < words(c.arguments).size()) return false;
    for (const Accepted& a : c.options)
        if (a.required && !args.values.count(a.name)) return false;
    return true;
}

void report_unknown_command(const std::string& name, std::ostream& err) {
    std::vector<std::string> names;
    for (const Command& c : commands) names.push_back(c.name);
    std::string suggestion = closest_match(name, names);
    err << "techpages: unknown command '" << name << "'"
        << (suggestion.empty() ? "" : " — did you mean '" + suggestion + "'?") << "\nThe commands: " << join(names, ", ")
        << ".\nRun 'techpages --help' for the commands.\n";
}

bool asks_for_help(int argc, char** argv) {
    for (int i = 1; i < argc; ++i)
        if (std::string a = argv[i]; a == "--help" || a == "-h" || (i == 1 && a == "help")) return true;
    return false;
}

}  // namespace

int run_cli(int argc, char** argv, std::ostream& out, std::ostream& err) {
    if (argc < 2) {
        print_usage(err);
        return 2;
    }
    std::string first = argv[1];
    if (first == "--version") {
        out << "techpages " << TECHPAGES_VERSION << "\n";
        return 0;
    }
    const Command* command = find_command(first);
    if (asks_for_help(command ? argc : 2, argv)) {
        print_usage(out);
        return 0;
    }
    if (!command) {
        report_unknown_command(first, err);
        return 2;
    }
    Args args;
    if (!parse(*command, argc, argv, args, err)) return 2;
    if (!complete(*command, args)) {
        err << "techpages " << command->name << ": "
            << (command->missing.empty() ? "Usage: techpages " + synopsis(*command) + "\n" : command->missing);
        return 2;
    }
    return command->run(args, out, err);
}

}  // namespace techpages
