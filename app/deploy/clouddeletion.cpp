// CloudResources, part 3: deleting servers and a whole deployment (see cloudresources.h).
#include "cloudresources.h"

#include "deploy/cloudsupport.h"
#include "hcloud/hclouderrors.h"
#include "hcloud/hetznerclient.h"
#include "hcloud/labelselector.h"

#include <QTimer>

using namespace Qt::StringLiterals;
using namespace hcloud;
using namespace cloudsupport;

// ---- Deleting

void CloudResources::deleteServers(const QList<Server> &servers, Done<void> done)
{
    const Labels deployment{{latin1(DeploymentLabels::managedByKey), latin1(DeploymentLabels::managedByValue)},
                            {latin1(DeploymentLabels::deploymentKey), m_labels.slug()}};
    for (const Server &server : servers) {
        if (labelsMatch(server.labels, deployment))
            continue;
        const Error error = deployError(
                u"not_labelled_for_deployment"_s,
                tr("The server %1 is not labelled as part of %2, so it is left alone.")
                        .arg(server.name, m_labels.slug()),
                u"server %1 (id %2) lacks %3"_s.arg(server.name).arg(server.id).arg(selectorFor(deployment)));
        QTimer::singleShot(0, this, [done, error] { done(error); });
        return;
    }
    deleteAndWait(servers, {}, std::move(done));
}

void CloudResources::deleteAndWait(const QList<Server> &servers, std::function<void(const QString &)> progress,
                                   Done<void> done)
{
    if (servers.isEmpty()) {
        QTimer::singleShot(0, this, [done] { done({}); });
        return;
    }
    auto actionIds = std::make_shared<QList<qint64>>();
    auto join = std::make_shared<Join>();
    join->outstanding = int(servers.size());
    join->then = [this, actionIds, done](const std::optional<Error> &error) {
        // Wait for the deletes that were accepted even when one failed, so nothing is left half-deleted.
        m_client->waitForActions(*actionIds, this, [done, error](Result<QList<Action>> waited) {
            if (error)
                return done(*error);
            if (!waited)
                return done(waited.error());
            done({});
        });
    };
    for (const Server &server : servers) {
        m_client->deleteServer(server.id, this, [join, actionIds, progress, name = server.name](Result<Action> action) {
            if (action) {
                *actionIds << action->id;
                if (progress)
                    progress(name);
            } else if (!hasCode(action.error(), ApiErrorCode::NotFound)) {
                join->fail(action.error());
            }
            join->arrived();
        });
    }
}

void CloudResources::deleteWhenFree(const std::function<void(Done<void>)> &send, int attemptsLeft, Done<void> done)
{
    send([this, send, attemptsLeft, done](Result<void> result) {
        if (result || attemptsLeft <= 1 || !hasCode(result.error(), ApiErrorCode::ResourceInUse))
            return done(result);
        QTimer::singleShot(inUseRetryMs, this,
                           [this, send, attemptsLeft, done] { deleteWhenFree(send, attemptsLeft - 1, done); });
    });
}

void CloudResources::deleteUnusedSshKey(const QString &publicKey, Done<QString> done)
{
    const QString fingerprint = HetznerClient::md5Fingerprint(publicKey);
    if (fingerprint.isEmpty())
        return done(QString());
    m_client->listServers(
            DeploymentLabels::managedSelector(), {}, this, [this, fingerprint, done](Result<QList<Server>> servers) {
                if (!servers)
                    return done(servers.error());
                if (!servers->isEmpty())
                    return done(QString());
                m_client->findSshKeyByFingerprint(fingerprint, this, [this, done](Result<std::optional<SshKey>> key) {
                    if (!key)
                        return done(key.error());
                    const Labels ours = DeploymentLabels::sshKey();
                    if (!key->has_value() || key->value().labels.value(ours.firstKey()) != ours.first())
                        return done(QString());
                    const QString name = key->value().name;
                    m_client->deleteSshKey(key->value().id, this, [done, name](Result<void> gone) {
                        if (!gone && !hasCode(gone.error(), ApiErrorCode::NotFound))
                            return done(gone.error());
                        done(name);
                    });
                });
            });
}

void CloudResources::destroyAll(std::function<void(const QString &resource)> progress, Done<void> done)
{
    struct Found
    {
        QList<Server> servers;
        QList<Firewall> firewalls;
        QList<Network> networks;
    };
    auto found = std::make_shared<Found>();
    auto lists = std::make_shared<Join>();
    lists->outstanding = 3;
    lists->then = [this, found, progress, done](const std::optional<Error> &error) {
        if (error)
            return done(*error);
        // Servers first: a firewall still applied to one, or a network with one attached, cannot be deleted.
        deleteAndWait(found->servers, progress, [this, found, progress, done](Result<void> deleted) {
            if (!deleted)
                return done(deleted);
            auto rest = std::make_shared<Join>();
            rest->outstanding = int(found->firewalls.size() + found->networks.size());
            rest->then = [done](const std::optional<Error> &error) {
                if (error)
                    return done(*error);
                done({});
            };
            if (rest->outstanding == 0)
                return done({});
            const auto onDeleted = [rest, progress](const QString &name) {
                return [rest, progress, name](Result<void> result) {
                    if (result) {
                        if (progress)
                            progress(name);
                    } else if (!hasCode(result.error(), ApiErrorCode::NotFound)) {
                        rest->fail(result.error());
                    }
                    rest->arrived();
                };
            };
            for (const Firewall &firewall : std::as_const(found->firewalls))
                deleteWhenFree([this, id = firewall.id](Done<void> sent) { m_client->deleteFirewall(id, this, sent); },
                               inUseAttempts, onDeleted(firewall.name));
            for (const Network &network : std::as_const(found->networks))
                deleteWhenFree([this, id = network.id](Done<void> sent) { m_client->deleteNetwork(id, this, sent); },
                               inUseAttempts, onDeleted(network.name));
        });
    };
    // Everything listed by the deployment's selector, so nothing without its labels is ever touched.
    const QString selector = m_labels.deploymentSelector();
    m_client->listServers(selector, {}, this, [found, lists](Result<QList<Server>> servers) {
        if (servers)
            found->servers = servers.value();
        else
            lists->fail(servers.error());
        lists->arrived();
    });
    m_client->listFirewalls(selector, this, [found, lists](Result<QList<Firewall>> firewalls) {
        if (firewalls)
            found->firewalls = firewalls.value();
        else
            lists->fail(firewalls.error());
        lists->arrived();
    });
    m_client->listNetworks(selector, this, [found, lists](Result<QList<Network>> networks) {
        if (networks)
            found->networks = networks.value();
        else
            lists->fail(networks.error());
        lists->arrived();
    });
}
