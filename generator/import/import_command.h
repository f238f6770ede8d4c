// `techpages import-plan` and `techpages export-plan`: reading a plan from the
// spreadsheet an institution's lead already keeps, and writing a plan back out as one.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

namespace techpages {

struct ImportPlanOptions {
    std::filesystem::path file;                    // the CSV or tab-separated text
    std::string institution;                       // a folder under <content>/institutions/
    std::filesystem::path content_dir = "content";
    std::string plan_name;                         // empty: the file's name, slugified
    std::vector<std::string> maps;                 // --map COLUMN=FIELD, in order
    bool force = false;                            // replace an existing plan
};

// Writes <content>/institutions/<institution>/plans/<name>.toml and reports what it did.
// Returns 0 on success, 1 when the input or the institution is wrong, 2 for a usage mistake.
int import_plan_command(const ImportPlanOptions& options, std::ostream& out, std::ostream& err);

struct ExportPlanOptions {
    std::filesystem::path file;      // an action plan .toml
    std::filesystem::path out_file;  // empty: CSV to standard output
};

int export_plan_command(const ExportPlanOptions& options, std::ostream& out, std::ostream& err);

}  // namespace techpages
