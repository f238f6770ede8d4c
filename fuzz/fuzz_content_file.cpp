// libFuzzer target: any bytes as a profile, a case study and an action plan, through the
// same load and model code a build runs. Must never crash, hang or trip a sanitizer.
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "load/content_tree.h"
#include "model/read_documents.h"

namespace fs = std::filesystem;
using namespace techpages;

namespace {

fs::path work_dir() {
    static fs::path dir = [] {
        fs::path d = fs::temp_directory_path() / ("techpages-fuzz-" + std::to_string(::getpid()));
        fs::create_directories(d / "institutions/uni/profiles");
        fs::create_directories(d / "institutions/uni/plans");
        fs::create_directories(d / "institutions/uni/case-studies");
        return d;
    }();
    return dir;
}

ContentEntry entry(FileKind kind, const std::string& rel) {
    fs::path abs = work_dir() / rel;
    return {kind, abs, rel, abs.stem().string(), "uni", work_dir()};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string bytes(reinterpret_cast<const char*>(data), size);
    const std::pair<FileKind, std::string> files[] = {
        {FileKind::profile, "institutions/uni/profiles/person.md"},
        {FileKind::case_study, "institutions/uni/case-studies/story.md"},
        {FileKind::plan, "institutions/uni/plans/plan.toml"},
    };
    for (const auto& [kind, rel] : files) {
        std::ofstream(work_dir() / rel, std::ios::binary) << bytes;
        Diagnostics diagnostics;
        ContentEntry e = entry(kind, rel);
        if (kind == FileKind::profile) read_profile(e, diagnostics);
        else if (kind == FileKind::case_study) read_case_study(e, diagnostics);
        else read_plan(e, diagnostics);
        for (const auto& d : diagnostics.sorted()) format_diagnostic(d);
    }
    return 0;
}
