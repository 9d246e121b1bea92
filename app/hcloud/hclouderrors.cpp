#include "hclouderrors.h"

#include "common/redactor.h"

#include <QCoreApplication>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace hcloud {

namespace {

struct CodeName
{
    ApiErrorCode code;
    const char *name;
};

// The API's spellings (hcloud-go hcloud/error.go). Order does not matter; lookups are linear and rare.
constexpr CodeName codeNames[] = {
        {ApiErrorCode::JsonError, "json_error"},
        {ApiErrorCode::Unauthorized, "unauthorized"},
        {ApiErrorCode::TokenReadonly, "token_readonly"},
        {ApiErrorCode::Forbidden, "forbidden"},
        {ApiErrorCode::Maintenance, "maintenance"},
        {ApiErrorCode::ResourceLimitExceeded, "resource_limit_exceeded"},
        {ApiErrorCode::NotFound, "not_found"},
        {ApiErrorCode::MethodNotAllowed, "method_not_allowed"},
        {ApiErrorCode::UniquenessError, "uniqueness_error"},
        {ApiErrorCode::Conflict, "conflict"},
        {ApiErrorCode::DeprecatedApiEndpoint, "deprecated_api_endpoint"},
        {ApiErrorCode::ResourceUnavailable, "resource_unavailable"},
        {ApiErrorCode::InvalidInput, "invalid_input"},
        {ApiErrorCode::ServiceError, "service_error"},
        {ApiErrorCode::UnsupportedError, "unsupported_error"},
        {ApiErrorCode::Locked, "locked"},
        {ApiErrorCode::Protected, "protected"},
        {ApiErrorCode::RateLimitExceeded, "rate_limit_exceeded"},
        {ApiErrorCode::ServerError, "server_error"},
        {ApiErrorCode::Unavailable, "unavailable"},
        {ApiErrorCode::Timeout, "timeout"},
        {ApiErrorCode::BadGateway, "bad_gateway"},
        {ApiErrorCode::UnknownError, "unknown_error"},
        {ApiErrorCode::RobotUnavailable, "robot_unavailable"},
        {ApiErrorCode::ResourceLocked, "resource_locked"},
        {ApiErrorCode::PlacementError, "placement_error"},
        {ApiErrorCode::InvalidServerType, "invalid_server_type"},
        {ApiErrorCode::ServerNotStopped, "server_not_stopped"},
        {ApiErrorCode::NetworksOverlap, "networks_overlap"},
        {ApiErrorCode::ServerAlreadyAttached, "server_already_attached"},
        {ApiErrorCode::PrimaryIpAssigned, "primary_ip_assigned"},
        {ApiErrorCode::PrimaryIpDatacenterMismatch, "primary_ip_datacenter_mismatch"},
        {ApiErrorCode::PrimaryIpVersionMismatch, "primary_ip_version_mismatch"},
        {ApiErrorCode::ServerHasIpv4, "server_has_ipv4"},
        {ApiErrorCode::ServerHasIpv6, "server_has_ipv6"},
        {ApiErrorCode::PrimaryIpAlreadyAssigned, "primary_ip_already_assigned"},
        {ApiErrorCode::ServerIsLoadBalancerTarget, "server_is_load_balancer_target"},
        {ApiErrorCode::IpNotAvailable, "ip_not_available"},
        {ApiErrorCode::NoSubnetAvailable, "no_subnet_available"},
        {ApiErrorCode::VswitchIdAlreadyUsed, "vswitch_id_already_used"},
        {ApiErrorCode::FirewallAlreadyApplied, "firewall_already_applied"},
        {ApiErrorCode::IncompatibleNetworkType, "incompatible_network_type"},
        {ApiErrorCode::ResourceInUse, "resource_in_use"},
        {ApiErrorCode::ServerAlreadyAdded, "server_already_added"},
        {ApiErrorCode::FirewallResourceNotFound, "firewall_resource_not_found"},
        {ApiErrorCode::FirewallManagedByLabelSelector, "firewall_managed_by_label_selector"},
        {ApiErrorCode::PrivateNetOnlyServer, "private_net_only_server"},
        {ApiErrorCode::FirewallAlreadyRemoved, "firewall_already_removed"},
        {ApiErrorCode::DnsZoneNotFound, "dns_zone_not_found"},
        {ApiErrorCode::DnsZoneIsSecondaryZone, "dns_zone_is_secondary_zone"},
        {ApiErrorCode::IncorrectZoneMode, "incorrect_zone_mode"},
};

} // namespace

