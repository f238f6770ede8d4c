// What each command does with its parsed command line; the table in options.cpp names them.
#pragma once

#include <algorithm>
#include <iosfwd>
#include <map>
#include <string>
#include <vector>

namespace techpages::cli {

// One command line, parsed against the command's row of the table.
struct Args {
    std::string command;
    std::map<std::string, std::string> values;                 // the last value of each option given one
    std::vector<std::string> flags;                            // options without a value that were given
    std::vector<std::string> positional;                       // FILE, KIND NAME: every one the command takes
    std::map<std::string, std::vector<std::string>> repeated;  // every value of a repeatable option

    std::string value(const std::string& option, const std::string& fallback) const {
        auto it = values.find(option);
        return it == values.end() ? fallback : it->second;
    }
    bool has(const std::string& flag) const { return std::find(flags.begin(), flags.end(), flag) != flags.end(); }
};

// Each returns the process exit status: 0 success, 1 content problems, 2 a usage mistake.
int run_build(const Args& args, std::ostream& out, std::ostream& err);
int run_check(const Args& args, std::ostream& out, std::ostream& err);
int run_codeowners(const Args& args, std::ostream& out, std::ostream& err);
int run_import_plan(const Args& args, std::ostream& out, std::ostream& err);
int run_export_plan(const Args& args, std::ostream& out, std::ostream& err);
int run_serve(const Args& args, std::ostream& out, std::ostream& err);
int run_new(const Args& args, std::ostream& out, std::ostream& err);

}  // namespace techpages::cli
