#include "statestore.h"

using namespace Qt::StringLiterals;

namespace {
// Different starting points per collection make mixing up ids in the client visible in tests.
qint64 firstId(const QString &collection)
{
    static const QMap<QString, qint64> bases = {
            {u"servers"_s, 42000000},    {u"ssh_keys"_s, 4711000}, {u"firewalls"_s, 380000}, {u"networks"_s, 4560000},
            {u"primary_ips"_s, 7300000}, {u"zones"_s, 880000},     {u"rrsets"_s, 1},
    };
    return bases.value(collection, 1000);
}
} // namespace

qint64 StateStore::insert(const QString &collection, QJsonObject object)
{
    qint64 &next = m_nextIds[collection];
    if (next == 0)
        next = firstId(collection);
    const qint64 id = ++next;
    object[u"id"_s] = id;
    m_collections[collection].insert(id, object);
    return id;
}

void StateStore::update(const QString &collection, const QJsonObject &object)
{
    m_collections[collection].insert(object.value(u"id"_s).toInteger(), object);
}

bool StateStore::remove(const QString &collection, qint64 id)
{
    return m_collections[collection].remove(id) > 0;
}

QJsonObject StateStore::get(const QString &collection, qint64 id) const
{
    return m_collections.value(collection).value(id);
}

bool StateStore::contains(const QString &collection, qint64 id) const
{
    return m_collections.value(collection).contains(id);
}

QList<QJsonObject> StateStore::all(const QString &collection) const
{
    return m_collections.value(collection).values();
}

QJsonObject StateStore::findByName(const QString &collection, const QString &name) const
{
    const auto &items = m_collections.value(collection);
    for (const QJsonObject &object : items) {
        if (object.value(u"name"_s).toString() == name)
            return object;
    }
    return {};
}

QJsonObject StateStore::find(const QString &collection, const QString &idOrName) const
{
    bool numeric = false;
    const qint64 id = idOrName.toLongLong(&numeric);
    return numeric ? get(collection, id) : findByName(collection, idOrName);
}

QString StateStore::nextIpv4()
{
    const quint32 n = m_ipv4Counter++;
    // 198.18.0.0/15 spans 198.18.x.y and 198.19.x.y; skip .0 and .255 host parts for realism.
    const quint32 third = (n / 254) % 512;
    const quint32 fourth = n % 254 + 1;
    return u"198.%1.%2.%3"_s.arg(18 + third / 256).arg(third % 256).arg(fourth);
}

QString StateStore::nextIpv6Network()
{
    return u"2001:db8:%1::/64"_s.arg(m_ipv6Counter++ & 0xffff, 0, 16);
}