QList<ApiErrorCode> allApiErrorCodes()
{
    QList<ApiErrorCode> codes;
    for (const CodeName &entry : codeNames)
        codes.append(entry.code);
    return codes;
}

ApiErrorCode apiErrorCodeFromString(const QString &code)
{
    if (code == "limit_reached"_L1) // the old name of rate_limit_exceeded
        return ApiErrorCode::RateLimitExceeded;
    for (const CodeName &entry : codeNames) {
        if (code == QLatin1String(entry.name))
            return entry.code;
    }
    return ApiErrorCode::Unrecognized;
}

QString toString(ApiErrorCode code)
{
    for (const CodeName &entry : codeNames) {
        if (entry.code == code)
            return QString::fromLatin1(entry.name);
    }
    return {};
}

QString toString(TransportError error)
{
    switch (error) {
    case TransportError::EndpointUnreachable:
        return u"endpoint_unreachable"_s;
    case TransportError::NetworkTimeout:
        return u"network_timeout"_s;
    case TransportError::ConnectionDropped:
        return u"connection_dropped"_s;
    case TransportError::TlsFailure:
        return u"tls_failure"_s;
    case TransportError::InvalidResponse:
        return u"invalid_response"_s;
    case TransportError::HttpStatus:
        return u"http_error"_s;
    case TransportError::RateLimitWaitTooLong:
        return u"rate_limit_wait_too_long"_s;
    case TransportError::ActionTimeout:
        return u"action_timeout"_s;
    case TransportError::ActionsNotFound:
        return u"actions_not_found"_s;
    }
    return {};
}

