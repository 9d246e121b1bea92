#include "planpreview.h"

#include "deploy/deploymentlabels.h"
#include "hcloud/hetznerclient.h"
#include "hcloud/labelselector.h"

#include <QTimer>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace hcloud;

struct PlanPreview::Collected
{
    Pricing pricing;
    QList<Location> locations;
    QList<ServerType> types;
    std::optional<SshKey> existingKey;
    QList<Server> servers;
    int outstanding = 0;
    std::optional<Error> error; // the first failure; the others are dropped
};

PlanPreview::PlanPreview(HetznerClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{ }

void PlanPreview::preview(const DeploymentPlan &plan, Done done)
{
    if (Result<void> valid = plan.validate(); !valid.ok()) {
        QTimer::singleShot(0, this, [done, valid] { done(valid.error()); });
        return;
    }
    auto collected = std::make_shared<Collected>();
    const QString fingerprint = HetznerClient::md5Fingerprint(plan.sshPublicKey);
    collected->outstanding = fingerprint.isEmpty() ? 4 : 5;
    // Collects each answer; the last one to arrive concludes.
    const auto arrived = [this, plan, done, collected](const std::optional<Error> &error) {
        if (error && !collected->error)
            collected->error = error;
        if (--collected->outstanding > 0)
            return;
        if (collected->error)
            return done(*collected->error);
        conclude(plan, *collected, done);
    };

    // Read requests only, all at once: the check costs one round trip plus the image lookup.
    m_client->getPricing(this, [collected, arrived](Result<Pricing> pricing) {
        if (pricing)
            collected->pricing = pricing.value();
        arrived(pricing ? std::nullopt : std::optional(pricing.error()));
    });
    m_client->listLocations(this, [collected, arrived](Result<QList<Location>> locations) {
        if (locations)
            collected->locations = locations.value();
        arrived(locations ? std::nullopt : std::optional(locations.error()));
    });
    m_client->listServerTypes(this, [collected, arrived](Result<QList<ServerType>> types) {
        if (types)
            collected->types = types.value();
        arrived(types ? std::nullopt : std::optional(types.error()));
    });
    m_client->listServers({}, {}, this, [collected, arrived](Result<QList<Server>> servers) {
        if (servers)
            collected->servers = servers.value();
        arrived(servers ? std::nullopt : std::optional(servers.error()));
    });
    if (!fingerprint.isEmpty()) {
        m_client->findSshKeyByFingerprint(fingerprint, this, [collected, arrived](Result<std::optional<SshKey>> key) {
            if (key)
                collected->existingKey = key.value();
            arrived(key ? std::nullopt : std::optional(key.error()));
        });
    }
}

void PlanPreview::conclude(const DeploymentPlan &plan, const Collected &collected, const Done &done)
{
    const Result<PlanSummary> summary
            = PlanSummary::build(plan, collected.types, collected.locations, collected.pricing, collected.existingKey);
    if (!summary)
        return done(summary.error());

    // One image id serves every server, so the plan's types must share an architecture.
    QList<HostSpec> hosts{plan.web};
    hosts << plan.bridges;
    QStringList architectures;
    for (const HostSpec &host : std::as_const(hosts)) {
        for (const ServerType &type : std::as_const(collected.types)) {
            if (type.name == host.serverType && !architectures.contains(type.architecture))
                architectures << type.architecture;
        }
    }
    if (architectures.size() > 1)
        return done(Error{u"input"_s,
                          u"architecture_mixed"_s,
                          tr("The plan mixes Arm and x86 server types (%1). Choose types of one architecture "
                             "for the web host and all bridges.")
                                  .arg(architectures.join(u", "_s)),
                          u"architectures: %1"_s.arg(architectures.join(u", "_s)),
                          {},
                          0});

    Check check;
    check.summary = summary.value();
    check.locations = collected.locations;
    check.serversInProject = int(collected.servers.size());
    // The plan's servers that exist already with this deployment's labels (a resume, add-bridge) are not new.
    int newServers = int(check.summary.servers.size());
    const Labels deployment{{QString::fromLatin1(DeploymentLabels::managedByKey),
                             QString::fromLatin1(DeploymentLabels::managedByValue)},
                            {QString::fromLatin1(DeploymentLabels::deploymentKey), plan.slug()}};
    for (const PlanSummary::Server &planned : std::as_const(check.summary.servers)) {
        for (const Server &existing : collected.servers) {
            if (existing.name == planned.name && labelsMatch(existing.labels, deployment))
                --newServers;
        }
    }
    if (check.serversInProject + newServers > assumedServerLimit)
        check.summary.warnings << tr("After this deployment the project will have %1 servers. Hetzner limits how many "
                                     "servers a project may have, and new projects often have a low limit. If creating "
                                     "a server fails because the limit is reached, ask Hetzner to raise the project's "
                                     "server limit, then run the deployment again: servers already created are reused.")
                                          .arg(check.serversInProject + newServers);

    m_client->findImage(plan.image, architectures.value(0), this, [done, check](Result<Image> image) mutable {
        if (!image) {
            Error error = image.error();
            if (error.code == u"image_not_found"_s)
                error.domain = u"input"_s; // a plan input the user fixes, like a type
            return done(error);
        }
        check.imageId = image->id;
        done(check);
    });
}
