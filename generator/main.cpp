// techpages: the command line. Each command is a thin layer over build.h.
#include <iostream>

#include "build.h"
#include "cli/options.h"

using namespace techpages;

int main(int argc, char** argv) {
    return run_cli(argc, argv, std::cout, std::cerr);
}
