#include "incremental/site_writer.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "util/files.h"

namespace techpages {

namespace {

// link(2), making the folder when it is missing (the usual case for a page's own folder).
bool hard_link(const fs::path& from, const fs::path& to) {
    if (::link(from.c_str(), to.c_str()) == 0) return true;
    if (errno != ENOENT) return false;
    if (::mkdir(to.parent_path().c_str(), 0777) != 0 && errno != EEXIST) {
        std::error_code ec;
        fs::create_directories(to.parent_path(), ec);
    }
    return ::link(from.c_str(), to.c_str()) == 0;
}

}  // namespace

SiteWriter::SiteWriter(fs::path out_dir, bool in_place) : out_(std::move(out_dir)), in_place_(in_place) {
    if (!in_place_) staged_.emplace(out_);
}

bool SiteWriter::begin(Diagnostics& diagnostics) {
    if (staged_) return staged_->begin(diagnostics);
    std::error_code ec;
    fs::create_directories(out_, ec);
    if (!ec && !is_marked_output(out_) && !mark_as_output(out_)) ec = std::error_code(errno, std::generic_category());
    if (ec) {
        diagnostics.error(out_.string(), {}, "cannot create the output folder (" + ec.message() + ")",
                          "check that the folder containing it is writable");
        return false;
    }
    return true;
}

const fs::path& SiteWriter::root() const { return staged_ ? staged_->staging() : out_; }

bool SiteWriter::write(const std::string& file, std::string_view contents) {
    if (staged_) return write_file(staged_->staging() / file, contents);
    // Readers (the preview server) see the old page or the new one.
    return replace_file(out_ / file, contents);
}

bool SiteWriter::keep(const std::string& file) {
    fs::path previous = out_ / file;
    if (!staged_) {
        struct stat st;
        return ::stat(previous.c_str(), &st) == 0 && S_ISREG(st.st_mode);
    }
    fs::path target = staged_->staging() / file;
    if (hard_link(previous, target)) return true;
    // Another file system, or one without hard links: copy it.
    std::error_code ec;
    if (!fs::is_regular_file(previous, ec)) return false;
    fs::create_directories(target.parent_path(), ec);
    return fs::copy_file(previous, target, fs::copy_options::overwrite_existing, ec) && !ec;
}

void SiteWriter::remove(const std::string& file) {
    if (staged_) return;  // the staging folder only ever holds the new site
    fs::path target = out_ / file;
    if (::unlink(target.c_str()) != 0) return;
    for (fs::path dir = target.parent_path(); dir != out_ && dir.string().size() > out_.string().size(); dir = dir.parent_path())
        if (::rmdir(dir.c_str()) != 0) break;  // not empty: other files live there
}

bool SiteWriter::commit(Diagnostics& diagnostics) { return staged_ ? staged_->commit(diagnostics) : true; }

}  // namespace techpages
