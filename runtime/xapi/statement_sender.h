#pragma once
// Sends the outbox to the LRS in the background, in order, and decides what each answer means (issue 12):
//   200/204          the batch is removed from the outbox;
//   400/409          one bad statement refuses the whole batch, so the batch is sent again one statement at a time;
//                    a single refused statement goes to the failed file (shown to the learner once);
//   401/403          sending pauses until new credentials are given (resume());
//   404 and other 4xx  the endpoint is wrong: sending pauses, the status says so;
//   429, 5xx, no answer  retried with exponential backoff and jitter, honouring Retry-After.
// Never on the UI thread; status() is cheap and safe from any thread.
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <random>
#include <string>
#include <thread>

#include "progress/outbox.h"
#include "runtime/xapi/lrs_client.h"

namespace gw::xapi {

struct RetryPolicy {
    long first_delay_ms = 2000;        // after the first failure
    long max_delay_ms = 10 * 60 * 1000;  // the doubling stops here
    double jitter = 0.25;              // +-25 %, so a classroom back online does not retry in step
    long max_retry_after_ms = 60 * 60 * 1000;  // a Retry-After beyond an hour is taken as an hour
};

// The wait before attempt `failures` + 1 after `failures` failures in a row (1 or more): first_delay_ms doubled per
// failure up to max_delay_ms, times a random factor in [1 - jitter, 1 + jitter]; a Retry-After (seconds, >= 0) is a
// floor. Pure apart from `rng`.
long retry_delay_ms(const RetryPolicy& policy, int failures, long retry_after_s, std::mt19937& rng);

// What one round trip did.
enum class SendStep {
    Empty,         // nothing waiting
    Sent,          // a batch was accepted and removed
    Split,         // a batch was refused: send its statements one by one
    Refused,       // one statement was refused for good and moved to the failed file
    Unauthorized,  // 401/403
    Misconfigured, // 404 or another 4xx: the URL is probably not an LRS endpoint
    RetryLater,    // 429, 5xx, transport error
    DiskError,     // the outbox could not be rewritten
};

struct StepOutcome {
    SendStep step = SendStep::Empty;
    size_t statements = 0;     // how many the step covered
    long retry_after_s = -1;   // from the LRS, for RetryLater
    std::string message;       // for the learner: what happened, with the LRS's status
};

// One POST of up to `batch` statements from the head of the outbox, and what the answer means (above).
StepOutcome send_step(Outbox& outbox, const LrsEndpoint& lrs, size_t batch);

enum class SenderState { Synced, Sending, Waiting, NeedsCredentials, Misconfigured, Stopped };

struct SenderStatus {
    SenderState state = SenderState::Synced;
    OutboxCounts counts;
    std::string message;  // the last problem, "" when none
};

// "Synced", "12 waiting to send", "12 waiting: the LRS refused the key" ...: the status line's words.
std::string describe(const SenderStatus& status);

class StatementSender {
public:
    // Starts the thread. `on_change` (may be empty) runs on the sender's thread after each state change: the app
    // wakes its event loop with it.
    StatementSender(Outbox& outbox, LrsEndpoint lrs, std::function<void()> on_change = {}, RetryPolicy policy = {},
                    size_t batch = 50);
    ~StatementSender();  // stops after the request in flight (bounded by the endpoint's timeout)
    StatementSender(const StatementSender&) = delete;
    StatementSender& operator=(const StatementSender&) = delete;

    void nudge();                  // a statement was appended: send soon (a waiting backoff is not cut short)
    void resume(LrsEndpoint lrs);  // new settings or credentials: try again at once
    SenderStatus status() const;

private:
    Outbox& outbox_;
    RetryPolicy policy_;
    size_t batch_;
    std::function<void()> on_change_;

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    LrsEndpoint lrs_;
    bool stop_ = false, nudged_ = false, resumed_ = false;
    SenderState state_ = SenderState::Synced;
    std::string message_;
    std::thread thread_;

    void run();
    void set_state(SenderState s, const std::string& message);
};

}  // namespace gw::xapi
