#pragma once

#include "deploy/hostagent.h"
#include "deploy/verifier.h"

#include <QList>
#include <QObject>

#include <functional>

// Gathers what the Verifier judges (DESIGN.md §5) from connected hosts: prosody.log, jicofo.log and jicofo's
// /stats from the web host; jvb.log and /about/health from each bridge. All reads run at once. Of each log only
// the lines the Verifier reads travel (Verifier::*Query, picked on the host), so a 200 MB jicofo.log costs the
// event loop a few lines, not a copy and a parse. A missing log is empty evidence (the Verifier names it), not
// a failure; only a host that cannot be read at all fails.
class EvidenceCollector : public QObject
{
    Q_OBJECT

public:
    struct Bridge
    {
        HostAgent *agent = nullptr;
        QString serverName;
        QString publicIp;
        QString privateIp;
    };
    using Done = std::function<void(Result<VerifierInput>)>;

    EvidenceCollector(const QString &domain, HostAgent *web, const QList<Bridge> &bridges, QObject *parent = nullptr);
    void collect(Done done);

    static QString prosodyLogPath();
    static QString jicofoLogPath();
    static QString jvbLogPath();

private:
    void readLog(HostAgent *agent, LogQuery query, const QString &path, LogExcerpt *into);
    void probe(HostAgent *agent, quint16 port, const QString &path, HttpProbe *into);
    void readProsodySessions();
    void oneDone();

    HostAgent *m_web;
    QList<Bridge> m_bridges;
    VerifierInput m_input;
    int m_pending = 0;
    std::optional<Error> m_error;
    Done m_done;
};
