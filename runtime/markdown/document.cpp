#include "runtime/markdown/document.h"

#include <algorithm>
#include <cctype>

namespace gw {

namespace {
struct CalloutName {
    const char* name;
    CalloutKind kind;
    const char* default_title;
};
constexpr CalloutName kCallouts[] = {
    {"LEAD", CalloutKind::Lead, ""},
    {"STAT", CalloutKind::Stat, "The Numbers"},
    {"PROCESS", CalloutKind::Process, "Process"},
    {"MISTAKE", CalloutKind::Mistake, "Common Mistake"},
    {"INSIGHT", CalloutKind::Insight, "Pro Insight"},
    {"PAUSE", CalloutKind::Pause, "Pause & Reflect"},
    {"QUOTE", CalloutKind::PullQuote, ""},
    {"TAKEAWAYS", CalloutKind::Takeaways, "Hold on to these"},
    {"REFLECTION", CalloutKind::Reflection, "Reflection \xC2\xB7 write it down"},
    {"OUTCOME", CalloutKind::Outcome, "What you walk away with"},
    // GitHub's alerts, titled the way github.com titles them.
    {"NOTE", CalloutKind::Note, "Note"},
    {"TIP", CalloutKind::Tip, "Tip"},
    {"IMPORTANT", CalloutKind::Important, "Important"},
    {"WARNING", CalloutKind::Warning, "Warning"},
    {"CAUTION", CalloutKind::Caution, "Caution"},
};
}  // namespace

CalloutKind callout_kind_from_name(const std::string& name) {
    std::string upper = name;
    std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return char(std::toupper(c)); });
    for (const auto& c : kCallouts)
        if (upper == c.name) return c.kind;
    return CalloutKind::None;
}

const char* callout_default_title(CalloutKind kind) {
    for (const auto& c : kCallouts)
        if (c.kind == kind) return c.default_title;
    return "";
}

const char* callout_name(CalloutKind kind) {
    for (const auto& c : kCallouts)
        if (c.kind == kind) return c.name;
    return "";
}

std::string callout_known_names() {
    std::string out;
    for (const auto& c : kCallouts) out += (out.empty() ? "" : ", ") + std::string(c.name);
    return out;
}

std::string plain_text(const std::vector<Span>& spans) {
    std::string out;
    for (const auto& s : spans) out += s.text;
    return out;
}

std::string plain_text(const Block& block) {
    std::string out = block.title;
    std::string own = plain_text(block.spans);
    if (!own.empty()) out += (out.empty() ? "" : "\n") + own;
    for (const auto& row : block.table.rows)
        for (const auto& cell : row) {
            std::string c = plain_text(cell.spans);
            if (!c.empty()) out += (out.empty() ? "" : "\n") + c;
        }
    for (const auto& child : block.children) {
        std::string c = plain_text(child);
        if (!c.empty()) out += (out.empty() ? "" : "\n") + c;
    }
    return out;
}

}  // namespace gw
