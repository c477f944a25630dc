#pragma once
// The left column: course and chapter, progress, categories with their modules, homework.
#include <functional>
#include <string>

#include "runtime/course.h"
#include "ui/fonts.h"

namespace gw::ui {

enum class ItemState { NotStarted, Started, Done };

struct ChapterProgressView {
    int modules_done = 0, modules_total = 0;
    int homework_done = 0, homework_total = 0;
};

struct SidebarModel {
    const Course* course = nullptr;
    const std::string* current = nullptr;
    std::function<ItemState(const std::string& id)> item_state;           // optional
    std::function<ChapterProgressView(const Chapter&)> chapter_progress;  // optional
};

// Returns the page the learner clicked, or an empty string.
std::string draw_sidebar(const SidebarModel& model, const Fonts& fonts);

}  // namespace gw::ui
