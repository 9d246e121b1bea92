#pragma once

#include "simobserver.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

class QProcess;
struct SimContext;

// Turns the simulator's servers into testbed hosts (tests/testbed/README.md): when a server starts, a sandboxed
// Debian host with the server's public IPv4, private network address, name and user-data boots through
// tests/testbed/host.sh; when it is deleted, the host is torn down (its logs collected first). The project's
// A/AAAA records are published to the testbed's DNS as one hosts file. Everything runs asynchronously in
// child processes; the destructor tears down every host still up, so no sandbox outlives the simulator.
class TestbedHosts : public QObject, public SimObserver
{
    Q_OBJECT

public:
    struct Options
    {
        QString hostScript; // tests/testbed/host.sh
        QString servicesDir; // services.sh's state (DNS, packages, ACME); empty = hosts without services
        QString artefactsDir; // a deleted host's logs go to <this>/<server name>/var/log; empty = not kept
        QString stateDir; // for the user-data files handed to host.sh
    };

    TestbedHosts(const SimContext &context, const Options &options, QObject *parent = nullptr);
    ~TestbedHosts() override;

    void serverStarted(const QJsonObject &server) override;
    void serverDeleted(const QJsonObject &server) override;
    void zonesChanged() override;

    // Hosts up now, by server name.
    QStringList hosts() const;
    // True while a host is booting or being torn down.
    bool isBusy() const;

Q_SIGNALS:
    void hostUp(const QString &name, const QString &address);
    void hostFailed(const QString &name, const QString &output);
    void hostDown(const QString &name);

private:
    struct Job
    {
        QString name;
        QStringList arguments;
        std::function<void(bool ok, const QString &output)> done;
    };
    // One job per host at a time, in order: a delete waits for the boot it follows.
    void enqueue(Job job);
    void runNext(const QString &name);
    QStringList upArguments(const QJsonObject &server) const;
    QString dnsHostsFile() const;

    const SimContext &m_context;
    Options m_options;
    QHash<QString, QList<Job>> m_queues;
    QHash<QString, QProcess *> m_running;
    QStringList m_up;
};
