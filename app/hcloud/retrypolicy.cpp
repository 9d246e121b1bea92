#include "retrypolicy.h"

#include <QtGlobal>

#include <cmath>

using namespace Qt::StringLiterals;

namespace hcloud {

namespace {

bool isRetriedApiCode(const QString &code)
{
    return code == "conflict"_L1 || code == "rate_limit_exceeded"_L1 || code == "limit_reached"_L1
           || code == "bad_gateway"_L1 || code == "timeout"_L1;
}

} // namespace

bool mayHaveTakenEffect(const AttemptOutcome &outcome)
{
    switch (outcome.kind) {
    case AttemptOutcome::Kind::NetworkTimeout:
    case AttemptOutcome::Kind::ConnectionDropped:
        return true;
    case AttemptOutcome::Kind::Answered:
        if (outcome.apiCode.isEmpty())
            return outcome.httpStatus == 502 || outcome.httpStatus == 504;
        return outcome.apiCode == "bad_gateway"_L1 || outcome.apiCode == "timeout"_L1;
    case AttemptOutcome::Kind::Unreachable:
    case AttemptOutcome::Kind::TlsFailure:
    case AttemptOutcome::Kind::InvalidResponse:
        return false;
    }
    return false;
}

RetryAction decideRetry(const AttemptOutcome &outcome, RequestSafety safety, int retriesSoFar,
                        const RetryPolicy &policy)
{
    if (retriesSoFar >= policy.maxRetries)
        return RetryAction::Done;
    switch (outcome.kind) {
    case AttemptOutcome::Kind::NetworkTimeout:
    case AttemptOutcome::Kind::ConnectionDropped:
        return safety == RequestSafety::Unsafe ? RetryAction::Done : RetryAction::Backoff;
    case AttemptOutcome::Kind::Unreachable:
    case AttemptOutcome::Kind::TlsFailure:
    case AttemptOutcome::Kind::InvalidResponse:
        return RetryAction::Done;
    case AttemptOutcome::Kind::Answered:
        break;
    }
    if (outcome.httpStatus >= 200 && outcome.httpStatus < 300)
        return RetryAction::Done;
    if (outcome.apiCode.isEmpty()) {
        // A bare 429 is still the rate limit; a bare 502/504 is a gateway that lost the backend.
        if (outcome.httpStatus == 429)
            return outcome.rateLimitResetAhead ? RetryAction::WaitForRateLimitReset : RetryAction::Backoff;
        return outcome.httpStatus == 502 || outcome.httpStatus == 504 ? RetryAction::Backoff : RetryAction::Done;
    }
    if (!isRetriedApiCode(outcome.apiCode))
        return RetryAction::Done;
    const bool rateLimited = outcome.apiCode == "rate_limit_exceeded"_L1 || outcome.apiCode == "limit_reached"_L1;
    if (rateLimited && outcome.rateLimitResetAhead)
        return RetryAction::WaitForRateLimitReset;
    return RetryAction::Backoff;
}

int backoffDelayMs(int retry, const RetryPolicy &policy, double jitter)
{
    const double base = qMax(0, policy.baseDelayMs);
    const double cap = qMax(base, double(policy.maxDelayMs));
    const double backoff = qMin(cap, base * std::pow(2.0, qBound(0, retry, 62)));
    return int(std::llround(base + qBound(0.0, jitter, 1.0) * (backoff - base)));
}

QDateTime rateLimitHoldUntil(int httpStatus, const RateLimitState &state, const QDateTime &now)
{
    if (!state.reset.isValid() || state.reset <= now)
        return {};
    if (httpStatus == 429)
        return state.reset;
    if (state.remaining != 0)
        return {};
    if (state.limit <= 0)
        return state.reset;
    // A tenth more than the refill time of one request: the server's bucket and our clock are not in step.
    const qint64 perRequestMs = (3600 * 1000 + state.limit - 1) / state.limit;
    return qMin(state.reset, now.addMSecs(perRequestMs + perRequestMs / 10));
}

} // namespace hcloud
