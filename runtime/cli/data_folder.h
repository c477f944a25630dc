#pragma once
// The data folder a verb works in: --data-dir when given, else $XDG_DATA_HOME/groundwork (ProfileStore's default).
#include <filesystem>
#include <string>

#include "progress/profile_store.h"

namespace gw {

inline std::filesystem::path data_folder_or_default(const std::string& data_dir) {
    return data_dir.empty() ? ProfileStore::default_data_dir() : std::filesystem::path(data_dir);
}

}  // namespace gw
