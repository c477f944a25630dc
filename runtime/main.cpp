// groundwork: the course runtime's command line. Verbs for trainers and scripts; no verb opens the window.
#include <CLI/CLI.hpp>

#include <iostream>

#include "runtime/app_options.h"
#include "runtime/check_command.h"
#include "ui/app.h"

int main(int argc, char** argv) {
    gw::AppOptions options;
    options.content_dir = GROUNDWORK_SHIPPED_CONTENT;

    CLI::App app{"Groundwork: work through a sales course, keep your reflections and worked artifacts.", "groundwork"};
    app.set_version_flag("--version", std::string("groundwork ") + GROUNDWORK_VERSION);
    app.footer(
        "Exit codes: 0 ok, 1 content errors or a failed export/import, 2 usage error, 3 no display/OpenGL.\n"
        "Course format: docs/authoring.md. Data: $XDG_DATA_HOME/groundwork (~/.local/share/groundwork).");
    app.add_option("--content", options.content_dir, "Course folder to open (default: the shipped course)")
        ->check(CLI::ExistingDirectory);
    app.add_option("--data-dir", options.data_dir, "Folder for profiles and settings");
    app.add_option("--profile", options.profile, "Learner profile name (several learners can share a machine)");
    app.add_option("--module", options.start_item, "Open this module (or homework) id first");
    app.add_option("--screenshot", options.screenshot, "Render the window, write it as a PNG to FILE, exit");
    std::string size;
    app.add_option("--size", size, "Window size as WIDTHxHEIGHT, e.g. 1280x800");

    std::string check_dir;
    CLI::App* check = app.add_subcommand("check", "Check a course folder: file:line: message per problem");
    check->add_option("dir", check_dir, "Course folder")->required();

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

    if (*check) return gw::run_check(check_dir, std::cout);

    if (!size.empty() && std::sscanf(size.c_str(), "%dx%d", &options.width, &options.height) != 2) {
        std::cerr << "--size: expected WIDTHxHEIGHT, e.g. 1280x800\n";
        return gw::kExitUsage;
    }
    return gw::ui::run_app(options);
}
