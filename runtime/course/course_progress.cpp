#include "runtime/course/course_progress.h"

namespace gw {

ItemState item_state(const CourseWork& work, const std::string& id) {
    if (work.is_done(id)) return ItemState::Done;
    if (work.has_writing(id)) return ItemState::Started;
    return ItemState::NotStarted;
}

ChapterProgress chapter_progress(const CourseWork& work, const Chapter& chapter) {
    ChapterProgress p;
    p.modules_total = static_cast<int>(chapter.modules.size());
    p.homework_total = static_cast<int>(chapter.homework.size());
    for (const CourseItem& m : chapter.modules) p.modules_done += work.is_done(m.id);
    for (const CourseItem& h : chapter.homework) p.homework_done += work.is_done(h.id);
    return p;
}

}  // namespace gw
