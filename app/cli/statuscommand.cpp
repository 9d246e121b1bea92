#include "statuscommand.h"

#include "cliapplication.h"
#include "clioutput.h"
#include "deploy/runlog.h"
#include "hcloudcommands.h"
#include "healthlines.h"

#include <QDir>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace {
QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonObject serverJson(const DiscoveredServer &server, bool bridge)
{
    QJsonObject object{{u"id"_s, server.id},
                       {u"name"_s, server.name},
                       {u"role"_s, server.role},
                       {u"status"_s, server.status},
                       {u"server_type"_s, server.serverType},
                       {u"location"_s, server.location},
                       {u"public_ipv4"_s, textOrNull(server.publicIpv4)},
                       {u"private_ip"_s, textOrNull(server.privateIp)},
                       {u"host_key_fingerprint"_s, textOrNull(server.hostKeyFingerprint)},
                       {u"set_up_pending"_s, server.setUpPending}};
    if (bridge)
        object.insert(u"number"_s, server.bridgeNumber > 0 ? QJsonValue(server.bridgeNumber) : QJsonValue());
    return object;
}

QJsonArray inconsistenciesJson(const QList<Inconsistency> &inconsistencies)
{
    QJsonArray array;
    for (const Inconsistency &inconsistency : inconsistencies)
        array.append(QJsonObject{{u"code"_s, inconsistency.code},
                                 {u"resource"_s, textOrNull(inconsistency.resource)},
                                 {u"message"_s, inconsistency.message}});
    return array;
}

QStringList slugsOf(const QList<DiscoveredDeployment> &deployments)
{
    QStringList slugs;
    for (const DiscoveredDeployment &deployment : deployments)
        slugs << deployment.slug;
    return slugs;
}
} // namespace

