#include "common/advice.h"

using namespace Qt::StringLiterals;

QString Advice::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::RetrySameOperation:
        return u"retry"_s;
    case Kind::RetryOnceDnsResolves:
        return u"retry_once_dns_resolves"_s;
    case Kind::ListDeployments:
        return u"list_deployments"_s;
    case Kind::RemoveBridge:
        return u"remove_bridge"_s;
    case Kind::ListServerTypes:
        return u"list_server_types"_s;
    case Kind::UpdateJitsi:
        return u"update_jitsi"_s;
    case Kind::RetryOrForce:
        return u"retry_or_force"_s;
    }
    return {};
}
