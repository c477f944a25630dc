#pragma once
// Writes a profile as its JSON document, re-encoding only what changed since the previous call. The writer thread
// saves after every pause in typing, and then usually one reflection out of hundreds has changed.
//
// Layout: one course's work per block under "courses", one reflection, link and artifact per line, so the file
// stays readable and diffs stay small.
#include <map>
#include <utility>
#include <string>

#include "progress/profile.h"

namespace gw {

class ProfileSerializer {
public:
    std::string serialize(const Profile& profile);

private:
    struct CachedReflection {
        Reflection source;
        std::string line;
    };
    std::map<std::pair<std::string, std::string>, CachedReflection> reflections_;  // by (course id, item id)
    struct CachedArtifact {
        Artifact source;
        std::string line;
    };
    std::map<std::string, CachedArtifact> artifacts_;
    std::size_t last_size_ = 0;  // reserve what the last document needed
};

}  // namespace gw
