#include "ui/platform/event_waker.h"

#include <GLFW/glfw3.h>

namespace gw::ui {

EventWaker::~EventWaker() { stop(); }

void EventWaker::start() {
    std::lock_guard<std::mutex> lk(mutex_);
    if (running_) return;
    running_ = true;
    thread_ = std::thread([this] {
        std::unique_lock<std::mutex> lk(mutex_);
        for (;;) {
            cv_.wait(lk, [&] { return pending_ || !running_; });
            if (!running_) return;
            pending_ = false;
            lk.unlock();
            glfwPostEmptyEvent();
            lk.lock();
        }
    });
}

void EventWaker::wake() {
    ++wakes_;
    {
        std::lock_guard<std::mutex> lk(mutex_);
        if (!running_) return;
        pending_ = true;
    }
    cv_.notify_one();
}

void EventWaker::stop() {
    {
        std::lock_guard<std::mutex> lk(mutex_);
        running_ = false;
    }
    cv_.notify_one();
    if (thread_.joinable()) thread_.join();
}

}  // namespace gw::ui
