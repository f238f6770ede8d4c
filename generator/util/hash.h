// Content digests, for the build cache: has this file, template or page's inputs changed
// since the last build? SHA-256 (OpenSSL's libcrypto, SHA-NI where the processor has it):
// a contributor must not be able to craft a different file that passes as unchanged, so
// the previews and incremental builds never show a page other than what CI publishes.
#pragma once

#include <openssl/sha.h>

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace techpages {

// A SHA-256 digest; all zeros means "not known yet" (no input hashes to it in practice).
struct Digest {
    static constexpr size_t size = SHA256_DIGEST_LENGTH;
    std::array<unsigned char, size> bytes{};
    bool known() const;
    friend bool operator==(const Digest&, const Digest&) = default;
    friend bool operator<(const Digest& a, const Digest& b) { return a.bytes < b.bytes; }
};

// Combines a page's inputs, in order, into one digest. Each string is preceded by its
// length and each number is 8 bytes, so two different lists of inputs never feed the
// same bytes.
class Hasher {
public:
    Hasher();
    Hasher& add(uint64_t v);
    Hasher& add(std::string_view s);
    Hasher& add(const char* s) { return add(std::string_view(s)); }
    Hasher& add(const std::string& s) { return add(std::string_view(s)); }
    Hasher& add(const Digest& d);
    Digest value() const;  // may be called more than once; add goes on after it

private:
    void feed(const void* data, size_t n);
    void flush();
    SHA256_CTX ctx_;
    // Small adds are gathered here and hashed a block at a time: a page's inputs are many
    // adds of a few bytes, and each SHA256_Update costs more than the bytes it hashes.
    unsigned char pending_[1024];
    size_t pending_size_ = 0;
};

// The digest of one string's bytes: one pass over them.
Digest hash_bytes(std::string_view s);
// The same digest of a file's bytes, read 64 KB at a time (a 200 MB file must not cost
// 200 MB of memory before the loader refuses it); all zeros when it cannot be read.
Digest hash_file(const std::filesystem::path& path);
// 64 lowercase hex digits, and back (nothing when `hex` is not that).
std::string to_hex(const Digest& d);
std::optional<Digest> digest_from_hex(std::string_view hex);

}  // namespace techpages
