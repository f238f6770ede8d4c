// libFuzzer target: any text through the limits check and the Markdown renderer, as a
// contributor's body goes. Must never crash, hang or trip a sanitizer.
#include <cstdint>
#include <string>

#include "load/limits.h"
#include "render/markdown.h"

using namespace techpages;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > limits::content_file_bytes) return 0;
    std::string text(reinterpret_cast<const char*>(data), size);
    Diagnostics diagnostics;
    if (!check_text_limits(text, "fuzz.md", 1, diagnostics)) return 0;
    static MarkdownRenderer renderer(false, "/base/");
    renderer.to_html(text);
    renderer.to_phrase_html(text);
    return 0;
}
