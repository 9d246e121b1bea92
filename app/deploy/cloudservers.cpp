// CloudResources, part 2: creating the deployment's servers, adopting those that exist (see cloudresources.h).
#include "cloudresources.h"

#include "common/logging.h"
#include "deploy/cloudsupport.h"
#include "deploy/deploymentlabels.h"
#include "hcloud/hclouderrors.h"
#include "hcloud/hetznerclient.h"
#include "hcloud/labelselector.h"

#include <optional>

using namespace Qt::StringLiterals;
using namespace hcloud;
using namespace cloudsupport;

struct CloudResources::ServerRun
{
    enum class State {
        Pending, // to be created
        Exists, // found before this run
        Created, // POST answered with the server
        Uncertain, // POST failed in a way that may have created it; the final list decides
        Failed, // not created
        ActionFailed, // created, but its create/start action failed; deleted again
        Deleted,
    };
    struct Entry
    {
        State state = State::Pending;
        qint64 serverId = 0;
        QList<qint64> actionIds;
        std::optional<Error> error;
    };

    QList<ServerOrder> orders;
    QList<Entry> entries;
    Base base;
    qint64 imageId = 0;
    ServerProgress progress;
    Done<QList<Server>> done;
    std::optional<Error> fatal; // a failure of no single server (the poll failed)
    int outstanding = 0;

    void report(qsizetype index, ResourceState state) const
    {
        if (progress)
            progress(orders.at(index).name, state);
    }
};

// ---- Servers

void CloudResources::createServers(const QList<ServerOrder> &orders, const Base &base, qint64 imageId,
                                   ServerProgress progress, Done<QList<Server>> done)
{
    auto run = std::make_shared<ServerRun>();
    run->orders = orders;
    run->entries.resize(orders.size());
    run->base = base;
    run->imageId = imageId;
    run->progress = std::move(progress);
    run->done = std::move(done);

    m_client->listServers(m_labels.deploymentSelector(), {}, this, [this, run](Result<QList<Server>> listed) {
        if (!listed)
            return run->done(listed.error());
        for (qsizetype i = 0; i < run->orders.size(); ++i) {
            const ServerOrder &order = run->orders.at(i);
            ServerRun::Entry &entry = run->entries[i];
            const Server *existing = findByName(listed.value(), order.name);
            if (!existing)
                continue;
            if (!labelsMatch(existing->labels, identityOf(order))) {
                entry.state = ServerRun::State::Failed;
                entry.error
                        = deployError(u"server_labels_mismatch"_s,
                                      tr("The server %1 belongs to this deployment but is labelled for another role. "
                                         "Delete it "
                                         "in the Hetzner Cloud Console, or remove it as a bridge, then deploy again.")
                                              .arg(order.name),
                                      u"server %1 (id %2) labels do not include %3"_s.arg(order.name)
                                              .arg(existing->id)
                                              .arg(selectorFor(identityOf(order))))
                                  .advising(Advice::Kind::RemoveBridge, order.name);
                run->report(i, ResourceState::Failed);
                continue;
            }
            entry.state = ServerRun::State::Exists;
            entry.serverId = existing->id;
            run->report(i, ResourceState::Exists);
        }
        postServers(run);
    });
}

