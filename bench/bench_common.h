#pragma once
// Small timing helpers shared by the benchmark sections: run a body N times, report the median.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <functional>
#include <vector>

namespace gw::bench {

inline double median_ms(int runs, const std::function<void()>& body) {
    std::vector<double> ms;
    ms.reserve(runs);
    for (int i = 0; i < runs; ++i) {
        auto t0 = std::chrono::steady_clock::now();
        body();
        auto t1 = std::chrono::steady_clock::now();
        ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

// Like median_ms, but the calling thread's CPU time: for single-threaded work such as loading a course it equals the
// wall time on an idle machine, and it does not count the time another process held the core (2-core CI, builds).
inline double median_cpu_ms(int runs, const std::function<void()>& body) {
    auto cpu_now = [] {
        timespec t{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
        return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
    };
    std::vector<double> ms;
    ms.reserve(runs);
    for (int i = 0; i < runs; ++i) {
        const double t0 = cpu_now();
        body();
        ms.push_back(cpu_now() - t0);
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

inline void report(const char* what, double ms, double budget_ms) {
    if (budget_ms > 0)
        std::printf("%-64s median %9.3f ms   budget %7.2f ms   %s\n", what, ms, budget_ms,
                    ms <= budget_ms ? "ok" : "OVER");
    else
        std::printf("%-64s median %9.3f ms\n", what, ms);
}

// Each section lives in its own file; bench_main.cpp calls them in order.
int bench_content();
int bench_frames();
int bench_progress();
int bench_artifacts();
int bench_gfm();

}  // namespace gw::bench
