#include "check/private_address.h"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <cstdint>
#include <cstring>

#include "util/text.h"

namespace techpages {

namespace {

std::string ipv4_reason(uint32_t a) {  // host byte order
    auto in = [a](uint32_t net, int bits) { return bits == 0 || (a >> (32 - bits)) == (net >> (32 - bits)); };
    if (in(0x00000000, 8)) return "the unspecified address (this machine)";  // 0.0.0.0/8, 0.0.0.0 included
    if (in(0x7F000000, 8)) return "a loopback address (this machine)";
    if (in(0x0A000000, 8) || in(0xAC100000, 12) || in(0xC0A80000, 16)) return "a private network address";
    if (in(0xA9FE0000, 16)) return "a link-local address (cloud metadata lives at 169.254.169.254)";
    if (in(0x64400000, 10)) return "a shared (carrier-grade NAT) address";
    if (in(0xC0000000, 24) || in(0xC6120000, 15)) return "a reserved address";  // 192.0.0/24, 198.18/15 benchmarking
    if (in(0xE0000000, 4)) return "a multicast address";
    if (in(0xF0000000, 4)) return "a reserved address";  // 240/4 and the broadcast 255.255.255.255
    return "";
}

uint32_t ipv4_at(const unsigned char* b) {
    return static_cast<uint32_t>(b[0]) << 24 | static_cast<uint32_t>(b[1]) << 16 | static_cast<uint32_t>(b[2]) << 8 | b[3];
}

std::string ipv6_reason(const unsigned char* b) {
    static const unsigned char zeros[16] = {};
    static const unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    static const unsigned char nat64[12] = {0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
    if (std::memcmp(b, zeros, 15) == 0 && (b[15] == 0 || b[15] == 1))
        return b[15] ? "a loopback address (this machine)" : "the unspecified address (this machine)";
    // ::ffff:a.b.c.d, ::a.b.c.d (IPv4-compatible) and 64:ff9b::a.b.c.d reach the IPv4 address.
    if (std::memcmp(b, mapped, 12) == 0 || std::memcmp(b, zeros, 12) == 0 || std::memcmp(b, nat64, 12) == 0) {
        std::string v4 = ipv4_reason(ipv4_at(b + 12));
        return v4.empty() ? "" : v4 + ", written as IPv6";
    }
    if ((b[0] & 0xfe) == 0xfc) return "a private network address (unique local, fc00::/7)";
    if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return "a link-local address (fe80::/10)";
    if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) return "a site-local address (fec0::/10)";
    if (b[0] == 0xff) return "a multicast address";
    return "";
}

}  // namespace

std::string private_host_reason(std::string_view host) {
    std::string h = to_lower(std::string(host));
    if (!h.empty() && h.back() == '.') h.pop_back();  // "localhost." is localhost
    if (h == "localhost" || h.ends_with(".localhost")) return "a loopback address (this machine)";
    if (h.size() >= 2 && h.front() == '[' && h.back() == ']') h = h.substr(1, h.size() - 2);
    if (size_t zone = h.find('%'); zone != std::string::npos) h.erase(zone);  // fe80::1%eth0
    unsigned char v6[16];
    if (inet_pton(AF_INET6, h.c_str(), v6) == 1) return ipv6_reason(v6);
    in_addr v4{};
    // inet_aton reads what resolvers read: 1 to 4 parts, each decimal, octal (0…) or hex (0x…).
    if (!h.empty() && h.find_first_not_of("0123456789abcdefx.") == std::string::npos && inet_aton(h.c_str(), &v4))
        return ipv4_reason(ntohl(v4.s_addr));
    return "";
}

std::string private_address_reason(const sockaddr* address) {
    if (!address) return "";
    if (address->sa_family == AF_INET) return ipv4_reason(ntohl(reinterpret_cast<const sockaddr_in*>(address)->sin_addr.s_addr));
    if (address->sa_family == AF_INET6)
        return ipv6_reason(reinterpret_cast<const sockaddr_in6*>(address)->sin6_addr.s6_addr);
    return "not an internet address";
}

}  // namespace techpages
