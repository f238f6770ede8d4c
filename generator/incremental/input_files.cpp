#include "incremental/input_files.h"

#include <sys/stat.h>

#include <cstdio>
#include <vector>

#include "load/content_tree.h"
#include "util/files.h"
#include "util/hash.h"
#include "util/parallel.h"

namespace techpages {

FileStamp stat_file(const fs::path& path) {
    FileStamp stamp;
    struct stat st;
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return stamp;
    stamp.size = st.st_size;
    stamp.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    return stamp;
}

namespace {

// Keys relative to `root`, or (theme files) absolute after `prefix`.
void stat_tree(const fs::path& root, const std::string& prefix, bool absolute, InputFiles& out) {
    std::error_code ec;
    if (!fs::is_directory(root, ec)) return;
    for (fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec)) {
        // The same files scan_content skips: a change to them needs no rebuild.
        if (is_hidden(it->path())) {
            if (it->is_directory(ec)) it.disable_recursion_pending();
            continue;
        }
        if (!it->is_regular_file(ec)) continue;
        FileStamp stamp = stat_file(it->path());
        if (stamp.size < 0) continue;
        out[prefix + (absolute ? fs::absolute(it->path(), ec).lexically_normal().string() : relative_path(it->path(), root))] = stamp;
    }
}

}  // namespace

InputFiles stat_inputs(const fs::path& content_dir, const std::vector<fs::path>& visual_theme_dirs) {
    InputFiles files;
    if (!content_dir.empty()) stat_tree(content_dir, "", false, files);
    for (const auto& dir : visual_theme_dirs) stat_tree(dir, visual_theme_prefix, true, files);
    return files;
}

fs::path input_path(const std::string& key, const fs::path& content_dir) {
    std::string_view prefix = visual_theme_prefix;
    if (key.rfind(prefix, 0) == 0) return fs::path(key.substr(prefix.size()));
    return content_dir / key;
}

size_t hash_inputs(InputFiles& files, const InputFiles& previous, const fs::path& content_dir, unsigned threads) {
    std::vector<std::pair<const std::string*, FileStamp*>> to_read;
    for (auto& [key, stamp] : files) {
        if (stamp.hash.known()) continue;  // already read
        auto old = previous.find(key);
        if (old != previous.end() && old->second.same_stat(stamp)) stamp.hash = old->second.hash;
        else to_read.push_back({&key, &stamp});
    }
    parallel_for(to_read.size(), threads, [&](unsigned, size_t i) {
        to_read[i].second->hash = hash_file(input_path(*to_read[i].first, content_dir));
    });
    return to_read.size();
}

bool same_inputs(const InputFiles& a, const InputFiles& b) {
    if (a.size() != b.size()) return false;
    for (auto i = a.begin(), j = b.begin(); i != a.end(); ++i, ++j)
        if (i->first != j->first || i->second.hash != j->second.hash) return false;
    return true;
}

}  // namespace techpages
