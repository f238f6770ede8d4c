#include "scaffold/new_command.h"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <ostream>

#include "scaffold/starting_files.h"
#include "util/files.h"
#include "util/text.h"

namespace techpages::scaffold {

namespace fs = std::filesystem;

namespace {

// "jane-doe" → "Jane Doe".
std::string words_of(const std::string& slug) {
    std::string words;
    bool start = true;
    for (char c : slug) {
        if (c == '-') {
            words += ' ';
            start = true;
            continue;
        }
        words += start ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
        start = false;
    }
    return words;
}

std::string today_utc() {
    std::time_t now = std::time(nullptr);
    std::tm utc{};
    ::gmtime_r(&now, &utc);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &utc);
    return text;
}

std::vector<std::string> institution_folders(const fs::path& content_dir) {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& e : sorted_entries(content_dir / "institutions"))
        if (e.is_directory(ec)) names.push_back(e.path().filename().string());
    return names;
}

// The folder each kind goes in, under its institution.
std::string folder_of(const std::string& kind) {
    if (kind == "profile") return "profiles";
    if (kind == "case-study") return "case-studies";
    if (kind == "career-story") return "career-stories";
    return "plans";
}

}  // namespace

int new_command(const NewOptions& options, std::ostream& out, std::ostream& err) {
    const auto& kinds = content_kinds();
    if (std::find(kinds.begin(), kinds.end(), options.kind) == kinds.end()) {
        std::string suggestion = closest_match(options.kind, kinds);
        err << "techpages new: '" << options.kind << "' is not a kind of content — "
            << (suggestion.empty() ? "write one of " + join_alternatives(kinds) : "did you mean '" + suggestion + "'?")
            << "\n";
        return 2;
    }
    if (!is_valid_slug(options.name)) {
        std::string slug = slugify(options.name);
        err << "techpages new: '" << options.name << "' cannot be used in a web address — use lower-case letters, "
            << "digits and hyphens" << (slug.empty() ? std::string() : ", e.g. '" + slug + "'") << "\n";
        return 1;
    }
    std::error_code ec;
    if (!fs::is_directory(options.content_dir, ec)) {
        err << options.content_dir.string() << ": error: there is no content folder here — run techpages new from the "
            << "folder that holds content/, or give --content DIR\n";
        return 1;
    }

    StartingFileValues values{options.name, words_of(options.name), today_utc(), options.institution};
    fs::path file;
    if (options.kind == "institution") {
        values.institution = options.name;
        file = options.content_dir / "institutions" / options.name / "institution.md";
    } else {
        std::vector<std::string> institutions = institution_folders(options.content_dir);
        if (values.institution.empty()) {
            if (institutions.size() != 1) {
                err << "techpages new: say which institution the " << options.kind << " belongs to, e.g. --institution "
                    << (institutions.empty() ? std::string("my-university") : institutions.front())
                    << (institutions.empty() ? " (first: techpages new institution my-university)"
                                             : " (the institutions are: " + join(institutions, ", ") + ")")
                    << "\n";
                return 2;
            }
            values.institution = institutions.front();
        } else if (std::find(institutions.begin(), institutions.end(), values.institution) == institutions.end()) {
            std::string suggestion = closest_match(values.institution, institutions);
            err << "techpages new: there is no institution '" << values.institution << "' — "
                << (suggestion.empty() ? "create it with: techpages new institution " + values.institution
                                       : "did you mean '" + suggestion + "'?")
                << "\n";
            return 1;
        }
        std::string extension = options.kind == "action-plan" ? ".toml" : ".md";
        file = options.content_dir / "institutions" / values.institution / folder_of(options.kind) /
               (options.name + extension);
    }

    if (fs::exists(file, ec)) {
        err << file.string() << ": error: this file already exists, and new never replaces a file — "
            << "edit it, or choose another name\n";
        return 1;
    }
    if (!write_file(file, starting_file(options.kind, values))) {
        err << file.string() << ": error: cannot write this file — check that the folder is writable\n";
        return 1;
    }
    out << "Wrote " << file.string() << ": a new " << options.kind
        << ". Each field is explained in a comment; fill them in, then run techpages check"
        << " (techpages serve shows it as you save).\n";
    return 0;
}

}  // namespace techpages::scaffold
