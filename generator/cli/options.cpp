#include "cli/options.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <stdexcept>
#include <ostream>
#include <string>
#include <vector>

#include "build.h"
#include "import/import_command.h"
#include "scaffold/new_command.h"
#include "serve/serve_command.h"
#include "util/files.h"
#include "util/text.h"

namespace techpages {

namespace {

const char* usage = R"(techpages — the Technician Commitment site generator

Usage:
  techpages build [--content DIR] [--out DIR] [--theme NAME] [--base-url URL] [--drafts] [--clean] [--force]
  techpages check [--content DIR] [--format text|github|json] [--external]
  techpages codeowners [--content DIR] [--write]
  techpages import-plan FILE --institution SLUG [--content DIR] [--plan NAME] [--map COLUMN=FIELD …] [--force]
  techpages export-plan FILE.toml [--out FILE.csv]
  techpages serve [--content DIR] [--port N] [--bind ADDR] [--theme NAME] [--drafts]
  techpages new profile|case-study|career-story|institution|action-plan NAME [--institution SLUG] [--content DIR]
  techpages --help | --version

Commands:
  build    check the content and build the site into the output folder
           (the previous site is kept untouched if anything is wrong); pages
           whose content did not change since the last build are not rendered
           again (the build cache is in .techpages-cache/ beside the content)
  check    check the content and report every problem, without building;
           --external also asks every other site the pages link to
  codeowners  print .github/CODEOWNERS from the institutions' reviewers
           (--write saves it), so pull requests go to the right reviewers
  import-plan  read an action plan from a spreadsheet saved as CSV or as tab-separated
           text (Excel, Word) into content/institutions/SLUG/plans/NAME.toml, and
           report which column became which field and any row it could not place
  export-plan  write an action plan as CSV (to standard output, or --out FILE.csv)
  serve    build the site and serve it at http://127.0.0.1:8000/ for previewing;
           every saved change rebuilds it and reloads the browser, and errors
           are shown on the page while the last good version stays up
  new      write a starting file for a profile, case study, career story,
           institution or action plan, every field explained; never replaces a file

Options:
  --content DIR    the content folder (default: content)
  --out DIR        the output folder (default: site)
  --theme NAME     a visual theme under themes/ (default: the theme in site.toml)
  --base-url URL   the address the site is published at (default: base_url in site.toml)
  --drafts         include profiles, case studies and stories marked published = false
  --clean          build: ignore the build cache and render every page (the cache is
                   written anew)
  --threads N      worker threads (default: one per core)
  --format F       how check reports problems: text (default), github (annotations
                   on a pull request's diff) or json (for tools)
  --external       check: also check every link to another site (settings in
                   [link_check] of site.toml; known-good links are cached in
                   .techpages-cache/links.tsv beside the content folder)
  --institution SLUG  import-plan, new: the institution folder the file goes in
                   (new may leave it out when there is only one institution)
  --plan NAME      import-plan: the plan's file name (default: the spreadsheet's name)
  --map COLUMN=FIELD  import-plan: read a column (its heading, or its number from 1)
                   as a field: ref, action, activity, details, success, evaluation,
                   timescale, owners, status, comment, group, themes, talent, priority,
                   aim, or extra; may be given several times
  --force          build: replace an output folder that techpages did not make, and
                   everything in it (a build replaces only its own output folder, marked
                   with a .techpages-site file, or an empty one); import-plan: replace a
                   plan that is already there
  --port N         serve: the port to listen on (default: 8000; 0: any free port)
  --bind ADDR      serve: the address to listen on (default: 127.0.0.1, this machine
                   only); --bind 0.0.0.0 lets other machines on the network see it
)";

struct Args {
    std::string command;
    std::map<std::string, std::string> values;
    std::vector<std::string> flags;
    std::vector<std::string> positional;                       // FILE, for commands that take one
    std::map<std::string, std::vector<std::string>> repeated;  // every value of a repeatable option
};

// Options that take a value, and those that do not, per command.
const std::map<std::string, std::vector<std::string>> value_options = {
    {"build", {"--content", "--out", "--theme", "--base-url", "--threads"}},
    {"check", {"--content", "--format"}},
    {"codeowners", {"--content"}},
    {"import-plan", {"--content", "--institution", "--plan", "--map"}},
    {"export-plan", {"--out"}},
    {"serve", {"--content", "--port", "--bind", "--theme", "--threads"}},
    {"new", {"--content", "--institution"}},
};
const std::map<std::string, std::vector<std::string>> flag_options = {
    {"build", {"--drafts", "--clean", "--force"}},
    {"check", {"--external"}},
    {"codeowners", {"--write"}},
    {"import-plan", {"--force"}},
    {"export-plan", {}},
    {"serve", {"--drafts"}},
    {"new", {}},
};
// How many arguments that are not options each command takes, and options that may be given more than once.
const std::map<std::string, size_t> positional_arguments = {{"import-plan", 1}, {"export-plan", 1}, {"new", 2}};
const std::vector<std::string> repeatable_options = {"--map"};

bool parse(int argc, char** argv, Args& args, std::ostream& err) {
    args.command = argv[1];
    const auto& values = value_options.at(args.command);
    const auto& flags = flag_options.at(args.command);
    for (int i = 2; i < argc; ++i) {
        std::string a = argv[i];
        std::string value;
        bool has_inline = false;
        if (auto eq = a.find('='); a.rfind("--", 0) == 0 && eq != std::string::npos) {
            value = a.substr(eq + 1);
            a = a.substr(0, eq);
            has_inline = true;
        }
        if (std::find(values.begin(), values.end(), a) != values.end()) {
            if (!has_inline) {
                if (i + 1 >= argc) {
                    err << "techpages: " << a << " needs a value, e.g. " << a << " DIR\n";
                    return false;
                }
                value = argv[++i];
            }
            args.values[a] = value;
            if (std::find(repeatable_options.begin(), repeatable_options.end(), a) != repeatable_options.end())
                args.repeated[a].push_back(value);
        } else if (positional_arguments.count(args.command) &&
                   args.positional.size() < positional_arguments.at(args.command) && !has_inline &&
                   (a.empty() || a[0] != '-')) {
            args.positional.push_back(a);
        } else if (std::find(flags.begin(), flags.end(), a) != flags.end() && !has_inline) {
            args.flags.push_back(a);
        } else {
            std::vector<std::string> known = values;
            known.insert(known.end(), flags.begin(), flags.end());
            std::string suggestion = closest_match(a, known);
            err << "techpages " << args.command << ": unknown option '" << a << "'"
                << (suggestion.empty() ? "" : " — did you mean " + suggestion + "?") << "\n"
                << "Run 'techpages --help' for the options.\n";
            return false;
        }
    }
    return true;
}

std::string value_or(const Args& args, const std::string& key, const std::string& fallback) {
    auto it = args.values.find(key);
    return it == args.values.end() ? fallback : it->second;
}

bool has_flag(const Args& args, const std::string& flag) {
    return std::find(args.flags.begin(), args.flags.end(), flag) != args.flags.end();
}

void summarise(const Diagnostics& diagnostics, std::ostream& err) {
    size_t errors = diagnostics.error_count(), warnings = diagnostics.warning_count();
    if (errors || warnings)
        err << errors << (errors == 1 ? " error" : " errors") << ", " << warnings
            << (warnings == 1 ? " warning" : " warnings") << "\n";
}

int run_build(const Args& args, std::ostream& out, std::ostream& err) {
    BuildOptions options;
    options.content_dir = value_or(args, "--content", "content");
    options.out_dir = value_or(args, "--out", "site");
    options.theme = value_or(args, "--theme", "");
    options.base_url = value_or(args, "--base-url", "");
    options.include_drafts = has_flag(args, "--drafts");
    options.clean = has_flag(args, "--clean");
    options.force = has_flag(args, "--force");
    std::string threads = value_or(args, "--threads", "0");
    try {
        options.threads = static_cast<unsigned>(std::stoul(threads));
    } catch (...) {
        err << "techpages: --threads takes a whole number, e.g. --threads 2\n";
        return 2;
    }
    Diagnostics diagnostics;
    BuildResult result = build_site(options, diagnostics);
    print_diagnostics(diagnostics, err);
    if (!result.ok) {
        summarise(diagnostics, err);
        err << "Build failed: nothing was published; " << options.out_dir.string() << " is unchanged.\n";
        return 1;
    }
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.3f", result.seconds);
    out << "Built " << result.pages << " pages, " << result.photos.processed + result.photos.cached << " photos ("
        << result.photos.processed << " processed, " << result.photos.cached << " unchanged) and copied "
        << result.files_copied << " files into " << options.out_dir.string() << " in " << seconds << " s";
    if (size_t w = diagnostics.warning_count()) out << " (" << w << (w == 1 ? " warning" : " warnings") << ")";
    out << "\n";
    out << "Rendered " << result.pages_rendered << " of " << result.pages << " pages (" << result.pages - result.pages_rendered
        << " unchanged)\n";
    return 0;
}

int run_import_plan(const Args& args, std::ostream& out, std::ostream& err) {
    if (args.positional.empty() || !args.values.count("--institution")) {
        err << "techpages import-plan: give the spreadsheet and the institution it belongs to, e.g.\n"
            << "  techpages import-plan action-plan.csv --institution lstm\n";
        return 2;
    }
    ImportPlanOptions options;
    options.file = args.positional.front();
    options.institution = value_or(args, "--institution", "");
    options.content_dir = value_or(args, "--content", "content");
    options.plan_name = value_or(args, "--plan", "");
    if (auto it = args.repeated.find("--map"); it != args.repeated.end()) options.maps = it->second;
    options.force = has_flag(args, "--force");
    return import_plan_command(options, out, err);
}

int run_export_plan(const Args& args, std::ostream& out, std::ostream& err) {
    if (args.positional.empty()) {
        err << "techpages export-plan: give the plan to export, e.g.\n"
            << "  techpages export-plan content/institutions/lstm/plans/2024-2027.toml --out plan.csv\n";
        return 2;
    }
    ExportPlanOptions options;
    options.file = args.positional.front();
    options.out_file = value_or(args, "--out", "");
    return export_plan_command(options, out, err);
}

int run_serve(const Args& args, std::ostream& out, std::ostream& err) {
    serve::ServeOptions options;
    options.content_dir = value_or(args, "--content", "content");
    options.bind = value_or(args, "--bind", "127.0.0.1");
    options.theme = value_or(args, "--theme", "");
    options.include_drafts = has_flag(args, "--drafts");
    try {
        size_t used = 0;
        std::string port = value_or(args, "--port", "8000");
        long n = std::stol(port, &used);
        if (used != port.size() || n < 0 || n > 65535) throw std::out_of_range(port);
        options.port = static_cast<int>(n);
        options.threads = static_cast<unsigned>(std::stoul(value_or(args, "--threads", "0")));
    } catch (...) {
        err << "techpages serve: --port takes a port number from 0 to 65535 (and --threads a whole number), e.g. --port 8000\n";
        return 2;
    }
    return serve::serve_command(options, out, err);
}

int run_new(const Args& args, std::ostream& out, std::ostream& err) {
    if (args.positional.size() != 2) {
        err << "techpages new: give the kind of content and its name, e.g.\n"
            << "  techpages new profile jane-doe --institution lstm\n"
            << "The kinds: profile, case-study, career-story, institution, action-plan.\n";
        return 2;
    }
    scaffold::NewOptions options;
    options.kind = args.positional[0];
    options.name = args.positional[1];
    options.institution = value_or(args, "--institution", "");
    options.content_dir = value_or(args, "--content", "content");
    return scaffold::new_command(options, out, err);
}

// "External links: 58 unique, 12 good, 1 redirected, … (3.2 s)", on standard error so
// JSON on standard output stays JSON.
void summarise_external(const BuildResult& result, std::ostream& err) {
    if (!result.external) return;
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.1f", result.external_seconds);
    err << "External links: " << result.external_unique << " unique, " << format_summary(*result.external) << " ("
        << seconds << " s)\n";
}

int run_check(const Args& args, std::ostream& out, std::ostream& err) {
    std::string format = value_or(args, "--format", "text");
    if (format != "text" && format != "github" && format != "json") {
        err << "techpages check: --format takes text, github or json, not '" << format << "'\n";
        return 2;
    }
    fs::path content = value_or(args, "--content", "content");
    Diagnostics diagnostics;
    BuildResult result = check_site(content, diagnostics, has_flag(args, "--external"));
    bool ok = result.ok;
    if (format == "github") {
        // Annotation paths are relative to the repository, which is where the check runs.
        std::error_code ec;
        std::string prefix = fs::relative(content, fs::current_path(), ec).generic_string();
        prefix = ec || prefix.empty() || prefix == "." ? std::string() : prefix + "/";
        for (const auto& d : diagnostics.sorted()) out << format_github_annotation(d, prefix) << '\n';
    } else if (format == "json") {
        auto all = diagnostics.sorted();
        out << "[";
        for (size_t i = 0; i < all.size(); ++i) out << (i ? ",\n " : "\n ") << format_json_record(all[i]);
        out << (all.empty() ? "]\n" : "\n]\n");
        summarise_external(result, err);
        return ok ? 0 : 1;
    } else {
        print_diagnostics(diagnostics, err);
    }
    summarise_external(result, err);
    summarise(diagnostics, err);
    if (ok) err << "No problems found" << (diagnostics.warning_count() ? " that stop a build" : "") << ".\n";
    return ok ? 0 : 1;
}

}  // namespace

