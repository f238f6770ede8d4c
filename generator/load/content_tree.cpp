#include "load/content_tree.h"

#include <algorithm>

#include "util/files.h"
#include "util/text.h"

namespace techpages {

bool is_hidden(const fs::path& p) {
    std::string name = p.filename().string();
    return !name.empty() && name[0] == '.';
}

namespace {

struct Scanner {
    const fs::path& root;
    Diagnostics& diagnostics;
    ContentTree& tree;

    std::string rel(const fs::path& p) const { return relative_path(p, root); }

    // Hidden files are skipped; a symbolic link that leads outside the content folder is
    // refused, so content can never publish /etc/passwd or another private file.
    bool accept(const fs::directory_entry& e) const {
        if (is_hidden(e.path())) return false;
        if (!e.is_symlink() || leads_inside(e.path(), root)) return true;
        diagnostics.error(rel(e.path()), {1, 1}, "this is a link to a place outside the content folder",
                          "replace the link with the file itself");
        return false;
    }

    void add(FileKind kind, const fs::path& p, std::string institution = {}) {
        tree.entries.push_back({kind, p, rel(p), p.stem().string(), std::move(institution), root});
    }

    // Any regular file that is not content is an asset pages may link to (photos, logos).
    void asset(const fs::directory_entry& e) {
        if (e.is_regular_file()) tree.assets.push_back(rel(e.path()));
    }

    void stray(const fs::path& p, const std::string& hint) {
        diagnostics.warning(rel(p), {}, "this file is not part of the site and is ignored", hint);
    }

    // A folder of Markdown files of one kind (profiles/, case-studies/ …).
    void markdown_folder(const fs::path& dir, FileKind kind, const std::string& institution) {
        for (const auto& e : sorted_entries(dir)) {
            if (!accept(e)) continue;
            if (e.is_directory()) {
                stray(e.path(), "put files directly in " + rel(dir) + "/, not in sub-folders");
            } else if (e.path().extension() == ".md") {
                add(kind, e.path(), institution);
            } else if (looks_like_text(e.path())) {
                std::string what = dir.filename().string();
                std::replace(what.begin(), what.end(), '-', ' ');
                stray(e.path(), what + " are Markdown files: rename it to " + e.path().stem().string() + ".md");
            } else {
                asset(e);
            }
        }
    }

    // A file meant as content but saved without .md (web editors make this easy).
    static bool looks_like_text(const fs::path& p) {
        std::string ext = to_lower(p.extension().string());
        return ext.empty() || ext == ".txt" || ext == ".markdown" || ext == ".mdown" || ext == ".toml";
    }

    void institution(const fs::path& dir, const std::vector<std::string>& known_institutions) {
        std::string slug = dir.filename().string();
        size_t first_entry = tree.entries.size();
        bool has_file = false, misnamed = false;
        for (const auto& e : sorted_entries(dir)) {
            if (!accept(e)) continue;
            std::string name = e.path().filename().string();
            if (e.is_directory()) {
                if (name == "profiles") markdown_folder(e.path(), FileKind::profile, slug);
                else if (name == "case-studies") markdown_folder(e.path(), FileKind::case_study, slug);
                else if (name == "career-stories") markdown_folder(e.path(), FileKind::career_story, slug);
                else if (name == "plans") plans(e.path(), slug);
                else stray(e.path(), "an institution's folder holds institution.md, profiles/, case-studies/, career-stories/ and plans/");
            } else if (name == "institution.md") {
                tree.entries.push_back({FileKind::institution, e.path(), rel(e.path()), slug, slug, root});
                has_file = true;
            } else if (to_lower(name) == "institution.md") {
                diagnostics.error(rel(e.path()), {1, 1}, "the institution's file must be called institution.md, in lower case",
                                  "rename " + name + " to institution.md");
                misnamed = true;
            } else if (e.path().extension() == ".md") {
                stray(e.path(), "move it into profiles/, case-studies/ or career-stories/");
            } else {
                asset(e);
            }
        }
        if (has_file || misnamed) return;
        // Usually a file put in a mistyped folder: say so at each file, where a pull request shows it.
        std::string folder = "institutions/" + slug + "/";
        std::string suggestion = closest_match(slug, known_institutions);
        std::string hint = (suggestion.empty() ? std::string() : "did you mean institutions/" + suggestion + "/? ") +
                           "Move the file there, or add " + folder + "institution.md with the institution's name and short_name";
        if (tree.entries.size() == first_entry) {
            diagnostics.error(rel(dir) + "/institution.md", {1, 1}, "the folder " + folder + " has no institution.md", hint);
            return;
        }
        for (size_t i = first_entry; i < tree.entries.size(); ++i)
            diagnostics.error(tree.entries[i].path, {1, 1}, "this file is in " + folder + ", which has no institution.md", hint);
    }

