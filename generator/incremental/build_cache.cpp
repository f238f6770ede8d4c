#include "incremental/build_cache.h"

#include <unistd.h>

#include <charconv>
#include <cstdio>

#include "util/files.h"
#include "util/hash.h"
#include "util/text.h"

namespace techpages {

namespace {

// 2: SHA-256 digests (1 had 64-bit hashes, whose collisions can be made to order).
// 3: what each page read while it rendered (`read` lines, and a page's reads).
constexpr const char* format_line = "techpages-build-cache\t3";

// Fields are separated by tabs; a value holding a tab or a newline cannot be stored.
bool storable(const std::string& s) { return s.find_first_of("\t\n") == std::string::npos; }

std::vector<std::string_view> split_tabs(std::string_view line) {
    std::vector<std::string_view> fields;
    size_t start = 0;
    while (true) {
        size_t tab = line.find('\t', start);
        fields.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
        if (tab == std::string_view::npos) break;
        start = tab + 1;
    }
    return fields;
}

// Throws, like parse_int, when the field is not a digest: then the cache is not used.
Digest parse_hex(std::string_view s) {
    auto d = digest_from_hex(s);
    if (!d) throw std::invalid_argument("not a digest");
    return *d;
}
int64_t parse_int(std::string_view s) { return std::stoll(std::string(s)); }

// "3,17,204": numbers in the cache's table of read names.
std::vector<uint32_t> parse_reads(std::string_view s, size_t names) {
    std::vector<uint32_t> reads;
    const char* at = s.data();
    const char* end = s.data() + s.size();
    while (at < end) {
        uint32_t n = 0;
        auto [next, error] = std::from_chars(at, end, n);
        if (error != std::errc() || n >= names || (next < end && *next != ',')) throw std::invalid_argument("not a read");
        reads.push_back(n);
        at = next + (next < end ? 1 : 0);
    }
    return reads;
}

// The names the pages read, numbered afresh from 0 in the order first read: names of
// items gone from the site are not written again.
void add_pages_and_reads(std::string& out, const BuildCache& cache, const ReadNames& read_names) {
    constexpr uint32_t unseen = UINT32_MAX, unstorable = UINT32_MAX - 1;
    std::vector<uint32_t> renumbered(read_names.names.size(), unseen);
    std::string names, pages;
    uint32_t next = 0;
    for (const auto& [path, page] : cache.pages) {
        if (!storable(path)) continue;
        pages.append("page\t").append(to_hex(page.dependencies)).append("\t").append(path).append("\t");
        bool first = true;
        for (uint32_t r : page.reads) {
            if (renumbered[r] == unseen) {
                const std::string& name = read_names.names.at(r);
                renumbered[r] = storable(name) ? next++ : unstorable;
                if (renumbered[r] != unstorable) names.append("read\t").append(name).append("\n");
            }
            if (renumbered[r] == unstorable) continue;  // then the page's digest will not match: it is rendered again
            if (!first) pages += ',';
            char digits[16];
            pages.append(digits, std::to_chars(digits, digits + sizeof digits, renumbered[r]).ptr);
            first = false;
        }
        for (const auto& id : page.ids)
            if (storable(id)) pages.append("\t").append(id);
        pages += '\n';
    }
    out += names;
    out += pages;
}

}  // namespace

uint32_t ReadNames::intern(std::string name) {
    auto [it, added] = ids.try_emplace(std::move(name), static_cast<uint32_t>(names.size()));
    if (added) names.push_back(it->first);
    return it->second;
}

fs::path build_cache_file(const fs::path& cache_dir, const fs::path& out_dir) {
    std::error_code ec;
    std::string out = fs::absolute(out_dir, ec).lexically_normal().generic_string();
    return cache_dir / ("build-" + to_hex(hash_bytes(out)).substr(0, 16) + ".tsv");
}

std::optional<BuildCache> read_build_cache(const fs::path& file) {
    auto text = read_file(file);
    if (!text) return std::nullopt;
    BuildCache cache;
    std::string_view rest = *text;
    bool first = true;
    try {
        while (!rest.empty()) {
            size_t newline = rest.find('\n');
            if (newline == std::string_view::npos) return std::nullopt;  // cut short
            std::string_view line = rest.substr(0, newline);
            rest.remove_prefix(newline + 1);
            if (first) {
                if (line != format_line) return std::nullopt;
                first = false;
                continue;
            }
            auto f = split_tabs(line);
            if (f[0] == "out" && f.size() == 2) cache.out_dir = std::string(f[1]);
            else if (f[0] == "settings" && f.size() == 2) cache.settings = parse_hex(f[1]);
            else if (f[0] == "theme" && f.size() == 2) cache.visual_theme_dirs.emplace_back(f[1]);
            else if (f[0] == "photos" && f.size() == 2) cache.photos = static_cast<size_t>(parse_int(f[1]));
            else if (f[0] == "copied" && f.size() == 2) cache.files_copied = static_cast<size_t>(parse_int(f[1]));
            else if (f[0] == "published" && f.size() == 2) cache.published = parse_hex(f[1]);
            else if (f[0] == "input" && f.size() == 5)
                cache.inputs[std::string(f[4])] = {parse_int(f[2]), parse_int(f[3]), parse_hex(f[1])};
            else if (f[0] == "read" && f.size() == 2) cache.read_names.intern(std::string(f[1]));
            else if (f[0] == "page" && f.size() >= 4) {
                CachedPage& page = cache.pages[std::string(f[2])];
                page.dependencies = parse_hex(f[1]);
                page.reads = parse_reads(f[3], cache.read_names.names.size());
                for (size_t i = 4; i < f.size(); ++i) page.ids.emplace_back(f[i]);
            } else if (f[0] == "file" && f.size() == 3) cache.files[std::string(f[2])] = parse_hex(f[1]);
            else if (f[0] == "end") return cache;
            else return std::nullopt;
        }
    } catch (const std::exception&) {
        return std::nullopt;
    }
    return std::nullopt;  // no "end": written half-way
}

bool write_build_cache(const fs::path& file, const BuildCache& cache, const ReadNames& names) {
    std::string out;
    out.reserve(64 * (cache.inputs.size() + cache.pages.size()));
    out += format_line;
    if (storable(cache.out_dir)) out += "\nout\t" + cache.out_dir;
    out += "\nsettings\t" + to_hex(cache.settings) + "\n";
    for (const auto& dir : cache.visual_theme_dirs)
        if (storable(dir)) out += "theme\t" + dir + "\n";
    out += "photos\t" + std::to_string(cache.photos) + "\n";
    out += "copied\t" + std::to_string(cache.files_copied) + "\n";
    out += "published\t" + to_hex(cache.published) + "\n";
    for (const auto& [path, s] : cache.inputs) {
        if (!storable(path)) continue;  // then it counts as new next time, and is read again
        out += "input\t" + to_hex(s.hash) + "\t" + std::to_string(s.size) + "\t" + std::to_string(s.mtime_ns) + "\t" + path + "\n";
    }
    add_pages_and_reads(out, cache, names);
    for (const auto& [path, hash] : cache.files)
        if (storable(path)) out += "file\t" + to_hex(hash) + "\t" + path + "\n";
    out += "end\n";
    return replace_file(file, out);
}

fs::path card_cache_file(const fs::path& build_cache) { return build_cache.string() + ".cards"; }

namespace {

constexpr const char* card_format_line = "techpages-card-cache\t1";

// "card <kind> <dependencies> <reads> <path> <bytes of HTML>", then the HTML and a newline.
void add_card(std::string& out, CardKind kind, const CachedCard& card, const ReadNames& names,
              std::vector<uint32_t>& renumbered, uint32_t& next, std::string& name_lines) {
    constexpr uint32_t unseen = UINT32_MAX;
    std::string reads;
    for (uint32_t r : card.reads) {
        if (r >= names.names.size() || !storable(names.names[r])) return;  // not kept: rendered next time
        if (renumbered[r] == unseen) {
            renumbered[r] = next++;
            name_lines.append("read\t").append(names.names[r]).append("\n");
        }
        if (!reads.empty()) reads += ',';
        reads += std::to_string(renumbered[r]);
    }
    out.append("card\t").append(std::to_string(static_cast<int>(kind))).append("\t").append(to_hex(card.dependencies));
    out.append("\t").append(reads).append("\t").append(card.path).append("\t").append(std::to_string(card.html.size()));
    out.append("\n").append(card.html).append("\n");
}

}  // namespace

bool write_card_cache(const fs::path& file, const CachedCards& cards, const ReadNames& names) {
    std::vector<uint32_t> renumbered(names.names.size(), UINT32_MAX);
    uint32_t next = 0;
    std::string name_lines, card_lines;
    for (const auto& [kind, list] : cards)
        for (const auto& card : list)
            if (storable(card.path) && card.dependencies.known())
                add_card(card_lines, kind, card, names, renumbered, next, name_lines);
    std::string out = std::string(card_format_line) + "\n";
    out.reserve(out.size() + name_lines.size() + card_lines.size() + 8);
    out += name_lines;
    out += card_lines;
    out += "end\n";
    return replace_file(file, out);
}

CachedCards read_card_cache(const fs::path& file, ReadNames& names) {
    auto text = read_file(file);
    if (!text) return {};
    CachedCards cards;
    std::vector<uint32_t> ids;  // the file's read numbers → `names`
    std::string_view rest = *text;
    try {
        auto line = [&] {
            size_t newline = rest.find('\n');
            if (newline == std::string_view::npos) throw std::invalid_argument("cut short");
            std::string_view l = rest.substr(0, newline);
            rest.remove_prefix(newline + 1);
            return l;
        };
        if (line() != card_format_line) return {};
        while (true) {
            auto f = split_tabs(line());
            if (f[0] == "end") return cards;
            if (f[0] == "read" && f.size() == 2) {
                ids.push_back(names.intern(std::string(f[1])));
                continue;
            }
            if (f[0] != "card" || f.size() != 6) return {};
            int kind = static_cast<int>(parse_int(f[1]));
            auto bytes = static_cast<size_t>(parse_int(f[5]));
            if (kind < 0 || kind >= static_cast<int>(card_kind_count) || bytes >= rest.size()) return {};
            CachedCard card;
            card.dependencies = parse_hex(f[2]);
            // In the order they were hashed in: the digest is of the values in this order.
            for (uint32_t r : parse_reads(f[3], ids.size())) card.reads.push_back(ids[r]);
            card.path = std::string(f[4]);
            card.html = std::string(rest.substr(0, bytes));
            rest.remove_prefix(bytes);
            if (line() != "") return {};
            cards[static_cast<CardKind>(kind)].push_back(std::move(card));
        }
    } catch (const std::exception&) {
        return {};
    }
}

void forget_removed_outputs(const fs::path& cache_dir) {
    std::error_code ec;
    for (fs::directory_iterator it(cache_dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (name.rfind("build-", 0) != 0) continue;
        // The output folder is on the second line: read no more than that.
        std::FILE* f = std::fopen(it->path().c_str(), "rb");
        if (!f) continue;
        char head[4096];
        size_t n = std::fread(head, 1, sizeof head, f);
        std::fclose(f);
        std::string_view text(head, n);
        size_t at = text.find("\nout\t");
        if (at == std::string_view::npos) continue;
        size_t end_of_line = text.find('\n', at + 5);
        if (end_of_line == std::string_view::npos) continue;
        fs::path out(std::string(text.substr(at + 5, end_of_line - at - 5)));
        std::error_code exists_ec;
        if (!fs::exists(out, exists_ec) && !exists_ec) {
            fs::remove(card_cache_file(it->path()), exists_ec);
            fs::remove(it->path(), exists_ec);
        }
    }
}

}  // namespace techpages
