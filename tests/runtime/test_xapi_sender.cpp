// The sender against a real (test) LRS: everything arrives once, in order, whatever the network and the LRS do.
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "../progress/temp_dir.h"
#include "runtime/xapi/statement.h"
#include "runtime/xapi/statement_sender.h"
#include "test_lrs_process.h"

using namespace gw;
using namespace gw::xapi;
using nlohmann::json;

namespace {

json statement(int n, const std::string& text = "note") {
    StatementContext ctx;
    ctx.actor.home_page = "https://lrs.example.com";
    ctx.actor.account_name = "learner-1";
    ctx.course.id = "sales";
    ctx.platform = "Groundwork test";
    json s = answered(ctx, Activity{ActivityType::Module, "m" + std::to_string(n), "Module"}, nullptr, text,
                      1796000000000 + n);
    return s;
}

RetryPolicy fast() {
    RetryPolicy p;
    p.first_delay_ms = 20;
    p.max_delay_ms = 200;
    return p;
}


}  // namespace

TEST_CASE("retry delays double from the first, stop at the cap, spread by the jitter, and honour Retry-After") {
    RetryPolicy p;
    p.first_delay_ms = 1000;
    p.max_delay_ms = 8000;
    p.jitter = 0.25;
    std::mt19937 rng(7);
    for (int i = 0; i < 50; ++i) {
        const long d1 = retry_delay_ms(p, 1, -1, rng), d3 = retry_delay_ms(p, 3, -1, rng),
                   d9 = retry_delay_ms(p, 9, -1, rng);
        CHECK(d1 >= 750);
        CHECK(d1 <= 1250);
        CHECK(d3 >= 3000);
        CHECK(d3 <= 5000);
        CHECK(d9 <= 10000);
        CHECK(d9 >= 6000);
        CHECK(retry_delay_ms(p, 1, 30, rng) >= 30000);
    }
    std::mt19937 a(1), b(2);
    bool differs = false;
    for (int i = 0; i < 10; ++i) differs |= retry_delay_ms(p, 2, -1, a) != retry_delay_ms(p, 2, -1, b);
    CHECK(differs);
}

TEST_CASE("offline for a while, then online: every statement arrives once and in order") {
    test::TempDir dir;
    Outbox box(Outbox::path_for(dir.path(), "learner"));
    std::vector<std::string> appended;
    for (int i = 0; i < 120; ++i) {
        const json s = statement(i);
        appended.push_back(s["id"]);
        REQUIRE(box.append(s));
    }
    // Nobody listens on this port (the test LRS is not started yet).
    const StepOutcome offline = send_step(box, LrsEndpoint{"http://127.0.0.1:9/xapi/", "", "", 2000}, 50);
    CHECK(offline.step == SendStep::RetryLater);
    CHECK(box.counts().queued == 120);

    test::TestLrs lrs;
    if (lrs.url().empty()) return;  // no python3: reported by the LRS tests below
    {
        StatementSender sender(box, LrsEndpoint{lrs.url(), "", "", 5000}, {}, fast(), 50);
        CHECK(test::eventually([&] { return box.counts().queued == 0; }));
        CHECK(test::eventually([&] { return sender.status().state == SenderState::Synced; }));
        CHECK(describe(sender.status()) == "Synced");
    }
    const json state = lrs.state();
    CHECK(state["stored"] == 120);
    CHECK(state["ids"].get<std::vector<std::string>>() == appended);
    CHECK(box.counts().sent == 120);
}

TEST_CASE("the LRS dies after storing a batch but before answering: the batch is sent again and stored once") {
    test::TestLrs lrs;
    REQUIRE_MESSAGE(!lrs.url().empty(), "python3 tests/lrs/test_lrs.py did not start");
    test::TempDir dir;
    Outbox box(Outbox::path_for(dir.path(), "learner"));
    for (int i = 0; i < 30; ++i) box.append(statement(i));
    lrs.control({{"drop_after_store", 1}});
    const StepOutcome first = send_step(box, LrsEndpoint{lrs.url(), "", "", 5000}, 50);
    CHECK(first.step == SendStep::RetryLater);
    CHECK(box.counts().queued == 30);
    CHECK(lrs.state()["stored"] == 30);
    const StepOutcome second = send_step(box, LrsEndpoint{lrs.url(), "", "", 5000}, 50);
    CHECK(second.step == SendStep::Sent);
    CHECK(box.counts().queued == 0);
    CHECK(lrs.state()["stored"] == 30);
}

