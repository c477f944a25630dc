#include "runtime/cli/transfer_commands.h"

#include <algorithm>
#include <ostream>

#include "progress/profile_json.h"
#include "runtime/artifacts/account_binding.h"
#include "progress/profile_store.h"
#include "runtime/cli/app_options.h"
#include "runtime/artifacts/artifact_export.h"
#include "runtime/course/course_loader.h"
#include "runtime/course/id_aliases.h"
#include "runtime/export/pdf_export.h"

namespace gw {

namespace {

std::filesystem::path data_folder(const std::string& data_dir) {
    return data_dir.empty() ? ProfileStore::default_data_dir() : std::filesystem::path(data_dir);
}

// Reads the profile to export; false (with the message written) when there is none or it is damaged.
bool read_profile_for_export(const std::string& data_dir, const std::string& profile, Profile* p, std::string* text,
                             ProfileParse* parse, std::ostream& err) {
    ProfileStore store(data_folder(data_dir), profile);
    std::error_code ec;
    if (!std::filesystem::exists(store.file(), ec)) {
        err << "groundwork export: no profile \"" << profile << "\" in " << data_folder(data_dir).string()
            << " (nothing has been saved under that name yet)\n";
        return false;
    }
    std::string error;
    if (!read_file(store.file(), text, &error)) {
        err << "groundwork export: " << error << "\n";
        return false;
    }
    *parse = parse_profile(*text, p);
    if (!parse->ok) {
        err << "groundwork export: " << store.file().string() << ": " << parse->error
            << "\n  Open Groundwork once: it moves the damaged file aside and restores the newest good backup.\n";
        return false;
    }
    return true;
}

// A newer file is passed through as it is, so no field this version does not know is lost.
std::string profile_json_text(const Profile& p, const std::string& text, const ProfileParse& parse) {
    return parse.schema > kProfileSchema ? text : serialize_profile(p);
}

// The ids a message offers when an unknown one was asked for: the first few, and how many more.
std::string some_ids(const std::vector<std::string>& ids) {
    std::string out;
    const size_t shown = std::min<size_t>(ids.size(), 8);
    for (size_t i = 0; i < shown; ++i) out += (i ? ", " : "") + ids[i];
    if (ids.size() > shown) out += ", and " + std::to_string(ids.size() - shown) + " more";
    return out;
}

int run_pdf_export(const ExportOptions& options, std::ostream& out, std::ostream& err) {
    Profile p;
    std::string text;
    ProfileParse parse;
    // A module's page is worth printing before anything is written: it needs no profile then.
    const bool only_module = !options.module_id.empty() && options.artifact_id.empty();
    std::error_code ec;
    const bool have_profile =
        std::filesystem::exists(ProfileStore(data_folder(options.data_dir), options.profile).file(), ec);
    if ((have_profile || !only_module) &&
        !read_profile_for_export(options.data_dir, options.profile, &p, &text, &parse, err))
        return kExitContentErrors;

    const std::string content = options.content_dir.empty() ? std::string(GROUNDWORK_SHIPPED_CONTENT) : options.content_dir;
    const Course course = load_course(content);
    apply_id_aliases(p, course);
    adopt_account_amounts(course.artifact_kinds, p);  // as the app does on opening: amounts that are the account's

    const CourseItem* item = nullptr;
    if (!options.module_id.empty()) {
        item = course.find_item(options.module_id);
        if (!item) {
            std::vector<std::string> ids;
            for (const Chapter& ch : course.chapters) {
                for (const CourseItem& m : ch.modules) ids.push_back(m.id);
                for (const CourseItem& h : ch.homework) ids.push_back(h.id);
            }
            err << "groundwork export: the course in " << content << " has no module or homework \""
                << options.module_id << "\""
                << (ids.empty() ? std::string(" (it has none)") : " (its ids: " + some_ids(ids) + ")") << "\n";
            return kExitUsage;
        }
    }
    const Artifact* artifact = nullptr;
    if (!options.artifact_id.empty()) {
        artifact = p.artifact(options.artifact_id);
        if (!artifact) {
            std::vector<std::string> ids;
            for (const Artifact& a : p.artifacts) ids.push_back(a.id);
            err << "groundwork export: profile \"" << options.profile << "\" has no artifact \"" << options.artifact_id
                << "\"" << (ids.empty() ? std::string(" (it has none yet)") : " (its artifacts: " + some_ids(ids) + ")")
                << "\n";
            return kExitUsage;
        }
    }

    auto save = [&](const std::string& name, const std::string& pdf, const std::string& error) {
        std::string message = error;
        const std::filesystem::path file = pdf.empty() ? std::filesystem::path() : save_pdf(options.out_dir, name, pdf, &message);
        if (file.empty()) {
            err << "groundwork export: " << message << "\n";
            return false;
        }
        out << file.string() << "\n";
        return true;
    };
    std::string error;
    if (item && !save(module_pdf_name(*item), module_pdf(course, *item, p, &error), error)) return kExitContentErrors;
    if (artifact && !save(artifact_pdf_name(*artifact, p), artifact_pdf(course, *artifact, p, &error), error))
        return kExitContentErrors;
    if (!item && !artifact && !save(kWorkPdfName, work_pdf(course, p, &error), error)) return kExitContentErrors;
    return kExitOk;
}

}  // namespace

int run_export(const std::string& data_dir, const std::string& profile, std::ostream& out, std::ostream& err) {
    Profile p;
    std::string text;
    ProfileParse parse;
    if (!read_profile_for_export(data_dir, profile, &p, &text, &parse, err)) return kExitContentErrors;
    out << profile_json_text(p, text, parse);
    return kExitOk;
}

int run_export(const ExportOptions& options, std::ostream& out, std::ostream& err) {
    if (options.format == "json" && options.out_dir.empty())
        return run_export(options.data_dir, options.profile, out, err);
    if (options.format != "json" && options.format != "md" && options.format != "csv" && options.format != "pdf") {
        err << "groundwork export: --format must be json, md, csv or pdf, not \"" << options.format << "\"\n";
        return kExitUsage;
    }
    if (options.format != "pdf" && (!options.module_id.empty() || !options.artifact_id.empty())) {
        err << "groundwork export: --module and --artifact pick what goes into a PDF; use them with --format pdf\n";
        return kExitUsage;
    }
    if (options.out_dir.empty()) {
        err << "groundwork export: --format " << options.format << " writes "
            << (options.format == "md"    ? "one file per artifact"
                : options.format == "csv" ? "one file per table"
                                          : "PDF files")
            << "; say which folder to put them in with --out DIR (it is created if missing)\n";
        return kExitContentErrors;
    }
    if (options.format == "pdf") return run_pdf_export(options, out, err);

    Profile p;
    std::string text;
    ProfileParse parse;
    if (!read_profile_for_export(options.data_dir, options.profile, &p, &text, &parse, err)) return kExitContentErrors;

    if (options.format == "json") {
        // Through export_artifacts for the folder handling, but with the newer-file pass-through of plain export.
        std::string error;
        if (parse.schema <= kProfileSchema) {
            if (export_artifacts(p, Course{}, "json", options.out_dir, out, &error) < 0) {
                err << "groundwork export: " << error << "\n";
                return kExitContentErrors;
            }
            return kExitOk;
        }
        std::error_code ec;
        const std::filesystem::path file = std::filesystem::path(options.out_dir) / "profile.json";
        std::filesystem::create_directories(options.out_dir, ec);
        if (ec || !write_file_atomic(file, text, &error)) {
            err << "groundwork export: " << (ec ? "cannot create the folder " + options.out_dir + ": " + ec.message() : error)
                << "\n";
            return kExitContentErrors;
        }
        out << file.string() << "\n";
        return kExitOk;
    }

    if (parse.schema > kProfileSchema)
        err << "groundwork export: this profile was written by a newer Groundwork; exporting what this version "
               "understands of it\n";
    const std::string content = options.content_dir.empty() ? std::string(GROUNDWORK_SHIPPED_CONTENT) : options.content_dir;
    const Course course = load_course(content);
    apply_id_aliases(p, course);  // work under a renamed id is exported under its page (only this copy changes)
    adopt_account_amounts(course.artifact_kinds, p);  // amounts a profile saved before they followed the account
    if (const int errors = count_errors(course.diagnostics); errors > 0)
        err << "groundwork export: the course in " << content << " has " << errors << (errors == 1 ? " error" : " errors")
            << " (groundwork check " << content << " lists them); artifacts of a kind it could not read are "
               "exported from their saved values\n";
    std::string error;
    int files = -1;
    try {
        files = export_artifacts(p, course, options.format, options.out_dir, out, &error);
    } catch (const nlohmann::json::exception& e) {
        // The values came from a file; the export checks each value's type, and this keeps a case it missed a
        // message rather than an abort.
        error = "an artifact value could not be exported (" + std::string(e.what()) + ")";
    }
    // Then the learner's reflections (md) or accounts (csv) beside the artifacts: an export carries everything.
    const int work = files < 0 ? -1 : export_work(p, course, options.format, options.out_dir, out, &error);
    if (files < 0 || work < 0) {
        err << "groundwork export: " << error << "\n";
        return kExitContentErrors;
    }
    if (files == 0)
        err << "groundwork export: profile \"" << options.profile << "\" has no "
            << (options.format == "md" ? "artifacts" : "artifact tables") << " yet; only "
            << (options.format == "md" ? kWorkMarkdownName : kAccountsCsvName) << " was written\n";
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
    const bool replacing = opened.outcome != OpenOutcome::Created || !current.courses.empty();
    store.save(incoming);
    if (!store.flush(10000)) {
        store.discard_pending();  // a retry must not apply the import after we said it failed
        err << "groundwork import: could not write " << store.file().string() << ": " << store.status().error << "\n  Nothing was changed.\n";
        return kExitContentErrors;
    }
    int done = 0, written = 0;
    for (const auto& [course, work] : incoming.courses) {
        for (const auto& [id, item] : work.progress) done += item.done;
        for (const auto& [id, r] : work.reflections) written += work.has_writing(id);
    }
    out << "Imported into profile \"" << profile << "\": " << written << " reflections, " << done
        << " items done, " << incoming.artifacts.size() << " artifacts";
    if (incoming.courses.size() > 1) out << ", in " << incoming.courses.size() << " courses";
    out << ".\n";
    if (replacing) out << "The work it replaced is kept in " << store.backup_dir().string() << "\n";
    return kExitOk;
}

}  // namespace gw
