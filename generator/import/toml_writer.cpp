#include "import/toml_writer.h"

#include <cstdio>

#include "model/plan_fields.h"
#include "model/vocabulary.h"

namespace techpages {

namespace {

std::string unicode_escape(unsigned char c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "\\u%04X", c);
    return buf;
}

std::string escape_basic(std::string_view text) {
    std::string out;
    for (char ch : text) {
        auto c = static_cast<unsigned char>(ch);
        switch (ch) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            case '\r': out += "\\r"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            default: out += (c < 0x20 || c == 0x7F) ? unicode_escape(c) : std::string(1, ch);
        }
    }
    return out;
}

// Inside """ … """: line breaks and tabs as they are; a quote escaped only where it
// could end the string early (before another quote, or last).
std::string escape_multiline(std::string_view text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        char ch = text[i];
        auto c = static_cast<unsigned char>(ch);
        if (ch == '"') {
            out += (i + 1 == text.size() || text[i + 1] == '"') ? "\\\"" : "\"";
        } else if (ch == '\\') {
            out += "\\\\";
        } else if (ch == '\n' || ch == '\t') {
            out += ch;
        } else if (ch == '\r') {
            out += "\\r";
        } else if (c < 0x20 || c == 0x7F) {
            out += unicode_escape(c);
        } else {
            out += ch;
        }
    }
    return out;
}

std::string string_list(const std::vector<std::string>& items) {
    std::string out = "[";
    for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + std::string("\"") + escape_basic(items[i]) + "\"";
    return out + "]";
}

class Writer {
public:
    std::string out;
    void comment(const std::string& text) {
        size_t start = 0;
        while (start <= text.size()) {
            size_t end = text.find('\n', start);
            if (end == std::string::npos) end = text.size();
            std::string line = text.substr(start, end - start);
            out += line.empty() ? "#\n" : "# " + line + "\n";
            start = end + 1;
        }
    }
    void text(const std::string& key, const std::string& value, bool always = false) {
        if (value.empty() && !always) return;
        out += toml_key(key) + " = " + toml_string(value) + "\n";
    }
    void list(const std::string& key, const std::vector<std::string>& items, bool always = false) {
        if (items.empty() && !always) return;
        out += toml_key(key) + " = " + string_list(items) + "\n";
    }
    void raw(const std::string& key, const std::string& value) { out += toml_key(key) + " = " + value + "\n"; }
    void table(const std::string& header) { out += "\n" + header + "\n"; }
};

// An action's text and list fields, as action_fields() lists them.
void write_fields(Writer& w, const Action& a) {
    for (const auto& field : action_fields()) {
        std::string key(field.name);
        if (field.name == "id") {
            if (a.id != a.ref) w.text(key, a.id);
        } else if (field.name == "priority") {
            if (a.is_priority) a.priority.empty() ? w.raw(key, "true") : w.text(key, a.priority);
        } else if (field.text) {
            w.text(key, a.*field.text, field.required);
        } else if (field.list) {
            w.list(key, a.*field.list);
        }
    }
}

}  // namespace

std::string toml_string(std::string_view text) {
    if (text.find('\n') == std::string_view::npos) return "\"" + escape_basic(text) + "\"";
    return "\"\"\"\n" + escape_multiline(text) + "\"\"\"";
}

std::string toml_key(std::string_view key) {
    bool bare = !key.empty();
    for (char c : key)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
            bare = false;
    return bare ? std::string(key) : "\"" + escape_basic(key) + "\"";
}

std::string write_plan_toml(const Plan& plan, const PlanFileNotes& notes) {
    Writer w;
    for (const auto& line : notes.header) w.comment(line);
    if (!notes.header.empty()) w.out += "\n";
    w.text("title", plan.title, true);
    w.text("period", plan.period);
    w.text("kind", plan.kind);
    if (plan.adopted) w.raw("adopted", plan.adopted->iso());
    w.text("intro", plan.intro);

    if (!plan.labels.empty()) {
        w.table("[labels]");
        for (const auto& field : action_fields())
            if (auto it = plan.labels.find(std::string(field.name)); it != plan.labels.end())
                w.text(it->first, it->second, true);
    }
    for (const auto& g : plan.groups) {
        w.table("[[groups]]");
        w.text("id", g.id, true);
        w.text("title", g.title, true);
        w.text("aim", g.aim);
        w.list("themes", g.commitment_themes, true);
    }
    for (const auto& s : plan.statuses) {
        w.table("[[statuses]]");
        w.text("label", s.label, true);
        w.text("rag", rag_name(s.rag), true);
    }
    for (const auto& p : plan.phases) {
        w.table("[[phases]]");
        w.text("id", p.id, true);
        w.text("label", p.label);
        w.text("dates", p.dates);
    }
    for (const auto& g : plan.glossary) {
        w.table("[[glossary]]");
        w.text("abbr", g.abbr, true);
        w.text("meaning", g.meaning, true);
    }
    for (const auto& f : plan.flags) {
        w.table("[[flags]]");
        w.text("id", f.id, true);
        w.text("mark", f.mark);
        w.text("label", f.label, true);
    }
    for (size_t i = 0; i < plan.actions.size(); ++i) {
        const Action& a = plan.actions[i];
        w.out += "\n";
        if (i < notes.actions.size())
            for (const auto& line : notes.actions[i]) w.comment(line);
        w.out += "[[actions]]\n";
        write_fields(w, a);
        for (const auto& s : a.steps) {
            w.table("[[actions.steps]]");
            w.text("action", s.action, true);
            w.text("timescale", s.timescale);
            w.text("success", s.success);
            w.text("status", s.status);
            w.list("owners", s.owners);
        }
        for (const auto& u : a.updates) {
            w.table("[[actions.updates]]");
            w.raw("date", u.date.iso());
            w.text("status", u.status, true);
            w.text("note", u.note);
        }
        if (!a.extra.empty()) {
            w.table("[actions.extra]");
            for (const auto& [key, value] : a.extra) w.text(key, value, true);
        }
    }
    return w.out;
}

}  // namespace techpages
