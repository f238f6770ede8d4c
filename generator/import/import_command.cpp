#include "import/import_command.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ostream>

#include "import/csv_reader.h"
#include "import/plan_columns.h"
#include "formats/plan_export.h"
#include "import/plan_import.h"
#include "import/toml_writer.h"
#include "load/content_tree.h"
#include "model/read_documents.h"
#include "util/diagnostics.h"
#include "util/files.h"
#include "util/text.h"

namespace techpages {

namespace {

void located_error(std::ostream& err, const std::string& path, SourcePos pos, const std::string& message,
                   const std::string& hint) {
    err << format_diagnostic({path, pos, Severity::error, message, hint}) << "\n";
}

// "LSTM Action Plan 2024" → "lstm-action-plan-2024": a plan's name must work in an address.
std::string plan_name_from(const std::filesystem::path& file) {
    std::string s = slugify(file.stem().string());
    s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }), s.end());
    s = slugify(s);
    return s.empty() ? "imported-plan" : s;
}

std::string title_from(const std::filesystem::path& file) {
    std::string t = file.stem().string();
    for (auto& c : t)
        if (c == '-' || c == '_') c = ' ';
    t = trim(t);
    if (!t.empty() && t[0] >= 'a' && t[0] <= 'z') t[0] = static_cast<char>(t[0] - 'a' + 'A');
    return t.empty() ? "Action plan" : t;
}

std::string delimiter_name(char d) {
    return d == '\t' ? "tab-separated" : d == ';' ? "semicolon-separated" : "comma-separated";
}

std::string plural(size_t n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

void print_list(std::ostream& out, const std::string& title, const std::vector<std::string>& items) {
    if (items.empty()) {
        out << title << ": none\n";
        return;
    }
    out << title << ":\n";
    for (const auto& item : items) out << "  " << item << "\n";
}

}  // namespace

