#pragma once

#include <QJsonObject>
#include <QList>

struct SimContext;

// Turns stored objects into what the API shows, filling in the fields that depend on other resources
// (a server's firewalls, a network's servers, a zone's record count).
class ResourceViews
{
public:
    explicit ResourceViews(const SimContext &context);

    QJsonObject server(const QJsonObject &stored) const;
    QJsonObject primaryIp(const QJsonObject &stored) const;
    QJsonObject firewall(const QJsonObject &stored) const;
    QJsonObject network(const QJsonObject &stored) const;
    QJsonObject zone(const QJsonObject &stored) const;
    QJsonObject rrset(const QJsonObject &stored) const;

    // Servers a firewall applies to, directly or through a label selector.
    QList<qint64> firewallTargets(const QJsonObject &firewall) const;

private:
    const SimContext &m_context;
};
