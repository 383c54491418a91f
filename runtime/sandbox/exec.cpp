#include <cstdio>
#include "sandbox/entry.h"
namespace berth::sandbox {
int exec_main(int, char **) { std::fputs("berthd exec-process: not implemented yet\n", stderr); return 125; }
}
