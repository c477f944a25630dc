#include "runtime/transfer_commands.h"

#include <ostream>

#include "progress/profile_json.h"
#include "progress/profile_store.h"
#include "runtime/app_options.h"

namespace gw {

namespace {

std::filesystem::path data_folder(const std::string& data_dir) {
    return data_dir.empty() ? ProfileStore::default_data_dir() : std::filesystem::path(data_dir);
}

}  // namespace

int run_export(const std::string& data_dir, const std::string& profile, std::ostream& out, std::ostream& err) {
    ProfileStore store(data_folder(data_dir), profile);
    std::error_code ec;
    if (!std::filesystem::exists(store.file(), ec)) {
        err << "groundwork export: no profile \"" << profile << "\" in " << data_folder(data_dir).string()
            << " (nothing has been saved under that name yet)\n";
        return kExitContentErrors;
    }
    std::string text, error;
    if (!read_file(store.file(), &text, &error)) {
        err << "groundwork export: " << error << "\n";
        return kExitContentErrors;
    }
    Profile p;
    ProfileParse parse = parse_profile(text, &p);
    if (!parse.ok) {
        err << "groundwork export: " << store.file().string() << ": " << parse.error
            << "\n  Open Groundwork once: it moves the damaged file aside and restores the newest good backup.\n";
        return kExitContentErrors;
    }
    // A newer file is passed through as it is, so no field this version does not know is lost.
    out << (parse.schema > kProfileSchema ? text : serialize_profile(p));
    return kExitOk;
}

int run_import(const std::string& file, const std::string& data_dir, const std::string& profile, std::ostream& out,
               std::ostream& err) {
    std::string text, error;
    if (!read_file(file, &text, &error)) {
        err << "groundwork import: " << error << "\n";
        return kExitContentErrors;
    }
    Profile incoming;
    ProfileParse parse = parse_profile(text, &incoming);
    if (!parse.ok) {
        err << "groundwork import: " << file << ": " << parse.error << "\n  Nothing was changed.\n";
        return kExitContentErrors;
    }
    if (parse.schema > kProfileSchema) {
        err << "groundwork import: " << file << " was exported by a newer Groundwork (format " << parse.schema
            << "); update Groundwork to import it. Nothing was changed.\n";
        return kExitContentErrors;
    }

    ProfileStore store(data_folder(data_dir), profile);
    Profile current;
    OpenReport opened = store.open(&current);
    if (store.read_only()) {
        err << "groundwork import: " << opened.message << "\n  Close Groundwork and try again. Nothing was changed.\n";
        return kExitContentErrors;
    }
    const bool replacing = opened.outcome != OpenOutcome::Created || !current.reflections.empty();
    store.save(incoming);
    if (!store.flush(10000)) {
        store.discard_pending();  // a retry must not apply the import after we said it failed
        err << "groundwork import: could not write " << store.file().string() << ": " << store.status().error << "\n  Nothing was changed.\n";
        return kExitContentErrors;
    }
    int done = 0;
    for (const auto& [id, item] : incoming.progress) done += item.done;
    out << "Imported into profile \"" << profile << "\": " << incoming.reflections.size() << " reflections, " << done
        << " items done, " << incoming.artifacts.size() << " artifacts.\n";
    if (replacing) out << "The work it replaced is kept in " << store.backup_dir().string() << "\n";
    return kExitOk;
}

}  // namespace gw
