#pragma once

#include "common/result.h"
#include "hcloud/hcloudtypes.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <functional>

namespace hcloud {
class HetznerClient;
}

// Changes labels of existing servers (the host-key and set-up labels, DESIGN.md §4). The API replaces a server's
// whole label set on each update, so two changes to one server made at once would undo each other: changes to one
// server run one after another, each from the labels the last answer returned. Labels the engine does not own
// (added by the user in the Console) are kept. A change that leaves the labels as they are sends nothing.
class ServerLabeller : public QObject
{
    Q_OBJECT

public:
    using Edit = std::function<hcloud::Labels(hcloud::Labels)>;
    using Done = std::function<void(Result<void>)>;

    explicit ServerLabeller(hcloud::HetznerClient *client, QObject *parent = nullptr);

    // The server's labels as just read or created; a server not made known is read first (GET) on its first change.
    void know(const hcloud::Server &server);
    // `done` runs exactly once, later, unless this object is destroyed first.
    void change(qint64 serverId, Edit edit, Done done);
    int requestsSent() const { return m_requests; }

private:
    struct Entry
    {
        bool known = false;
        hcloud::Labels labels;
        bool busy = false;
        QList<std::pair<Edit, Done>> queue;
    };
    void next(qint64 serverId);
    void apply(qint64 serverId, const Edit &edit, const Done &done);
    void finished(qint64 serverId, const Done &done, const Result<void> &result);

    hcloud::HetznerClient *m_client;
    QHash<qint64, Entry> m_servers;
    int m_requests = 0;
};
