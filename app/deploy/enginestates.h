#pragma once

#include <QString>

#include <array>
#include <optional>

// The states an engine event can carry, as enums so that a switch over them is checked by the compiler
// (-Werror=switch, no default:). Their JSON names (docs/cli.md "--json") live in enginestates.cpp and nowhere
// else: toJsonName() is the table, the fromJsonName() functions read it back.

// Where a run is (event "phase").
// Update: the rolling update's package upgrades (update; versions, per host).
enum class Phase { Validate, Resources, Hosts, Dns, Certificate, Verify, Drain, Delete, Update, Done };

// One install step on a host (event "host_step"). Waiting: the host cannot go on yet; the event's
// WaitReason says why.
enum class HostState { Started, Skipped, Succeeded, Failed, Waiting };

// A cloud resource (event "resource"). Running: a server the API reports running (adopted after a lost
// answer); Failed: its creation ended in an error action (the run fails with that error).
enum class ResourceState { Creating, Created, Exists, Running, Failed, Deleting, Deleted };

// The domain's DNS records (event "dns"): created in the project's zone, or the user must create them.
enum class DnsPublication { Created, Manual };

// Why a host is in HostState::Waiting.
enum class WaitReason {
    WebHost, // a bridge's second phase waits for the web host's install and the 5222 allow-list
    Boot, // the server does not accept SSH yet (it is still booting)
    HostKeyRotation, // the first host key is being replaced and the new one proven
    Reconnect, // the connection was lost during a task; the session reconnects by itself
};

// Every value of each enum, for reading names back. The static_asserts in enginestates.cpp fail when an enum
// gets a value that is missing here.
inline constexpr std::array allPhases{Phase::Validate,    Phase::Resources, Phase::Hosts, Phase::Dns,
                                      Phase::Certificate, Phase::Verify,    Phase::Drain, Phase::Delete,
                                      Phase::Update,      Phase::Done};
inline constexpr std::array allHostStates{HostState::Started, HostState::Skipped, HostState::Succeeded,
                                          HostState::Failed, HostState::Waiting};
inline constexpr std::array allResourceStates{ResourceState::Creating, ResourceState::Created, ResourceState::Exists,
                                              ResourceState::Running,  ResourceState::Failed,  ResourceState::Deleting,
                                              ResourceState::Deleted};
inline constexpr std::array allDnsPublications{DnsPublication::Created, DnsPublication::Manual};
inline constexpr std::array allWaitReasons{WaitReason::WebHost, WaitReason::Boot, WaitReason::HostKeyRotation,
                                           WaitReason::Reconnect};

QString toJsonName(Phase phase);
QString toJsonName(HostState state);
QString toJsonName(ResourceState state);
QString toJsonName(DnsPublication state);
QString toJsonName(WaitReason reason);

// nullopt for a name that is not one of the enum's.
template<typename Enum>
std::optional<Enum> fromJsonName(const QString &name);
template<>
std::optional<Phase> fromJsonName<Phase>(const QString &name);
template<>
std::optional<HostState> fromJsonName<HostState>(const QString &name);
template<>
std::optional<ResourceState> fromJsonName<ResourceState>(const QString &name);
template<>
std::optional<DnsPublication> fromJsonName<DnsPublication>(const QString &name);
template<>
std::optional<WaitReason> fromJsonName<WaitReason>(const QString &name);
