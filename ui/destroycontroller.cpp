#include "destroycontroller.h"

#include "deploy/deploymentdnsrecords.h"
#include "deploy/deploymentengine.h"
#include "startcontroller.h"
#include "wizardstate.h"

using namespace Qt::StringLiterals;

DestroyController::DestroyController(WizardState *state, StartController *start, QObject *parent)
    : QObject(parent)
    , m_state(state)
    , m_start(start)
{ }

QString DestroyController::domain() const
{
    if (!m_state || !m_state->managedDeployment())
        return {};
    const DiscoveredDeployment &found = *m_state->managedDeployment();
    return found.domain.isEmpty() ? found.slug : found.domain;
}

QStringList DestroyController::resources() const
{
    QStringList lines;
    if (!m_state || !m_state->managedDeployment())
        return lines;
    const DiscoveredDeployment &found = *m_state->managedDeployment();
    auto server = [&lines](const DiscoveredServer &s) {
        lines << tr("Server %1 (%2, %3) with its IPv4 address").arg(s.name, s.serverType, s.location);
    };
    if (found.web)
        server(*found.web);
    for (const DiscoveredServer &bridge : found.bridges)
        server(bridge);
    for (const DiscoveredServer &other : found.otherServers)
        server(other);
    for (const DiscoveredNetwork &network : found.networks)
        lines << tr("Network %1 (%2)").arg(network.name, network.ipRange);
    for (const DiscoveredFirewall &firewall : found.firewalls)
        lines << tr("Firewall %1").arg(firewall.name);
    for (const QString &record : m_dnsRecords)
        lines << tr("DNS record %1 (created by Jitsi Deployer)").arg(record);
    lines << tr("The SSH key Jitsi Deployer uploaded, when no other deployment uses it");
    lines << tr("This computer's record of the deployment: its pinned host keys and its passwords");
    return lines;
}

QString DestroyController::monthlySaved() const
{
    if (!m_state || !m_state->managedDeployment() || !m_start || m_start->status() != StartController::Status::Ready)
        return tr("unknown (the prices could not be read)");
    const DiscoveredDeployment &found = *m_state->managedDeployment();
    if (!found.web)
        return tr("unknown (the deployment has no web server)");
    DeploymentPlan plan = StartController::planFor(found, std::nullopt);
    plan.bridges = plan.bridges.mid(0, found.bridges.size());
    const Result<Money> cost
            = StartController::monthlyCost(plan, m_start->serverTypes(), m_start->locations(), m_start->pricing());
    return cost ? m_start->formatCost(cost.value()) : tr("unknown (%1)").arg(cost.error().message);
}

QString DestroyController::dnsNote() const
{
    switch (m_dnsStatus) {
    case DnsStatus::Idle:
    case DnsStatus::Loading:
        return tr("Looking for the DNS records Jitsi Deployer created for %1…").arg(domain());
    case DnsStatus::Failed:
        return tr("The DNS records Jitsi Deployer created could not be listed (%1). Destroy tries again and stops "
                  "before deleting anything if it still cannot.")
                .arg(m_dnsError);
    case DnsStatus::Ready:
        break;
    }
    if (m_dnsRecords.isEmpty())
        return tr("Jitsi Deployer created no DNS records for %1. Records you made yourself are never deleted: remove "
                  "the A and AAAA records of %1 at your DNS provider, or they point at addresses that go to someone "
                  "else.")
                .arg(domain());
    return tr("The DNS records Jitsi Deployer created for %1 are deleted with it (listed above). Records you made "
              "yourself in the zone stay as they are.")
            .arg(domain());
}

void DestroyController::loadDnsRecords()
{
    if (!m_state || !m_state->managedDeployment() || !m_state->client())
        return;
    delete m_dnsLoad; // its answer would be for an older page visit
    auto *load = new DeploymentDnsRecords(m_state->client(), m_state->managedDeployment()->slug, this);
    m_dnsLoad = load;
    m_dnsStatus = DnsStatus::Loading;
    m_dnsRecords.clear();
    Q_EMIT changed();
    load->find([this, load](Result<QList<DeploymentDnsRecord>> records) {
        load->deleteLater();
        if (records.ok()) {
            m_dnsStatus = DnsStatus::Ready;
            for (const DeploymentDnsRecord &record : records.value())
                m_dnsRecords << record.describe();
        } else {
            m_dnsStatus = DnsStatus::Failed;
            m_dnsError = records.error().message;
        }
        Q_EMIT changed();
    });
}

void DestroyController::setTypedDomain(const QString &typed)
{
    const bool confirmed = !domain().isEmpty() && typed.trimmed().compare(domain(), Qt::CaseInsensitive) == 0;
    if (confirmed == m_confirmed)
        return;
    m_confirmed = confirmed;
    Q_EMIT changed();
}

DeployController::Operation DestroyController::operation() const
{
    const QString slug = m_state && m_state->managedDeployment() ? m_state->managedDeployment()->slug : QString();
    return [slug](DeploymentEngine *engine) {
        engine->destroy(slug);
    };
}
