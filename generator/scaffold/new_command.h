// techpages new KIND NAME: writes a starting file in the right folder, never over one.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>

namespace techpages::scaffold {

struct NewOptions {
    std::string kind;  // profile, case-study, career-story, institution, action-plan
    std::string name;  // the slug of the new file (or of the institution's folder)
    std::string institution;  // the folder it goes in; may be left out when there is only one
    std::filesystem::path content_dir = "content";
};

// Returns 0 when the file was written, 1 when it could not be (it exists, a bad name,
// no such institution), 2 for a usage mistake.
int new_command(const NewOptions& options, std::ostream& out, std::ostream& err);

}  // namespace techpages::scaffold
