#pragma once
// A throw-away data folder for one test.
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

namespace gw::test {

class TempDir {
public:
    TempDir() {
        root_ = std::filesystem::temp_directory_path() / ("gw-data-" + std::to_string(std::random_device{}()));
        std::filesystem::create_directories(root_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::permissions(root_, std::filesystem::perms::owner_all, ec);
        std::filesystem::remove_all(root_, ec);
    }
    const std::filesystem::path& path() const { return root_; }
    std::filesystem::path operator/(const std::string& rel) const { return root_ / rel; }

private:
    std::filesystem::path root_;
};

inline std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline void spit(const std::filesystem::path& p, const std::string& text) {
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

inline std::string fixture(const std::string& name) {
    return slurp(std::filesystem::path(GROUNDWORK_TEST_DATA) / "profiles" / name);
}

}  // namespace gw::test
