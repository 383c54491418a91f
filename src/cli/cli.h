// The `berth` command line: global flags, dispatch to the command table, help.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace berth::cli {

// argv without the program name. Streams are parameters so tests can run commands.
int run(const std::vector<std::string> &args, std::ostream &out, std::ostream &err, std::istream &in,
        bool out_is_tty);

int run_main(int argc, char **argv);

}  // namespace berth::cli
