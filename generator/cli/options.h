// Parses the command line and runs the chosen command.
#pragma once

#include <iosfwd>

namespace techpages {

// Returns the process exit status: 0 success, 1 content problems, 2 a usage mistake.
int run_cli(int argc, char** argv, std::ostream& out, std::ostream& err);

}  // namespace techpages
