// groundwork_bench: medians for the budgets in the README. Never asserts: numbers are for people to read.
#include <cstdio>

#include "bench/bench_common.h"

int main() {
    std::printf("Groundwork benchmarks (medians on this machine)\n\n");
    int rc = 0;
    rc |= gw::bench::bench_content();
    rc |= gw::bench::bench_frames();
    rc |= gw::bench::bench_gfm();
    rc |= gw::bench::bench_artifacts();
    rc |= gw::bench::bench_progress();  // progress/ store: save and load of a large profile
    return rc;
}
