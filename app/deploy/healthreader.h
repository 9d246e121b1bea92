#pragma once

#include "common/result.h"
#include "deploy/deploymenthealth.h"
#include "deploy/hostagent.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>

#include <functional>

// Reads a deployment's live health from state (DeploymentHealth): jicofo's /debug and /stats and the package
// versions on the web host; /metrics, /about/health and the package versions on each bridge. Read-only, all
// probes at once over connected agents. A host whose agent is missing (SSH failed) is "not reachable", never a
// failure of the whole read; build() is pure, for tests.
class HealthReader : public QObject
{
    Q_OBJECT

public:
    struct Bridge
    {
        HostAgent *agent = nullptr; // nullptr: could not connect
        QString serverName;
        QString nickname; // MUC nickname; empty = serverName (what provisioning sets)
        QString connectError; // why agent is nullptr, translated
    };
    // What the probes answered, before interpretation.
    struct Raw
    {
        QString domain;
        QString webName;
        HostAgent *webAgent = nullptr;
        QString webConnectError;
        HttpProbe debug;
        HttpProbe stats;
        QStringList webPackages;
        struct PerBridge
        {
            Bridge bridge;
            HttpProbe metrics;
            HttpProbe health;
            QStringList packages;
        };
        QList<PerBridge> bridges;
    };
    using Done = std::function<void(const DeploymentHealth &)>;

    HealthReader(const QString &slug, const QString &domain, const QString &webName, HostAgent *web,
                 const QList<Bridge> &bridges, QObject *parent = nullptr);
    void setWebConnectError(const QString &error) { m_raw.webConnectError = error; }
    void read(Done done);

    static DeploymentHealth build(const QString &slug, const Raw &raw, const QDateTime &readAt);

private:
    void probe(HostAgent *agent, quint16 port, const QString &path, HttpProbe *into);
    void packages(HostAgent *agent, QStringList *into);
    void oneDone();

    QString m_slug;
    Raw m_raw;
    int m_pending = 0;
    Done m_done;
};
