// check/private_address.h: every way of writing a loopback, private, link-local or
// otherwise non-public address in a URL is recognised; public ones and names are not.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>

#include "check/private_address.h"

using techpages::private_address_reason;
using techpages::private_host_reason;
using ::testing::HasSubstr;

namespace {

bool is_private(const char* host) { return !private_host_reason(host).empty(); }

}  // namespace

TEST(PrivateAddress, LoopbackInEveryIpv4Form) {
    for (const char* h : {"127.0.0.1", "127.1", "127.0.1", "2130706433", "0x7f000001", "0x7f.1", "0177.0.0.1",
                          "017700000001", "0x7F.0.0.1", "127.255.255.254"})
        EXPECT_EQ(private_host_reason(h), "a loopback address (this machine)") << h;
}

TEST(PrivateAddress, UnspecifiedPrivateLinkLocalAndReserved) {
    for (const char* h : {"0", "0.0.0.0", "0x0", "00", "0.1.2.3"})
        EXPECT_THAT(private_host_reason(h), HasSubstr("unspecified")) << h;
    for (const char* h : {"10.0.0.1", "10.255.255.255", "012.1", "167772161", "172.16.0.1", "172.31.255.255", "192.168.1.1",
                          "0xc0a80101", "0300.0250.1.1"})
        EXPECT_EQ(private_host_reason(h), "a private network address") << h;
    EXPECT_THAT(private_host_reason("169.254.169.254"), HasSubstr("link-local"));
    EXPECT_THAT(private_host_reason("2852039166"), HasSubstr("link-local"));  // 169.254.169.254
    for (const char* h : {"100.64.0.1", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255", "198.18.0.1", "192.0.0.8"})
        EXPECT_TRUE(is_private(h)) << h;
}

TEST(PrivateAddress, PublicAddressesAndNamesAreNot) {
    for (const char* h : {"8.8.8.8", "172.15.255.255", "172.32.0.1", "192.167.1.1", "169.253.1.1", "100.128.0.1",
                          "1.1", "134744072", "example.org", "www.ac.uk", "10.example.org", "localhost.example.org",
                          "deadbeef.com", "face", "[2001:db8::1]", "[2606:4700::1111]", "[::ffff:8.8.8.8]", ""})
        EXPECT_FALSE(is_private(h)) << h << ": " << private_host_reason(h);
}

TEST(PrivateAddress, LocalhostNames) {
    for (const char* h : {"localhost", "LOCALHOST", "localhost.", "app.localhost", "a.b.localhost"})
        EXPECT_EQ(private_host_reason(h), "a loopback address (this machine)") << h;
}

TEST(PrivateAddress, Ipv6Forms) {
    EXPECT_EQ(private_host_reason("[::1]"), "a loopback address (this machine)");
    EXPECT_EQ(private_host_reason("[0:0:0:0:0:0:0:1]"), "a loopback address (this machine)");
    EXPECT_EQ(private_host_reason("::1"), "a loopback address (this machine)");
    EXPECT_THAT(private_host_reason("[::]"), HasSubstr("unspecified"));
    EXPECT_THAT(private_host_reason("[fc00::1]"), HasSubstr("unique local"));
    EXPECT_THAT(private_host_reason("[fdff:ffff::1]"), HasSubstr("unique local"));
    EXPECT_THAT(private_host_reason("[fe80::1]"), HasSubstr("link-local"));
    EXPECT_THAT(private_host_reason("[fe80::1%25eth0]"), HasSubstr("link-local"));
    EXPECT_THAT(private_host_reason("[FEBF::1]"), HasSubstr("link-local"));
    EXPECT_THAT(private_host_reason("[fec0::1]"), HasSubstr("site-local"));
    EXPECT_THAT(private_host_reason("[ff02::1]"), HasSubstr("multicast"));
    EXPECT_EQ(private_host_reason("[::ffff:127.0.0.1]"), "a loopback address (this machine), written as IPv6");
    EXPECT_EQ(private_host_reason("[::ffff:7f00:1]"), "a loopback address (this machine), written as IPv6");
    EXPECT_THAT(private_host_reason("[::ffff:169.254.169.254]"), HasSubstr("link-local"));
    EXPECT_THAT(private_host_reason("[::10.0.0.1]"), HasSubstr("private"));            // IPv4-compatible
    EXPECT_THAT(private_host_reason("[64:ff9b::192.168.0.1]"), HasSubstr("private"));  // NAT64
}

TEST(PrivateAddress, ConnectedAddresses) {
    sockaddr_in v4{};
    v4.sin_family = AF_INET;
    inet_pton(AF_INET, "169.254.169.254", &v4.sin_addr);
    EXPECT_THAT(private_address_reason(reinterpret_cast<sockaddr*>(&v4)), HasSubstr("link-local"));
    inet_pton(AF_INET, "93.184.216.34", &v4.sin_addr);
    EXPECT_EQ(private_address_reason(reinterpret_cast<sockaddr*>(&v4)), "");
    sockaddr_in6 v6{};
    v6.sin6_family = AF_INET6;
    inet_pton(AF_INET6, "::ffff:10.1.2.3", &v6.sin6_addr);
    EXPECT_THAT(private_address_reason(reinterpret_cast<sockaddr*>(&v6)), HasSubstr("private"));
    inet_pton(AF_INET6, "2001:db8::1", &v6.sin6_addr);
    EXPECT_EQ(private_address_reason(reinterpret_cast<sockaddr*>(&v6)), "");
}
