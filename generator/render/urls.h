// Where every page lives. "Site paths" are relative to the site root with no leading
// slash ("institutions/lstm/"); Urls turns them into links under the base URL's path.
#pragma once

#include <string>
#include <string_view>

#include "model/site_model.h"

namespace techpages {

namespace site_path {
std::string commitment_theme(const std::string& id);
std::string institution(const Institution& i);
std::string profile(const Site& site, const Profile& p);
std::string case_study(const Site& site, const CaseStudy& c);
std::string career_story(const Site& site, const CareerStory& s);
std::string plan(const Site& site, const Plan& p);
std::string plan(const Institution& inst, const Plan& p);
std::string term(const std::string& taxonomy, const std::string& slug);
// The element id of an action on its plan's page ("action-r3"), for links into the plan.
std::string action_anchor(const Action& a);
}  // namespace site_path

class Urls {
public:
    // base_url: "https://org.github.io/repo/", "https://example.org" or "/repo/".
    explicit Urls(const std::string& base_url);
    // "/repo/institutions/lstm/" for "institutions/lstm/".
    std::string link(std::string_view site_path) const;
    // "https://org.github.io/repo/institutions/lstm/"; the same as link() when the base has no host.
    std::string absolute(std::string_view site_path) const;
    const std::string& base_path() const { return base_path_; }  // "/repo/" or "/"

private:
    std::string origin_;     // "https://org.github.io" or ""
    std::string base_path_;  // always starts and ends with "/"
};

}  // namespace techpages
