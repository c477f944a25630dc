#include "bench/bench_common.h"
namespace gw::bench { int bench_content() { return 0; } }
