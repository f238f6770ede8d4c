#include "load/source_file.h"

#include "load/limits.h"
#include "util/files.h"
#include "util/text.h"

namespace techpages {

SourcePos position_of(const std::string& text, size_t offset) {
    SourcePos pos{1, 1};
    for (size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++pos.line;
            pos.column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++pos.column;
        }
    }
    return pos;
}

bool read_source_file(const std::filesystem::path& absolute, const std::string& display_path,
                      SourceFile& out, Diagnostics& diagnostics) {
    out.path = display_path;
    out.absolute = absolute;
    auto data = read_file(absolute);
    if (!data) {
        diagnostics.error(display_path, {}, "cannot read this file",
                          "check that it exists and that you may read it");
        return false;
    }
    if (data->size() > limits::content_file_bytes) {
        diagnostics.error(display_path, {1, 1},
                          "this file is " + std::to_string(data->size() / 1024) + " KB, over the " +
                              std::to_string(limits::content_file_bytes / 1024) + " KB limit for a content file",
                          "split it into several files, or move long documents elsewhere and link to them");
        return false;
    }
    std::string text = std::move(*data);
    // Editors on Windows add a byte-order mark; it is not part of the content.
    if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);

    // CRLF and lone CR become LF first (the line count stays the same), so a bad byte is
    // located on the line an editor shows, whatever the line endings.
    std::string normalised;
    normalised.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            normalised += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else {
            normalised += text[i];
        }
    }
    size_t bad = find_invalid_utf8(normalised);
    if (bad != std::string::npos) {
        diagnostics.error(display_path, position_of(normalised, bad), "this text is not valid UTF-8",
                          "save the file with UTF-8 encoding (in most editors: Save As \u2192 Encoding \u2192 UTF-8)");
        return false;
    }
    if (!check_text_limits(normalised, display_path, 1, diagnostics)) return false;
    out.text = std::move(normalised);
    return true;
}

}  // namespace techpages
