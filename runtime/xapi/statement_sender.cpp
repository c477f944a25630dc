#include "runtime/xapi/statement_sender.h"

#include <algorithm>
#include <chrono>

namespace gw::xapi {

namespace {

std::string first_line(const std::string& body) {
    std::string s = body.substr(0, std::min<size_t>(body.find('\n'), 200));
    return s;
}

std::string answer_text(const LrsResponse& r) {
    if (r.status == 0) return "no answer from the LRS (" + r.transport_error + ")";
    std::string s = "the LRS answered " + std::to_string(r.status);
    const std::string detail = first_line(r.body);
    if (!detail.empty()) s += ": " + detail;
    return s;
}

}  // namespace

long retry_delay_ms(const RetryPolicy& policy, int failures, long retry_after_s, std::mt19937& rng) {
    long delay = policy.first_delay_ms;
    for (int i = 1; i < failures && delay < policy.max_delay_ms; ++i) delay *= 2;
    delay = std::min(delay, policy.max_delay_ms);
    std::uniform_real_distribution<double> spread(1.0 - policy.jitter, 1.0 + policy.jitter);
    delay = static_cast<long>(static_cast<double>(delay) * spread(rng));
    if (retry_after_s >= 0) delay = std::max(delay, std::min(retry_after_s * 1000, policy.max_retry_after_ms));
    return std::max(delay, 0L);
}

StepOutcome send_step(Outbox& outbox, const LrsEndpoint& lrs, size_t batch) {
    StepOutcome out;
    const std::vector<std::string> statements = outbox.peek(std::max<size_t>(batch, 1));
    if (statements.empty()) return out;
    out.statements = statements.size();
    const LrsResponse r = post_statements(lrs, statements);
    std::string disk_error;
    if (r.ok()) {
        out.step = outbox.acknowledge(statements.size(), &disk_error) ? SendStep::Sent : SendStep::DiskError;
        out.message = disk_error;
        return out;
    }
    out.message = answer_text(r);
    if (r.status == 400 || r.status == 409) {
        if (statements.size() > 1) {
            out.step = SendStep::Split;
        } else {
            out.step = outbox.fail_first(static_cast<int>(r.status), first_line(r.body), &disk_error)
                           ? SendStep::Refused
                           : SendStep::DiskError;
            if (!disk_error.empty()) out.message = disk_error;
        }
    } else if (r.status == 401 || r.status == 403) {
        out.step = SendStep::Unauthorized;
        out.message = "the LRS refused the key and secret (" + std::to_string(r.status) +
                      "): set them again with groundwork lrs set";
    } else if (r.status == 0 || r.status == 408 || r.status == 429 || r.status >= 500) {
        out.step = SendStep::RetryLater;
        out.retry_after_s = r.retry_after_s;
    } else {
        out.step = SendStep::Misconfigured;
        out.message += " - is the URL the LRS's xAPI endpoint?";
    }
    return out;
}

std::string describe(const SenderStatus& s) {
    const size_t n = s.counts.queued;
    const std::string waiting = std::to_string(n) + (n == 1 ? " statement waiting to send" : " statements waiting to send");
    switch (s.state) {
        case SenderState::Synced: return n == 0 ? "Synced" : waiting;
        case SenderState::Sending: return "Sending " + std::to_string(n) + (n == 1 ? " statement" : " statements");
        case SenderState::Waiting: return waiting + (s.message.empty() ? "" : " (" + s.message + ")");
        case SenderState::NeedsCredentials: return waiting + ": " + s.message;
        case SenderState::Misconfigured: return waiting + ": " + s.message;
        case SenderState::Stopped: return waiting;
    }
    return waiting;
}

StatementSender::StatementSender(Outbox& outbox, LrsEndpoint lrs, std::function<void()> on_change, RetryPolicy policy,
                                 size_t batch)
    : outbox_(outbox), policy_(policy), batch_(std::max<size_t>(batch, 1)), on_change_(std::move(on_change)),
      lrs_(std::move(lrs)) {
    thread_ = std::thread([this] { run(); });
}

StatementSender::~StatementSender() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void StatementSender::nudge() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        nudged_ = true;
    }
    wake_.notify_all();
}

void StatementSender::resume(LrsEndpoint lrs) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        lrs_ = std::move(lrs);
        resumed_ = true;
    }
    wake_.notify_all();
}

SenderStatus StatementSender::status() const {
    SenderStatus s;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        s.state = state_;
        s.message = message_;
    }
    s.counts = outbox_.counts();
    return s;
}

void StatementSender::set_state(SenderState s, const std::string& message) {
    bool changed;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        changed = state_ != s || message_ != message;
        state_ = s;
        message_ = message;
    }
    if (changed && on_change_) on_change_();
}

void StatementSender::run() {
    std::mt19937 rng(std::random_device{}());
    int failures = 0;
    size_t one_by_one = 0;  // statements left to send singly after a refused batch
    for (;;) {
        LrsEndpoint lrs;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            if (stop_) return;
            lrs = lrs_;
            nudged_ = resumed_ = false;
        }
        if (outbox_.counts().queued == 0) {
            set_state(SenderState::Synced, "");
            std::unique_lock<std::mutex> lock(mutex_);
            wake_.wait(lock, [this] { return stop_ || nudged_ || resumed_; });
            continue;
        }
        set_state(SenderState::Sending, "");
        const StepOutcome o = send_step(outbox_, lrs, one_by_one ? 1 : batch_);
        long wait_ms = 0;
        bool wait_for_resume = false;
        switch (o.step) {
            case SendStep::Empty: break;
            case SendStep::Sent:
            case SendStep::Refused:
                failures = 0;
                if (one_by_one) --one_by_one;
                if (o.step == SendStep::Refused) set_state(SenderState::Sending, o.message);
                break;
            case SendStep::Split: one_by_one = o.statements; break;
            case SendStep::Unauthorized:
                set_state(SenderState::NeedsCredentials, o.message);
                wait_for_resume = true;
                break;
            case SendStep::Misconfigured:
                set_state(SenderState::Misconfigured, o.message);
                wait_for_resume = true;
                break;
            case SendStep::RetryLater:
            case SendStep::DiskError:
                ++failures;
                wait_ms = retry_delay_ms(policy_, failures, o.retry_after_s, rng);
                set_state(SenderState::Waiting, o.message);
                break;
        }
        std::unique_lock<std::mutex> lock(mutex_);
        if (wait_for_resume) {
            wake_.wait(lock, [this] { return stop_ || resumed_; });
            failures = 0;
        } else if (wait_ms > 0) {
            // A new statement does not cut a backoff short (the LRS asked us to wait); new settings do.
            wake_.wait_for(lock, std::chrono::milliseconds(wait_ms), [this] { return stop_ || resumed_; });
            if (resumed_) failures = 0;
        }
    }
}

}  // namespace gw::xapi
