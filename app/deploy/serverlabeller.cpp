#include "serverlabeller.h"

#include "hcloud/hetznerclient.h"

#include <QTimer>

using namespace hcloud;

ServerLabeller::ServerLabeller(HetznerClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{ }

void ServerLabeller::know(const Server &server)
{
    if (server.id == 0)
        return;
    Entry &entry = m_servers[server.id];
    if (entry.busy)
        return; // the answer to the running change is newer than what the caller holds
    entry.known = true;
    entry.labels = server.labels;
}

void ServerLabeller::change(qint64 serverId, Edit edit, Done done)
{
    Entry &entry = m_servers[serverId];
    entry.queue.append({std::move(edit), std::move(done)});
    if (!entry.busy)
        next(serverId);
}

void ServerLabeller::next(qint64 serverId)
{
    Entry &entry = m_servers[serverId];
    if (entry.queue.isEmpty()) {
        entry.busy = false;
        return;
    }
    entry.busy = true;
    auto [edit, done] = entry.queue.takeFirst();
    if (entry.known) {
        apply(serverId, edit, done);
        return;
    }
    m_client->getServer(serverId, this, [this, serverId, edit, done](Result<std::optional<Server>> server) {
        if (!server.ok())
            return finished(serverId, done, server.error());
        if (!server.value())
            return finished(serverId, done,
                            Error{QStringLiteral("deploy"),
                                  QStringLiteral("server_gone"),
                                  tr("The server was deleted while its labels were being updated."),
                                  {},
                                  {},
                                  0});
        Entry &entry = m_servers[serverId];
        entry.known = true;
        entry.labels = server.value()->labels;
        apply(serverId, edit, done);
    });
}

void ServerLabeller::apply(qint64 serverId, const Edit &edit, const Done &done)
{
    const Labels current = m_servers.value(serverId).labels;
    const Labels wanted = edit(current);
    if (wanted == current) {
        // Nothing to send; still answered later, as every change is.
        QTimer::singleShot(0, this, [this, serverId, done] { finished(serverId, done, {}); });
        return;
    }
    ++m_requests;
    m_client->setServerLabels(serverId, wanted, this, [this, serverId, done](Result<Server> server) {
        if (server.ok()) {
            Entry &entry = m_servers[serverId];
            entry.labels = server->labels;
            entry.known = true;
            return finished(serverId, done, {});
        }
        m_servers[serverId].known = false; // unknown what the server holds now: read it again next time
        finished(serverId, done, server.error());
    });
}

void ServerLabeller::finished(qint64 serverId, const Done &done, const Result<void> &result)
{
    next(serverId);
    done(result);
}
