// Finds the content files under the content folder and says what kind each is,
// from where it sits: institutions/<slug>/profiles/<slug>.md is a profile, and so on.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "util/diagnostics.h"

namespace techpages {

enum class FileKind { site_config, home, commitment_theme, page, institution, profile, case_study, career_story, plan };

// Hidden files and folders (".git", editors' swap files, ".DS_Store") are not content.
bool is_hidden(const std::filesystem::path& p);

struct ContentEntry {
    FileKind kind;
    std::filesystem::path absolute;
    std::string path;         // relative to the content folder
    std::string slug;         // file name without extension
    std::string institution;  // folder slug, for files under institutions/
    std::filesystem::path root;  // the content folder, to keep referenced files inside it
};

struct ContentTree {
    std::filesystem::path root;
    std::vector<ContentEntry> entries;  // in a stable order: by path
    // Other files (photos, logos) that pages may refer to, by relative path.
    std::vector<std::string> assets;
    // Files under static/, published as they are.
    std::vector<std::string> static_files;
};

ContentTree scan_content(const std::filesystem::path& root, Diagnostics& diagnostics);

namespace site_path {
// A file that sits beside a content file (a photo), published at the same relative path.
std::string asset_beside(const std::string& content_path, const std::string& file_name);
}  // namespace site_path

}  // namespace techpages
