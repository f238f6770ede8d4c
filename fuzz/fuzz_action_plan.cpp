// libFuzzer target: any bytes as an action plan (TOML with actions, groups, statuses and
// parent refs), through the loader and the plan model a build runs. Must never crash, hang
// or trip a sanitizer.
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "load/content_tree.h"
#include "load/limits.h"
#include "model/read_documents.h"

namespace fs = std::filesystem;
using namespace techpages;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > limits::content_file_bytes) return 0;
    static const fs::path dir = [] {
        fs::path d = fs::temp_directory_path() / ("techpages-fuzz-plan-" + std::to_string(::getpid()));
        fs::create_directories(d / "institutions/uni/plans");
        return d;
    }();
    const std::string rel = "institutions/uni/plans/plan.toml";
    std::ofstream(dir / rel, std::ios::binary).write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    ContentEntry entry{FileKind::plan, dir / rel, rel, "plan", "uni", dir};
    Diagnostics diagnostics;
    read_plan(entry, diagnostics);
    for (const auto& d : diagnostics.sorted()) format_diagnostic(d);
    return 0;
}