QString messageFor(ApiErrorCode code, const QString &apiCode)
{
    switch (code) {
    case ApiErrorCode::Unrecognized:
        return QCoreApplication::translate(
                       "hcloud", "Hetzner Cloud reported an error this version does not know (“%1”). Try again; if it "
                                 "persists, check the Hetzner status page or update Jitsi Deployer.")
                .arg(apiCode);
    case ApiErrorCode::JsonError:
        return QCoreApplication::translate(
                "hcloud", "Hetzner Cloud could not read the request. This is a bug in Jitsi Deployer; please report it "
                          "with the log.");
    case ApiErrorCode::Unauthorized:
        return QCoreApplication::translate(
                "hcloud", "Hetzner Cloud rejected the API token: it is wrong or was revoked. Create a new token in the "
                          "Hetzner Console under Security → API tokens and enter it again.");
    case ApiErrorCode::TokenReadonly:
        return QCoreApplication::translate(
                "hcloud", "The API token is read-only. Create a token with Read & Write permission in the Hetzner "
                          "Console under Security → API tokens and enter it again.");
    case ApiErrorCode::Forbidden:
        return QCoreApplication::translate(
                "hcloud", "The API token is not allowed to do this. Use a Read & Write token of the right project "
                          "(Hetzner Console → Security → API tokens).");
    case ApiErrorCode::Maintenance:
        return QCoreApplication::translate(
                "hcloud",
                "Hetzner Cloud is under maintenance and blocked this request. Wait until the maintenance shown "
                "on the Hetzner status page is over, then try again.");
    case ApiErrorCode::ResourceLimitExceeded:
        return QCoreApplication::translate(
                "hcloud", "The project has reached one of its limits (servers, IPs, …). Delete resources you no longer "
                          "need or ask Hetzner to raise the limit (Hetzner Console → Limits), then try again.");
    case ApiErrorCode::NotFound:
        return QCoreApplication::translate(
                "hcloud", "The resource does not exist in this project (any more). Check that the token belongs to the "
                          "right project, or reload and try again.");
    case ApiErrorCode::MethodNotAllowed:
        return QCoreApplication::translate(
                "hcloud", "Hetzner Cloud does not allow this request. This is a bug in Jitsi Deployer or it needs an "
                          "update; please report it with the log.");
    case ApiErrorCode::UniquenessError:
        return QCoreApplication::translate(
                "hcloud", "A resource with this name (or SSH key) already exists in the project. Pick another name or "
                          "delete the existing one in the Hetzner Console.");
    case ApiErrorCode::Conflict:
        return QCoreApplication::translate(
                "hcloud", "The resource was changed by something else at the same time. Try again in a moment.");
    case ApiErrorCode::DeprecatedApiEndpoint:
        return QCoreApplication::translate(
                "hcloud", "Hetzner Cloud has removed a function this version uses. Update Jitsi Deployer.");
    case ApiErrorCode::ResourceUnavailable:
        return QCoreApplication::translate(
                "hcloud", "This server type is sold out in this location right now. Pick another location or server "
                          "type, or try again later.");
    case ApiErrorCode::InvalidInput:
        return QCoreApplication::translate(
                "hcloud", "Hetzner Cloud rejected a value in the request. Correct the setting named in the details "
                          "and try again.");
    case ApiErrorCode::ServiceError:
        return QCoreApplication::translate(
                "hcloud", "A Hetzner Cloud service failed to carry out the request. Try again later; if it persists, "
                          "contact Hetzner support with the correlation id.");
    case ApiErrorCode::UnsupportedError:
        return QCoreApplication::translate(
                "hcloud", "The resource does not support this operation. Choose a different server type or image.");
    case ApiErrorCode::Locked:
    case ApiErrorCode::ResourceLocked:
        return QCoreApplication::translate(
                "hcloud", "Another action is still running on this resource. Wait until it has finished, then try "
                          "again.");
    case ApiErrorCode::Protected:
        return QCoreApplication::translate(
                "hcloud", "The resource has delete or rebuild protection. Remove the protection in the Hetzner Console "
                          "if you really want this, then try again.");
    case ApiErrorCode::RateLimitExceeded:
        return QCoreApplication::translate(
                "hcloud", "Too many requests to Hetzner Cloud (the limit is per project). Wait a few minutes, and stop "
                          "other tools that use the same project, then try again.");
    case ApiErrorCode::ServerError:
        return QCoreApplication::translate(
                "hcloud", "Hetzner Cloud had an internal error. Try again later; if it persists, check the Hetzner "
                          "status page or contact Hetzner support with the correlation id.");
    case ApiErrorCode::Unavailable:
        return QCoreApplication::translate(
                "hcloud", "This Hetzner Cloud service or product is not available right now. Try again later or pick "
                          "another location.");
    case ApiErrorCode::Timeout:
        return QCoreApplication::translate("hcloud", "Hetzner Cloud did not answer in time. Try again in a moment.");
    case ApiErrorCode::BadGateway:
        return QCoreApplication::translate(
                "hcloud", "Hetzner Cloud could not be reached behind its gateway. Try again in a moment.");
    case ApiErrorCode::UnknownError:
        return QCoreApplication::translate(
                "hcloud", "Hetzner Cloud reported an unknown error. Try again; if it persists, contact Hetzner support "
                          "with the correlation id.");
    case ApiErrorCode::RobotUnavailable:
        return QCoreApplication::translate("hcloud",
                                           "The Hetzner Robot service is not available right now. Try again later.");
    case ApiErrorCode::PlacementError:
        return QCoreApplication::translate(
                "hcloud", "Hetzner Cloud could not place the server in this location. Pick another location or server "
                          "type, or try again later.");
    case ApiErrorCode::InvalidServerType:
        return QCoreApplication::translate(
                "hcloud", "This server type cannot be used here. Pick a server type that is offered in the chosen "
                          "location.");
    case ApiErrorCode::ServerNotStopped:
        return QCoreApplication::translate(
                "hcloud", "The server must be powered off for this. Power it off in the Hetzner Console, then try "
                          "again.");
    case ApiErrorCode::NetworksOverlap:
        return QCoreApplication::translate(
                "hcloud", "The private network overlaps with another network of the server. Choose a different IP "
                          "range.");
    case ApiErrorCode::ServerAlreadyAttached:
        return QCoreApplication::translate(
                "hcloud", "The server is already attached to this network. Nothing needs to be done; reload and "
                          "continue.");
    case ApiErrorCode::PrimaryIpAssigned:
    case ApiErrorCode::PrimaryIpAlreadyAssigned:
        return QCoreApplication::translate(
                "hcloud", "The primary IP is already assigned to another server. Unassign it in the Hetzner Console or "
                          "use another IP.");
    case ApiErrorCode::PrimaryIpDatacenterMismatch:
        return QCoreApplication::translate(
                "hcloud", "The primary IP belongs to a different location than the server. Use an IP from the server's "
                          "location.");
    case ApiErrorCode::PrimaryIpVersionMismatch:
        return QCoreApplication::translate(
                "hcloud",
                "The primary IP has the wrong IP version for this use. Use an IPv4 address for IPv4 and an IPv6 "
                "network for IPv6.");
    case ApiErrorCode::ServerHasIpv4:
        return QCoreApplication::translate(
                "hcloud", "The server already has an IPv4 address. Unassign it first in the Hetzner Console.");
    case ApiErrorCode::ServerHasIpv6:
        return QCoreApplication::translate(
                "hcloud", "The server already has an IPv6 network. Unassign it first in the Hetzner Console.");
    case ApiErrorCode::ServerIsLoadBalancerTarget:
        return QCoreApplication::translate(
                "hcloud", "The server is a load balancer target. Remove it from the load balancer first.");
    case ApiErrorCode::IpNotAvailable:
        return QCoreApplication::translate(
                "hcloud", "The requested private IP is already in use. Let Hetzner pick the IP or choose another one.");
    case ApiErrorCode::NoSubnetAvailable:
        return QCoreApplication::translate(
                "hcloud",
                "The private network has no subnet in the server's network zone. Add a subnet there or pick a "
                "location in the network's zone.");
    case ApiErrorCode::VswitchIdAlreadyUsed:
        return QCoreApplication::translate(
                "hcloud", "This vSwitch is already connected to another network. Use another vSwitch.");
    case ApiErrorCode::FirewallAlreadyApplied:
        return QCoreApplication::translate(
                "hcloud", "The firewall is already applied to this resource. Nothing needs to be done; reload and "
                          "continue.");
    case ApiErrorCode::IncompatibleNetworkType:
        return QCoreApplication::translate(
                "hcloud", "The firewall cannot be applied to this kind of network. Apply it to servers with a public "
                          "network.");
    case ApiErrorCode::ResourceInUse:
        return QCoreApplication::translate(
                "hcloud", "The resource is still in use (for example a firewall applied to servers or a network with "
                          "servers attached). Remove those uses first, then try again.");
    case ApiErrorCode::ServerAlreadyAdded:
        return QCoreApplication::translate(
                "hcloud", "The server is already covered by this firewall. Nothing needs to be done; reload and "
                          "continue.");
    case ApiErrorCode::FirewallResourceNotFound:
        return QCoreApplication::translate(
                "hcloud", "The resource the firewall should be applied to does not exist. Reload and try again.");
    case ApiErrorCode::FirewallManagedByLabelSelector:
        return QCoreApplication::translate(
                "hcloud",
                "The firewall is applied through a label selector. Change the server's labels or the selector "
                "instead.");
    case ApiErrorCode::PrivateNetOnlyServer:
        return QCoreApplication::translate(
                "hcloud", "The server has no public network, so a firewall cannot be applied. Enable a public IP or "
                          "skip the firewall.");
    case ApiErrorCode::FirewallAlreadyRemoved:
        return QCoreApplication::translate(
                "hcloud", "The firewall was already removed from this resource. Nothing needs to be done; reload and "
                          "continue.");
    case ApiErrorCode::DnsZoneNotFound:
        return QCoreApplication::translate(
                "hcloud",
                "The DNS zone does not exist in this project. Create it in the Hetzner Console (DNS) or set the "
                "records at your DNS provider.");
    case ApiErrorCode::DnsZoneIsSecondaryZone:
    case ApiErrorCode::IncorrectZoneMode:
        return QCoreApplication::translate(
                "hcloud", "The DNS zone is a secondary zone, so its records cannot be changed here. Set the records at "
                          "the primary DNS server instead.");
    }
    return {};
}

