#include <cstdio>
#include "sandbox/entry.h"
namespace berth::sandbox {
int monitor_main(int, char **) { std::fputs("berthd monitor: not implemented yet\n", stderr); return 125; }
}
