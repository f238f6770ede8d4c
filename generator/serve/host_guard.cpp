#include "serve/host_guard.h"

#include <arpa/inet.h>

#include <charconv>

#include "util/text.h"

namespace techpages::serve {

namespace {

bool is_ipv4(const std::string& s) {
    in_addr a;
    return ::inet_pton(AF_INET, s.c_str(), &a) == 1;
}

bool is_ipv6(const std::string& s) {
    in6_addr a;
    return ::inet_pton(AF_INET6, s.c_str(), &a) == 1;
}

// "[::1]" → "::1"; other names as they are.
std::string unbracketed(const std::string& name) {
    if (name.size() >= 2 && name.front() == '[' && name.back() == ']') return name.substr(1, name.size() - 2);
    return name;
}

bool is_ip_literal(const std::string& name) {
    std::string bare = unbracketed(name);
    return (bare == name && is_ipv4(bare)) || (bare != name && is_ipv6(bare));
}

}  // namespace

HostGuard::HostGuard(std::string bind_address, int port) : port_(port) {
    std::string bind = to_lower(unbracketed(bind_address));
    bool loopback = bind == "localhost" || bind == "::1" || bind.rfind("127.", 0) == 0;
    bool wildcard = bind == "0.0.0.0" || bind == "::" || bind.empty();
    if (loopback || wildcard) names_ = {"localhost", "127.0.0.1", "[::1]"};
    if (wildcard) any_ip_literal_ = true;
    if (!wildcard) names_.push_back(is_ipv6(bind) ? "[" + bind + "]" : bind);
}

bool HostGuard::host_allowed(std::string_view host_header) const {
    std::string host = to_lower(trim(host_header));
    if (host.empty()) return false;
    // Split off the port: after the last ':' unless that is inside an IPv6 literal.
    std::string name = host;
    int port = 80;
    size_t colon = host.rfind(':');
    size_t bracket = host.rfind(']');
    if (colon != std::string::npos && (bracket == std::string::npos || colon > bracket)) {
        name = host.substr(0, colon);
        std::string digits = host.substr(colon + 1);
        auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
        if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size()) return false;
    }
    if (port != port_) return false;
    if (any_ip_literal_ && is_ip_literal(name)) return true;
    for (const auto& allowed : names_)
        if (name == allowed) return true;
    return false;
}

bool HostGuard::origin_allowed(std::string_view origin) const {
    if (origin.empty()) return true;
    constexpr std::string_view scheme = "http://";
    std::string o = to_lower(trim(origin));
    if (o.rfind(scheme, 0) != 0) return false;  // includes "null", sent by sandboxed and file: pages
    std::string host = o.substr(scheme.size());
    if (host.find('/') != std::string::npos) return false;
    return host_allowed(host);
}

}  // namespace techpages::serve
