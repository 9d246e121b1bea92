#pragma once

#include "common/result.h"
#include "deploy/deploymentlabels.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace hcloud {
class HetznerClient;
struct Zone;
} // namespace hcloud

// One RRSet the engine created for a deployment in a zone of the project.
struct DeploymentDnsRecord
{
    qint64 zoneId = 0;
    QString zone; // "example.org"
    QString name; // relative, "meet" or "@"
    QString type; // A, AAAA
    QStringList values;

    QString fqdn() const; // "meet.example.org"
    QString describe() const; // "meet.example.org A 198.51.100.7", what the user reads before destroying
};

// The DNS records a deployment owns (DESIGN.md §4): the RRSets CertificateTask created with the deployment's labels
// (DeploymentLabels::dnsRecord). Records the user made — in the same zone, for the same name before the deployment,
// or for another deployment — carry other labels or none and are never found, so never deleted.
//
// Lists every zone of the project (the domain label may be missing or the zone renamed), then each primary zone's
// RRSets by the deployment's selector: 1 + zones requests. Callbacks run once, later, while this object lives.
class DeploymentDnsRecords : public QObject
{
    Q_DECLARE_TR_FUNCTIONS(DeploymentEngine)

public:
    template<typename T>
    using Done = std::function<void(Result<T>)>;

    DeploymentDnsRecords(hcloud::HetznerClient *client, const QString &slug, QObject *parent = nullptr);

    void find(Done<QList<DeploymentDnsRecord>> done);
    // Deletes each record (one at a time, each action waited for); `deleted` hears of each. A record whose labels
    // no longer name this deployment is refused, so a caller's stale list cannot delete a user's record.
    void remove(const QList<DeploymentDnsRecord> &records, std::function<void(const DeploymentDnsRecord &)> deleted,
                Done<void> done);

private:
    void findIn(QList<hcloud::Zone> zones, QList<DeploymentDnsRecord> found, Done<QList<DeploymentDnsRecord>> done);

    hcloud::HetznerClient *m_client;
    DeploymentLabels m_labels;
};
