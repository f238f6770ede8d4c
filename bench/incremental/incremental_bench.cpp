// Times SiteBuilder's in-place rebuild, the way the live preview (techpages serve) uses
// it, for bench/incremental/run (and for trying it by hand):
//
//   incremental_bench --content DIR --out DIR [--threads N] [--edits N]
//
// Builds the site in place once, then, --edits times (default 5): appends a sentence to
// one profile (a different one each time) and rebuilds, told which file changed; then
// once more looking for the change itself; then once with nothing changed. Every edit is
// undone at the end (and the site rebuilt). Prints one line per build: what it was, the
// pages rendered of the site's pages, the time SiteBuilder reported and the CPU time used
// (all threads; it includes reading the edited file back, a few microseconds).
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "incremental/site_builder.h"
#include "util/files.h"

using namespace techpages;
namespace fs = std::filesystem;

namespace {

int usage() {
    std::cerr << "usage: incremental_bench --content DIR --out DIR [--threads N] [--edits N]\n";
    return 2;
}

// CPU time of the whole process (every thread): on a shared machine, wall time says as
// much about the neighbours as about the build.
double cpu_ms() {
    timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

double cpu_before = 0;

bool report(const std::string& what, const BuildResult& r, const Diagnostics& d) {
    double cpu = cpu_ms();
    std::printf("%-44s rendered %6zu of %6zu pages  %8.1f ms  cpu %8.1f ms\n", what.c_str(), r.pages_rendered, r.pages,
                r.seconds * 1000, cpu - cpu_before);
    cpu_before = cpu;
    if (!r.ok) print_diagnostics(d, std::cerr);
    return r.ok;
}

}  // namespace

int main(int argc, char** argv) {
    BuildOptions options;
    int edits = 5;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (i + 1 >= argc) return usage();
        if (a == "--content") options.content_dir = argv[++i];
        else if (a == "--out") options.out_dir = argv[++i];
        else if (a == "--threads") options.threads = static_cast<unsigned>(std::atoi(argv[++i]));
        else if (a == "--edits") edits = std::atoi(argv[++i]);
        else return usage();
    }
    std::vector<fs::path> profiles;
    for (const auto& e : fs::recursive_directory_iterator(options.content_dir))
        if (e.is_regular_file() && e.path().parent_path().filename() == "profiles" && e.path().extension() == ".md")
            profiles.push_back(e.path());
    std::sort(profiles.begin(), profiles.end());
    if (profiles.empty()) {
        std::cerr << "incremental_bench: no profiles under " << options.content_dir << "\n";
        return 1;
    }

    SiteBuilder builder(options, SiteBuilder::Publish::in_place);
    cpu_before = cpu_ms();
    Diagnostics first;
    if (!report("first build (in place)", builder.build(first), first)) return 1;

    std::vector<std::pair<fs::path, std::string>> originals;
    bool ok = true;
    for (int n = 0; n <= edits && ok; ++n) {
        const fs::path& file = profiles[(static_cast<size_t>(n) * 7919) % profiles.size()];
        auto text = read_file(file);
        if (!text) return 1;
        originals.push_back({file, *text});
        write_file(file, *text + "\nOne more sentence, edit " + std::to_string(n) + ".\n");
        Diagnostics d;
        if (n < edits)
            ok = report("one profile edited, build({file})", builder.build({file}, d), d);
        else
            ok = report("one profile edited, build() finds it", builder.build(d), d);
    }
    Diagnostics none;
    ok = report("nothing changed, build()", builder.build(none), none) && ok;

    std::vector<fs::path> restored;
    for (auto it = originals.rbegin(); it != originals.rend(); ++it) {
        write_file(it->first, it->second);
        restored.push_back(it->first);
    }
    Diagnostics back;
    ok = report("edits undone, build({files})", builder.build(restored, back), back) && ok;
    return ok ? 0 : 1;
}
