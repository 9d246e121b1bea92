#include "deploymentdnsrecords.h"

#include "hcloud/hetznerclient.h"

#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

QString DeploymentDnsRecord::fqdn() const
{
    return name == u"@"_s ? zone : name + u'.' + zone;
}

QString DeploymentDnsRecord::describe() const
{
    return u"%1 %2 %3"_s.arg(fqdn(), type, values.join(u", "_s));
}

DeploymentDnsRecords::DeploymentDnsRecords(hcloud::HetznerClient *client, const QString &slug, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_labels(slug)
{ }

namespace {

// The labels that make an RRSet the deployment's: checked again on what the API returns, so a selector the API
// (or a simulator) applied loosely can never widen what destroy deletes.
bool ownedBy(const hcloud::Labels &labels, const DeploymentLabels &deployment)
{
    return DeploymentLabels::isManaged(labels)
           && labels.value(QString::fromLatin1(DeploymentLabels::deploymentKey)) == deployment.slug();
}

} // namespace

void DeploymentDnsRecords::find(Done<QList<DeploymentDnsRecord>> done)
{
    m_client->listZones(this, [this, done](Result<QList<hcloud::Zone>> zones) {
        if (!zones.ok())
            return done(zones.error());
        QList<hcloud::Zone> primary;
        for (const hcloud::Zone &zone : zones.value()) {
            // A secondary zone copies its records from elsewhere; the engine never writes to one.
            if (zone.mode == u"primary"_s)
                primary.append(zone);
        }
        findIn(primary, {}, std::move(done));
    });
}

void DeploymentDnsRecords::findIn(QList<hcloud::Zone> zones, QList<DeploymentDnsRecord> found,
                                  Done<QList<DeploymentDnsRecord>> done)
{
    // One zone after the other: a project has few zones, and the records stay in the zones' order.
    if (zones.isEmpty())
        return done(found);
    const hcloud::Zone zone = zones.takeFirst();
    m_client->listLabelledRRSets(zone.id, m_labels.deploymentSelector(), this,
                                 [this, zone, zones, found, done](Result<QList<hcloud::RRSet>> rrsets) mutable {
                                     if (!rrsets.ok())
                                         return done(rrsets.error());
                                     for (const hcloud::RRSet &rrset : rrsets.value()) {
                                         if (ownedBy(rrset.labels, m_labels))
                                             found.append({zone.id, zone.name, rrset.name, rrset.type, rrset.records});
                                     }
                                     findIn(zones, found, done);
                                 });
}

void DeploymentDnsRecords::remove(const QList<DeploymentDnsRecord> &records,
                                  std::function<void(const DeploymentDnsRecord &)> deleted, Done<void> done)
{
    if (records.isEmpty()) {
        QTimer::singleShot(0, this, [done] { done({}); });
        return;
    }
    QList<DeploymentDnsRecord> rest = records;
    const DeploymentDnsRecord record = rest.takeFirst();
    // Read back first: the list may come from a page opened minutes ago, and only what is still labelled as this
    // deployment's may go.
    m_client->listRRSets(
            record.zoneId, record.name, record.type, this,
            [this, record, rest, deleted, done](Result<QList<hcloud::RRSet>> current) {
                if (!current.ok())
                    return done(current.error());
                const hcloud::RRSet *match = nullptr;
                for (const hcloud::RRSet &rrset : current.value()) {
                    if (rrset.name == record.name && rrset.type == record.type)
                        match = &rrset;
                }
                if (!match)
                    return remove(rest, deleted, done); // already gone
                if (!ownedBy(match->labels, m_labels)) {
                    return done(Error{u"deploy"_s,
                                      u"dns_record_not_owned"_s,
                                      tr("The DNS record %1 %2 is no longer labelled as part of %3, so it is left "
                                         "alone; nothing else was deleted.")
                                              .arg(record.fqdn(), record.type, m_labels.slug()),
                                      u"rrset %1/%2 in zone %3 lacks %4"_s.arg(record.name, record.type, record.zone,
                                                                               m_labels.deploymentSelector()),
                                      {},
                                      0});
                }
                m_client->deleteRRSet(record.zoneId, record.name, record.type, this,
                                      [this, record, rest, deleted, done](Result<void> gone) {
                                          if (!gone.ok())
                                              return done(gone.error());
                                          if (deleted)
                                              deleted(record);
                                          remove(rest, deleted, done);
                                      });
            });
}