TEST_CASE("a changed statement under a stored id (409) refuses its batch; the rest go one by one, it goes to failed") {
    test::TestLrs lrs;
    REQUIRE(!lrs.url().empty());
    const LrsEndpoint endpoint{lrs.url(), "", "", 5000};
    json original = statement(1, "first words");
    REQUIRE(post_statements(endpoint, {original.dump()}).ok());
    json changed = original;
    changed["result"]["response"] = "other words";

    test::TempDir dir;
    Outbox box(Outbox::path_for(dir.path(), "learner"));
    box.append(statement(2));
    box.append(changed);
    box.append(statement(3));
    {
        StatementSender sender(box, endpoint, {}, fast(), 50);
        CHECK(test::eventually([&] { return box.counts().queued == 0; }));
    }
    CHECK(box.counts().failed == 1);
    CHECK(box.counts().sent == 2);
    CHECK(lrs.state()["stored"] == 3);  // the original and the two good ones
    const std::string failed = test::slurp(box.failed_file());
    CHECK(failed.find("\"status\":409") != std::string::npos);
    CHECK(failed.find("other words") != std::string::npos);
}

TEST_CASE("a statement the LRS cannot read (400) is kept in the failed file, and the next ones still go") {
    test::TestLrs lrs;
    REQUIRE(!lrs.url().empty());
    test::TempDir dir;
    Outbox box(Outbox::path_for(dir.path(), "learner"));
    box.append(json{{"id", "00000000-0000-4000-8000-000000000001"}, {"verb", {{"id", "x"}}}});  // no actor, no object
    box.append(statement(5));
    const LrsEndpoint endpoint{lrs.url(), "", "", 5000};
    CHECK(send_step(box, endpoint, 50).step == SendStep::Split);
    CHECK(send_step(box, endpoint, 1).step == SendStep::Refused);
    CHECK(send_step(box, endpoint, 1).step == SendStep::Sent);
    CHECK(box.counts().queued == 0);
    CHECK(box.counts().failed == 1);
}

TEST_CASE("401 pauses sending until new credentials are given; then everything goes") {
    test::TestLrs lrs("key", "right-secret");
    REQUIRE(!lrs.url().empty());
    test::TempDir dir;
    Outbox box(Outbox::path_for(dir.path(), "learner"));
    for (int i = 0; i < 5; ++i) box.append(statement(i));
    StatementSender sender(box, LrsEndpoint{lrs.url(), "key", "wrong", 5000}, {}, fast(), 50);
    CHECK(test::eventually([&] { return sender.status().state == SenderState::NeedsCredentials; }));
    const int posts_while_paused = lrs.state()["posts"];
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    CHECK(lrs.state()["posts"] == posts_while_paused);  // paused: no hammering with a wrong secret
    CHECK(describe(sender.status()).find("refused the key") != std::string::npos);
    sender.resume(LrsEndpoint{lrs.url(), "key", "right-secret", 5000});
    CHECK(test::eventually([&] { return box.counts().queued == 0; }));
    CHECK(lrs.state()["stored"] == 5);
}

TEST_CASE("429 with Retry-After: the sender waits at least that long before trying again") {
    test::TestLrs lrs;
    REQUIRE(!lrs.url().empty());
    test::TempDir dir;
    Outbox box(Outbox::path_for(dir.path(), "learner"));
    box.append(statement(1));
    lrs.control({{"fail", json::array({{{"status", 429}, {"retry_after", 1}}})}});
    const StepOutcome o = send_step(box, LrsEndpoint{lrs.url(), "", "", 5000}, 50);
    CHECK(o.step == SendStep::RetryLater);
    CHECK(o.retry_after_s == 1);

    lrs.control({{"fail", json::array({{{"status", 429}, {"retry_after", 1}}, {{"status", 503}}})}});
    const auto start = std::chrono::steady_clock::now();
    StatementSender sender(box, LrsEndpoint{lrs.url(), "", "", 5000}, {}, fast(), 50);
    CHECK(test::eventually([&] { return box.counts().queued == 0; }));
    CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(1000));
    CHECK(lrs.state()["stored"] == 1);
}

TEST_CASE("a URL that is not an LRS endpoint (404) pauses sending with a message naming the problem") {
    test::TestLrs lrs;
    REQUIRE(!lrs.url().empty());
    test::TempDir dir;
    Outbox box(Outbox::path_for(dir.path(), "learner"));
    box.append(statement(1));
    const StepOutcome o = send_step(box, LrsEndpoint{lrs.origin() + "/not-xapi/", "", "", 5000}, 50);
    CHECK(o.step == SendStep::Misconfigured);
    CHECK(o.message.find("404") != std::string::npos);
    CHECK(box.counts().queued == 1);
}

TEST_CASE("statements read back with paging: 'more' is followed until the end") {
    test::TestLrs lrs;
    REQUIRE(!lrs.url().empty());
    const LrsEndpoint endpoint{lrs.url(), "", "", 5000};
    std::vector<std::string> batch;
    for (int i = 0; i < 25; ++i) batch.push_back(statement(i).dump());
    REQUIRE(post_statements(endpoint, batch).ok());
    size_t seen = 0;
    std::string more;
    int pages = 0;
    do {
        const LrsResponse r = get_statements(endpoint, "limit=10&ascending=true", more);
        REQUIRE(r.status == 200);
        const json page = json::parse(r.body);
        seen += page["statements"].size();
        more = page.value("more", "");
        ++pages;
    } while (!more.empty() && pages < 10);
    CHECK(seen == 25);
    CHECK(pages == 3);
}