void CloudResources::postServers(const std::shared_ptr<ServerRun> &run)
{
    QList<qsizetype> pending;
    for (qsizetype i = 0; i < run->entries.size(); ++i) {
        if (run->entries.at(i).state == ServerRun::State::Pending)
            pending << i;
    }
    if (pending.isEmpty())
        return finishServers(run);

    // Every POST now; none waits for another's answer or action.
    run->outstanding = int(pending.size());
    for (qsizetype i : std::as_const(pending)) {
        const ServerOrder &order = run->orders.at(i);
        CreateServerRequest request;
        request.name = order.name;
        request.serverType = order.spec.serverType;
        request.imageId = run->imageId;
        request.location = order.spec.location;
        request.sshKeyIds = {run->base.sshKey.id};
        request.userData = QString::fromUtf8(order.userData);
        // Pending until its host is installed and verified: an interrupted run shows in the project (Discovery).
        request.labels = DeploymentLabels::withSetUpPending(labelsOf(order), true);
        if (order.role == HostRole::Web || order.onNetwork)
            request.networkIds = {run->base.network.id};
        run->report(i, ResourceState::Creating);
        m_client->createServer(request, this, [this, run, i](Result<Created<Server>> created) {
            const ServerOrder &order = run->orders.at(i);
            ServerRun::Entry &entry = run->entries[i];
            const QString where
                    = u"POST /servers %1 (%2 in %3)"_s.arg(order.name, order.spec.serverType, order.spec.location);
            if (created) {
                entry.state = ServerRun::State::Created;
                entry.serverId = created->object.id;
                for (const Action &action : created->actions)
                    entry.actionIds << action.id;
                run->report(i, ResourceState::Created);
            } else if (hasCode(created.error(), ApiErrorCode::UniquenessError)) {
                // HetznerClient already looked: the name belongs to a server without our labels.
                entry.state = ServerRun::State::Failed;
                entry.error = rephrased(created.error(),
                                        tr("A server named %1 already exists in the project, but this deployment did "
                                           "not create it. Rename or delete it in the Hetzner Cloud Console first.")
                                                .arg(order.name),
                                        where)
                                      .advising(Advice::Kind::RetrySameOperation);
                run->report(i, ResourceState::Failed);
            } else {
                const Error &cause = created.error();
                QString message;
                if (hasCode(cause, ApiErrorCode::ResourceUnavailable) || hasCode(cause, ApiErrorCode::PlacementError))
                    message = tr("%1 could not be created: the server type %2 is not available in %3 right now (sold "
                                 "out). Choose another type or location for it; the servers already created are "
                                 "reused.")
                                      .arg(order.name, order.spec.serverType, order.spec.location);
                else if (hasCode(cause, ApiErrorCode::ResourceLimitExceeded))
                    message = tr("%1 (%2 in %3) could not be created: the project has reached its server limit. Ask "
                                 "Hetzner to raise the limit or delete servers you no longer need first; the servers "
                                 "already created are reused.")
                                      .arg(order.name, order.spec.serverType, order.spec.location);
                else
                    message = tr("%1 (%2 in %3) could not be created. %4")
                                      .arg(order.name, order.spec.serverType, order.spec.location, cause.message);
                entry.error = rephrased(cause, message, where).advising(Advice::Kind::RetrySameOperation);
                entry.state = mayHaveTakenEffect(cause) ? ServerRun::State::Uncertain : ServerRun::State::Failed;
                if (entry.state == ServerRun::State::Failed)
                    run->report(i, ResourceState::Failed);
            }
            if (--run->outstanding > 0)
                return;
            QList<qint64> actionIds;
            for (const ServerRun::Entry &each : std::as_const(run->entries))
                actionIds << each.actionIds;
            waitForServers(run, actionIds);
        });
    }
}

void CloudResources::waitForServers(const std::shared_ptr<ServerRun> &run, const QList<qint64> &actionIds)
{
    if (actionIds.isEmpty())
        return deleteFailedServers(run);
    m_client->waitForActions(actionIds, this, [this, run, actionIds](Result<QList<Action>> waited) {
        if (waited)
            return deleteFailedServers(run);
        // The shared wait stops at the first failed action; find out which servers failed and let the rest finish.
        const Error cause = waited.error();
        m_client->getActions(actionIds, this, [this, run, cause](Result<QList<Action>> actions) {
            if (!actions) {
                run->fatal = cause;
                return deleteFailedServers(run);
            }
            bool anyFailed = false;
            for (const Action &action : actions.value()) {
                if (action.status != u"error"_s)
                    continue;
                for (qsizetype i = 0; i < run->entries.size(); ++i) {
                    ServerRun::Entry &entry = run->entries[i];
                    if (!entry.actionIds.contains(action.id) || entry.state != ServerRun::State::Created)
                        continue;
                    const ServerOrder &order = run->orders.at(i);
                    entry.state = ServerRun::State::ActionFailed;
                    entry.error
                            = rephrased(actionError(action.command, action.id, action.errorCode, action.errorMessage),
                                        tr("Hetzner could not finish creating %1 (%2 in %3): %4 The server is deleted "
                                           "again.")
                                                .arg(order.name, order.spec.serverType, order.spec.location,
                                                     action.errorMessage),
                                        u"action %1 (%2) of server %3"_s.arg(action.id).arg(action.command, order.name))
                                      .advising(Advice::Kind::RetrySameOperation);
                    anyFailed = true;
                }
            }
            if (!anyFailed) {
                run->fatal = cause; // the poll itself failed, or an action timed out
                return deleteFailedServers(run);
            }
            QList<qint64> stillOpen;
            for (const Action &action : actions.value()) {
                if (action.finished())
                    continue;
                for (const ServerRun::Entry &entry : std::as_const(run->entries)) {
                    if (entry.state == ServerRun::State::Created && entry.actionIds.contains(action.id))
                        stillOpen << action.id;
                }
            }
            waitForServers(run, stillOpen);
        });
    });
}

