// libFuzzer target: any text as TOML front matter, through the limits check and toml++.
#include <cstdint>
#include <string>

#include "load/toml_reader.h"

using namespace techpages;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    Diagnostics diagnostics;
    parse_toml(text, "fuzz.toml", 2, diagnostics);
    return 0;
}
