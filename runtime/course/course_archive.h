#pragma once
// The boundary between the course library (course_library.cpp, in the executable) and groundwork-archive.so
// (runtime/modules/archive_module.cpp), which holds the only calls to libarchive, loaded on first use by `install`
// of a package and by `pack` (runtime/platform/optional_module.h). The library keeps every rule about what a package
// may hold; the module only reads and writes the archive format.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace gw {

// One entry's header, as libarchive read it.
struct ArchiveEntry {
    enum class Type { File, Folder, SymbolicLink, Other };  // Other: device, fifo or socket
    bool has_name = false;      // false when the entry's name could not be read at all
    std::string name;           // as stored (pathname, else its UTF-8 form)
    Type type = Type::Other;
    bool hard_link = false;     // a hard link to `link_target` (tar), whatever `type` says
    std::string link_target;    // a hard or symbolic link's target
    bool size_known = false;    // the header states a size (a lying one is caught while unpacking)
    std::int64_t size = 0;      // bytes, unpacked
};

// Reads a zip or a tar (plain or gzip), entry by entry. Each failure leaves `*why` with libarchive's reason, ""
// when it gave none.
class ArchiveReader {
public:
    virtual ~ArchiveReader() = default;
    virtual bool open(const std::string& file, std::string* why) = 0;
    enum class Next { Entry, End, Error };
    virtual Next next(ArchiveEntry* entry, std::string* why) = 0;
    // Up to `size` bytes of the current entry's data: the count, 0 at its end, -1 on error.
    virtual long read(char* data, std::size_t size, std::string* why) = 0;
};

// Writes a zip of regular files (mode 0644, mtime 0: the same course packs to the same bytes).
class ArchiveWriter {
public:
    virtual ~ArchiveWriter() = default;
    virtual bool open(const std::string& file, std::string* why) = 0;
    // Starts an entry; its `size` bytes follow through write().
    virtual bool add_file(const std::string& name, std::uint64_t size, std::string* why) = 0;
    virtual bool write(const char* data, std::size_t size, std::string* why) = 0;
    virtual bool close(std::string* why) = 0;
};

// What groundwork_module_archive() returns.
struct ArchiveModule {
    std::unique_ptr<ArchiveReader> (*make_reader)();
    std::unique_ptr<ArchiveWriter> (*make_writer)();
};

}  // namespace gw
