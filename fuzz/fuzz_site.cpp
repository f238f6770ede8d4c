// libFuzzer target: one whole contributor file through everything a pull-request build
// does — load, check, model, Markdown, templates — in a small real site (the check-test
// corpus's base). The input is a profile; a first byte of 'P' makes it an action plan.
// Rendering without writing keeps each run short. Must never crash, hang or trip a sanitizer.
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "build.h"
#include "load/limits.h"

namespace fs = std::filesystem;
using namespace techpages;

namespace {

fs::path site_copy() {
    static const fs::path dir = [] {
        fs::path d = fs::temp_directory_path() / ("techpages-fuzz-site-" + std::to_string(::getpid()));
        fs::remove_all(d);
        fs::create_directories(d);
        fs::copy(fs::path(TECHPAGES_SOURCE_DIR) / "tests/check_corpus/_base", d / "content", fs::copy_options::recursive);
        fs::create_directories(d / "content/institutions/lstm/plans");
        return d;
    }();
    return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > limits::content_file_bytes) return 0;
    fs::path root = site_copy();
    bool plan = size > 0 && data[0] == 'P';
    fs::path profile = root / "content/institutions/lstm/profiles/fuzzed.md";
    fs::path plan_file = root / "content/institutions/lstm/plans/fuzzed.toml";
    fs::remove(profile);
    fs::remove(plan_file);
    std::ofstream(plan ? plan_file : profile, std::ios::binary)
        .write(reinterpret_cast<const char*>(data) + (plan ? 1 : 0), static_cast<std::streamsize>(size - (plan ? 1 : 0)));
    BuildOptions options;
    options.content_dir = root / "content";
    options.out_dir = root / "site";
    options.cache_dir = root / "cache";
    options.threads = 1;
    options.write_output = false;
    Diagnostics diagnostics;
    build_site(options, diagnostics);
    for (const auto& d : diagnostics.sorted()) format_diagnostic(d);
    return 0;
}
