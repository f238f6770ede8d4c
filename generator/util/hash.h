// Fast 64-bit content hashes, for the build cache: has this file, template or page's
// inputs changed since the last build? Not for security: nobody chooses the collisions.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace techpages {

inline uint64_t hash_mix(uint64_t h, uint64_t v) {
    h ^= v * 0x9E3779B97F4A7C15ull;
    h = (h << 31 | h >> 33) * 0xBF58476D1CE4E5B9ull;
    return h ^ (h >> 29);
}

// Eight bytes at a time: a 100,000-profile site is 435 MB of text.
inline uint64_t hash_bytes(std::string_view s, uint64_t seed = 0x243F6A8885A308D3ull) {
    uint64_t h = hash_mix(seed, s.size());
    size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        uint64_t word;
        std::memcpy(&word, s.data() + i, 8);
        h = hash_mix(h, word);
    }
    uint64_t tail = 0;
    std::memcpy(&tail, s.data() + i, s.size() - i);
    return hash_mix(h, tail);
}

// Combines the hashes of a page's inputs, in order.
class Hasher {
public:
    Hasher& add(uint64_t v) {
        value_ = hash_mix(value_, v);
        return *this;
    }
    Hasher& add(std::string_view s) { return add(hash_bytes(s)); }
    uint64_t value() const { return value_; }

private:
    uint64_t value_ = 0x13198A2E03707344ull;
};

inline std::string hex64(uint64_t v) {
    static const char digits[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i, v >>= 4) out[static_cast<size_t>(i)] = digits[v & 15];
    return out;
}

}  // namespace techpages
