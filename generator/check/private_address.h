// Which addresses the external link checker must not ask: loopback, private networks,
// link-local (cloud metadata at 169.254.169.254), unspecified, multicast and reserved,
// for IPv4 and IPv6 (IPv4-mapped, -compatible and NAT64 forms judged by their IPv4).
// A page's link must not make the checker probe the machine or network it runs on.
#pragma once

#include <sys/socket.h>

#include <string>
#include <string_view>

namespace techpages {

// Why a host as written in a URL names such an address ("loopback", "private network", …),
// or "" when it does not or is a DNS name to be resolved. Reads every form a resolver
// accepts for IPv4 (2130706433, 0x7f.1, 0177.0.0.1, 127.1) and IPv6 with or without
// brackets; "localhost" and names under .localhost count as loopback.
std::string private_host_reason(std::string_view host);
// The same for an address a connection is about to be made to.
std::string private_address_reason(const sockaddr* address);

}  // namespace techpages
