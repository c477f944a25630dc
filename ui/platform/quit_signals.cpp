#include "ui/platform/quit_signals.h"

#include <pthread.h>
#include <signal.h>

namespace gw::ui {

namespace {

sigset_t quit_set() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGHUP);
    sigaddset(&set, SIGUSR1);  // only used to wake the watcher when we shut down
    return set;
}

}  // namespace

QuitSignals::QuitSignals(std::function<void()> on_quit) : on_quit_(std::move(on_quit)) {
    sigset_t set = quit_set();
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    thread_ = std::thread([this, set] {
        for (;;) {
            int sig = 0;
            if (sigwait(&set, &sig) != 0) continue;
            if (sig == SIGUSR1) {
                if (stopping_) return;
                continue;  // someone else's SIGUSR1: not ours to act on
            }
            requested_ = true;
            on_quit_();
        }
    });
}

QuitSignals::~QuitSignals() {
    stopping_ = true;
    pthread_kill(thread_.native_handle(), SIGUSR1);
    thread_.join();
}

}  // namespace gw::ui
