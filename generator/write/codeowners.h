// .github/CODEOWNERS, generated from each institution's `reviewers`, so a technician's
// pull request is reviewed by their own institution's comms team.
#pragma once

#include <filesystem>
#include <string>

#include "model/site_model.h"

namespace techpages {

// `content_in_repo`: the content folder's path from the repository root ("content").
std::string codeowners_text(const Site& site, const std::string& content_in_repo);

// The CODEOWNERS file for a content folder: <content>/../.github/CODEOWNERS.
std::filesystem::path codeowners_path(const std::filesystem::path& content_dir);

// Warns when the file on disk differs from what the reviewers say it should be.
void check_codeowners(const Site& site, const std::filesystem::path& content_dir, Diagnostics& diagnostics);

}  // namespace techpages
