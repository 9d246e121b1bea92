#include "versionpin.h"

#include "deploy/enginerun.h"

using namespace Qt::StringLiterals;

namespace {
const QString bridgePackage = u"jitsi-videobridge2"_s;
}

VersionPin::VersionPin(EngineRun &run, QObject *parent)
    : QObject(parent)
    , m_run(run)
{ }

void VersionPin::pin(std::function<void()> next)
{
    const QMap<int, hcloud::Server> bridges = m_run.state().bridges;
    if (bridges.isEmpty()) { // nothing to match: the repository's newest
        next();
        return;
    }
    m_run.phase(Phase::Validate, tr("Reading the jitsi-videobridge2 version the bridges run…"));
    struct Found
    {
        QMap<QString, QString> versions; // bridge -> installed version
        QStringList available; // from the first bridge, newest first
        int pending = 0;
    };
    auto found = std::make_shared<Found>();
    found->pending = int(bridges.size());
    const QString first = bridges.first().name;
    for (const hcloud::Server &bridge : bridges) {
        HostConnection *connection = m_run.connectionFor(bridge.name, HostRole::Bridge, bridge.ipv4);
        connection->open(m_run.orFail<void>([this, connection, name = bridge.name, first, found, next]() {
            connection->agent()->packageVersions(
                    name == first ? bridgePackage : QString(),
                    m_run.orFail<PackageVersions>([this, name, first, found, next](PackageVersions v) {
                        found->versions.insert(name, v.installed.value(bridgePackage));
                        if (name == first)
                            found->available = v.available;
                        if (--found->pending > 0)
                            return;
                        QStringList distinct;
                        QStringList described;
                        for (auto it = found->versions.cbegin(); it != found->versions.cend(); ++it) {
                            if (!distinct.contains(*it))
                                distinct.append(*it);
                            described.append(tr("%1 runs %2").arg(it.key(), it->isEmpty() ? tr("none") : *it));
                        }
                        if (distinct.size() != 1 || distinct.first().isEmpty()) {
                            m_run.fail(engineError(u"bridge_versions_differ"_s,
                                                   tr("The bridges do not run one jitsi-videobridge2 version (%1), so "
                                                      "a new bridge "
                                                      "cannot match them. Update every host to the current version "
                                                      "first, then add "
                                                      "the bridge. Nothing was created.")
                                                           .arg(described.join(u", "_s)))
                                               .advising(Advice::Kind::UpdateJitsi));
                            return;
                        }
                        const QString version = distinct.first();
                        if (!found->available.contains(version)) {
                            m_run.fail(
                                    engineError(
                                            u"bridge_version_unavailable"_s,
                                            tr("The bridges run jitsi-videobridge2 %1, which the Jitsi repository no "
                                               "longer "
                                               "offers (it has %2), so a new bridge cannot match them. Update every "
                                               "host to "
                                               "the current version first, then add the bridge. Nothing was created.")
                                                    .arg(version, found->available.isEmpty()
                                                                          ? tr("none")
                                                                          : found->available.join(u", "_s)))
                                            .advising(Advice::Kind::UpdateJitsi));
                            return;
                        }
                        m_run.state().jvbVersion = version;
                        m_run.phase(Phase::Validate,
                                    tr("New bridges install jitsi-videobridge2 %1, as the others run.").arg(version));
                        next();
                    }));
        }));
    }
}