    void plans(const fs::path& dir, const std::string& institution) {
        for (const auto& e : sorted_entries(dir)) {
            if (!accept(e)) continue;
            if (e.is_regular_file() && e.path().extension() == ".toml") add(FileKind::plan, e.path(), institution);
            else if (e.is_regular_file() && e.path().extension() == ".md")
                stray(e.path(), "action plans are .toml files; see docs/content-model.md");
            else asset(e);
        }
    }

    void run() {
        for (const auto& e : sorted_entries(root)) {
            if (!accept(e)) continue;
            std::string name = e.path().filename().string();
            if (name == "site.toml") add(FileKind::site_config, e.path());
            else if (name == "index.md") add(FileKind::home, e.path());
            else if (name == "commitment-themes" && e.is_directory()) markdown_folder(e.path(), FileKind::commitment_theme, {});
            else if (name == "pages" && e.is_directory()) markdown_folder(e.path(), FileKind::page, {});
            else if (name == "institutions" && e.is_directory()) {
                std::vector<std::string> known;  // folders that have their institution.md
                for (const auto& inst : sorted_entries(e.path()))
                    if (inst.is_directory() && fs::exists(inst.path() / "institution.md"))
                        known.push_back(inst.path().filename().string());
                for (const auto& inst : sorted_entries(e.path())) {
                    if (!accept(inst)) continue;
                    if (inst.is_directory()) institution(inst.path(), known);
                    else stray(inst.path(), "each institution has its own folder: institutions/<slug>/institution.md");
                }
            } else if (name == "templates" && e.is_directory()) {
                // Template overrides are read by the render stage; a link in there is refused here,
                // with the rest of the content's problems.
                std::error_code ec;
                for (fs::recursive_directory_iterator it(e.path(), ec), end; !ec && it != end; it.increment(ec)) accept(*it);
            } else if (name == "static" && e.is_directory()) {
                // Files under static/ are published as they are, at the same path without "static/".
                std::error_code ec;
                for (fs::recursive_directory_iterator it(e.path(), ec), end; !ec && it != end; it.increment(ec))
                    if (accept(*it) && it->is_regular_file()) tree.static_files.push_back(rel(it->path()));
            } else if (e.is_directory()) {
                stray(e.path(), "content folders are commitment-themes/, pages/, institutions/, static/ and templates/");
            } else if (e.path().extension() == ".md" || e.path().extension() == ".toml") {
                stray(e.path(), "pages go in pages/, institutions' files in institutions/<slug>/");
            } else {
                asset(e);
            }
        }
    }
};

}  // namespace

ContentTree scan_content(const fs::path& root, Diagnostics& diagnostics) {
    ContentTree tree;
    tree.root = root;
    Scanner{root, diagnostics, tree}.run();
    std::sort(tree.assets.begin(), tree.assets.end());
    return tree;
}

namespace site_path {
std::string asset_beside(const std::string& content_path, const std::string& file_name) {
    auto slash = content_path.rfind('/');
    return (slash == std::string::npos ? std::string() : content_path.substr(0, slash + 1)) + file_name;
}
}  // namespace site_path

}  // namespace techpages