Error apiError(const QString &code, const QString &apiMessage, int httpStatus, const QString &correlationId)
{
    Error error;
    error.domain = QString::fromLatin1(errorDomain);
    error.code = code;
    error.message = messageFor(apiErrorCodeFromString(code), code);
    error.detail = Redactor::instance().redact(apiMessage);
    error.httpStatus = httpStatus;
    error.correlationId = correlationId;
    return error;
}

Error transportError(TransportError kind, const QString &endpoint, const QString &detail, int httpStatus,
                     const QString &correlationId)
{
    Error error;
    error.domain = QString::fromLatin1(errorDomain);
    error.code = toString(kind);
    error.detail = Redactor::instance().redact(detail);
    error.httpStatus = httpStatus;
    error.correlationId = correlationId;
    switch (kind) {
    case TransportError::EndpointUnreachable:
        error.message = QCoreApplication::translate(
                                "hcloud",
                                "Cannot reach the Hetzner Cloud API at %1. Check the internet connection, a proxy or "
                                "firewall in between, and the HCLOUD_ENDPOINT setting if you changed it.")
                                .arg(endpoint);
        break;
    case TransportError::NetworkTimeout:
        error.message = QCoreApplication::translate(
                                "hcloud",
                                "The Hetzner Cloud API at %1 did not answer in time, even after several tries. Check "
                                "the internet connection and try again.")
                                .arg(endpoint);
        break;
    case TransportError::ConnectionDropped:
        error.message = QCoreApplication::translate(
                                "hcloud",
                                "The connection to the Hetzner Cloud API at %1 broke off, even after several tries. "
                                "Check the internet connection and try again.")
                                .arg(endpoint);
        break;
    case TransportError::TlsFailure:
        error.message = QCoreApplication::translate(
                                "hcloud",
                                "The secure connection to %1 failed (certificate or TLS). Check the system clock, a "
                                "proxy that inspects traffic, and the HCLOUD_ENDPOINT setting.")
                                .arg(endpoint);
        break;
    case TransportError::InvalidResponse:
        error.message = QCoreApplication::translate(
                                "hcloud",
                                "The answer from %1 is not what the Hetzner Cloud API sends. Check the HCLOUD_ENDPOINT "
                                "setting and any proxy in between; if it persists, update Jitsi Deployer.")
                                .arg(endpoint);
        break;
    case TransportError::HttpStatus:
        error.message
                = httpStatus >= 500
                          ? QCoreApplication::translate("hcloud", "The Hetzner Cloud API at %1 answered with server "
                                                                  "error %2. Try again later and check the "
                                                                  "Hetzner status page.")
                                    .arg(endpoint)
                                    .arg(httpStatus)
                          : QCoreApplication::translate("hcloud", "The Hetzner Cloud API at %1 answered with HTTP "
                                                                  "status %2 and no explanation. Check the "
                                                                  "HCLOUD_ENDPOINT setting and any proxy in between.")
                                    .arg(endpoint)
                                    .arg(httpStatus);
        break;
    case TransportError::RateLimitWaitTooLong:
        error.message = QCoreApplication::translate(
                "hcloud", "The Hetzner Cloud request limit of this project is used up for longer than we are "
                          "willing to wait. Stop other tools using the project and try again later.");
        break;
    case TransportError::ActionTimeout:
        error.message = QCoreApplication::translate(
                "hcloud", "Hetzner Cloud did not finish the operation in time. Check its state in the Hetzner "
                          "Console, then run the step again.");
        break;
    case TransportError::ActionsNotFound:
        error.message = QCoreApplication::translate(
                "hcloud", "Hetzner Cloud no longer knows an operation we were waiting for. Reload the deployment "
                          "state and run the step again.");
        break;
    }
    return error;
}

Error actionError(const QString &command, qint64 actionId, const QString &code, const QString &apiMessage)
{
    Error error;
    error.domain = QString::fromLatin1(errorDomain);
    error.code = code.isEmpty() ? u"action_failed"_s : code;
    const ApiErrorCode known = apiErrorCodeFromString(code);
    const QString fix = known == ApiErrorCode::Unrecognized ? QCoreApplication::translate(
                                "hcloud", "Check the resource in the Hetzner Console and run the step again.")
                                                            : messageFor(known);
    error.message
            = QCoreApplication::translate("hcloud", "The Hetzner Cloud operation “%1” failed. %2").arg(command, fix);
    error.detail = Redactor::instance().redact(u"action %1: %2"_s.arg(actionId).arg(apiMessage));
    return error;
}

bool parseErrorEnvelope(const QByteArray &body, QString *code, QString *message)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return false;
    const QJsonValue envelope = document.object().value("error"_L1);
    if (!envelope.isObject())
        return false;
    const QJsonValue codeValue = envelope.toObject().value("code"_L1);
    if (!codeValue.isString() || codeValue.toString().isEmpty())
        return false;
    *code = codeValue.toString();
    *message = envelope.toObject().value("message"_L1).toString();
    return true;
}

} // namespace hcloud
