#include "scaffold/starting_files.h"

namespace techpages::scaffold {

namespace {

const char* profile_template = R"(+++
# A technician profile: @TITLE@ at @INSTITUTION@.
# Lines starting with # are notes for you; they never appear on the site.
# Only name and role are required. Fill in what you like, remove what you don't,
# then run `techpages check` (or watch the page with `techpages serve`).

name = "@TITLE@"                     # required: the name as the technician likes it written
role = "Technician"                  # required: their job title
department = ""                      # department, facility or team ("" leaves it out)
summary = ""                         # one sentence shown on cards and in search results

# The Technician Commitment themes this profile speaks to, any of:
# "visibility", "recognition", "career-development", "sustainability"
themes = []
skills = []                          # e.g. ["qPCR", "Insectary management"]: each gets its own page
registrations = []                   # RSciTech, RSci, CSci, CSciTeach, EngTech, IEng, CEng, ICTTech
awards = []                          # e.g. ["Staff Award for Outstanding Contribution, 2023"]
# orcid = "0000-0002-1825-0097"      # their ORCID iD: 16 digits in four groups
# email = "name@example.ac.uk"       # shown on the page; leave out to keep it private
# photo = "@SLUG@.jpg"               # a photo saved beside this file (JPEG, PNG or WebP)
# photo_alt = "@TITLE@ in the lab"   # required with a photo: what it shows, for people who cannot see it
date = @TODAY@                       # when the profile was written or last reviewed
published = true                     # false keeps it as a draft (built only with --drafts)

# Links to their other pages: copy the block for each one.
# [[links]]
# title = "LinkedIn"
# url = "https://www.linkedin.com/in/example"
+++
Write about @TITLE@ here, in Markdown: what they do, what they are proud of, how
they got here.

## My work

A paragraph or two. Lines starting with ## are headings.
)";

const char* case_study_template = R"(+++
# A case study from @INSTITUTION@: something technicians did, and what came of it.
# Lines starting with # are notes for you; they never appear on the site.
# Only title and date are required. Run `techpages check` when you are done.

title = "@TITLE@"                    # required: the headline
date = @TODAY@                       # required: when it happened or was written (YYYY-MM-DD)
summary = ""                         # one sentence shown on cards and in search results

# The Technician Commitment themes it belongs to, any of:
# "visibility", "recognition", "career-development", "sustainability"
themes = []
# The technicians it features: their profiles' file names without .md; another
# institution's as "institution/name", e.g. ["amara-okafor", "lancaster/joe-bloggs"]
technicians = []
# image = "@SLUG@.jpg"               # a picture saved beside this file
# image_alt = "What the picture shows"  # required with an image, for people who cannot see it
published = true                     # false keeps it as a draft (built only with --drafts)
+++
Tell the story here, in Markdown: what the problem was, what the technicians
did, and what changed.

## What happened

Lines starting with ## are headings; a line starting with - is a list item.
)";

const char* career_story_template = R"(+++
# A career story from @INSTITUTION@: one person's route, stage by stage.
# Lines starting with # are notes for you; they never appear on the site.
# Only title and date are required (and each stage's when and title).
# Run `techpages check` when you are done.

title = "@TITLE@"                    # required: the headline
date = @TODAY@                       # required: when it was written (YYYY-MM-DD)
person = ""                          # whose story it is, e.g. "Priya Shah"
# technician = "priya-shah"          # their profile at this institution, if they have one (its file name without .md)
summary = ""                         # one sentence shown on cards and in search results

# The Technician Commitment themes it belongs to, any of:
# "visibility", "recognition", "career-development", "sustainability"
themes = []
published = true                     # false keeps it as a draft (built only with --drafts)

# The stages of the career, oldest first: copy the block for each one.
[[stages]]
when = "2012"                        # required: a year or a span, as you would say it
title = "Laboratory apprentice"      # required: the role or milestone
description = ""                     # a sentence about this stage

[[stages]]
when = "2016"
title = "Research technician"
description = ""
+++
Tell the story here, in Markdown.
)";

const char* institution_template = R"(+++
# An institution: this folder (institutions/@SLUG@/) holds its profiles,
# case studies, career stories and action plans.
# Lines starting with # are notes for you; they never appear on the site.
# name and short_name are required. Run `techpages check` when you are done.

name = "@TITLE@"                     # required: the full name
short_name = "@TITLE@"               # required: the name used where space is short, e.g. "LSTM"
# website = "https://www.example.ac.uk/"  # its home page
# location = "Liverpool"             # town or city
# signatory_since = 2018             # the year it signed the Technician Commitment
# logo = "logo.png"                  # a PNG or JPEG saved in this folder
# logo_alt = "@TITLE@ logo"          # required with a logo
# brand_colour = "#00558c"           # # and six hex digits
# GitHub users or teams who review pull requests that change this folder
# (then run `techpages codeowners --write`):
# reviewers = ["@example-comms"]
+++
A short summary of @TITLE@ and its technical community, in Markdown.
)";

const char* action_plan_template = R"(# An action plan for @INSTITUTION@. Lines starting with # are notes for you.
# Only title, and each action's ref and action, are required; docs/content-model.md
# describes every other field (statuses, phases, glossary, steps, updates …).
# A plan kept in a spreadsheet can be imported instead: techpages import-plan.
# Run `techpages check` when you are done.

title = "@TITLE@"                    # required: the plan's title
period = ""                          # free text, e.g. "2024–2027"
kind = "Action plan"                 # e.g. "Action plan", "RAG progress report"
# adopted = @TODAY@                  # when it was adopted (YYYY-MM-DD)
intro = """
The plan's own introduction, in Markdown, shown above the actions.
"""

# What the plan calls its columns, so the page uses its own words, e.g.:
# [labels]
# success = "Measurable outcome"
# owners = "Committee lead"

# The plan's groupings: one block for each. A group may be a Commitment theme or
# something else (themes = [] then, and each action names its own themes).
[[groups]]
id = "visibility"                    # the name actions use in their `group`
title = "Visibility"                 # shown as the heading
aim = ""                             # the plan's aim for this group
themes = ["visibility"]              # visibility, recognition, career-development, sustainability

# The actions: one block for each.
[[actions]]
ref = "V1"                           # required: the plan's number for it, unique in the plan
group = "visibility"                 # one of the groups' ids above
action = "Describe the action here"  # required: what will be done
success = ""                         # how you will know it worked
timescale = ""                       # free text, e.g. "Year 1"
owners = []                          # who leads it, e.g. ["Technical Steering Group"]
status = "Not begun"                 # "Not begun", "In progress" or "Complete" (or red, amber, green)
)";

void replace_all(std::string& text, const std::string& from, const std::string& to) {
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

}  // namespace

const std::vector<std::string>& content_kinds() {
    static const std::vector<std::string> kinds = {"profile", "case-study", "career-story", "institution", "action-plan"};
    return kinds;
}

std::string starting_file(const std::string& kind, const StartingFileValues& values) {
    std::string text = kind == "profile"        ? profile_template
                       : kind == "case-study"   ? case_study_template
                       : kind == "career-story" ? career_story_template
                       : kind == "institution"  ? institution_template
                                                : action_plan_template;
    replace_all(text, "@SLUG@", values.slug);
    replace_all(text, "@TITLE@", values.title);
    replace_all(text, "@TODAY@", values.today);
    replace_all(text, "@INSTITUTION@", values.institution);
    return text;
}

}  // namespace techpages::scaffold
