#pragma once
// Starts tests/lrs/test_lrs.py (a small xAPI 1.0.3 LRS) on 127.0.0.1 for one test, and talks to its /control
// resource for fault injection. Skips (returns an empty url) when python3 is missing.
#include <curl/curl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

extern char** environ;

namespace gw::test {

// Keeps the secret store off the desktop keyring for a test (lrs_settings.h: GROUNDWORK_NO_KEYRING).
struct NoKeyring {
    NoKeyring() { setenv("GROUNDWORK_NO_KEYRING", "1", 1); }
    ~NoKeyring() { unsetenv("GROUNDWORK_NO_KEYRING"); }
};

// Polls `pred` every 10 ms until it holds or `timeout_ms` passes: for what a background sender does.
template <class Pred>
bool eventually(Pred pred, int timeout_ms = 20000) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (std::chrono::steady_clock::now() < until) {
        if (pred()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return pred();
}

class TestLrs {
public:
    explicit TestLrs(const std::string& key = "", const std::string& secret = "") {
        int out[2];
        if (pipe(out) != 0) return;
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, out[1], 1);
        posix_spawn_file_actions_addclose(&actions, out[0]);
        std::string script = GROUNDWORK_TEST_LRS;
        std::vector<std::string> args = {"python3", script, "--port", "0"};
        if (!key.empty()) args.insert(args.end(), {"--key", key, "--secret", secret});
        std::vector<char*> argv;
        for (std::string& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        if (posix_spawnp(&pid_, "python3", &actions, nullptr, argv.data(), environ) != 0) pid_ = -1;
        posix_spawn_file_actions_destroy(&actions);
        close(out[1]);
        FILE* f = fdopen(out[0], "r");
        char line[64] = {0};
        if (pid_ > 0 && f && std::fgets(line, sizeof line, f)) {
            int port = 0;
            if (std::sscanf(line, "PORT %d", &port) == 1) url_ = "http://127.0.0.1:" + std::to_string(port) + "/xapi/";
        }
        if (f) std::fclose(f);
    }
    ~TestLrs() { stop(); }
    TestLrs(const TestLrs&) = delete;
    TestLrs& operator=(const TestLrs&) = delete;

    // "" when the LRS could not start.
    const std::string& url() const { return url_; }
    std::string origin() const { return url_.substr(0, url_.size() - 6); }  // without "/xapi/"

    void stop() {
        if (pid_ > 0) {
            kill(pid_, SIGTERM);
            waitpid(pid_, nullptr, 0);
            pid_ = -1;
        }
    }

    // POST /control with `body` (see test_lrs.py).
    void control(const nlohmann::json& body) { request(origin() + "/control", body.dump()); }
    // GET /control: {"stored": N, "posts": N, "ids": [...]}.
    nlohmann::json state() { return nlohmann::json::parse(request(origin() + "/control", ""), nullptr, false); }

private:
    pid_t pid_ = -1;
    std::string url_;

    static size_t collect(char* data, size_t size, size_t count, void* user) {
        static_cast<std::string*>(user)->append(data, size * count);
        return size * count;
    }
    static std::string request(const std::string& url, const std::string& post_body) {
        std::string body;
        CURL* curl = curl_easy_init();
        curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
        curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
        curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
        if (!post_body.empty()) curl_easy_setopt(curl, CURLOPT_POSTFIELDS, post_body.c_str());
        curl_easy_perform(curl);
        curl_easy_cleanup(curl);
        return body;
    }
};

}  // namespace gw::test
