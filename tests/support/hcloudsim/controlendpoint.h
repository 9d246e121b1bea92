#pragma once

#include "simresponse.h"

class FaultInjector;
class RateLimiter;
class RequestLog;
struct SimRequest;

// /__sim/*: lets a test drive the standalone executable as it drives the in-process simulator (faults,
// storms, the exchange log). Loopback callers only; no token, no rate limit, not logged.
class ControlEndpoint
{
public:
    ControlEndpoint(FaultInjector &faults, RateLimiter &rateLimiter, RequestLog &log);
    SimResponse handle(const SimRequest &request);

private:
    FaultInjector &m_faults;
    RateLimiter &m_rateLimiter;
    RequestLog &m_log;
};
