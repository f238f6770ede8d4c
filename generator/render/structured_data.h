// schema.org JSON-LD for search engines: ProfilePage/Person on profiles,
// CollegeOrUniversity on institutions, Article on case studies and career stories.
#pragma once

#include <string>

#include "render/views.h"

namespace techpages {

// Each reads the site through `v`, so the page's recorded reads cover what it says.
// `image`: the absolute URL of the published photo, or "".
std::string profile_jsonld(const Views& v, size_t profile, const std::string& image);
// `logo`: the absolute URL of the published logo, or "".
std::string institution_jsonld(const Views& v, size_t institution, const std::string& logo);
std::string case_study_jsonld(const Views& v, size_t case_study, const std::string& image);
std::string career_story_jsonld(const Views& v, size_t career_story);
std::string website_jsonld(const Views& v);

}  // namespace techpages
