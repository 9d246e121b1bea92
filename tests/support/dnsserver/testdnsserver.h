#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QMap>
#include <QString>
#include <QStringList>

#include <memory>

class QProcess;

// A real DNS server for tests: Debian's dnsmasq, authoritative for example.org, on one loopback address, port 53
// (so root, as in CI). It reads no configuration, no /etc/hosts and no /etc/resolv.conf, writes no pid file and
// changes nothing on the machine; it dies with the test process even if that crashes (PR_SET_PDEATHSIG), and with
// this object otherwise.
class TestDnsServer
{
public:
    // A loopback address of this process's own (the whole 127/8 is the lo interface on Linux), so the server
    // never competes with a resolver the machine runs on 127.0.0.1 or 127.0.0.53, nor with a parallel test.
    static QHostAddress privateLoopback(int host);

    TestDnsServer();
    TestDnsServer(const TestDnsServer &) = delete;
    TestDnsServer &operator=(const TestDnsServer &) = delete;
    ~TestDnsServer();

    // Answers `fixed` (name -> addresses) and, if `hostsDirectory` is set, the hosts-format files in it, which
    // dnsmasq re-reads when they change (for addresses known only once a test runs). Empty on success, else why
    // it failed.
    QString start(const QHostAddress &address, const QMap<QString, QStringList> &fixed,
                  const QString &hostsDirectory = {});
    void stop();
    QByteArray log();

private:
    std::unique_ptr<QProcess> m_process;
    QByteArray m_log;
};
