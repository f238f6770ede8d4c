#include "render/structured_data.h"

#include <vector>

#include "model/vocabulary.h"
#include "util/json.h"
#include "util/text.h"

namespace techpages {

namespace {

// Builds one JSON object; values are escaped as they are added.
class JsonObject {
public:
    explicit JsonObject(const std::string& type = {}) {
        if (!type.empty()) raw("@type", json_string(type));
    }
    JsonObject& text(const std::string& key, const std::string& value) {
        if (!value.empty()) raw(key, json_string(value));
        return *this;
    }
    JsonObject& object(const std::string& key, const JsonObject& value) { return raw(key, value.str()); }
    JsonObject& texts(const std::string& key, const std::vector<std::string>& values) {
        if (values.empty()) return *this;
        std::string list = "[";
        for (size_t i = 0; i < values.size(); ++i) list += (i ? "," : "") + json_string(values[i]);
        return raw(key, list + "]");
    }
    JsonObject& objects(const std::string& key, const std::vector<JsonObject>& values) {
        if (values.empty()) return *this;
        std::string list = "[";
        for (size_t i = 0; i < values.size(); ++i) list += (i ? "," : "") + values[i].str();
        return raw(key, list + "]");
    }
    JsonObject& raw(const std::string& key, const std::string& json) {
        body_ += (body_.empty() ? "" : ",") + json_string(key) + ":" + json;
        return *this;
    }
    std::string str() const { return "{" + body_ + "}"; }
    std::string document() const { return "{\"@context\":\"https://schema.org\"," + body_ + "}"; }

private:
    std::string body_;
};

JsonObject organisation(const Institution& inst, const Urls& urls) {
    JsonObject o("CollegeOrUniversity");
    o.text("name", inst.name).text("alternateName", inst.short_name);
    o.text("url", inst.website.empty() ? urls.absolute(site_path::institution(inst)) : inst.website);
    return o;
}

JsonObject publisher(const SiteConfig& config, const Urls& urls) {
    JsonObject o("Organization");
    o.text("name", config.title).text("url", urls.absolute(""));
    return o;
}

}  // namespace

std::string profile_jsonld(const Views& v, size_t profile, const std::string& image) {
    const Urls& urls = v.urls();
    const Profile& p = v.profile(profile);
    JsonObject person("Person");
    person.text("name", p.name).text("jobTitle", p.role).text("description", p.summary);
    person.text("url", urls.absolute(v.path_of(p)));
    person.text("image", image);
    person.object("worksFor", organisation(v.institution(p.institution), urls));
    std::vector<JsonObject> credentials;
    for (const auto& r : p.registrations) {
        const Registration* reg = find_registration(r);
        JsonObject c("EducationalOccupationalCredential");
        c.text("name", reg ? reg->full_name + " (" + r + ")" : r).text("credentialCategory", "Professional registration");
        if (reg) c.object("recognizedBy", JsonObject("Organization").text("name", reg->body));
        credentials.push_back(c);
    }
    person.objects("hasCredential", credentials);
    person.texts("award", p.awards);
    person.texts("knowsAbout", p.skills);
    std::vector<std::string> same_as;
    if (!p.orcid.empty()) same_as.push_back("https://orcid.org/" + p.orcid);
    for (const auto& l : p.links) same_as.push_back(l.url);
    person.texts("sameAs", same_as);
    JsonObject page("ProfilePage");
    page.text("url", urls.absolute(v.path_of(p)));
    if (p.date) page.text("dateModified", p.date->iso());
    page.object("mainEntity", person);
    return page.document();
}

std::string institution_jsonld(const Views& v, size_t institution, const std::string& logo) {
    const Urls& urls = v.urls();
    const Institution& i = v.institution(institution);
    JsonObject o = organisation(i, urls);
    o.text("description", plain_excerpt(i.body, 300));
    o.text("logo", logo);
    if (!i.location.empty()) o.object("address", JsonObject("PostalAddress").text("addressLocality", i.location));
    o.texts("sameAs", {urls.absolute(site_path::institution(i))});
    return o.document();
}

namespace {

std::string article(const Views& v, const std::string& headline, const std::string& summary, const Date& date,
                    const std::string& path, const JsonObject& author, const std::string& image) {
    const Urls& urls = v.urls();
    JsonObject a("Article");
    a.text("headline", headline).text("description", summary);
    a.text("datePublished", date.iso()).text("dateModified", date.iso());
    a.text("url", urls.absolute(path)).text("mainEntityOfPage", urls.absolute(path));
    a.text("image", image);
    a.object("author", author);
    a.object("publisher", publisher(v.config(), urls));
    return a.document();
}

}  // namespace

std::string case_study_jsonld(const Views& v, size_t case_study, const std::string& image) {
    const CaseStudy& c = v.case_study(case_study);
    return article(v, c.title, c.summary, c.date, v.path_of(c), organisation(v.institution(c.institution), v.urls()), image);
}

std::string career_story_jsonld(const Views& v, size_t career_story) {
    const CareerStory& s = v.career_story(career_story);
    JsonObject author = s.person.empty() ? organisation(v.institution(s.institution), v.urls())
                                         : JsonObject("Person").text("name", s.person);
    return article(v, s.title, s.summary, s.date, v.path_of(s), author, std::string());
}

std::string website_jsonld(const Views& v) {
    const SiteConfig& config = v.config();
    JsonObject w("WebSite");
    w.text("name", config.title).text("description", config.description).text("url", v.urls().absolute(""));
    w.text("inLanguage", config.language);
    return w.document();
}

}  // namespace techpages
