#pragma once
// Wakes the main thread out of glfwWaitEvents on behalf of other threads (the profile writer, the content watcher,
// the quit-signal watcher). They only tell this object; its own thread posts the GLFW event. So:
//  - no other thread ever calls into the window system, and a thread that does not own a window-system lock can
//    never be stuck in one while the main thread waits for it (a lost display, see display_loss.h);
//  - after stop() nothing posts GLFW events, so callbacks that outlive glfwTerminate are harmless.
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace gw::ui {

class EventWaker {
public:
    EventWaker() = default;  // not posting yet: callbacks may be handed out before glfwInit
    ~EventWaker();           // stop()
    EventWaker(const EventWaker&) = delete;
    EventWaker& operator=(const EventWaker&) = delete;

    // Starts the posting thread. Call after glfwInit (and after QuitSignals, so the thread inherits its mask).
    void start();
    // Any thread, any time: asks for one glfwPostEmptyEvent soon; wakes that coalesce cost one event. Never blocks
    // on the window system. Does nothing before start() and after stop().
    void wake();
    // How many times wake() has been called (any thread): the loop compares it across a wait to tell "another
    // thread woke me" from events it may ignore.
    unsigned long wakes() const { return wakes_.load(); }
    // Joins the posting thread; later wake() calls do nothing. Call before glfwTerminate. Idempotent.
    void stop();

private:
    std::mutex mutex_;
    std::condition_variable cv_;
    bool running_ = false;
    bool pending_ = false;
    std::atomic<unsigned long> wakes_{0};
    std::thread thread_;
};

}  // namespace gw::ui