StatusCommand::StatusCommand(hcloud::HetznerClient *client, CliOutput *output, bool json, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_output(output)
    , m_json(json)
{ }

int StatusCommand::fail(const Error &error)
{
    m_output->failure(error, m_json);
    return HcloudCommands::exitCodeFor(error);
}

QJsonObject StatusCommand::toJson(const DiscoveredDeployment &deployment)
{
    QJsonArray bridges;
    for (const DiscoveredServer &bridge : deployment.bridges)
        bridges.append(serverJson(bridge, true));
    QJsonArray others;
    for (const DiscoveredServer &server : deployment.otherServers)
        others.append(serverJson(server, false));
    QJsonArray networks;
    for (const DiscoveredNetwork &network : deployment.networks)
        networks.append(
                QJsonObject{{u"id"_s, network.id}, {u"name"_s, network.name}, {u"ip_range"_s, network.ipRange}});
    QJsonArray firewalls;
    for (const DiscoveredFirewall &firewall : deployment.firewalls)
        firewalls.append(QJsonObject{
                {u"id"_s, firewall.id}, {u"name"_s, firewall.name}, {u"role"_s, textOrNull(firewall.role)}});
    return QJsonObject{{u"slug"_s, deployment.slug},
                       {u"domain"_s, textOrNull(deployment.domain)},
                       {u"web"_s, deployment.web ? QJsonValue(serverJson(*deployment.web, false)) : QJsonValue()},
                       {u"bridges"_s, bridges},
                       {u"other_servers"_s, others},
                       {u"networks"_s, networks},
                       {u"firewalls"_s, firewalls},
                       {u"inconsistencies"_s, inconsistenciesJson(deployment.inconsistencies)},
                       {u"interrupted"_s, deployment.interrupted()}};
}

QString StatusCommand::lastLog(const QString &slug) const
{
    return m_logDirectory.isEmpty() ? QString() : RunLog::latest(m_logDirectory, slug);
}

void StatusCommand::run(const QString &deployment, Done done)
{
    auto *discovery = new Discovery(m_client, this);
    discovery->discover(this, [this, discovery, deployment, done](Result<Inventory> inventory) {
        discovery->deleteLater();
        if (!inventory)
            return done(fail(inventory.error()));
        if (deployment.isEmpty()) {
            const Inventory all = inventory.value();
            return readHealth(all.deployments, [this, all, done] {
                print(all.deployments, all.unassigned);
                done(CliApplication::Success);
            });
        }
        const DiscoveredDeployment *found = inventory->find(deployment);
        if (!found) {
            const QStringList known = slugsOf(inventory->deployments);
            const QString message
                    = known.isEmpty()
                              ? tr("There is no deployment \"%1\": this project has no deployments.").arg(deployment)
                              : tr("There is no deployment \"%1\" in this project. It has: %2. Pass one of these (or "
                                   "its "
                                   "domain) to --deployment.")
                                        .arg(deployment, known.join(u", "_s));
            if (m_json) {
                QJsonArray slugs;
                for (const QString &slug : known)
                    slugs.append(slug);
                m_output->json(QJsonObject{{u"error"_s, QJsonObject{{u"code"_s, u"deployment_not_found"_s},
                                                                    {u"message"_s, message},
                                                                    {u"deployments"_s, slugs}}}});
            }
            m_output->error(message);
            return done(CliApplication::Failed);
        }
        const DiscoveredDeployment one = *found;
        readHealth({one}, [this, one, done] {
            print({one}, {});
            done(CliApplication::Success);
        });
    });
}

void StatusCommand::readHealth(QList<DiscoveredDeployment> pending, std::function<void()> next)
{
    if (!m_healthSettings || pending.isEmpty()) {
        next();
        return;
    }
    const QString slug = pending.takeFirst().slug;
    auto *engine = new DeploymentEngine(m_client, *m_healthSettings, this);
    connect(engine, &DeploymentEngine::finished, this,
            [this, engine, slug, pending, next](const Result<EngineOutcome> &result) {
                engine->deleteLater();
                if (result.ok() && result->health)
                    m_health.insert(slug, *result->health);
                else
                    m_health.insert(slug, result.ok() ? Error{} : result.error());
                readHealth(pending, next);
            });
    engine->readHealth(slug);
}

void StatusCommand::print(const QList<DiscoveredDeployment> &deployments, const QList<Inconsistency> &unassigned)
{
    if (m_json) {
        QJsonArray array;
        for (const DiscoveredDeployment &deployment : deployments) {
            QJsonObject object = toJson(deployment);
            object.insert(u"last_log"_s, textOrNull(lastLog(deployment.slug)));
            if (const auto health = m_health.constFind(deployment.slug); health != m_health.cend())
                object.insert(u"health"_s, health->ok()
                                                   ? QJsonValue(health->value().toJson())
                                                   : QJsonValue(QJsonObject{{u"error"_s, health->error().code},
                                                                            {u"message"_s, health->error().message}}));
            array.append(object);
        }
        QJsonObject store{{u"kind"_s, m_secretStore.name()}};
        if (m_secretStore.kind() == SecretStore::Kind::File)
            store.insert(u"directory"_s, m_secretStore.directory());
        m_output->json(QJsonObject{{u"deployments"_s, array},
                                   {u"unassigned"_s, inconsistenciesJson(unassigned)},
                                   {u"secret_store"_s, store}});
        return;
    }

    if (deployments.isEmpty())
        m_output->line(tr("No deployments in this project."));
    bool first = true;
    for (const DiscoveredDeployment &deployment : deployments) {
        if (!first)
            m_output->line({});
        first = false;
        m_output->line(deployment.domain.isEmpty() ? tr("Deployment %1 (domain unknown)").arg(deployment.slug)
                                                   : tr("Deployment %1 (%2)").arg(deployment.slug, deployment.domain));
        // A run that created servers and never saw them verified, here or on another computer (set-up label).
        if (deployment.interrupted())
            m_output->line(tr("  interrupted — run deploy again to resume"));
        auto row = [](const QString &role, const DiscoveredServer &server) {
            return QStringList{role,
                               server.name,
                               server.status,
                               server.location,
                               server.serverType,
                               server.publicIpv4.isEmpty() ? u"-"_s : server.publicIpv4,
                               server.privateIp.isEmpty() ? u"-"_s : server.privateIp};
        };
        QList<QStringList> rows;
        if (deployment.web)
            rows.append(row(tr("web"), *deployment.web));
        for (const DiscoveredServer &bridge : deployment.bridges)
            rows.append(
                    row(bridge.bridgeNumber > 0 ? tr("bridge %1").arg(bridge.bridgeNumber) : tr("bridge ?"), bridge));
        for (const DiscoveredServer &server : deployment.otherServers)
            rows.append(row(server.role.isEmpty() ? u"?"_s : server.role + u'?', server));
        if (rows.isEmpty())
            m_output->line(tr("  no servers"));
        else
            m_output->table({tr("ROLE"), tr("NAME"), tr("STATUS"), tr("LOCATION"), tr("TYPE"), tr("PUBLIC IPV4"),
                             tr("PRIVATE IP")},
                            rows);

        QStringList networks;
        for (const DiscoveredNetwork &network : deployment.networks)
            networks << u"%1 (%2)"_s.arg(network.name, network.ipRange);
        m_output->line(tr("Network: %1").arg(networks.isEmpty() ? tr("none") : networks.join(u", "_s)));
        QStringList firewalls;
        for (const DiscoveredFirewall &firewall : deployment.firewalls)
            firewalls << firewall.name;
        m_output->line(tr("Firewalls: %1").arg(firewalls.isEmpty() ? tr("none") : firewalls.join(u", "_s)));
        if (const QString log = lastLog(deployment.slug); !log.isEmpty())
            m_output->line(tr("Log of the last run on this computer: %1").arg(QDir::toNativeSeparators(log)));
        if (const auto health = m_health.constFind(deployment.slug); health != m_health.cend()) {
            if (health->ok()) {
                for (const QString &line : HealthLines::lines(health->value()))
                    m_output->line(line);
            } else {
                m_output->line(tr("Health: not read: %1").arg(health->error().message));
            }
        }
        if (!deployment.inconsistencies.isEmpty()) {
            m_output->line(tr("Problems:"));
            for (const Inconsistency &inconsistency : deployment.inconsistencies)
                m_output->line(u"  - "_s + inconsistency.message);
        }
    }
    if (!unassigned.isEmpty()) {
        m_output->line({});
        m_output->line(tr("Managed resources outside any deployment:"));
        for (const Inconsistency &inconsistency : unassigned)
            m_output->line(u"  - "_s + inconsistency.message);
    }
    m_output->line({});
    m_output->line(tr("Secrets on this computer: %1.").arg(m_secretStore.description()));
}
