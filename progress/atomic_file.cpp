#include "progress/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace gw {

namespace {

bool fail(std::string* error, const std::string& what, const std::filesystem::path& p, int err) {
    if (error) *error = what + " " + p.string() + ": " + std::strerror(err);
    return false;
}

bool write_all(int fd, const std::string& data) {
    const char* p = data.data();
    size_t left = data.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        p += n;
        left -= static_cast<size_t>(n);
    }
    return true;
}

}  // namespace

std::filesystem::path resolve_file_links(const std::filesystem::path& file) {
    std::filesystem::path p = file;
    for (int hops = 0; hops < 40; ++hops) {
        std::error_code ec;
        if (!std::filesystem::is_symlink(p, ec)) return p;
        std::filesystem::path target = std::filesystem::read_symlink(p, ec);
        if (ec || target.empty()) return p;
        p = target.is_absolute() ? target : (p.parent_path() / target).lexically_normal();
    }
    return p;
}

bool write_file_atomic(const std::filesystem::path& link_or_file, const std::string& contents, std::string* error) {
    // Replacing a link itself would turn it into a plain file and cut the learner's synced copy off.
    const std::filesystem::path file = resolve_file_links(link_or_file);
    const std::filesystem::path dir = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
    // The pid keeps two processes saving the same profile from sharing a temporary file.
    const std::filesystem::path tmp = dir / ("." + file.filename().string() + ".tmp" + std::to_string(::getpid()));

    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) return fail(error, "cannot create", tmp, errno);
    if (!write_all(fd, contents) || ::fsync(fd) != 0) {
        int err = errno;
        ::close(fd);
        ::unlink(tmp.c_str());
        return fail(error, "cannot write", file, err);
    }
    if (::close(fd) != 0) {
        int err = errno;
        ::unlink(tmp.c_str());
        return fail(error, "cannot write", file, err);
    }
    if (::rename(tmp.c_str(), file.c_str()) != 0) {
        int err = errno;
        ::unlink(tmp.c_str());
        return fail(error, "cannot replace", file, err);
    }
    int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);  // some file systems refuse to fsync a folder; the rename has still happened
        ::close(dfd);
    }
    return true;
}

bool read_file(const std::filesystem::path& file, std::string* contents, std::string* error) {
    int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return fail(error, "cannot open", file, errno);
    std::string data;
    char buf[65536];
    for (;;) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n == 0) break;
        if (n < 0) {
            if (errno == EINTR) continue;
            int err = errno;  // EISDIR, EIO...: not the same as an empty or damaged file
            ::close(fd);
            return fail(error, "cannot read", file, err);
        }
        data.append(buf, static_cast<size_t>(n));
    }
    ::close(fd);
    *contents = std::move(data);
    return true;
}

}  // namespace gw
