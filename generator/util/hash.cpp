// SHA-256 through OpenSSL's SHA256_* functions: deprecated in OpenSSL 3 in favour of EVP,
// but EVP fetches the algorithm from a provider on every new context, which costs more
// than hashing the few bytes of a page's inputs (there are tens of thousands of those per
// build). Both end in the same code (SHA-NI or AVX2 as the processor has them).
#define OPENSSL_SUPPRESS_DEPRECATED
#include "util/hash.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>

namespace techpages {

bool Digest::known() const {
    return std::any_of(bytes.begin(), bytes.end(), [](unsigned char b) { return b != 0; });
}

Hasher::Hasher() { SHA256_Init(&ctx_); }

void Hasher::flush() {
    if (pending_size_) SHA256_Update(&ctx_, pending_, pending_size_);
    pending_size_ = 0;
}

void Hasher::feed(const void* data, size_t n) {
    if (pending_size_ + n > sizeof pending_) flush();
    if (n >= sizeof pending_) {
        SHA256_Update(&ctx_, data, n);
        return;
    }
    std::memcpy(pending_ + pending_size_, data, n);
    pending_size_ += n;
}

Hasher& Hasher::add(uint64_t v) {
    unsigned char le[8];
    for (int i = 0; i < 8; ++i) le[i] = static_cast<unsigned char>(v >> (8 * i));
    feed(le, sizeof le);
    return *this;
}

Hasher& Hasher::add(std::string_view s) {
    add(static_cast<uint64_t>(s.size()));
    feed(s.data(), s.size());
    return *this;
}

Hasher& Hasher::add(const Digest& d) {
    feed(d.bytes.data(), d.bytes.size());
    return *this;
}

Digest Hasher::value() const {
    SHA256_CTX copy = ctx_;
    if (pending_size_) SHA256_Update(&copy, pending_, pending_size_);
    Digest d;
    SHA256_Final(d.bytes.data(), &copy);
    return d;
}

Digest hash_bytes(std::string_view s) {
    Digest d;
    SHA256(reinterpret_cast<const unsigned char*>(s.data()), s.size(), d.bytes.data());
    return d;
}

Digest hash_file(const std::filesystem::path& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return {};
    SHA256_CTX ctx;
    SHA256_Init(&ctx);
    char piece[1 << 16];  // on the stack: a megabyte zeroed for each 4 KB profile cost more than hashing it
    size_t n;
    while ((n = std::fread(piece, 1, sizeof piece, f)) > 0) SHA256_Update(&ctx, piece, n);
    bool failed = std::ferror(f);
    std::fclose(f);
    Digest d;
    SHA256_Final(d.bytes.data(), &ctx);
    return failed ? Digest{} : d;
}

std::string to_hex(const Digest& d) {
    static const char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(2 * d.bytes.size());
    for (unsigned char b : d.bytes) {
        out += digits[b >> 4];
        out += digits[b & 15];
    }
    return out;
}

std::optional<Digest> digest_from_hex(std::string_view hex) {
    if (hex.size() != 2 * Digest::size) return std::nullopt;
    auto nibble = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        return -1;
    };
    Digest d;
    for (size_t i = 0; i < Digest::size; ++i) {
        int hi = nibble(hex[2 * i]), lo = nibble(hex[2 * i + 1]);
        if (hi < 0 || lo < 0) return std::nullopt;
        d.bytes[i] = static_cast<unsigned char>(hi << 4 | lo);
    }
    return d;
}

}  // namespace techpages
