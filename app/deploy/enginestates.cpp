#include "enginestates.h"

using namespace Qt::StringLiterals;

// The enums are contiguous from 0: an `all…` array as long as the last value + 1 holds every value.
static_assert(allPhases.size() == std::size_t(Phase::Done) + 1);
static_assert(allHostStates.size() == std::size_t(HostState::Waiting) + 1);
static_assert(allResourceStates.size() == std::size_t(ResourceState::Deleted) + 1);
static_assert(allDnsPublications.size() == std::size_t(DnsPublication::Manual) + 1);
static_assert(allWaitReasons.size() == std::size_t(WaitReason::Reconnect) + 1);

namespace {
template<typename Enum, std::size_t N>
std::optional<Enum> lookUp(const std::array<Enum, N> &values, const QString &name)
{
    for (Enum value : values) {
        if (toJsonName(value) == name)
            return value;
    }
    return std::nullopt;
}
} // namespace

QString toJsonName(Phase phase)
{
    switch (phase) {
    case Phase::Validate:
        return u"validate"_s;
    case Phase::Resources:
        return u"resources"_s;
    case Phase::Hosts:
        return u"hosts"_s;
    case Phase::Dns:
        return u"dns"_s;
    case Phase::Certificate:
        return u"certificate"_s;
    case Phase::Verify:
        return u"verify"_s;
    case Phase::Drain:
        return u"drain"_s;
    case Phase::Delete:
        return u"delete"_s;
    case Phase::Update:
        return u"update"_s;
    case Phase::Done:
        return u"done"_s;
    }
    return {};
}

QString toJsonName(HostState state)
{
    switch (state) {
    case HostState::Started:
        return u"started"_s;
    case HostState::Skipped:
        return u"skipped"_s;
    case HostState::Succeeded:
        return u"succeeded"_s;
    case HostState::Failed:
        return u"failed"_s;
    case HostState::Waiting:
        return u"waiting"_s;
    }
    return {};
}

QString toJsonName(ResourceState state)
{
    switch (state) {
    case ResourceState::Creating:
        return u"creating"_s;
    case ResourceState::Created:
        return u"created"_s;
    case ResourceState::Exists:
        return u"exists"_s;
    case ResourceState::Running:
        return u"running"_s;
    case ResourceState::Failed:
        return u"failed"_s;
    case ResourceState::Deleting:
        return u"deleting"_s;
    case ResourceState::Deleted:
        return u"deleted"_s;
    }
    return {};
}

QString toJsonName(DnsPublication state)
{
    switch (state) {
    case DnsPublication::Created:
        return u"created"_s;
    case DnsPublication::Manual:
        return u"manual"_s;
    }
    return {};
}

QString toJsonName(WaitReason reason)
{
    switch (reason) {
    case WaitReason::WebHost:
        return u"web_host"_s;
    case WaitReason::Boot:
        return u"boot"_s;
    case WaitReason::HostKeyRotation:
        return u"host_key_rotation"_s;
    case WaitReason::Reconnect:
        return u"reconnect"_s;
    }
    return {};
}

template<>
std::optional<Phase> fromJsonName<Phase>(const QString &name)
{
    return lookUp(allPhases, name);
}

template<>
std::optional<HostState> fromJsonName<HostState>(const QString &name)
{
    return lookUp(allHostStates, name);
}

template<>
std::optional<ResourceState> fromJsonName<ResourceState>(const QString &name)
{
    return lookUp(allResourceStates, name);
}

template<>
std::optional<DnsPublication> fromJsonName<DnsPublication>(const QString &name)
{
    return lookUp(allDnsPublications, name);
}

template<>
std::optional<WaitReason> fromJsonName<WaitReason>(const QString &name)
{
    return lookUp(allWaitReasons, name);
}
