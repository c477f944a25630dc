// `groundwork lrs set|status|send|off`: settings kept per profile, the secret never in the settings or the command
// line, and sending what waits against the test LRS.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <cstdlib>
#include <sstream>

#include "../progress/temp_dir.h"
#include "progress/outbox.h"
#include "runtime/cli/lrs_command.h"
#include "runtime/xapi/lrs_settings.h"
#include "runtime/xapi/statement.h"
#include "test_lrs_process.h"

using namespace gw;
using namespace gw::xapi;

namespace {


LrsSetOptions set_options(const test::TempDir& dir, const std::string& url) {
    LrsSetOptions o;
    o.data_dir = dir.path().string();
    o.profile = "ana";
    o.endpoint = url;
    o.key = "key";
    return o;
}

unsigned mode_of(const std::filesystem::path& p) {
    struct stat st {};
    stat(p.c_str(), &st);
    return st.st_mode & 0777;
}

}  // namespace

TEST_CASE("lrs set keeps the secret out of the settings file, in a 0600 file when no keyring runs, and checks the key") {
    test::NoKeyring no_keyring;
    test::TestLrs lrs("key", "s3cret");
    REQUIRE(!lrs.url().empty());
    test::TempDir dir;
    std::istringstream in("s3cret\n");
    std::ostringstream out, err;
    CHECK(run_lrs_set(set_options(dir, lrs.url()), in, out, err) == 0);
    CHECK(out.str().find("The LRS accepted the key.") != std::string::npos);
    const std::string settings = test::slurp(dir / "profiles/ana.lrs.json");
    CHECK(settings.find("s3cret") == std::string::npos);
    CHECK(mode_of(dir / "profiles/ana.lrs.json") == 0600);
    CHECK(test::slurp(dir / "profiles/ana.lrs-secret") == "s3cret");
    CHECK(mode_of(dir / "profiles/ana.lrs-secret") == 0600);
    std::string error;
    const LrsSettings s = load_lrs_settings(dir.path(), "ana", &error);
    CHECK(error.empty());
    CHECK(s.actor_uuid.size() == 36);

    // Setting it again (a new key) keeps who the learner is to the LRS.
    std::istringstream again("s3cret\n");
    std::ostringstream out2, err2;
    CHECK(run_lrs_set(set_options(dir, lrs.url()), again, out2, err2) == 0);
    CHECK(load_lrs_settings(dir.path(), "ana", &error).actor_uuid == s.actor_uuid);
}

TEST_CASE("lrs set says so when the LRS refuses the key, and refuses a URL that is not http(s) or no secret") {
    test::NoKeyring no_keyring;
    test::TestLrs lrs("key", "right");
    REQUIRE(!lrs.url().empty());
    test::TempDir dir;
    std::istringstream wrong("wrong\n");
    std::ostringstream out, err;
    CHECK(run_lrs_set(set_options(dir, lrs.url()), wrong, out, err) == 1);
    CHECK(err.str().find("HTTP 401 - check the key and secret") != std::string::npos);

    std::istringstream secret("x\n"), none("");
    std::ostringstream out2, err2, out3, err3;
    CHECK(run_lrs_set(set_options(dir, "ftp://lrs.example.com/"), secret, out2, err2) == 2);
    CHECK(err2.str().find("must start with https://") != std::string::npos);
    CHECK(run_lrs_set(set_options(dir, lrs.url()), none, out3, err3) == 2);
    CHECK(err3.str().find("never taken from the command line") != std::string::npos);
}

TEST_CASE("lrs send sends what waits, lrs status counts it, lrs off forgets the LRS and keeps the outbox") {
    test::NoKeyring no_keyring;
    test::TestLrs lrs("key", "pw");
    REQUIRE(!lrs.url().empty());
    test::TempDir dir;
    std::istringstream in("pw\n");
    std::ostringstream ignored_out, ignored_err;
    REQUIRE(run_lrs_set(set_options(dir, lrs.url()), in, ignored_out, ignored_err) == 0);
    {
        Outbox box(Outbox::path_for(dir.path(), "ana"));
        StatementContext ctx;
        ctx.actor.home_page = "https://lrs.example.com";
        ctx.actor.account_name = "ana";
        ctx.course.id = "c";
        for (int i = 0; i < 7; ++i)
            box.append(experienced(ctx, Activity{ActivityType::Module, "m" + std::to_string(i), "M"}, nullptr, i));
    }
    std::ostringstream out, err;
    CHECK(run_lrs_send(dir.path().string(), "ana", out, err) == 0);
    CHECK(out.str() == "Sent 7 statements.\n");
    CHECK(lrs.state()["stored"] == 7);
    std::ostringstream status, status_err;
    CHECK(run_lrs_status(dir.path().string(), "ana", status, status_err) == 0);
    CHECK(status.str().find("Queued:   0\nSent:     7\nFailed:   0") != std::string::npos);
    CHECK(status.str().find("pw") == std::string::npos);  // the secret is never printed

    std::ostringstream off, off_err;
    CHECK(run_lrs_off(dir.path().string(), "ana", off, off_err) == 0);
    CHECK_FALSE(std::filesystem::exists(dir / "profiles/ana.lrs-secret"));
    std::ostringstream send2, send2_err;
    CHECK(run_lrs_send(dir.path().string(), "ana", send2, send2_err) == 1);
    CHECK(send2_err.str().find("no LRS is set") != std::string::npos);
}

TEST_CASE("a damaged settings file is named and nothing is sent on a guess") {
    test::TempDir dir;
    {
        std::filesystem::create_directories(dir / "profiles");
        std::ofstream f(dir / "profiles/ana.lrs.json");
        f << R"({"endpoint": "https://lrs.example.com/xapi/", "sharing": "everything", "actor_uuid": "x"})";
    }
    std::string error;
    const LrsSettings s = load_lrs_settings(dir.path(), "ana", &error);
    CHECK_FALSE(s.configured());
    CHECK(error.find("ana.lrs.json") != std::string::npos);
    CHECK(error.find("'sharing'") != std::string::npos);
}
