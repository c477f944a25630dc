// The statement outbox keeps every appended statement exactly once, across restarts, torn writes and SIGKILL.
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <random>
#include <set>
#include <thread>

#include "progress/outbox.h"
#include "temp_dir.h"

using namespace gw;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

json statement(const std::string& id, const std::string& text = "x") {
    return json{{"id", id},
                {"actor", {{"account", {{"homePage", "https://lrs.example"}, {"name", "u"}}}}},
                {"verb", {{"id", "http://adlnet.gov/expapi/verbs/answered"}}},
                {"object", {{"id", "https://c.example/m"}}},
                {"result", {{"response", text}}}};
}

std::string id_of(const std::string& line) { return json::parse(line).at("id").get<std::string>(); }

std::vector<std::string> ids(const Outbox& box) {
    std::vector<std::string> out;
    for (const std::string& line : box.peek(1000000)) out.push_back(id_of(line));
    return out;
}

}  // namespace

TEST_CASE("appended statements survive a reopen, in order, and a repeated id is kept once") {
    test::TempDir dir;
    const fs::path file = Outbox::path_for(dir.path(), "learner");
    {
        Outbox box(file);
        CHECK(box.append(statement("a")));
        CHECK(box.append(statement("b", "line one\nline two")));  // a newline in a text stays inside its JSON line
        CHECK(box.append(statement("a")));
        CHECK(box.counts().queued == 2);
    }
    Outbox again(file);
    CHECK(ids(again) == std::vector<std::string>{"a", "b"});
    CHECK(json::parse(again.peek(2)[1])["result"]["response"] == "line one\nline two");
}

TEST_CASE("acknowledged statements leave the outbox and count as sent; the count survives a reopen") {
    test::TempDir dir;
    const fs::path file = Outbox::path_for(dir.path(), "learner");
    {
        Outbox box(file);
        for (const char* id : {"a", "b", "c"}) box.append(statement(id));
        CHECK(box.acknowledge(2));
        CHECK(ids(box) == std::vector<std::string>{"c"});
    }
    Outbox again(file);
    CHECK(ids(again) == std::vector<std::string>{"c"});
    CHECK(again.counts().sent == 2);
    CHECK(again.counts().queued == 1);
}

TEST_CASE("a statement refused for good moves to the failed file with the LRS's answer, shown once") {
    test::TempDir dir;
    Outbox box(Outbox::path_for(dir.path(), "learner"));
    box.append(statement("bad"));
    box.append(statement("good"));
    CHECK(box.fail_first(409, "statement bad exists with different content"));
    CHECK(ids(box) == std::vector<std::string>{"good"});
    const std::string failed = test::slurp(box.failed_file());
    CHECK(failed.find("\"status\":409") != std::string::npos);
    CHECK(failed.find("\"bad\"") != std::string::npos);
    CHECK(box.counts().failed == 1);
    CHECK(box.counts().failed_unseen == 1);
    CHECK(box.mark_failures_seen());
    Outbox again(box.file());
    CHECK(again.counts().failed == 1);
    CHECK(again.counts().failed_unseen == 0);
}

TEST_CASE("a torn last line (a kill in the middle of an append) is cut off and the next append lands whole") {
    test::TempDir dir;
    const fs::path file = Outbox::path_for(dir.path(), "learner");
    {
        Outbox box(file);
        box.append(statement("a"));
    }
    {
        std::ofstream out(file, std::ios::app | std::ios::binary);
        out << R"({"id":"torn","actor":{"acc)";
    }
    Outbox box(file);
    CHECK(ids(box) == std::vector<std::string>{"a"});
    box.append(statement("b"));
    Outbox again(file);
    CHECK(ids(again) == std::vector<std::string>{"a", "b"});
}

TEST_CASE("a line that is not a statement is kept in the failed file, not sent and not lost") {
    test::TempDir dir;
    const fs::path file = Outbox::path_for(dir.path(), "learner");
    {
        Outbox box(file);
        box.append(statement("a"));
    }
    {
        std::ofstream out(file, std::ios::app | std::ios::binary);
        out << "edited by hand\n";
    }
    Outbox box(file);
    CHECK(ids(box) == std::vector<std::string>{"a"});
    CHECK(box.counts().failed == 1);
    CHECK(test::slurp(box.failed_file()).find("edited by hand") != std::string::npos);
}

TEST_CASE("an outbox that cannot be written says why and keeps what it holds") {
    if (geteuid() == 0) return;  // root writes anywhere: nothing to test here
    test::TempDir dir;
    const fs::path sub = dir / "ro";
    fs::create_directories(sub);
    Outbox box(Outbox::path_for(sub, "learner"));
    fs::permissions(sub, fs::perms::owner_read | fs::perms::owner_exec);
    std::string error;
    CHECK_FALSE(box.append(statement("a"), &error));
    CHECK(error.find("learner.outbox.jsonl") != std::string::npos);
    CHECK(box.counts().queued == 0);
}

