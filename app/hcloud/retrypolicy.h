#pragma once

#include "hcloudtypes.h"

#include <QDateTime>
#include <QString>

// When the client retries and how long it waits: pure functions, so every case is covered by unit tests
// (tst_retrypolicy) without a network.
//
// Which failures are retried for which requests:
//  - API answers `conflict`, `rate_limit_exceeded`, `bad_gateway`, `timeout` and bare (non-JSON) 502/504:
//    retried for every request, like hcloud-go. These answers come before the backend committed anything,
//    or are gateway failures hcloud-go has always retried; every object we create has a unique name, so a
//    repeat can at worst answer `uniqueness_error`, never make a duplicate.
//  - A network timeout (no progress for RetryPolicy::transferTimeoutMs) or a dropped connection: the
//    request may have taken effect. Retried only for idempotent requests (GET, PUT, DELETE, and the POSTs
//    that overwrite state such as set_rules/set_records) and for reconcilable ones (POST /servers: a
//    `uniqueness_error` on the retry is resolved by finding the server by name and comparing labels).
//    Other creates are not retried after such a failure; the user sees the network error.
//  - Never retried: 500 `server_error`, 503 (any body), every other 4xx, unreachable endpoints (host not
//    found, connection refused: retrying cannot fix a wrong HCLOUD_ENDPOINT), TLS failures, invalid JSON.
//  - 429 with a RateLimit-Reset in the future: instead of blind backoff, every request of the client is
//    held back until the reset (bounded by maxRateLimitWaitMs); without the header, plain backoff.
namespace hcloud {

struct RetryPolicy
{
    int maxRetries = 5; // like hcloud-go: up to 6 attempts
    int baseDelayMs = 1000;
    int maxDelayMs = 60000;
    // A reset further away fails with a message naming the time, rather than freezing a deployment for up
    // to an hour (Hetzner resets when the bucket is full again, not when the next request is allowed).
    int maxRateLimitWaitMs = 15 * 60 * 1000;
    int transferTimeoutMs = 30000; // a request with no progress for this long is a network timeout
};

struct PollPolicy
{
    int intervalMs = 1000; // one GET /actions for up to 25 ids per interval
    int maxIntervalMs = 10000;
    int timeoutMs = 15 * 60 * 1000;
};

// How safe it is to send a request again when we do not know whether the first one took effect.
enum class RequestSafety {
    Idempotent, // repeating it has the same effect
    Reconcilable, // a repeat may fail with uniqueness_error, which the caller resolves (POST /servers)
    Unsafe, // a repeat may fail confusingly; not repeated after an uncertain failure
};

// One attempt's outcome as far as retrying is concerned.
struct AttemptOutcome
{
    enum class Kind {
        Answered, // an HTTP status arrived (httpStatus, apiCode when the body was the error envelope)
        NetworkTimeout,
        ConnectionDropped,
        Unreachable,
        TlsFailure,
        InvalidResponse, // a 2xx whose body was not the JSON we expect
    };
    Kind kind = Kind::Answered;
    int httpStatus = 0;
    QString apiCode;
    bool rateLimitResetAhead = false; // a RateLimit-Reset in the future came with the answer
};

enum class RetryAction {
    Done, // deliver the outcome (success, or an error not worth retrying, or retries used up)
    Backoff, // retry after backoffDelayMs()
    WaitForRateLimitReset, // hold every request until RateLimit-Reset, then retry
};

RetryAction decideRetry(const AttemptOutcome &outcome, RequestSafety safety, int retriesSoFar,
                        const RetryPolicy &policy);

// True when the attempt may have taken effect although we saw no success (timeout, drop, gateway errors).
bool mayHaveTakenEffect(const AttemptOutcome &outcome);

// Exponential backoff with full jitter like hcloud-go: min(cap, base * 2^retry), then a uniform pick
// between base and that value; `jitter` in [0, 1] is the random draw (0 = base, 1 = the full backoff).
int backoffDelayMs(int retry, const RetryPolicy &policy, double jitter);

// When to send the next request after an answer with these RateLimit-* headers; invalid = no need to wait.
// A 429 waits for RateLimit-Reset. `RateLimit-Remaining: 0` on another answer waits only until one request
// has refilled (the bucket refills evenly, limit per hour; plus a tenth for clock skew), never past the reset:
// the reset is when the bucket is full again, up to an hour away, while the next request needs one token.
QDateTime rateLimitHoldUntil(int httpStatus, const RateLimitState &state, const QDateTime &now);

} // namespace hcloud
