// The thread's current ReadLog, set while a page or card renders.
#include "render/reads.h"

#include <iterator>

namespace techpages {

namespace {
thread_local ReadLog* recording = nullptr;
}

RecordReads::RecordReads(ReadLog& log) : previous_(recording) { recording = &log; }

RecordReads::~RecordReads() { recording = previous_; }

const char* fact_name(Fact fact) {
    // In the order of Fact.
    static constexpr const char* names[] = {
        "site",         "home",          "page",           "institution",     "profile",           "case-study",
        "career-story", "plan",          "profile-card",   "directory-card",  "case-study-card",   "career-story-card",
        "plan-card",    "institutions",  "profiles",       "case-studies",    "career-stories",    "plans",
        "theme",        "skills",        "registrations",  "talent",          "skill",             "registration",
        "talent-term"};
    static_assert(std::size(names) == fact_count);
    return names[static_cast<int>(fact)];
}

void note(Fact fact, size_t index) {
    if (recording) recording->add({fact, static_cast<uint32_t>(index)});
}

}  // namespace techpages
