#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QString>

// The project's mutable objects, per collection ("servers", "ssh_keys", ...), keyed by id. Objects are
// stored as the API would show them minus fields computed on output (action-driven status aside).
class StateStore
{
public:
    qint64 insert(const QString &collection, QJsonObject object); // assigns "id", returns it
    void update(const QString &collection, const QJsonObject &object);
    bool remove(const QString &collection, qint64 id);
    QJsonObject get(const QString &collection, qint64 id) const;
    bool contains(const QString &collection, qint64 id) const;
    QList<QJsonObject> all(const QString &collection) const;
    QJsonObject findByName(const QString &collection, const QString &name) const;
    // By numeric id or by name.
    QJsonObject find(const QString &collection, const QString &idOrName) const;

    // Simulated addresses: IPv4 from 198.18.0.0/15 and IPv6 /64s from 2001:db8::/32 (documentation ranges,
    // never routed), so nothing a test does can point at a real host.
    QString nextIpv4();
    QString nextIpv6Network();

private:
    QMap<QString, QMap<qint64, QJsonObject>> m_collections;
    QMap<QString, qint64> m_nextIds;
    quint32 m_ipv4Counter = 10;
    quint32 m_ipv6Counter = 0x100;
};
