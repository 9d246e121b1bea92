#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

// Every error code of the Hetzner Cloud API (reference/hetzner-cloud-api.md §1.5) and the failures of the
// transport beneath it, turned into Error values with a plain-language message that names the fix.
namespace hcloud {

inline constexpr auto errorDomain = "hcloud";

enum class ApiErrorCode {
    Unrecognized, // a code this build does not know; Error.code still holds the API's text
    // General (with an HTTP status in the documentation)
    JsonError,
    Unauthorized,
    TokenReadonly,
    Forbidden,
    Maintenance,
    ResourceLimitExceeded,
    NotFound,
    MethodNotAllowed,
    UniquenessError,
    Conflict,
    DeprecatedApiEndpoint,
    ResourceUnavailable,
    InvalidInput,
    ServiceError,
    UnsupportedError,
    Locked,
    Protected,
    RateLimitExceeded, // also the old name "limit_reached"
    ServerError,
    Unavailable,
    Timeout,
    // General, without a documented status
    BadGateway,
    UnknownError,
    RobotUnavailable,
    ResourceLocked,
    // Servers
    PlacementError,
    InvalidServerType,
    ServerNotStopped,
    NetworksOverlap,
    ServerAlreadyAttached,
    PrimaryIpAssigned,
    PrimaryIpDatacenterMismatch,
    PrimaryIpVersionMismatch,
    ServerHasIpv4,
    ServerHasIpv6,
    PrimaryIpAlreadyAssigned,
    ServerIsLoadBalancerTarget,
    // Networks
    IpNotAvailable,
    NoSubnetAvailable,
    VswitchIdAlreadyUsed,
    // Firewalls
    FirewallAlreadyApplied,
    IncompatibleNetworkType,
    ResourceInUse,
    ServerAlreadyAdded,
    FirewallResourceNotFound,
    FirewallManagedByLabelSelector,
    PrivateNetOnlyServer,
    FirewallAlreadyRemoved,
    // DNS
    DnsZoneNotFound,
    DnsZoneIsSecondaryZone,
    IncorrectZoneMode,
};

// All known codes, for tests and for exhaustive tables.
QList<ApiErrorCode> allApiErrorCodes();
ApiErrorCode apiErrorCodeFromString(const QString &code);
QString toString(ApiErrorCode code); // the API's spelling; empty for Unrecognized

// Failures that never reached the API or got no usable answer. Error.code holds these strings.
enum class TransportError {
    EndpointUnreachable, // "endpoint_unreachable": host not found, connection refused, no route
    NetworkTimeout, // "network_timeout": no progress within the transfer timeout
    ConnectionDropped, // "connection_dropped": closed before a complete answer
    TlsFailure, // "tls_failure": certificate or handshake
    InvalidResponse, // "invalid_response": not JSON, or JSON of an unexpected shape
    HttpStatus, // "http_error": an error status without the API's error envelope (proxy page, bare 5xx)
    RateLimitWaitTooLong, // "rate_limit_wait_too_long": the reset is further away than the policy allows
    ActionTimeout, // "action_timeout": an action did not finish within the poll policy's timeout
    ActionsNotFound, // "actions_not_found": the API did not return actions we asked for
};

QString toString(TransportError error);

// The translated message for an API error code; `apiCode` is used for codes this build does not know.
QString messageFor(ApiErrorCode code, const QString &apiCode = {});

// An Error for the API's error envelope (body already parsed) or for a transport failure.
Error apiError(const QString &code, const QString &apiMessage, int httpStatus, const QString &correlationId);
Error transportError(TransportError kind, const QString &endpoint, const QString &detail, int httpStatus = 0,
                     const QString &correlationId = {});
// An action that ended with status "error"; the action's own error code is kept.
Error actionError(const QString &command, qint64 actionId, const QString &code, const QString &apiMessage);

// Parses {"error": {"code", "message", ...}}; false when the body is not that envelope.
bool parseErrorEnvelope(const QByteArray &body, QString *code, QString *message);

} // namespace hcloud
