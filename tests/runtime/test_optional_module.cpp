// The modules loaded on first use (runtime/platform/optional_module.h, issue 11): where they are found, what a
// missing or broken one says, and that the executable no longer links the libraries they hold. That each feature
// still works through its module is what test_pdf_export (groundwork-pdf.so), test_course_library
// (groundwork-archive.so), test_lrs_command, test_xapi_sender and test_cohort_report (groundwork-lrs.so) and
// test_ui's test_display_settings (groundwork-desktop.so) check.
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "../progress/temp_dir.h"
#include "runtime/course/course_archive.h"
#include "runtime/export/pdf_backend.h"
#include "runtime/platform/optional_module.h"
#include "runtime/xapi/lrs_module.h"
#include "runtime/xapi/lrs_settings.h"

namespace fs = std::filesystem;

namespace {

bool has(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

struct ModuleRun {
    int exit_code = -1;
    std::string output;
};

// `command` through the shell, stdout and stderr together.
ModuleRun run_shell(const std::string& command) {
    ModuleRun r;
    FILE* p = popen((command + " 2>&1").c_str(), "r");
    REQUIRE(p);
    std::array<char, 4096> buf{};
    while (std::fgets(buf.data(), int(buf.size()), p)) r.output += buf.data();
    const int status = pclose(p);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

fs::path built_module_dir() { return fs::path(GROUNDWORK_BINARY).parent_path(); }

}  // namespace

TEST_CASE("a module in none of the folders: nothing loaded, a message naming the file and the folders") {
    gw::test::TempDir empty;
    std::string error;
    CHECK(gw::load_optional_module_from({empty.path()}, "pdf", &error) == nullptr);
    CHECK(has(error, "groundwork-pdf.so is missing"));
    CHECK(has(error, empty.path().string()));
}

TEST_CASE("a file that is not a library, or a library without the entry point: dlerror's reason, no crash") {
    gw::test::TempDir dir;
    gw::test::spit(dir / "groundwork-pdf.so", "not an ELF file");
    std::string error;
    CHECK(gw::load_optional_module_from({dir.path()}, "pdf", &error) == nullptr);
    CHECK(has(error, "cannot load " + (dir / "groundwork-pdf.so").string() + ": "));
    CHECK(has(error, "groundwork-pdf.so"));  // dlerror names the file and says why (too short, invalid ELF header)

    // A real module under another module's name: it loads, but has no groundwork_module_lrs.
    fs::copy_file(built_module_dir() / "groundwork-archive.so", dir / "groundwork-lrs.so");
    error.clear();
    CHECK(gw::load_optional_module_from({dir.path()}, "lrs", &error) == nullptr);
    CHECK(has(error, "is not a Groundwork module"));
    CHECK(has(error, "groundwork_module_lrs"));
}

TEST_CASE("the folders searched: GROUNDWORK_MODULE_DIR alone when set, else the executable's, then ../lib/groundwork") {
    const char* before = std::getenv("GROUNDWORK_MODULE_DIR");
    const std::string saved = before ? before : "";
    setenv("GROUNDWORK_MODULE_DIR", "/some/where", 1);
    CHECK(gw::optional_module_dirs() == std::vector<fs::path>{"/some/where"});
    unsetenv("GROUNDWORK_MODULE_DIR");
    const fs::path exe_dir = fs::read_symlink("/proc/self/exe").parent_path();
    CHECK(gw::optional_module_dirs() == std::vector<fs::path>{exe_dir, exe_dir.parent_path() / "lib" / "groundwork"});
    if (before) setenv("GROUNDWORK_MODULE_DIR", saved.c_str(), 1);
}

TEST_CASE("every module the build makes loads, with a full table, and is loaded once") {
    std::string error;
    const auto* pdf = gw::optional_module<gw::PdfModule>("pdf", &error);
    REQUIRE_MESSAGE(pdf, error);
    CHECK((pdf->make_writer != nullptr));
    CHECK(gw::optional_module<gw::PdfModule>("pdf", &error) == pdf);
    const auto* lrs = gw::optional_module<gw::xapi::LrsModule>("lrs", &error);
    REQUIRE_MESSAGE(lrs, error);
    CHECK((lrs->perform && lrs->query_escape && lrs->keyring_store && lrs->keyring_lookup && lrs->keyring_clear));
    CHECK(lrs->query_escape("2026-11-30T10:00:00+01:00") == "2026-11-30T10%3A00%3A00%2B01%3A00");
    const auto* archive = gw::optional_module<gw::ArchiveModule>("archive", &error);
    REQUIRE_MESSAGE(archive, error);
    CHECK((archive->make_reader && archive->make_writer));
}

TEST_CASE("the executable does not link pango, cairo, libcurl, libsecret, libarchive or GIO; their modules do") {
    const ModuleRun app = run_shell("readelf -d " + std::string(GROUNDWORK_BINARY));
    REQUIRE(app.exit_code == 0);
    REQUIRE(has(app.output, "NEEDED"));
    for (const char* lib : {"libpango", "libcairo", "libcurl", "libsecret", "libarchive", "libgio", "libglib"}) {
        INFO(lib);
        CHECK(!has(app.output, lib));
    }
    const fs::path dir = built_module_dir();
    CHECK(has(run_shell("readelf -d " + (dir / "groundwork-pdf.so").string()).output, "libpangocairo"));
    CHECK(has(run_shell("readelf -d " + (dir / "groundwork-lrs.so").string()).output, "libcurl"));
    CHECK(has(run_shell("readelf -d " + (dir / "groundwork-lrs.so").string()).output, "libsecret"));
    CHECK(has(run_shell("readelf -d " + (dir / "groundwork-archive.so").string()).output, "libarchive"));
    CHECK(has(run_shell("readelf -d " + (dir / "groundwork-desktop.so").string()).output, "libgio"));
}

TEST_CASE("the binary without its modules: PDF export, pack, install and cohort fail saying which file is missing") {
    gw::test::TempDir data, empty;
    const std::string bin = "GROUNDWORK_MODULE_DIR=" + empty.path().string() + " " + GROUNDWORK_BINARY;
    const std::string data_dir = " --data-dir " + data.path().string();

    const fs::path demo = fs::path(GROUNDWORK_SHIPPED_CONTENT).parent_path() / "docs" / "demo-profile.json";
    ModuleRun r = run_shell(bin + " import " + demo.string() + data_dir);
    REQUIRE(r.exit_code == 0);  // import needs no module
    r = run_shell(bin + " export --format pdf --out " + (data / "pdf").string() + data_dir);
    CHECK(r.exit_code == 1);
    CHECK(has(r.output, "PDF export is not available: groundwork-pdf.so is missing"));
    CHECK(!fs::exists(data / "pdf" / "my-work.pdf"));

    r = run_shell(bin + " pack " + GROUNDWORK_SHIPPED_CONTENT + " -o " + (data / "c.zip").string());
    CHECK(r.exit_code == 1);
    CHECK(has(r.output, "Not packed: course packages cannot be read or written: groundwork-archive.so is missing"));
    CHECK(!fs::exists(data / "c.zip"));

    gw::test::spit(data / "c.zip", "PK");
    r = run_shell(bin + " install " + (data / "c.zip").string() + data_dir);
    CHECK(r.exit_code == 1);
    CHECK(has(r.output, "groundwork-archive.so is missing"));

    r = run_shell("GROUNDWORK_LRS_SECRET=s " + bin + " cohort --lrs http://127.0.0.1:9/xapi/ --user k");
    CHECK(r.exit_code != 0);
    CHECK(has(r.output, "LRS connections are not available: groundwork-lrs.so is missing"));
}

TEST_CASE("a session bus where no keyring answers: the secret goes to the file and is found there, through the module") {
    gw::test::TempDir data;
    const char* bus = std::getenv("DBUS_SESSION_BUS_ADDRESS");
    const std::string saved = bus ? bus : "";
    unsetenv("GROUNDWORK_NO_KEYRING");
    setenv("DBUS_SESSION_BUS_ADDRESS", ("unix:path=" + (data / "no-bus").string()).c_str(), 1);
    std::string where, error;
    REQUIRE(gw::xapi::store_lrs_secret(data.path(), "p", "https://lrs.example/xapi/", "s3cret", &where, &error));
    CHECK(where == (data / "profiles" / "p.lrs-secret").string());
    CHECK(gw::xapi::lookup_lrs_secret(data.path(), "p", "https://lrs.example/xapi/", &where) == "s3cret");
    CHECK(where == (data / "profiles" / "p.lrs-secret").string());
    if (bus) setenv("DBUS_SESSION_BUS_ADDRESS", saved.c_str(), 1);
    else unsetenv("DBUS_SESSION_BUS_ADDRESS");
}
