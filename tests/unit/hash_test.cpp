// util/hash.h: SHA-256 through the project's wrapper gives the published test vectors,
// and Hasher's framing keeps different lists of inputs apart.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "util/hash.h"

using techpages::Digest;
using techpages::digest_from_hex;
using techpages::Hasher;
using techpages::hash_bytes;
using techpages::to_hex;

TEST(Hash, GivesTheSha256TestVectors) {  // FIPS 180-2, appendix B
    EXPECT_EQ(to_hex(hash_bytes("")), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(to_hex(hash_bytes("abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(to_hex(hash_bytes("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    EXPECT_EQ(to_hex(hash_bytes(std::string(1000000, 'a'))),
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Hash, DigestIs256Bits) {
    EXPECT_EQ(Digest::size, 32u);
    EXPECT_EQ(to_hex(Digest{}).size(), 64u);
    EXPECT_FALSE(Digest{}.known());
    EXPECT_TRUE(hash_bytes("").known());
}

TEST(Hash, SameLengthDifferentBytesDiffer) {
    EXPECT_NE(hash_bytes("name = \"Arjun\""), hash_bytes("name = \"Arjan\""));
    EXPECT_NE(hash_bytes(std::string(4096, 'a')), hash_bytes(std::string(4095, 'a') + "b"));
}

TEST(Hash, HexRoundTripsAndRefusesWhatIsNotADigest) {
    Digest d = hash_bytes("abc");
    EXPECT_EQ(digest_from_hex(to_hex(d)), d);
    EXPECT_FALSE(digest_from_hex("ba7816bf"));                      // too short (a format-1 hash)
    EXPECT_FALSE(digest_from_hex(std::string(64, 'g')));             // not hex
    EXPECT_FALSE(digest_from_hex(to_hex(d) + "0"));                  // too long
    EXPECT_FALSE(digest_from_hex(std::string(62, '0') + "0A"));      // upper case is not what it writes
}

TEST(Hash, HasherFramesEachInput) {
    EXPECT_NE(Hasher().add("ab").add("c").value(), Hasher().add("a").add("bc").value());
    EXPECT_NE(Hasher().add("").value(), Hasher().value());
    EXPECT_NE(Hasher().add(uint64_t{1}).value(), Hasher().add(uint64_t{2}).value());
    Hasher h;
    h.add("x");
    Digest first = h.value();
    EXPECT_EQ(h.value(), first) << "value() can be asked twice";
    h.add("y");
    EXPECT_NE(h.value(), first);
    EXPECT_EQ(h.value(), Hasher().add("x").add("y").value());
}

TEST(Hash, HasherGivesTheDigestOfItsFramedBytesHoweverTheyArrive) {
    // Thousands of small adds (gathered before hashing), some larger than the gathering
    // buffer, and value() asked between them: always SHA-256 of the bytes, each text
    // preceded by its length as 8 little-endian bytes.
    Hasher h;
    std::string framed;
    auto frame = [&](const std::string& text) {
        for (int i = 0; i < 8; ++i) framed += static_cast<char>(static_cast<uint64_t>(text.size()) >> (8 * i));
        framed += text;
    };
    for (size_t i = 0; i < 3000; ++i) {
        std::string text = i % 500 == 7 ? std::string(1500 + i, 'x') : std::to_string(i * 2654435761u);
        h.add(text);
        frame(text);
        if (i % 700 == 0) {
            EXPECT_EQ(to_hex(h.value()), to_hex(hash_bytes(framed))) << "after " << i + 1 << " adds";
        }
    }
    EXPECT_EQ(to_hex(h.value()), to_hex(hash_bytes(framed)));
}

TEST(Hash, AFileReadInPiecesHasTheDigestOfItsBytes) {
    // 3 MB and a bit: more than one of hash_file's one-megabyte pieces, and a partial last one.
    std::string bytes;
    for (size_t i = 0; bytes.size() < (3u << 20) + 17; ++i) bytes += std::to_string(i * 2654435761u);
    auto path = std::filesystem::temp_directory_path() / ("techpages-hash-" + std::to_string(::getpid()));
    { std::ofstream(path, std::ios::binary) << bytes; }
    EXPECT_EQ(to_hex(techpages::hash_file(path)), to_hex(hash_bytes(bytes)));
    std::filesystem::remove(path);
    EXPECT_FALSE(techpages::hash_file(path).known()) << "a file that cannot be read has no digest";
}
