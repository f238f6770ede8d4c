// schema.org JSON-LD for search engines: ProfilePage/Person on profiles,
// CollegeOrUniversity on institutions, Article on case studies and career stories.
#pragma once

#include <string>

#include "model/site_model.h"
#include "render/urls.h"

namespace techpages {

// `image`: the absolute URL of the published photo, or "".
std::string profile_jsonld(const Site& site, const Profile& p, const Urls& urls, const std::string& image);
// `logo`: the absolute URL of the published logo, or "".
std::string institution_jsonld(const Site& site, const Institution& i, const Urls& urls, const std::string& logo);
std::string case_study_jsonld(const Site& site, const CaseStudy& c, const Urls& urls, const std::string& image);
std::string career_story_jsonld(const Site& site, const CareerStory& s, const Urls& urls);
std::string website_jsonld(const Site& site, const Urls& urls);

}  // namespace techpages