int import_plan_command(const ImportPlanOptions& options, std::ostream& out, std::ostream& err) {
    std::vector<ColumnOverride> overrides;
    for (const auto& m : options.maps) {
        std::string error;
        auto o = parse_column_override(m, error);
        if (!o) {
            err << "techpages import-plan: " << error << "\n";
            return 2;
        }
        overrides.push_back(*o);
    }

    // The institution: a folder that is already there.
    namespace fs = std::filesystem;
    fs::path institutions = options.content_dir / "institutions";
    std::error_code ec;
    if (!fs::is_directory(institutions, ec)) {
        err << "techpages import-plan: there is no folder " << institutions.generic_string()
            << " — run this in the repository, or give the content folder with --content DIR\n";
        return 1;
    }
    if (options.institution.empty() || !fs::is_directory(institutions / options.institution, ec)) {
        std::vector<std::string> names;
        for (const auto& entry : sorted_entries(institutions))
            if (entry.is_directory()) names.push_back(entry.path().filename().string());
        // Swapped letters ("lsmt") first: the commonest slip, and two edits to Levenshtein.
        std::string suggestion;
        for (const auto& n : names) {
            std::string a = n, b = options.institution;
            std::sort(a.begin(), a.end());
            std::sort(b.begin(), b.end());
            if (a == b) suggestion = n;
        }
        if (suggestion.empty()) suggestion = closest_match(options.institution, names);
        err << "techpages import-plan: there is no institution '" << options.institution << "' in "
            << institutions.generic_string() << " — "
            << (!suggestion.empty() ? "did you mean '" + suggestion + "'?"
                : names.empty()     ? "add its folder with an institution.md first"
                                    : "use one of " + join_alternatives(names) + ", or add its folder first")
            << "\n";
        return 1;
    }

    std::string name = options.plan_name.empty() ? plan_name_from(options.file) : options.plan_name;
    if (!is_valid_slug(name)) {
        err << "techpages import-plan: '" << name << "' cannot be a plan's name — use lower-case letters, digits and "
            << "hyphens, e.g. --plan " << plan_name_from(name + ".x") << "\n";
        return 2;
    }
    fs::path target = institutions / options.institution / "plans" / (name + ".toml");
    if (fs::exists(target, ec) && !options.force) {
        err << "techpages import-plan: " << target.generic_string() << " already exists — add --force to replace it, "
            << "or give the new plan another name with --plan NAME\n";
        return 1;
    }

    // Read, find the columns, import.
    std::string shown = options.file.generic_string();
    auto bytes = read_file(options.file);
    if (!bytes || fs::is_directory(options.file, ec)) {
        located_error(err, shown, {1, 1}, std::string("this file cannot be read (") +
                                              (fs::exists(options.file, ec) ? std::strerror(errno) : "it does not exist") + ")",
                      "check the path; save the sheet as CSV (Comma delimited) or Text (Tab delimited) first");
        return 1;
    }
    CsvProblem csv_problem;
    auto table = read_csv(*bytes, csv_problem);
    if (!table) {
        located_error(err, shown, csv_problem.pos, csv_problem.message, csv_problem.hint);
        return 1;
    }
    ColumnProblem column_problem;
    auto columns = plan_columns(*table, overrides, column_problem);
    if (!columns) {
        located_error(err, shown, column_problem.pos, column_problem.message, column_problem.hint);
        return 1;
    }
    ImportedPlan imported = import_plan_table(*table, *columns, title_from(options.file));
    const Plan& plan = imported.plan;
    if (plan.actions.empty()) {
        located_error(err, shown, {table->rows[columns->header_row].line, 1}, "no row below the header has a ref",
                      "number the actions in the ref column (1, 2 … or V1, V2 …), or say which column holds the refs with --map COLUMN=ref");
        return 1;
    }

    // Write the file, with what a reviewer should look at as comments.
    const ImportReport& report = imported.report;
    PlanFileNotes notes;
    notes.header.push_back("Imported by `techpages import-plan` from " + options.file.filename().string() + " (" +
                           delimiter_name(table->delimiter) + ", " + table->encoding + ").");
    notes.header.push_back("Columns: " + join(report.columns, ", ") + ".");
    if (!report.unmapped.empty())
        notes.header.push_back("Kept in each action's [actions.extra]: " + join(report.unmapped, ", ") + ".");
    if (!report.unplaced.empty())
        notes.header.push_back(plural(report.unplaced.size(), "row", "rows") +
                               " could not be placed: see \"" + unplaced_key + "\" in [actions.extra].");
    notes.header.push_back("Check the notes above the actions, then remove these comments.");
    notes.actions = imported.action_notes;
    std::string toml = write_plan_toml(plan, notes);

    // The file must read back as a plan `techpages check` accepts: written beside the
    // target first, and put in place only when it does.
    fs::path staged = target;
    staged += ".importing";
    if (!write_file(staged, toml)) {
        err << "techpages import-plan: cannot write " << staged.generic_string() << " (" << std::strerror(errno) << ")\n";
        return 1;
    }
    Diagnostics diagnostics;
    ContentEntry entry{FileKind::plan, staged, target.generic_string(), name, options.institution, options.content_dir};
    auto readback = read_plan(entry, diagnostics);
    if (diagnostics.has_errors() || !readback) {
        fs::remove(staged, ec);
        for (const auto& d : diagnostics.sorted()) err << format_diagnostic(d) << "\n";
        err << "techpages import-plan: the plan made from " << shown
            << " has the problems above, so nothing was written; please report this with the file\n";
        return 1;
    }
    fs::rename(staged, target, ec);
    if (ec) {
        fs::remove(staged, ec);
        err << "techpages import-plan: cannot write " << target.generic_string() << "\n";
        return 1;
    }

    size_t sub_actions =
        std::count_if(plan.actions.begin(), plan.actions.end(), [](const Action& a) { return !a.parent.empty(); });
    out << "Wrote " << target.generic_string() << ": " << plural(plan.actions.size(), "action", "actions")
        << (sub_actions ? " (" + plural(sub_actions, "sub-action", "sub-actions") + ")" : "") << ", "
        << plural(plan.groups.size(), "group", "groups") << ", from " << delimiter_name(table->delimiter) << " "
        << table->encoding << " text.\n";
    out << "Title: \"" << plan.title << "\" (from " << report.title_from << ")\n";
    print_list(out, "Columns", report.columns);
    print_list(out, "Unmapped columns, kept in each action's [actions.extra]", report.unmapped);
    print_list(out, "Unplaced rows", report.unplaced);
    print_list(out, "Notes", report.notes);
    out << "Next: review the file, then run 'techpages check --content " << options.content_dir.generic_string() << "'.\n";
    return 0;
}

int export_plan_command(const ExportPlanOptions& options, std::ostream& out, std::ostream& err) {
    namespace fs = std::filesystem;
    Diagnostics diagnostics;
    std::string shown = options.file.generic_string();
    std::error_code ec;
    if (!fs::is_regular_file(options.file, ec)) {
        located_error(err, shown, {1, 1}, "there is no action plan file here", "give the path of a plan's .toml file");
        return 1;
    }
    ContentEntry entry{FileKind::plan, options.file, shown, plan_name_from(options.file), "",
                       options.file.parent_path()};
    auto plan = read_plan(entry, diagnostics);
    if (!plan || diagnostics.has_errors()) {
        for (const auto& d : diagnostics.sorted()) err << format_diagnostic(d) << "\n";
        return 1;
    }
    std::string csv = plan_csv(*plan);
    if (options.out_file.empty()) {
        out << csv;
        return 0;
    }
    if (!write_file(options.out_file, csv)) {
        err << "techpages export-plan: cannot write " << options.out_file.generic_string() << " (" << std::strerror(errno)
            << ")\n";
        return 1;
    }
    out << "Wrote " << options.out_file.generic_string() << ": " << plural(plan->actions.size(), "action", "actions") << "\n";
    return 0;
}

}  // namespace techpages
