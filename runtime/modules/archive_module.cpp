// groundwork-archive.so: course packages' libarchive calls (see runtime/course/course_archive.h).
#include <archive.h>
#include <archive_entry.h>

#include "runtime/course/course_archive.h"

namespace gw {

namespace {

std::string archive_why(struct archive* a) {
    const char* why = archive_error_string(a);
    return why ? why : "";
}

class LibarchiveReader final : public ArchiveReader {
public:
    LibarchiveReader() : a_(archive_read_new()) {
        // What pack writes (zip), and tar (.tar, .tar.gz) for packages made with other tools. libarchive reads a
        // zip entry's Unix type only as file, folder or link; a tar can carry every type, hard links too.
        archive_read_support_format_zip(a_);
        archive_read_support_format_tar(a_);
        archive_read_support_filter_gzip(a_);
    }
    ~LibarchiveReader() override { archive_read_free(a_); }

    bool open(const std::string& file, std::string* why) override {
        if (archive_read_open_filename(a_, file.c_str(), 64 * 1024) == ARCHIVE_OK) return true;
        *why = archive_why(a_);
        return false;
    }

    Next next(ArchiveEntry* out, std::string* why) override {
        struct archive_entry* entry = nullptr;
        const int r = archive_read_next_header(a_, &entry);
        if (r == ARCHIVE_EOF) return Next::End;
        if (r != ARCHIVE_OK && r != ARCHIVE_WARN) {
            *why = archive_why(a_);
            return Next::Error;
        }
        *out = ArchiveEntry{};
        const char* raw = archive_entry_pathname(entry);
        if (!raw) raw = archive_entry_pathname_utf8(entry);
        out->has_name = raw != nullptr;
        out->name = raw ? raw : "";
        const auto type = archive_entry_filetype(entry);
        out->type = type == AE_IFREG   ? ArchiveEntry::Type::File
                    : type == AE_IFDIR ? ArchiveEntry::Type::Folder
                    : type == AE_IFLNK ? ArchiveEntry::Type::SymbolicLink
                                       : ArchiveEntry::Type::Other;
        if (const char* hard = archive_entry_hardlink(entry)) {
            out->hard_link = true;
            out->link_target = hard;
        } else if (out->type == ArchiveEntry::Type::SymbolicLink) {
            const char* target = archive_entry_symlink(entry);
            out->link_target = target ? target : "?";
        }
        out->size_known = archive_entry_size_is_set(entry) != 0;
        out->size = out->size_known ? archive_entry_size(entry) : 0;
        return Next::Entry;
    }

    long read(char* data, std::size_t size, std::string* why) override {
        const la_ssize_t n = archive_read_data(a_, data, size);
        if (n < 0) {
            *why = archive_why(a_);
            return -1;
        }
        return static_cast<long>(n);
    }

private:
    struct archive* a_;
};

class LibarchiveZipWriter final : public ArchiveWriter {
public:
    LibarchiveZipWriter() : a_(archive_write_new()) { archive_write_set_format_zip(a_); }
    ~LibarchiveZipWriter() override { archive_write_free(a_); }

    bool open(const std::string& file, std::string* why) override {
        if (archive_write_open_filename(a_, file.c_str()) == ARCHIVE_OK) return true;
        *why = archive_why(a_);
        return false;
    }

    bool add_file(const std::string& name, std::uint64_t size, std::string* why) override {
        struct archive_entry* e = archive_entry_new();
        archive_entry_set_pathname(e, name.c_str());
        archive_entry_set_filetype(e, AE_IFREG);
        archive_entry_set_perm(e, 0644);
        archive_entry_set_size(e, static_cast<la_int64_t>(size));
        archive_entry_set_mtime(e, 0, 0);
        const bool ok = archive_write_header(a_, e) == ARCHIVE_OK;
        if (!ok) *why = archive_why(a_);
        archive_entry_free(e);
        return ok;
    }

    bool write(const char* data, std::size_t size, std::string* why) override {
        if (archive_write_data(a_, data, size) >= 0) return true;
        *why = archive_why(a_);
        return false;
    }

    bool close(std::string* why) override {
        if (archive_write_close(a_) == ARCHIVE_OK) return true;
        *why = archive_why(a_);
        return false;
    }

private:
    struct archive* a_;
};

std::unique_ptr<ArchiveReader> make_libarchive_reader() { return std::make_unique<LibarchiveReader>(); }
std::unique_ptr<ArchiveWriter> make_libarchive_writer() { return std::make_unique<LibarchiveZipWriter>(); }

}  // namespace

}  // namespace gw

// The module's one entry point (runtime/platform/optional_module.h).
extern "C" __attribute__((visibility("default"))) const void* groundwork_module_archive() {
    static const gw::ArchiveModule table{&gw::make_libarchive_reader, &gw::make_libarchive_writer};
    return &table;
}
