#pragma once
// Libraries that only a few features need (pango and cairo for PDF export, libcurl and libsecret for the LRS,
// libarchive for course packages) live in modules the executable loads with dlopen on first use, so a start does
// not pay for mapping and relocating them (issue 11). Each module is groundwork-<name>.so, built next to the
// executable, and exports one extern "C" function `groundwork_module_<name>` that returns a pointer to a table of
// the feature's entry points (a struct the feature's own header declares). A module is never unloaded.
//
// Where a module is looked for, first found wins:
//   1. $GROUNDWORK_MODULE_DIR, when set (tests, or a packager's layout); then nowhere else
//   2. the executable's folder (/proc/self/exe): the build tree, and a portable install
//   3. <executable's folder>/../lib/groundwork: an installed layout (bin/ and lib/groundwork/)
#include <filesystem>
#include <string>
#include <vector>

namespace gw {

// The folders searched for modules, in order (see above).
std::vector<std::filesystem::path> optional_module_dirs();

// Loads groundwork-<name>.so from `dirs` (dlopen RTLD_NOW | RTLD_LOCAL) and returns what its entry point
// groundwork_module_<name>() returned. Uncached: for tests. nullptr with *error set when the file is missing from
// every folder, cannot be loaded (dlerror's text: a missing library, an undefined symbol) or lacks the entry point;
// the message names the file and the folders searched.
const void* load_optional_module_from(const std::vector<std::filesystem::path>& dirs, const std::string& name,
                                      std::string* error);

// load_optional_module_from(optional_module_dirs(), name), once per name for the life of the process: later calls
// return the same table, or the same error. Thread-safe (the LRS sender runs on its own thread).
const void* load_optional_module(const std::string& name, std::string* error);

// The typed form: `T` is the module's table type.
template <class T>
const T* optional_module(const std::string& name, std::string* error) {
    return static_cast<const T*>(load_optional_module(name, error));
}

}  // namespace gw