TEST_CASE("appends and acknowledgements from two threads lose and repeat nothing") {
    test::TempDir dir;
    Outbox box(Outbox::path_for(dir.path(), "learner"));
    std::set<std::string> acknowledged;
    std::atomic<bool> done{false};
    std::thread sender([&] {
        while (!done || box.counts().queued > 0) {
            const std::vector<std::string> batch = box.peek(7);
            if (batch.empty()) continue;
            REQUIRE(box.acknowledge(batch.size()));
            for (const std::string& line : batch) CHECK(acknowledged.insert(id_of(line)).second);
        }
    });
    for (int i = 0; i < 300; ++i) box.append(statement("s" + std::to_string(i)));
    done = true;
    sender.join();
    CHECK(acknowledged.size() == 300);
    CHECK(box.counts().sent == 300);
}

TEST_CASE("SIGKILL at random moments during appends and acknowledgements loses and duplicates no statement") {
    test::TempDir dir;
    const fs::path file = Outbox::path_for(dir.path(), "kill");
    std::mt19937 rng(20261130);
    long next = 0;
    std::set<std::string> reported;  // appended: append() returned true in the child
    std::set<std::string> sent;      // acknowledged by the child's "LRS"
    for (int round = 0; round < 40; ++round) {
        int pipe_fds[2];
        REQUIRE(pipe(pipe_fds) == 0);
        const pid_t child = fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            close(pipe_fds[0]);
            Outbox box(file);
            for (long n = next;; ++n) {
                const std::string id = "s" + std::to_string(n);
                if (box.append(statement(id, std::string(static_cast<size_t>(n % 300), 'y')))) {
                    const std::string msg = "A" + id + "\n";
                    (void)!write(pipe_fds[1], msg.data(), msg.size());
                }
                if (n % 5 == 4) {
                    const std::vector<std::string> batch = box.peek(3);
                    if (box.acknowledge(batch.size())) {
                        for (const std::string& line : batch) {
                            const std::string msg = "S" + id_of(line) + "\n";
                            (void)!write(pipe_fds[1], msg.data(), msg.size());
                        }
                    }
                }
            }
        }
        close(pipe_fds[1]);
        std::this_thread::sleep_for(std::chrono::microseconds(std::uniform_int_distribution<int>(500, 20000)(rng)));
        kill(child, SIGKILL);
        waitpid(child, nullptr, 0);
        std::string text;
        char buf[4096];
        for (ssize_t n; (n = read(pipe_fds[0], buf, sizeof buf)) > 0;) text.append(buf, static_cast<size_t>(n));
        close(pipe_fds[0]);
        for (size_t start = 0, end; (end = text.find('\n', start)) != std::string::npos; start = end + 1) {
            const std::string line = text.substr(start, end - start);
            (line[0] == 'A' ? reported : sent).insert(line.substr(1));
            if (line[0] == 'A') next = std::max(next, std::stol(line.substr(2)) + 1);
        }
        next += 1;  // an append cut short may have reached the disk without being reported: never reuse its id
    }
    Outbox box(file);
    const std::vector<std::string> waiting = ids(box);
    const std::set<std::string> waiting_set(waiting.begin(), waiting.end());
    CHECK(waiting_set.size() == waiting.size());  // no duplicate
    for (const std::string& id : reported) {
        // Every reported statement is still waiting or was acknowledged (the acknowledgement may have reached the
        // disk without being reported, so "not waiting" is enough when the child said it was sent or may have).
        const bool kept = waiting_set.count(id) || sent.count(id);
        if (!kept) {
            // An acknowledgement that reached the disk before the kill, not yet reported: it must be among the
            // oldest, so everything waiting is newer than it.
            CHECK_MESSAGE((waiting.empty() || std::stol(waiting.front().substr(1)) > std::stol(id.substr(1))), id);
        }
    }
    for (const std::string& id : sent) CHECK_MESSAGE(waiting_set.count(id) == 0, id);
    CHECK(reported.size() > 40);
}

TEST_CASE("a damaged header (a count that is not a number) keeps the statements and reads the count as 0") {
    test::TempDir dir;
    const fs::path file = Outbox::path_for(dir.path(), "learner");
    {
        fs::create_directories(file.parent_path());
        std::ofstream out(file, std::ios::binary);
        out << R"({"outbox":1,"sent":"many","failed_seen":-3})" << "\n" << statement("a").dump() << "\n";
    }
    Outbox box(file);
    CHECK(ids(box) == std::vector<std::string>{"a"});
    CHECK(box.counts().sent == 0);
}

TEST_CASE("a line with bytes that are not UTF-8 goes to the failed file instead of stopping the outbox") {
    test::TempDir dir;
    const fs::path file = Outbox::path_for(dir.path(), "learner");
    {
        Outbox box(file);
        box.append(statement("a"));
    }
    {
        std::ofstream out(file, std::ios::app | std::ios::binary);
        out << "{\"id\":,\"x\":\"\xff\xfe\"}\n";  // found by fuzz_outbox: a throw while keeping it
    }
    Outbox box(file);
    CHECK(ids(box) == std::vector<std::string>{"a"});
    CHECK(box.counts().failed == 1);
    CHECK(test::slurp(box.failed_file()).find("\xEF\xBF\xBD") != std::string::npos);  // U+FFFD in its place
}
