// groundwork: the course runtime's command line. Verbs for trainers and scripts; no verb opens the window.
#include <CLI/CLI.hpp>

#include <iostream>

#include "runtime/cli/app_options.h"
#include "progress/profile_store.h"
#include "runtime/cli/check_command.h"
#include "runtime/cli/cohort_command.h"
#include "runtime/course/course_loader.h"
#include "runtime/course/page_navigator.h"
#include "runtime/cli/transfer_commands.h"
#include "runtime/cli/lrs_command.h"
#include "runtime/cli/data_folder.h"
#include "runtime/cli/library_commands.h"
#include "runtime/course/course_library.h"
#include "ui/app.h"

int main(int argc, char** argv) {
    gw::AppOptions options;
    options.content_dir = GROUNDWORK_SHIPPED_CONTENT;

    CLI::App app{"Groundwork: work through a sales course, keep your reflections and worked artifacts.", "groundwork"};
    app.set_version_flag("--version", std::string("groundwork ") + GROUNDWORK_VERSION);
    app.footer(
        "Exit codes: 0 ok, 1 content errors, a refused install/pack or a failed export/import, 2 usage error, a "
        "course id that is not installed or an export --module/--artifact id that is not there, 3 no display/OpenGL.\n"
        "Courses: groundwork pack DIR -o course.zip, groundwork install course.zip, groundwork courses.\n"
        "Move your work to another machine: groundwork export > work.json, then groundwork import work.json.\n"
        "Course format: docs/authoring.md. Data: $XDG_DATA_HOME/groundwork (~/.local/share/groundwork).");
    CLI::Option* content_option =
        app.add_option("--content", options.content_dir,
                       "Course folder to open, with live reload (default: the installed course used last, else the "
                       "shipped course)")
            ->check(CLI::ExistingDirectory);
    app.add_option("--data-dir", options.data_dir, "Folder for profiles and settings");
    auto valid_profile = [](const std::string& name) {
        return gw::ProfileStore::is_valid_name(name) ? std::string()
                                                     : "a profile name is 1-64 letters, digits, '-' or '_'";
    };
    app.add_option("--profile", options.profile, "Learner profile name (several learners can share a machine)")
        ->check(valid_profile);
    app.add_option("--module", options.start_item, "Open this module or homework id first (or my-work, accounts, dashboard, records, cohort, search, library, artifact:ID, or "
                   "artifact-kind:KIND for an empty preview of that kind's form)");
    app.add_option("--screenshot", options.screenshot, "Render the window, write it as a PNG to FILE, exit");
    app.add_flag("--quit-after-first-frame", options.quit_after_first_frame)
        ->group("");  // for bench/startup/run.sh only: not part of the documented interface
    std::string size;
    app.add_option("--size", size, "Window size as WIDTHxHEIGHT, e.g. 1280x800");
    app.add_option("--theme", options.theme, "Light or dark for this run, over the choice saved in the app")
        ->check(CLI::IsMember({"light", "dark"}));
    int text_percent = 0;
    app.add_option("--text-size", text_percent, "The reading text's size for this run, in percent (80 to 200)")
        ->check(CLI::Range(80, 200));

    std::string check_path;
    bool check_watch = false;
    CLI::App* check = app.add_subcommand(
        "check", "Check a course folder, or one file of it in its course: file:line: message per problem");
    check->add_option("path", check_path, "Course folder, or a file in one (its course is found above it)")
        ->required();
    check->add_flag("--watch", check_watch,
                    "Check again on every save and print only what changed (new and fixed problems), until Ctrl+C");

    // cohort: the trainer's report (docs/xapi.md "Cohort report"); the LRS secret never comes from the command line.
    gw::CohortOptions cohort;
    CLI::App* cohort_cmd = app.add_subcommand(
        "cohort", "Per learner: modules and homework done, last activity, health audits; from an LRS or export files");
    cohort_cmd->add_option("folder", cohort.folder, "A folder of learners' export files (NAME.json), instead of --lrs");
    cohort_cmd->add_option("--lrs", cohort.lrs_url, "The LRS's xAPI endpoint, e.g. https://lrs.example.com/xapi/");
    cohort_cmd->add_option("--user", cohort.user, "The LRS key; its secret from GROUNDWORK_LRS_SECRET or standard input");
    cohort_cmd->add_option("--course", cohort.course_id, "Course id to report on (default: the --content course's)");
    cohort_cmd->add_option("--since", cohort.since, "Only what happened from this date on: YYYY-MM-DD or ISO 8601");
    cohort_cmd->add_option("--format", cohort.format, "csv, md (a table) or json")
        ->check(CLI::IsMember({"csv", "md", "json"}))
        ->default_str("csv");
    cohort_cmd->add_option("--content", options.content_dir, "The course folder (default: the shipped course)")
        ->check(CLI::ExistingDirectory);

    // export/import take --profile and --data-dir from either side of the verb (export: --content too).
    CLI::App* export_cmd = app.add_subcommand(
        "export",
        "Write the whole profile as JSON to standard output, or your work as Markdown, CSV or PDF files");
    std::string export_format = "json", export_out, export_module, export_artifact;
    export_cmd->add_option("--format", export_format,
                           "json: the whole profile (for import); md: one document per artifact; csv: one file per "
                           "artifact table; pdf: my-work.pdf with your accounts, reflections and every artifact")
        ->check(CLI::IsMember({"json", "md", "csv", "pdf"}))
        ->default_str("json");
    export_cmd->add_option("--out", export_out,
                           "Folder to write into (created if missing); required for md, csv and pdf, json then "
                           "writes profile.json there");
    export_cmd->add_option("--module", export_module,
                           "pdf: instead of all your work, this module's or homework's page with your reflection");
    export_cmd->add_option("--artifact", export_artifact, "pdf: instead of all your work, this artifact (its id)");
    export_cmd->add_option("--content", options.content_dir,
                           "Course folder whose artifact kinds and titles md/csv/pdf use (default: the shipped course)")
        ->check(CLI::ExistingDirectory);
    std::string import_file;
    CLI::App* import_cmd = app.add_subcommand("import", "Restore a profile from an exported file (validated first)");
    import_cmd->add_option("file", import_file, "A file written by groundwork export")->required();
    for (CLI::App* verb : {export_cmd, import_cmd}) {
        verb->add_option("--profile", options.profile, "Learner profile name")->check(valid_profile);
        verb->add_option("--data-dir", options.data_dir, "Folder for profiles and settings");
    }

    // lrs: where learning records go (docs/xapi.md). The secret is read from standard input or the environment.
    gw::LrsSetOptions lrs_set;
    CLI::App* lrs_cmd = app.add_subcommand("lrs", "Send your progress to a Learning Record Store (xAPI): set, status, send, off");
    lrs_cmd->require_subcommand(1);
    CLI::App* lrs_set_cmd = lrs_cmd->add_subcommand(
        "set", "Set the LRS endpoint and key; the secret is read from standard input or GROUNDWORK_LRS_SECRET");
    lrs_set_cmd->add_option("url", lrs_set.endpoint, "The LRS's xAPI endpoint, e.g. https://lrs.example.com/xapi/")
        ->required();
    lrs_set_cmd->add_option("--user", lrs_set.key, "The LRS key (basic auth user name)")->required();
    lrs_set_cmd->add_option("--share", lrs_set.sharing,
                            "progress: opened, done, chapter progress, artifact statuses; writing: also the text of "
                            "your reflections and homework notes")
        ->check(CLI::IsMember({"progress", "writing"}))
        ->default_str("progress");
    lrs_set_cmd->add_option("--name", lrs_set.display_name, "Your name as your trainer's report shows it");
    lrs_set_cmd->add_option("--mbox", lrs_set.mbox, "mailto: IRI, only when your organisation identifies you by email");
    lrs_set_cmd->add_option("--home-page", lrs_set.home_page, "The account's homePage (default: the LRS's address)");
    bool lrs_no_check = false;
    lrs_set_cmd->add_flag("--no-check", lrs_no_check, "Do not ask the LRS whether the key works");
    CLI::App* lrs_status_cmd = lrs_cmd->add_subcommand("status", "Where records go, and how many are queued, sent, failed");
    CLI::App* lrs_send_cmd = lrs_cmd->add_subcommand("send", "Send what is waiting now (the app also sends by itself)");
    CLI::App* lrs_off_cmd = lrs_cmd->add_subcommand("off", "Stop recording and sending; forget the LRS and its secret");
    for (CLI::App* verb : {lrs_set_cmd, lrs_status_cmd, lrs_send_cmd, lrs_off_cmd}) {
        verb->add_option("--profile", options.profile, "Learner profile name")->check(valid_profile);
        verb->add_option("--data-dir", options.data_dir, "Folder for profiles and settings");
    }

    // The course library (issue 9; rules in runtime/course/course_library.h).
    std::string install_source, rollback_id;
    CLI::App* install_cmd = app.add_subcommand(
        "install", "Install or update a course (a folder, or a .zip from groundwork pack), checked first: errors refuse");
    CLI::Option* install_source_option =
        install_cmd->add_option("source", install_source, "The course folder or package file");
    install_cmd->add_option("--rollback", rollback_id,
                            "Bring back the version the last update replaced (again: back to the newer one)")
        ->excludes(install_source_option);
    std::string uninstall_id;
    CLI::App* uninstall_cmd =
        app.add_subcommand("uninstall", "Remove an installed course's files; your work in it stays in your profile");
    uninstall_cmd->add_option("id", uninstall_id, "The course id (groundwork courses lists them)")->required();
    CLI::App* courses_cmd = app.add_subcommand(
        "courses", "List the installed courses: id, version, your progress, title (* the one the app opens next)");
    std::string pack_dir, pack_out;
    CLI::App* pack_cmd = app.add_subcommand(
        "pack", "Check a course folder and write it as one .zip package a trainer can send (refused on errors)");
    pack_cmd->add_option("dir", pack_dir, "The course folder (with course.md)")->required();
    pack_cmd->add_option("-o,--out", pack_out, "The package file to write, e.g. course.zip")->required();
    for (CLI::App* verb : {install_cmd, uninstall_cmd, courses_cmd}) {
        verb->add_option("--data-dir", options.data_dir, "Folder for profiles, settings and installed courses");
        verb->footer("Exit codes: 0 ok, 1 refused (content errors, a hostile package, nothing to roll back), 2 usage "
                     "or a course id that is not installed.");
    }
    courses_cmd->add_option("--profile", options.profile, "Whose progress to show")->check(valid_profile);
    pack_cmd->footer("Exit codes: 0 ok, 1 content errors or the file could not be written, 2 usage.");

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return gw::kExitUsage;
    }

    if (*check)
        return check_watch ? gw::run_check_watch_until_interrupted(check_path, std::cout)
                           : gw::run_check(check_path, std::cout);
    if (*cohort_cmd) {
        cohort.content_dir = options.content_dir;
        return gw::run_cohort(cohort, std::cin, std::cout, std::cerr);
    }
    if (*export_cmd) {
        gw::ExportOptions e;
        e.data_dir = options.data_dir;
        e.profile = options.profile;
        e.format = export_format;
        e.out_dir = export_out;
        e.module_id = export_module;
        e.artifact_id = export_artifact;
        e.content_dir = options.content_dir;
        return gw::run_export(e, std::cout, std::cerr);
    }
    if (*lrs_cmd) {
        if (*lrs_set_cmd) {
            lrs_set.data_dir = options.data_dir;
            lrs_set.profile = options.profile;
            lrs_set.verify = !lrs_no_check;
            return gw::run_lrs_set(lrs_set, std::cin, std::cout, std::cerr);
        }
        if (*lrs_status_cmd) return gw::run_lrs_status(options.data_dir, options.profile, std::cout, std::cerr);
        if (*lrs_send_cmd) return gw::run_lrs_send(options.data_dir, options.profile, std::cout, std::cerr);
        return gw::run_lrs_off(options.data_dir, options.profile, std::cout, std::cerr);
    }
    if (*install_cmd) {
        if (!rollback_id.empty()) return gw::run_rollback(rollback_id, options.data_dir, std::cout, std::cerr);
        if (install_source.empty()) {
            std::cerr << "install: give a course folder or package (groundwork install DIR|FILE), or --rollback ID\n";
            return gw::kExitUsage;
        }
        return gw::run_install(install_source, options.data_dir, std::cout, std::cerr);
    }
    if (*uninstall_cmd) return gw::run_uninstall(uninstall_id, options.data_dir, std::cout, std::cerr);
    if (*courses_cmd) return gw::run_courses(options.data_dir, options.profile, std::cout, std::cerr);
    if (*pack_cmd) return gw::run_pack(pack_dir, pack_out, std::cout, std::cerr);
    if (*import_cmd) return gw::run_import(import_file, options.data_dir, options.profile, std::cout, std::cerr);

    if (!size.empty() && std::sscanf(size.c_str(), "%dx%d", &options.width, &options.height) != 2) {
        std::cerr << "--size: expected WIDTHxHEIGHT, e.g. 1280x800\n";
        return gw::kExitUsage;
    }
    if (text_percent > 0) options.text_zoom = float(text_percent) / 100.0f;
    // The course to open: --content as given, else the installed course used last, else the shipped one (installed
    // into the library on first start). A screenshot with neither --content nor --data-dir still installs.
    {
        gw::CourseLibrary library(gw::data_folder_or_default(options.data_dir));
        std::string note;
        options.content_dir =
            gw::resolve_app_course(library, GROUNDWORK_SHIPPED_CONTENT, content_option->count() ? options.content_dir : "",
                                   &note)
                .string();
        if (!note.empty()) std::cerr << "groundwork: " << note << "\n";
        options.course_notice = note;
    }
    // A mistyped --module is a usage error, said before any window opens.
    if (!options.start_item.empty()) {
        const std::string problem = gw::start_item_problem(gw::load_course(options.content_dir), options.start_item);
        if (!problem.empty()) {
            std::cerr << problem << "\n";
            return gw::kExitUsage;
        }
    }
    return gw::ui::run_app(options);
}
