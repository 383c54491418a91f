#include "cli/commands/confirm.h"

#include <istream>
#include <ostream>

namespace berth::cli::commands {

bool confirmed(Context &ctx, const std::string &warning) {
    ctx.out << warning << "\nAre you sure you want to continue? [y/N] ";
    ctx.out.flush();
    std::string answer;
    if (!std::getline(ctx.in, answer)) {
        ctx.out << '\n';
        return false;
    }
    while (!answer.empty() && (answer.back() == '\r' || answer.back() == ' ')) answer.pop_back();
    return answer == "y" || answer == "Y" || answer == "yes" || answer == "Yes" || answer == "YES";
}

}  // namespace berth::cli::commands
