// The course library (issue 9): install, update, rollback, uninstall, the listing, packages and hostile packages,
// and which course the app opens. Every hostile package is built here with libarchive's writer.
#include <doctest/doctest.h>

#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <thread>

#include <array>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include "../progress/temp_dir.h"
#include "progress/profile_store.h"
#include "runtime/cli/library_commands.h"
#include "runtime/course/course_library.h"
#include "runtime/course/course_loader.h"
#include "temp_course.h"

namespace fs = std::filesystem;
using gw::CourseLibrary;
using gw::LibraryResult;

namespace {

// A valid course with an id and a version; `marker` goes into module a's body so versions can be told apart.
void make_course(gw::test::TempCourse& c, const std::string& id, const std::string& version,
                 const std::string& marker = "Body.") {
    c.write("course.md", "---\nid: " + id + "\nversion: \"" + version + "\"\ntitle: Course " + id +
                             "\ndescription: What " + id + " teaches.\nchapters:\n  - ch\n---\n");
    c.write("ch/a.md", "---\nid: mod-a\nnumber: 1\ntitle: Module A\nminutes: 5\ncategory: cat\n---\n\n" + marker +
                           "\n\n> [!REFLECTION]\n> Think.\n");
}

std::string read_text(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

bool has_leftovers(const CourseLibrary& lib) {
    std::error_code ec;
    for (fs::directory_iterator it(lib.root(), ec), end; !ec && it != end; it.increment(ec)) {
        const std::string n = it->path().filename().string();
        if (n.rfind(".staging-", 0) == 0 || n.rfind(".removing-", 0) == 0 || n.rfind(".swap-", 0) == 0) return true;
    }
    return false;
}

// One entry of a zip built by a test.
struct ZipEntry {
    ZipEntry(std::string n, std::string d, unsigned t = AE_IFREG, std::string l = "")
        : name(std::move(n)), data(std::move(d)), type(t), link(std::move(l)) {}
    std::string name;
    std::string data;
    unsigned type = AE_IFREG;  // AE_IFREG, AE_IFDIR, AE_IFLNK; in a tar also AE_IFIFO, AE_IFCHR
    std::string link;          // symlink target; for a hard link (tar only), the entry it links to
    bool hard = false;
};

void write_archive(const fs::path& file, const std::vector<ZipEntry>& entries, bool tar = false) {
    struct archive* a = archive_write_new();
    REQUIRE((tar ? archive_write_set_format_pax_restricted(a) : archive_write_set_format_zip(a)) == ARCHIVE_OK);
    REQUIRE(archive_write_open_filename(a, file.c_str()) == ARCHIVE_OK);
    for (const ZipEntry& z : entries) {
        struct archive_entry* e = archive_entry_new();
        archive_entry_set_pathname(e, z.name.c_str());
        archive_entry_set_filetype(e, z.type);
        archive_entry_set_perm(e, 0644);
        if (z.type == AE_IFLNK) archive_entry_set_symlink(e, z.link.c_str());
        if (z.hard) archive_entry_set_hardlink(e, z.link.c_str());
        if (z.type == AE_IFREG && !z.hard) archive_entry_set_size(e, static_cast<la_int64_t>(z.data.size()));
        REQUIRE(archive_write_header(a, e) == ARCHIVE_OK);
        if (!z.data.empty()) REQUIRE(archive_write_data(a, z.data.data(), z.data.size()) == la_ssize_t(z.data.size()));
        archive_entry_free(e);
    }
    REQUIRE(archive_write_close(a) == ARCHIVE_OK);
    archive_write_free(a);
}

// The entries of a course folder as zip entries, under `prefix` ("" or "top/").
std::vector<ZipEntry> course_entries(const gw::test::TempCourse& c, const std::string& prefix) {
    std::vector<ZipEntry> out;
    for (const auto& e : fs::recursive_directory_iterator(c.root()))
        if (e.is_regular_file())
            out.push_back({prefix + fs::relative(e.path(), c.root()).generic_string(), read_text(e.path())});
    return out;
}

// Rewrites fields of the named entry's records, as a hostile tool would: its uncompressed size in the central
// directory and in the local header (the sizes a reader trusts), or its Unix mode (and "made by Unix", so readers
// honour it).
void patch_zip_entry(const fs::path& file, const std::string& name, std::uint32_t* uncompressed_size,
                     std::uint32_t* unix_mode) {
    std::string bytes = read_text(file);
    auto u16 = [&](std::size_t at) { return unsigned(uint8_t(bytes[at])) | unsigned(uint8_t(bytes[at + 1])) << 8; };
    auto put32 = [&](std::size_t at, std::uint32_t v) {
        for (int i = 0; i < 4; ++i) bytes[at + i] = char((v >> (8 * i)) & 0xff);
    };
    int central = 0;
    for (std::size_t at = bytes.find("PK\x01\x02"); at != std::string::npos; at = bytes.find("PK\x01\x02", at + 4)) {
        if (u16(at + 28) != name.size() || bytes.compare(at + 46, name.size(), name) != 0) continue;
        if (uncompressed_size) put32(at + 24, *uncompressed_size);
        if (unix_mode) {
            bytes[at + 5] = 3;  // version made by: Unix
            put32(at + 38, *unix_mode << 16);
        }
        ++central;
    }
    REQUIRE(central == 1);
    for (std::size_t at = bytes.find("PK\x03\x04"); at != std::string::npos; at = bytes.find("PK\x03\x04", at + 4)) {
        if (u16(at + 26) != name.size() || bytes.compare(at + 30, name.size(), name) != 0) continue;
        if (uncompressed_size) put32(at + 22, *uncompressed_size);
    }
    std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
}

struct Run {
    int exit_code;
    std::string output;
};

Run run_binary(const std::string& args) {
    std::string cmd = std::string(GROUNDWORK_BINARY) + " " + args + " 2>&1";
    Run r{-1, {}};
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p);
    std::array<char, 4096> buf{};
    while (std::fgets(buf.data(), int(buf.size()), p)) r.output += buf.data();
    int status = pclose(p);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

}  // namespace

TEST_CASE("install a course folder: installed by its id, listed with title, version and description") {
    gw::test::TempDir data;
    gw::test::TempCourse c;
    make_course(c, "demo", "1.0");
    c.write(".git/HEAD", "ref: x\n");  // a trainer's repository is not part of the course
    CourseLibrary lib(data.path());
    const LibraryResult r = lib.install(c.root());
    INFO(r.message);
    REQUIRE(r.ok());
    CHECK(r.id == "demo");
    CHECK(contains(r.message, "Installed demo 1.0"));
    CHECK(fs::is_regular_file(data / "courses/demo/course.md"));
    CHECK(fs::is_regular_file(data / "courses/demo/ch/a.md"));
    CHECK_FALSE(fs::exists(data / "courses/demo/.git"));
    CHECK_FALSE(has_leftovers(lib));
    const auto list = lib.list();
    REQUIRE(list.size() == 1);
    CHECK(list[0].id == "demo");
    CHECK(list[0].title == "Course demo");
    CHECK(list[0].version == "1.0");
    CHECK(list[0].description == "What demo teaches.");
    CHECK_FALSE(list[0].has_previous);
    CHECK(gw::load_course(list[0].folder).diagnostics.empty());
}

TEST_CASE("a course without description: is described by the first paragraph of course.md") {
    gw::test::TempDir data;
    gw::test::TempCourse c;
    c.write("course.md", "---\nid: plain\ntitle: Plain\nchapters:\n  - ch\n---\n# Welcome\n\nA first line\nand a second.\n\nMore.\n");
    CourseLibrary lib(data.path());
    REQUIRE(lib.install(c.root()).ok());
    CHECK(lib.find("plain")->description == "A first line and a second.");
}

TEST_CASE("a course with errors is refused with the check's file:line messages, and nothing changes") {
    gw::test::TempDir data;
    gw::test::TempCourse good, bad;
    make_course(good, "demo", "1.0", "Version one.");
    make_course(bad, "demo", "2.0");
    bad.write("ch/b.md", "---\nid: mod-b\nnumber: 2\ntitle: B\nminutes: lots\ncategory: cat\n---\nBody.\n");
    CourseLibrary lib(data.path());
    REQUIRE(lib.install(good.root()).ok());
    const LibraryResult r = lib.install(bad.root());
    CHECK(r.exit_code == 1);
    CHECK(contains(r.message, "Not installed"));
    REQUIRE_FALSE(r.diagnostics.empty());
    CHECK(gw::format_diagnostic(r.diagnostics.front()).rfind("ch/b.md:", 0) == 0);
    CHECK(lib.find("demo")->version == "1.0");
    CHECK(contains(read_text(data / "courses/demo/ch/a.md"), "Version one."));
    CHECK_FALSE(lib.find("demo")->has_previous);
    CHECK_FALSE(has_leftovers(lib));
}

TEST_CASE("an update swaps in the new version and keeps the old one; rollback brings it back and undoes itself") {
    gw::test::TempDir data;
    gw::test::TempCourse v1, v2;
    make_course(v1, "demo", "1.0", "Version one.");
    make_course(v2, "demo", "2.0", "Version two.");
    CourseLibrary lib(data.path());
    REQUIRE(lib.install(v1.root()).ok());
    const LibraryResult up = lib.install(v2.root());
    INFO(up.message);
    REQUIRE(up.ok());
    CHECK(up.previous_version == "1.0");
    CHECK(contains(up.message, "Updated demo from 1.0 to 2.0"));
    CHECK(contains(up.message, "--rollback demo"));
    CHECK(contains(read_text(data / "courses/demo/ch/a.md"), "Version two."));
    auto now = lib.find("demo");
    REQUIRE(now);
    CHECK(now->version == "2.0");
    CHECK(now->has_previous);
    CHECK(now->previous_version == "1.0");

    const LibraryResult back = lib.rollback("demo");
    INFO(back.message);
    REQUIRE(back.ok());
    CHECK(contains(read_text(data / "courses/demo/ch/a.md"), "Version one."));
    CHECK(lib.find("demo")->previous_version == "2.0");
    CHECK(contains(back.message, "from 2.0 to 1.0"));

    REQUIRE(lib.rollback("demo").ok());  // the second rollback returns to the newer version
    CHECK(contains(read_text(data / "courses/demo/ch/a.md"), "Version two."));
    CHECK_FALSE(has_leftovers(lib));
    // The same version again is said as such.
    const LibraryResult same = lib.install(v2.root());
    REQUIRE(same.ok());
    CHECK(contains(same.message, "Reinstalled demo 2.0"));
}

TEST_CASE("one change to the library at a time: an install waits for the library's lock") {
    gw::test::TempDir data;
    gw::test::TempCourse c;
    make_course(c, "demo", "1.0");
    CourseLibrary lib(data.path());
    fs::create_directories(lib.root());
    const int fd = ::open((lib.root() / ".lock").c_str(), O_RDWR | O_CREAT, 0644);
    REQUIRE(fd >= 0);
    REQUIRE(::flock(fd, LOCK_EX) == 0);  // another groundwork is installing
    std::atomic<bool> done{false};
    std::thread installer([&] {
        lib.install(c.root());
        done = true;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    const bool finished_while_locked = done;
    const bool installed_while_locked = lib.installed("demo");
    ::close(fd);  // releases the lock
    installer.join();
    CHECK_FALSE(finished_while_locked);
    CHECK_FALSE(installed_while_locked);
    CHECK(lib.installed("demo"));
}

TEST_CASE("rollback: an id that is not installed is exit 2, a course without a previous version exit 1") {
    gw::test::TempDir data;
    gw::test::TempCourse v1;
    make_course(v1, "demo", "1.0");
    CourseLibrary lib(data.path());
    CHECK(lib.rollback("demo").exit_code == 2);
    CHECK(lib.rollback("../etc").exit_code == 2);
    REQUIRE(lib.install(v1.root()).ok());
    const LibraryResult r = lib.rollback("demo");
    CHECK(r.exit_code == 1);
    CHECK(contains(r.message, "no previous version"));
}

TEST_CASE("uninstall removes the course files and never the learner's work") {
    gw::test::TempDir data;
    gw::test::TempCourse c;
    make_course(c, "demo", "1.0");
    CourseLibrary lib(data.path());
    REQUIRE(lib.install(c.root()).ok());
    {
        gw::ProfileStore store(data.path(), "t");
        gw::Profile p;
        store.open(&p);
        p.work_in("demo").set_done("mod-a", true, 1000);
        store.save(p);
        REQUIRE(store.flush());
    }
    const std::string before = read_text(data / "profiles/t.json");
    REQUIRE(lib.set_last_course("demo"));
    const LibraryResult r = lib.uninstall("demo");
    REQUIRE(r.ok());
    CHECK(contains(r.message, "kept in your profile"));
    CHECK_FALSE(fs::exists(data / "courses/demo"));
    CHECK_FALSE(lib.installed("demo"));
    CHECK(lib.last_course().empty());
    CHECK(read_text(data / "profiles/t.json") == before);
    CHECK(lib.uninstall("demo").exit_code == 2);
    // Installed again, the done mark is there again.
    REQUIRE(lib.install(c.root()).ok());
    gw::Profile p;
    std::string error;
    REQUIRE(gw::load_profile_file(data / "profiles/t.json", &p, &error));
    CHECK(gw::whole_course_progress(p, gw::load_course(lib.folder_of("demo"))).modules_done == 1);
}

TEST_CASE("groundwork courses lists id, version, progress and title; the verbs' exit codes and help") {
    gw::test::TempDir data;
    gw::test::TempCourse c;
    make_course(c, "demo", "1.5");
    const std::string dd = " --data-dir " + data.path().string();
    CHECK(contains(run_binary("courses" + dd).output, "No course is installed"));
    Run in = run_binary("install " + c.path() + dd);
    INFO(in.output);
    CHECK(in.exit_code == 0);
    {
        gw::ProfileStore store(data.path(), "t");
        gw::Profile p;
        store.open(&p);
        p.work_in("demo").set_done("mod-a", true, 1000);
        store.save(p);
        REQUIRE(store.flush());
    }
    Run list = run_binary("courses --profile t" + dd);
    INFO(list.output);
    CHECK(list.exit_code == 0);
    CHECK(contains(list.output, "demo"));
    CHECK(contains(list.output, "1.5"));
    CHECK(contains(list.output, "1/3  33%"));  // mod-a of mod-a, mod-b, hw-1
    CHECK(contains(list.output, "Course demo"));
    CHECK(run_binary("install" + dd).exit_code == 2);
    CHECK(run_binary("install --rollback nope" + dd).exit_code == 2);
    CHECK(run_binary("install --rollback demo" + dd).exit_code == 1);
    CHECK(run_binary("install /no/such/folder" + dd).exit_code == 2);
    Run un = run_binary("uninstall demo" + dd);
    CHECK(un.exit_code == 0);
    CHECK(contains(un.output, "Your work in it"));
    CHECK(run_binary("uninstall demo" + dd).exit_code == 2);
    for (const char* verb : {"install", "uninstall", "courses", "pack"}) {
        Run h = run_binary(std::string(verb) + " --help");
        CHECK(h.exit_code == 0);
        CHECK(contains(h.output, "Exit codes"));
    }
    CHECK(run_binary("pack " + c.path()).exit_code == 2);  // -o is required
}

TEST_CASE("pack writes one zip that installs to the same files") {
    gw::test::TempDir data, out;
    gw::test::TempCourse c;
    make_course(c, "demo", "1.0");
    c.write("ch/images/pic.txt", std::string("\0\x01\x02 binary", 10));
    const fs::path zip = out / "demo.zip";
    const LibraryResult packed = gw::pack_course(c.root(), zip);
    INFO(packed.message);
    REQUIRE(packed.ok());
    CHECK(contains(packed.message, "groundwork install demo.zip"));
    REQUIRE(fs::is_regular_file(zip));
    CourseLibrary lib(data.path());
    const LibraryResult r = lib.install(zip);
    INFO(r.message);
    REQUIRE(r.ok());
    for (const auto& e : fs::recursive_directory_iterator(c.root())) {
        if (!e.is_regular_file()) continue;
        const fs::path rel = fs::relative(e.path(), c.root());
        CHECK_MESSAGE(read_text(lib.folder_of("demo") / rel) == read_text(e.path()), rel.string());
    }
    // Packing twice gives the same bytes (no time stamps).
    const fs::path again = out / "again.zip";
    REQUIRE(gw::pack_course(c.root(), again).ok());
    CHECK(read_text(zip) == read_text(again));
}

TEST_CASE("pack refuses a course with errors and writes nothing") {
    gw::test::TempDir out;
    gw::test::TempCourse c;
    make_course(c, "demo", "1.0");
    c.write("ch/b.md", "---\nid: mod-b\nnumber: 2\ntitle: B\nminutes: lots\ncategory: cat\n---\nBody.\n");
    const LibraryResult r = gw::pack_course(c.root(), out / "demo.zip");
    CHECK(r.exit_code == 1);
    CHECK(contains(r.message, "Not packed"));
    CHECK_FALSE(r.diagnostics.empty());
    CHECK_FALSE(fs::exists(out / "demo.zip"));
}

TEST_CASE("a zip whose single top folder holds course.md installs; one without course.md is refused") {
    gw::test::TempDir data, out;
    gw::test::TempCourse c;
    make_course(c, "demo", "1.0");
    CourseLibrary lib(data.path());
    write_archive(out / "flat.zip", course_entries(c, ""));
    CHECK(lib.install(out / "flat.zip").ok());
    write_archive(out / "nested.zip", course_entries(c, "some-folder/"));
    CHECK(lib.install(out / "nested.zip").ok());
    auto entries = course_entries(c, "a/");
    auto more = course_entries(c, "b/");
    entries.insert(entries.end(), more.begin(), more.end());
    write_archive(out / "two.zip", entries);
    const LibraryResult r = lib.install(out / "two.zip");
    CHECK(r.exit_code == 1);
    CHECK(contains(r.message, "no course.md at the top of the package"));
    std::ofstream(out / "junk.zip") << "this is not a zip";
    const LibraryResult junk = lib.install(out / "junk.zip");
    CHECK(junk.exit_code == 1);
    CHECK(contains(junk.message, "cannot read"));
}

TEST_CASE("hostile packages are refused naming the entry; nothing is installed and the previous version still works") {
    gw::test::TempDir data, out;
    gw::test::TempCourse v1, v2;
    make_course(v1, "demo", "1.0", "Version one.");
    make_course(v2, "demo", "2.0", "Version two.");
    gw::LibraryLimits limits;
    limits.max_entries = 40;
    limits.max_entry_bytes = 1 << 20;
    limits.max_total_bytes = 3 << 20;
    CourseLibrary lib(data.path(), limits);
    REQUIRE(lib.install(v1.root()).ok());

    struct Case {
        const char* what;
        std::vector<ZipEntry> extra;
        const char* message;
        std::function<void(const fs::path&)> patch;
        bool tar = false;
    };
    const std::string mb(1 << 20, 'x');
    std::vector<Case> cases;
    cases.push_back({"absolute path", {{"/tmp/gw-evil.md", "x"}}, "'/tmp/gw-evil.md' is an absolute path", {}});
    cases.push_back({"dot-dot", {{"ch/../../gw-evil.md", "x"}}, "'ch/../../gw-evil.md' has a '..' component", {}});
    cases.push_back({"symlink out", {{"ch/link.md", "", AE_IFLNK, "/etc/passwd"}},
                     "'ch/link.md' is a symbolic link (to '/etc/passwd')", {}});
    cases.push_back({"symlink inside", {{"ch/link.md", "", AE_IFLNK, "a.md"}}, "'ch/link.md' is a symbolic link", {}});
    // libarchive reads a zip's backslashes as separators: the '..' rule still holds.
    cases.push_back({"backslash", {{"ch\\..\\..\\gw-evil.md", "x"}}, "has a '..' component", {}});
    cases.push_back({"twice", {{"ch/a.md", "again"}}, "'ch/a.md' appears twice", {}});
    cases.push_back({"big entry", {{"ch/big.bin", mb + "y"}}, "'ch/big.bin' is 1048577 bytes unpacked", {}});
    cases.push_back({"big total", {{"ch/1.bin", mb}, {"ch/2.bin", mb}, {"ch/3.bin", mb}},
                     "the package unpacks to more than 3 MB (at 'ch/3.bin')", {}});
    // A zip bomb whose central directory claims 100 bytes: only counting what is written catches it.
    cases.push_back({"lying header", {{"ch/bomb.bin", std::string(3 << 20, '\0')}},
                     "'ch/bomb.bin' unpacks to more than 1 MB", [](const fs::path& zip) {
                         std::uint32_t small = 100;
                         patch_zip_entry(zip, "ch/bomb.bin", &small, nullptr);
                     }});
    // libarchive reads a zip entry's Unix type only as file, folder or link: hard links, fifos and devices come
    // in a tar, which install reads too.
    ZipEntry hard("ch/hard.md", "", AE_IFREG, "ch/a.md");
    hard.hard = true;
    cases.push_back({"hard link", {hard}, "'ch/hard.md' is a hard link (to 'ch/a.md')", {}, true});
    cases.push_back({"fifo", {{"ch/pipe", "", AE_IFIFO}}, "'ch/pipe' is a device, fifo or socket", {}, true});
    cases.push_back({"device", {{"ch/tty", "", AE_IFCHR}}, "'ch/tty' is a device, fifo or socket", {}, true});
    cases.push_back({"tar symlink", {{"ch/up", "", AE_IFLNK, "../../.."}}, "'ch/up' is a symbolic link", {}, true});
    cases.push_back({"tar dot-dot", {{"../gw-evil.md", "x"}}, "'../gw-evil.md' has a '..' component", {}, true});
    std::vector<ZipEntry> many;
    for (int i = 0; i < 50; ++i) many.push_back({"ch/n" + std::to_string(i) + ".txt", "x"});
    cases.push_back({"too many entries", many, "more than 40 entries", {}});

    for (const Case& k : cases) {
        const std::string what = k.what;
        CAPTURE(what);
        std::vector<ZipEntry> entries = course_entries(v2, "");
        entries.insert(entries.end(), k.extra.begin(), k.extra.end());
        const fs::path zip = out / (what + (k.tar ? ".tar" : ".zip"));
        write_archive(zip, entries, k.tar);
        if (k.patch) k.patch(zip);
        const LibraryResult r = lib.install(zip);
        INFO(r.message);
        CHECK(r.exit_code == 1);
        CHECK(contains(r.message, "Not installed: "));
        CHECK(contains(r.message, k.message));
        CHECK_FALSE(has_leftovers(lib));
        CHECK_FALSE(fs::exists("/tmp/gw-evil.md"));
        CHECK_FALSE(fs::exists(out.path().parent_path() / "gw-evil.md"));
        const auto now = lib.find("demo");
        REQUIRE(now);
        CHECK(now->version == "1.0");
        CHECK_FALSE(now->has_previous);
        CHECK(contains(read_text(data / "courses/demo/ch/a.md"), "Version one."));
        CHECK(gw::load_course(lib.folder_of("demo")).diagnostics.empty());
    }
    // The same course without the hostile entry installs: the refusals were the entries, not the package.
    write_archive(out / "clean.zip", course_entries(v2, ""));
    CHECK(lib.install(out / "clean.zip").ok());
}

TEST_CASE("the app opens the last course; the shipped course is installed on first start; --content is not recorded") {
    gw::test::TempDir data;
    gw::test::TempCourse shipped, other, working;
    make_course(shipped, "shipped", "1.0");
    make_course(other, "other", "1.0");
    make_course(working, "working", "0.1");
    CourseLibrary lib(data.path());
    std::string note;
    // First start: the shipped course is installed and opened.
    fs::path opened = gw::resolve_app_course(lib, shipped.root(), "", &note);
    CHECK(opened == lib.folder_of("shipped"));
    CHECK(lib.installed("shipped"));
    CHECK(note.empty());
    // The learner opens another installed course: it is remembered.
    REQUIRE(lib.install(other.root()).ok());
    REQUIRE(lib.set_last_course("other"));
    CHECK(gw::resolve_app_course(lib, shipped.root(), "", &note) == lib.folder_of("other"));
    // A trainer's working folder opens but is not remembered.
    CHECK(gw::resolve_app_course(lib, shipped.root(), working.path(), &note) == working.root());
    CHECK(lib.last_course() == "other");
    CHECK(gw::resolve_app_course(lib, shipped.root(), "", &note) == lib.folder_of("other"));
    // --content naming an installed course's folder is remembered.
    CHECK(gw::resolve_app_course(lib, shipped.root(), lib.folder_of("shipped").string(), &note) == lib.folder_of("shipped"));
    CHECK(lib.last_course() == "shipped");
    // The last course is gone: back to the shipped course, and the learner is told.
    REQUIRE(lib.set_last_course("other"));
    REQUIRE(lib.uninstall("other").ok());
    REQUIRE(lib.set_last_course("other"));  // as if it vanished by hand
    CHECK(gw::resolve_app_course(lib, shipped.root(), "", &note) == lib.folder_of("shipped"));
    CHECK(contains(note, "no longer installed"));
    note.clear();
    CHECK(gw::resolve_app_course(lib, shipped.root(), "", &note) == lib.folder_of("shipped"));
    CHECK(note.empty());  // said once
    // The shipped course uninstalled: installed again on the next start.
    REQUIRE(lib.uninstall("shipped").ok());
    CHECK(gw::resolve_app_course(lib, shipped.root(), "", nullptr) == lib.folder_of("shipped"));
    // A damaged library.json is no last course.
    std::ofstream(data / "library.json") << "{not json";
    CHECK(lib.last_course().empty());
}

TEST_CASE("a newer shipped course replaces its installed copy at start; an older one never does") {
    CHECK(gw::version_is_newer("2026.12", "2026.9"));
    CHECK_FALSE(gw::version_is_newer("2026.9", "2026.12"));
    CHECK_FALSE(gw::version_is_newer("1.0", "1.0"));
    CHECK(gw::version_is_newer("1.0.1", "1.0"));
    CHECK(gw::version_is_newer("1", ""));
    CHECK_FALSE(gw::version_is_newer("", "1"));
    CHECK(gw::version_is_newer("1.0-rc2", "1.0-rc1"));
    CHECK(gw::version_is_newer("010", "9"));

    gw::test::TempDir data;
    gw::test::TempCourse shipped;
    make_course(shipped, "shipped", "1.0", "Version one.");
    CourseLibrary lib(data.path());
    std::string note;
    REQUIRE(gw::resolve_app_course(lib, shipped.root(), "", &note) == lib.folder_of("shipped"));
    make_course(shipped, "shipped", "1.1", "Version two.");  // the app was upgraded with a newer course
    CHECK(gw::resolve_app_course(lib, shipped.root(), "", &note) == lib.folder_of("shipped"));
    CHECK(lib.find("shipped")->version == "1.1");
    CHECK(contains(read_text(lib.folder_of("shipped") / "ch/a.md"), "Version two."));
    CHECK(lib.find("shipped")->previous_version == "1.0");  // kept for --rollback

    // The learner installs a newer package of it themselves; the app's own older copy does not undo that.
    gw::test::TempCourse newer;
    make_course(newer, "shipped", "2.0", "Version three.");
    REQUIRE(lib.install(newer.root()).ok());
    gw::resolve_app_course(lib, shipped.root(), "", &note);
    CHECK(lib.find("shipped")->version == "2.0");
}
