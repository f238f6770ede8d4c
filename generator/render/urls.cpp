#include "render/urls.h"

#include "util/text.h"

namespace techpages {

namespace site_path {

std::string commitment_theme(const std::string& id) { return "themes/" + id + "/"; }
std::string institution(const Institution& i) { return "institutions/" + i.slug + "/"; }
std::string profile(const Site& site, const Profile& p) {
    return institution(site.institutions[p.institution]) + "profiles/" + p.slug + "/";
}
std::string case_study(const Site& site, const CaseStudy& c) {
    return institution(site.institutions[c.institution]) + "case-studies/" + c.slug + "/";
}
std::string career_story(const Site& site, const CareerStory& s) {
    return institution(site.institutions[s.institution]) + "career-stories/" + s.slug + "/";
}
std::string plan(const Site& site, const Plan& p) { return plan(site.institutions[p.institution], p); }
std::string plan(const Institution& inst, const Plan& p) { return institution(inst) + "plans/" + p.slug + "/"; }
std::string term(const std::string& taxonomy, const std::string& slug) { return taxonomy + "/" + slug + "/"; }
std::string action_anchor(const Action& a) { return "action-" + slugify(a.id); }

}  // namespace site_path

Urls::Urls(const std::string& base_url) {
    std::string rest = base_url;
    auto scheme = rest.find("://");
    if (scheme != std::string::npos) {
        auto path_start = rest.find('/', scheme + 3);
        origin_ = rest.substr(0, path_start);
        rest = path_start == std::string::npos ? "/" : rest.substr(path_start);
    }
    if (rest.empty() || rest[0] != '/') rest = "/" + rest;
    while (rest.size() > 1 && rest.back() == '/' && rest[rest.size() - 2] == '/') rest.pop_back();
    if (rest.back() != '/') rest += '/';
    base_path_ = rest;
}

std::string Urls::link(std::string_view site_path) const {
    if (!site_path.empty() && site_path[0] == '/') site_path.remove_prefix(1);
    return base_path_ + std::string(site_path);
}

std::string Urls::absolute(std::string_view site_path) const { return origin_ + link(site_path); }

}  // namespace techpages
