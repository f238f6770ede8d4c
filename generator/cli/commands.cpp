// The commands of the command line, each a thin layer over build.h and its own module.
// The parser (options.cpp) has already checked every option, value and argument they read.
#include "cli/commands.h"

#include <cstdio>
#include <ostream>
#include <stdexcept>

#include "build.h"
#include "import/import_command.h"
#include "scaffold/new_command.h"
#include "serve/serve_command.h"
#include "util/files.h"  // fs

namespace techpages::cli {

namespace {

void summarise(const Diagnostics& diagnostics, std::ostream& err) {
    size_t errors = diagnostics.error_count(), warnings = diagnostics.warning_count();
    if (errors || warnings)
        err << errors << (errors == 1 ? " error" : " errors") << ", " << warnings
            << (warnings == 1 ? " warning" : " warnings") << "\n";
}

// "Built 40 pages, … in 0.412 s" and "Rendered 3 of 40 pages (37 unchanged)".
void report_build(const BuildResult& result, const Diagnostics& diagnostics, const fs::path& out_dir,
                  std::ostream& out) {
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.3f", result.seconds);
    out << "Built " << result.pages << " pages, " << result.photos.processed + result.photos.cached << " photos ("
        << result.photos.processed << " processed, " << result.photos.cached << " unchanged) and copied "
        << result.files_copied << " files into " << out_dir.string() << " in " << seconds << " s";
    if (size_t w = diagnostics.warning_count()) out << " (" << w << (w == 1 ? " warning" : " warnings") << ")";
    out << "\n";
    out << "Rendered " << result.pages_rendered << " of " << result.pages << " pages (" << result.pages - result.pages_rendered
        << " unchanged)\n";
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

}  // namespace

int run_build(const Args& args, std::ostream& out, std::ostream& err) {
    BuildOptions options;
    options.content_dir = args.value("--content", "content");
    options.out_dir = args.value("--out", "site");
    options.visual_theme = args.value("--theme", "");
    options.base_url = args.value("--base-url", "");
    options.include_drafts = args.has("--drafts");
    options.clean = args.has("--clean");
    options.force = args.has("--force");
    try {
        options.threads = static_cast<unsigned>(std::stoul(args.value("--threads", "0")));
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
    report_build(result, diagnostics, options.out_dir, out);
    return 0;
}

int run_check(const Args& args, std::ostream& out, std::ostream& err) {
    std::string format = args.value("--format", "text");
    fs::path content = args.value("--content", "content");
    Diagnostics diagnostics;
    BuildResult result = check_site(content, diagnostics, args.has("--external"));
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

int run_codeowners(const Args& args, std::ostream& out, std::ostream& err) {
    Diagnostics diagnostics;
    bool ok = write_codeowners(args.value("--content", "content"), args.has("--write"), out, diagnostics);
    print_diagnostics(diagnostics, err);
    return ok ? 0 : 1;
}

int run_import_plan(const Args& args, std::ostream& out, std::ostream& err) {
    ImportPlanOptions options;
    options.file = args.positional.at(0);
    options.institution = args.value("--institution", "");
    options.content_dir = args.value("--content", "content");
    options.plan_name = args.value("--plan", "");
    if (auto it = args.repeated.find("--map"); it != args.repeated.end()) options.maps = it->second;
    options.force = args.has("--force");
    return import_plan_command(options, out, err);
}

int run_export_plan(const Args& args, std::ostream& out, std::ostream& err) {
    ExportPlanOptions options;
    options.file = args.positional.at(0);
    options.out_file = args.value("--out", "");
    return export_plan_command(options, out, err);
}

int run_serve(const Args& args, std::ostream& out, std::ostream& err) {
    serve::ServeOptions options;
    options.content_dir = args.value("--content", "content");
    options.bind = args.value("--bind", "127.0.0.1");
    options.visual_theme = args.value("--theme", "");
    options.include_drafts = args.has("--drafts");
    try {
        size_t used = 0;
        std::string port = args.value("--port", "8000");
        long n = std::stol(port, &used);
        if (used != port.size() || n < 0 || n > 65535) throw std::out_of_range(port);
        options.port = static_cast<int>(n);
        options.threads = static_cast<unsigned>(std::stoul(args.value("--threads", "0")));
    } catch (...) {
        err << "techpages serve: --port takes a port number from 0 to 65535 (and --threads a whole number), e.g. --port 8000\n";
        return 2;
    }
    return serve::serve_command(options, out, err);
}

int run_new(const Args& args, std::ostream& out, std::ostream& err) {
    scaffold::NewOptions options;
    options.kind = args.positional.at(0);
    options.name = args.positional.at(1);
    options.institution = args.value("--institution", "");
    options.content_dir = args.value("--content", "content");
    return scaffold::new_command(options, out, err);
}

}  // namespace techpages::cli
