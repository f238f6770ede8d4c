#include "load/source_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <optional>

#include "load/limits.h"
#include "util/text.h"

namespace techpages {

namespace {

std::string kind_of_file(mode_t mode) {
    if (S_ISDIR(mode)) return "a folder";
    if (S_ISFIFO(mode)) return "a named pipe (FIFO)";
    if (S_ISSOCK(mode)) return "a socket";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
    return "not an ordinary file";
}

// Only an ordinary file within the size limit is read, and never more than the limit + 1
// bytes of it (it may grow while it is read). It is opened without waiting, so a named
// pipe with no writer is refused instead of hanging the build.
std::optional<std::string> read_bounded(const std::filesystem::path& absolute, const std::string& display_path,
                                        Diagnostics& diagnostics) {
    int fd = ::open(absolute.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    struct stat st;
    if (fd < 0 || ::fstat(fd, &st) != 0) {
        if (fd >= 0) ::close(fd);
        diagnostics.error(display_path, {}, "cannot read this file", "check that it exists and that you may read it");
        return std::nullopt;
    }
    const size_t limit = limits::content_file_bytes;
    auto too_big = [&](size_t bytes) {
        diagnostics.error(display_path, {1, 1},
                          "this file is " + std::to_string(bytes / 1024) + " KB, over the " +
                              std::to_string(limit / 1024) + " KB limit for a content file",
                          "split it into several files, or move long documents elsewhere and link to them");
    };
    std::string data;
    bool ok = S_ISREG(st.st_mode) && static_cast<size_t>(st.st_size) <= limit;
    if (!S_ISREG(st.st_mode))
        diagnostics.error(display_path, {1, 1}, "this is " + kind_of_file(st.st_mode) + ", not a file with text in it",
                          "content must be ordinary files: delete it, or put the file itself in its place");
    else if (!ok)
        too_big(static_cast<size_t>(st.st_size));
    if (ok) {
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
        // Room for the size fstat gave and one byte more, to see a file that grew; more only
        // while it goes on growing (not a megabyte zeroed for every 4 KB profile).
        data.resize(static_cast<size_t>(st.st_size) + 1);
        size_t got = 0;
        ssize_t n = 0;
        while ((n = ::read(fd, &data[got], data.size() - got)) != 0) {
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) break;
            got += static_cast<size_t>(n);
            if (got == data.size()) {
                if (data.size() > limit) break;
                data.resize(std::min(2 * data.size(), limit + 1));
            }
        }
        data.resize(got);
        if (n < 0) diagnostics.error(display_path, {}, "cannot read this file", "check that you may read it");
        else if (got > limit) too_big(got);
        ok = n >= 0 && got <= limit;
    }
    ::close(fd);
    if (!ok) return std::nullopt;
    return data;
}

// A control character in the text (a TOML escape such as \u0001 is caught by the field
// reader instead) would make a page or the feed invalid. Each is reported at its line and
// column, and replaced with a space so later messages keep their columns.
void report_forbidden_chars(std::string& text, const std::string& display_path, Diagnostics& diagnostics) {
    const int shown = 10;
    int found = 0;
    uint32_t cp = 0;
    if (find_forbidden_char(text) == std::string::npos) return;
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        size_t length = forbidden_char_length(text, i, &cp);
        if (!length) {
            out += text[i];
            continue;
        }
        if (found++ < shown) {
            std::string what = "an invisible control character (" + code_point_name(cp) + ")";
            std::string hint = "delete it; it often comes from copying from another program";
            if (cp == 0x0C) what = "a page break (form feed, U+000C), as Word puts in", hint = "delete it: a web page has no page breaks";
            if (cp == 0x0B) what = "a line break from Word (vertical tab, U+000B)", hint = "delete it and start a new line with Enter";
            diagnostics.error(display_path, position_of(text, i), "this line contains " + what, hint);
        }
        out += ' ';
        i += length - 1;
    }
    text = std::move(out);
    if (found > shown)
        diagnostics.error(display_path, {1, 1},
                          "this file has " + std::to_string(found - shown) + " more invisible control characters",
                          "delete them too; the file may have been saved by a program that does not write plain text");
}

}  // namespace

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
    auto data = read_bounded(absolute, display_path, diagnostics);
    if (!data) return false;
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
    report_forbidden_chars(normalised, display_path, diagnostics);
    if (!check_text_limits(normalised, display_path, 1, diagnostics)) return false;
    out.text = std::move(normalised);
    return true;
}

}  // namespace techpages
