// Who may talk to the preview server. A web page on another site can make the
// browser send requests to 127.0.0.1, and with DNS rebinding can make them look
// same-origin; the Host header still names the attacker's domain, so any request
// whose Host is not an address this server is served at is refused. The live-reload
// stream also checks Origin, so a foreign page cannot listen to it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace techpages::serve {

class HostGuard {
public:
    // `bind_address` as given to --bind (127.0.0.1, ::1, 0.0.0.0, an interface address or name).
    HostGuard(std::string bind_address, int port);

    // A Host header naming this server: one of its names, with its port.
    bool host_allowed(std::string_view host) const;
    // An Origin header from a page of this server; an absent Origin (empty) is allowed,
    // since browsers leave it out of same-origin GET requests.
    bool origin_allowed(std::string_view origin) const;

private:
    std::vector<std::string> names_;  // lower case; IPv6 in brackets
    bool any_ip_literal_ = false;     // bound to every interface: any IP address is this machine
    int port_;
};

}  // namespace techpages::serve