void CloudResources::deleteFailedServers(const std::shared_ptr<ServerRun> &run)
{
    // A server whose create or start failed would stay half-made (and billed): this run made it, so it removes it,
    // and the next run creates it afresh instead of finding a broken one.
    QList<Server> failed;
    for (qsizetype i = 0; i < run->entries.size(); ++i) {
        if (run->entries.at(i).state != ServerRun::State::ActionFailed)
            continue;
        Server server;
        server.id = run->entries.at(i).serverId;
        server.name = run->orders.at(i).name;
        server.labels = labelsOf(run->orders.at(i));
        failed << server;
    }
    if (failed.isEmpty())
        return finishServers(run);
    deleteAndWait(failed, {}, [this, run](Result<void> deleted) {
        if (deleted) {
            for (qsizetype i = 0; i < run->entries.size(); ++i) {
                if (run->entries.at(i).state != ServerRun::State::ActionFailed)
                    continue;
                run->entries[i].state = ServerRun::State::Deleted;
                run->report(i, ResourceState::Deleted);
            }
        } else {
            qCWarning(lcHcloud) << "could not delete servers whose creation failed:" << deleted.error().toString();
        }
        finishServers(run);
    });
}

void CloudResources::finishServers(const std::shared_ptr<ServerRun> &run)
{
    m_client->listServers(m_labels.deploymentSelector(), {}, this, [this, run](Result<QList<Server>> listed) {
        if (!listed) {
            Error error = run->fatal.value_or(listed.error());
            return run->done(error);
        }
        QList<Server> servers;
        QStringList present;
        std::optional<Error> failure = run->fatal;
        for (qsizetype i = 0; i < run->orders.size(); ++i) {
            const ServerOrder &order = run->orders.at(i);
            ServerRun::Entry &entry = run->entries[i];
            const Server *found = findByName(listed.value(), order.name);
            const bool ours = found && labelsMatch(found->labels, identityOf(order));
            if (ours)
                present << order.name;
            switch (entry.state) {
            case ServerRun::State::Exists:
            case ServerRun::State::Created:
            case ServerRun::State::Uncertain:
                if (ours) {
                    if (entry.state == ServerRun::State::Uncertain)
                        run->report(i, ResourceState::Created); // the lost answer's server, adopted by name and labels
                    if (found->status == u"running"_s)
                        run->report(i, ResourceState::Running);
                    servers << *found;
                    break;
                }
                if (entry.state != ServerRun::State::Uncertain)
                    entry.error
                            = deployError(
                                      u"server_vanished"_s,
                                      tr("The server %1 disappeared while it was being created; going on creates it "
                                         "anew.")
                                              .arg(order.name),
                                      u"server %1 (id %2) is not listed any more"_s.arg(order.name).arg(entry.serverId))
                                      .advising(Advice::Kind::RetrySameOperation);
                run->report(i, ResourceState::Failed);
                if (!failure)
                    failure = entry.error;
                break;
            case ServerRun::State::Pending:
            case ServerRun::State::Failed:
            case ServerRun::State::ActionFailed:
            case ServerRun::State::Deleted:
                if (!failure)
                    failure = entry.error;
                break;
            }
        }
        if (failure) {
            Error error = *failure;
            error.detail += u"; servers of %1 now: %2"_s.arg(m_labels.slug(),
                                                             present.isEmpty() ? u"none"_s : present.join(u", "_s));
            return run->done(error);
        }
        run->done(servers);
    });
}
