// The thread's current ReadLog, set while a page or card renders.
#include "render/reads.h"

namespace techpages {

namespace {
thread_local ReadLog* recording = nullptr;
}

RecordReads::RecordReads(ReadLog& log) : previous_(recording) { recording = &log; }

RecordReads::~RecordReads() { recording = previous_; }

void note(Fact fact, size_t index) {
    if (recording) recording->add({fact, static_cast<uint32_t>(index)});
}

}  // namespace techpages
