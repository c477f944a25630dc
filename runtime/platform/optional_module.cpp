#include "runtime/platform/optional_module.h"

#include <dlfcn.h>

#include <cstdlib>
#include <map>
#include <mutex>

namespace gw {

namespace fs = std::filesystem;

std::vector<fs::path> optional_module_dirs() {
    if (const char* dir = std::getenv("GROUNDWORK_MODULE_DIR"); dir && *dir) return {fs::path(dir)};
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec || exe.empty()) return {fs::path(".")};
    const fs::path folder = exe.parent_path();
    return {folder, folder.parent_path() / "lib" / "groundwork"};
}

const void* load_optional_module_from(const std::vector<fs::path>& dirs, const std::string& name, std::string* error) {
    const std::string file = "groundwork-" + name + ".so";
    const std::string entry = "groundwork_module_" + name;
    std::string searched;
    for (const fs::path& dir : dirs) {
        const fs::path path = dir / file;
        searched += (searched.empty() ? "" : ", ") + dir.string();
        std::error_code ec;
        if (!fs::exists(path, ec)) continue;
        // RTLD_NOW: a module missing one of its libraries fails here, with dlerror naming it, and not later in the
        // middle of an export. RTLD_LOCAL: its libraries stay out of the global scope that later dlopens (Mesa's
        // driver) search.
        void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!handle) {
            const char* why = dlerror();
            if (error) *error = "cannot load " + path.string() + ": " + (why ? why : "unknown error");
            return nullptr;
        }
        using EntryPoint = const void* (*)();
        auto fn = reinterpret_cast<EntryPoint>(dlsym(handle, entry.c_str()));
        if (!fn) {
            const char* why = dlerror();
            if (error) *error = path.string() + " is not a Groundwork module (" + (why ? why : entry + " is missing") + ")";
            return nullptr;
        }
        const void* table = fn();
        if (!table && error) *error = path.string() + ": " + entry + "() returned nothing";
        return table;
    }
    if (error) *error = file + " is missing (looked in " + searched + "); it is built and installed with groundwork";
    return nullptr;
}

const void* load_optional_module(const std::string& name, std::string* error) {
    struct Loaded {
        const void* table = nullptr;
        std::string error;
    };
    // Never destroyed: a thread still sending at exit may ask for its module after static destructors ran.
    static auto* mutex = new std::mutex;
    static auto* loaded = new std::map<std::string, Loaded>;
    std::lock_guard<std::mutex> lock(*mutex);
    auto it = loaded->find(name);
    if (it == loaded->end()) {
        Loaded l;
        l.table = load_optional_module_from(optional_module_dirs(), name, &l.error);
        it = loaded->emplace(name, std::move(l)).first;
    }
    if (!it->second.table && error) *error = it->second.error;
    return it->second.table;
}

}  // namespace gw
