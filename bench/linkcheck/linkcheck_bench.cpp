// A small driver for techpages' external link checker, for the benchmark in
// bench/linkcheck/run (and for trying the checker by hand):
//
//   linkcheck_bench [options] URLS-FILE     (one URL a line; "-" reads standard input)
//     --max-total N  --max-per-host N  --connect-timeout S  --timeout S  --deadline S
//     --retries N  --cache FILE  --expiry SECONDS  --skip GLOB (repeatable)  --verbose
//
// Prints one summary line and the wall time; with --verbose, every result that is not
// good. Exits 1 when a link is broken or timed out.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "check/external_links.h"

using namespace techpages;

static int usage() {
    std::cerr << "usage: linkcheck_bench [--max-total N] [--max-per-host N] [--connect-timeout S] [--timeout S]\n"
                 "                       [--deadline S] [--retries N] [--cache FILE] [--expiry SECONDS]\n"
                 "                       [--skip GLOB]... [--verbose] URLS-FILE|-\n";
    return 2;
}

int main(int argc, char** argv) {
    ExternalCheckOptions options;
    options.allow_private_addresses = true;  // the bench's servers are on 127.0.0.1
    bool verbose = false;
    std::string input;
    std::vector<std::string> args(argv + 1, argv + argc);
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= args.size()) {
                std::cerr << "linkcheck_bench: " << a << " needs a value\n";
                std::exit(2);
            }
            return args[++i];
        };
        if (a == "--max-total")
            options.max_total = std::stoi(value());
        else if (a == "--max-per-host")
            options.max_per_host = std::stoi(value());
        else if (a == "--connect-timeout")
            options.connect_timeout = std::stod(value());
        else if (a == "--timeout")
            options.request_timeout = std::stod(value());
        else if (a == "--deadline")
            options.deadline = std::stod(value());
        else if (a == "--retries")
            options.max_retries = std::stoi(value());
        else if (a == "--cache")
            options.cache_file = value();
        else if (a == "--expiry")
            options.cache_expiry_seconds = std::stol(value());
        else if (a == "--skip")
            options.skip_patterns.push_back(value());
        else if (a == "--verbose")
            verbose = true;
        else if (a == "--help" || a == "-h")
            return usage(), 0;
        else if (!a.empty() && a[0] == '-' && a != "-")
            return usage();
        else
            input = a;
    }
    if (input.empty()) return usage();

    std::vector<std::string> urls;
    std::ifstream file;
    if (input != "-") {
        file.open(input);
        if (!file) {
            std::cerr << "linkcheck_bench: cannot read " << input << "\n";
            return 2;
        }
    }
    std::istream& in = input == "-" ? std::cin : file;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!line.empty()) urls.push_back(line);
    }

    auto start = std::chrono::steady_clock::now();
    auto results = check_external_links(urls, options);
    double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    if (verbose) {
        for (const auto& r : results) {
            if (r.verdict == LinkVerdict::good || r.verdict == LinkVerdict::cached) continue;
            std::cout << verdict_name(r.verdict) << "\t" << r.url << "\t" << r.message << "\n";
        }
    }
    auto summary = summarise(results);
    std::printf("%zu URLs: %s\nwall: %.3f s\n", urls.size(), format_summary(summary).c_str(), wall);
    return summary.ok() ? 0 : 1;
}