int run_cli(int argc, char** argv, std::ostream& out, std::ostream& err) {
    if (argc < 2) {
        err << usage;
        return 2;
    }
    std::string first = argv[1];
    if (first == "--help" || first == "-h" || first == "help") {
        out << usage;
        return 0;
    }
    if (first == "--version") {
        out << "techpages " << TECHPAGES_VERSION << "\n";
        return 0;
    }
    if (!value_options.count(first)) {
        std::vector<std::string> commands = {"build", "check", "codeowners", "import-plan", "export-plan", "serve", "new"};
        std::string suggestion = closest_match(first, commands);
        err << "techpages: unknown command '" << first << "'"
            << (suggestion.empty() ? "" : " — did you mean '" + suggestion + "'?") << "\nRun 'techpages --help' for the commands.\n";
        return 2;
    }
    for (int i = 2; i < argc; ++i)
        if (std::string(argv[i]) == "--help" || std::string(argv[i]) == "-h") {
            out << usage;
            return 0;
        }
    Args args;
    if (!parse(argc, argv, args, err)) return 2;
    if (args.command == "build") return run_build(args, out, err);
    if (args.command == "import-plan") return run_import_plan(args, out, err);
    if (args.command == "export-plan") return run_export_plan(args, out, err);
    if (args.command == "serve") return run_serve(args, out, err);
    if (args.command == "new") return run_new(args, out, err);
    if (args.command == "codeowners") {
        Diagnostics diagnostics;
        bool ok = write_codeowners(value_or(args, "--content", "content"), has_flag(args, "--write"), out, diagnostics);
        print_diagnostics(diagnostics, err);
        return ok ? 0 : 1;
    }
    return run_check(args, out, err);
}

}  // namespace techpages
