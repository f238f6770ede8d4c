#include "util/files.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <fstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

namespace techpages {

bool replace_file(const fs::path& path, std::string_view contents) {
    static std::atomic<unsigned> counter{0};
    fs::path temporary = path.string() + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
    if (write_file(temporary, contents) && ::rename(temporary.c_str(), path.c_str()) == 0) return true;
    int saved = errno;
    ::unlink(temporary.c_str());
    errno = saved;
    return false;
}

std::optional<std::string> read_file(const fs::path& path) {
    // Opened without waiting and read only when it is an ordinary file: a named pipe or a
    // device put where a template or theme.toml belongs must not hang or flood the build.
    int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) return std::nullopt;
    struct stat st;
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return std::nullopt;
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    std::FILE* f = ::fdopen(fd, "rb");
    if (!f) {
        ::close(fd);
        return std::nullopt;
    }
    std::string data;
    char buffer[65536];
    size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) data.append(buffer, n);
    bool failed = std::ferror(f);
    std::fclose(f);
    if (failed) return std::nullopt;
    return data;
}

namespace {

int create_for_writing(const fs::path& path) {
    return ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
}

}  // namespace

bool write_file(const fs::path& path, std::string_view contents) {
    // Few system calls: a site is tens of thousands of files. Try the file first; make its
    // folder only when it is missing (one mkdir when the parent exists, as it mostly does).
    int fd = create_for_writing(path);
    if (fd < 0 && errno == ENOENT && path.has_parent_path()) {
        if (::mkdir(path.parent_path().c_str(), 0777) != 0) {
            std::error_code ec;
            fs::create_directories(path.parent_path(), ec);
        }
        fd = create_for_writing(path);
    }
    if (fd < 0) return false;
    const char* at = contents.data();
    size_t left = contents.size();
    while (left > 0) {
        ssize_t n = ::write(fd, at, left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            int saved = errno;
            ::close(fd);
            errno = saved;
            return false;
        }
        at += n;
        left -= static_cast<size_t>(n);
    }
    return ::close(fd) == 0;
}

std::vector<fs::directory_entry> sorted_entries(const fs::path& dir) {
    std::vector<fs::directory_entry> entries;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) entries.push_back(*it);
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
    return entries;
}

bool leads_inside(const fs::path& path, const fs::path& root) {
    std::error_code ec, root_ec;
    fs::path target = fs::canonical(path, ec);
    fs::path base = fs::canonical(root, root_ec);
    if (ec || root_ec) return false;
    auto [base_end, target_it] = std::mismatch(base.begin(), base.end(), target.begin(), target.end());
    return base_end == base.end();
}

std::vector<fs::path> links_leading_outside(const fs::path& dir, const fs::path& root) {
    std::vector<fs::path> links;
    std::error_code ec;
    if (fs::is_symlink(fs::symlink_status(dir, ec))) {
        if (!leads_inside(dir, root)) links.push_back(dir);
        return links;  // what is inside is where the link leads: not looked at
    }
    if (!fs::is_directory(dir, ec)) return links;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_symlink(ec) && !leads_inside(it->path(), root)) links.push_back(it->path());
    std::sort(links.begin(), links.end());
    return links;
}

std::string relative_path(const fs::path& path, const fs::path& base) {
    // Lexical, so a symbolic link is named where it sits, not where it leads.
    fs::path rel = path.lexically_normal().lexically_relative(base.lexically_normal());
    if (!rel.empty() && *rel.begin() != "..") return rel.generic_string();
    std::error_code ec;
    rel = fs::relative(path, base, ec);
    if (ec || rel.empty()) return path.generic_string();
    return rel.generic_string();
}

}  // namespace techpages
