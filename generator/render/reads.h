// What a page or a card read from the model while it rendered. Views' accessors note each
// read here (the page builders see the model only through them), so the build cache knows
// what every page depends on without a hand-kept list: a page is rendered again when a
// value it read last time has changed (incremental/read_values.h gives each read its value).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace techpages {

// What was read. Each names one value of the model; `Read::index` says which one.
enum class Fact : uint8_t {
    site_wide,         // the configuration, the templates, the Commitment themes' files, the options
    home,              // index.md
    standalone_page,   // pages/<slug>.md: Site::pages[index]
    institution,       // an institution's record: its file, logo and the lists linked to it
    profile,           // a profile's record: its file, photo, institution and the stories featuring it
    case_study,        // its file, image, institution and technicians
    career_story,      // its file, institution and technician
    plan,              // its file and institution
    profile_card,      // a card's HTML (Views::card_list): what its own reads were
    directory_card,
    case_study_card,
    career_story_card,
    plan_card,
    all_institutions,  // which items the site has, in order (counts, "the three newest", every …)
    all_profiles,
    all_case_studies,
    all_career_stories,
    all_plans,
    commitment_theme,  // what is under a Commitment theme: its actions, people and stories, progress
    skills,            // a taxonomy's terms with their counts
    registrations,
    talent,
    skill,             // one term: its profiles and actions
    registration,
    talent_term,
};
inline constexpr int fact_count = static_cast<int>(Fact::talent_term) + 1;
// Its name in the build cache ("profile", "plan-card", …): never reused for another fact.
const char* fact_name(Fact fact);

// The fact of one term of a taxonomy (Fact::skills → Fact::skill, …).
inline Fact term_fact(Fact taxonomy) {
    return taxonomy == Fact::skills ? Fact::skill : taxonomy == Fact::registrations ? Fact::registration : Fact::talent_term;
}

struct Read {
    Fact fact;
    uint32_t index;  // into the model's list of that kind; 0 when there is one
};

// Collects the reads of one page or card. While a ReadLog is recording on a thread, every
// note() on that thread goes into it; with none recording (techpages check), notes cost a test.
class ReadLog {
public:
    const std::vector<Read>& reads() const { return reads_; }
    void add(Read r) { reads_.push_back(r); }

private:
    std::vector<Read> reads_;
};

// Records this thread's reads into `log` for as long as it lives.
class RecordReads {
public:
    explicit RecordReads(ReadLog& log);
    ~RecordReads();
    RecordReads(const RecordReads&) = delete;
    RecordReads& operator=(const RecordReads&) = delete;

private:
    ReadLog* previous_;
};

void note(Fact fact, size_t index = 0);

}  // namespace techpages
