#include "fakecloud.h"

#include <QJsonObject>

#include "fakehost.h"

using namespace Qt::StringLiterals;

FakeCloud::FakeCloud(QObject *parent)
    : QObject(parent)
    , m_repository{{u"jitsi-videobridge2"_s, {u"2.3-312-g1-1"_s}}, {u"jicofo"_s, {u"1.0-1150-1"_s}},
                   {u"jitsi-meet-web"_s, {u"1.0.8800-1"_s}},       {u"jitsi-meet-web-config"_s, {u"1.0.8800-1"_s}},
                   {u"jitsi-meet-prosody"_s, {u"1.0.8800-1"_s}},   {u"prosody"_s, {u"0.12.3-1"_s}}}
{ }

FakeCloud::~FakeCloud()
{
    // Hosts ask for their knobs while they go; delete them while the knobs still exist.
    qDeleteAll(std::exchange(m_hosts, {}));
}

FakeHost *FakeCloud::host(const QString &who) const
{
    for (FakeHost *host : m_hosts) {
        if (host->address() == who || host->serverName() == who)
            return host;
    }
    return nullptr;
}

QList<FakeHost *> FakeCloud::hosts() const
{
    return m_hosts;
}

void FakeCloud::configure(const QString &who, const std::function<void(Knobs &)> &change)
{
    if (const FakeHost *existing = host(who))
        change(m_knobs[existing->address()]);
    else
        m_pending.append({who, change});
}

FakeHost *FakeCloud::hostFor(const HostEndpoint &endpoint)
{
    for (FakeHost *host : std::as_const(m_hosts)) {
        if (host->address() == endpoint.address)
            return host;
    }
    Knobs &knobs = m_knobs[endpoint.address];
    for (qsizetype i = 0; i < m_pending.size();) {
        if (m_pending.at(i).first == endpoint.address || m_pending.at(i).first == endpoint.serverName)
            m_pending.takeAt(i).second(knobs);
        else
            ++i;
    }
    auto *host = new FakeHost(this, endpoint);
    m_hosts.append(host);
    Q_EMIT hostCreated(host);
    return host;
}

FakeHost *FakeCloud::webHostAt(const QString &xmppHost) const
{
    for (FakeHost *host : m_hosts) {
        if (host->role() == HostRole::Web && (host->address() == xmppHost || host->privateAddress() == xmppHost))
            return host;
    }
    return nullptr;
}

QDateTime FakeCloud::nextLogTime()
{
    static const QDateTime start(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC);
    return start.addSecs(m_clock++);
}

void FakeCloud::boot(const QString &who)
{
    if (FakeHost *existing = host(who))
        existing->boot();
    else
        configure(who, [](Knobs &k) { k.bootRequested = true; });
}

void FakeCloud::setPresentedHostKey(const QString &who, const QString &publicKey)
{
    configure(who, [=](Knobs &k) { k.presentedHostKey = publicKey; });
}

void FakeCloud::setPrivateAddress(const QString &who, const QString &address)
{
    configure(who, [=](Knobs &k) { k.privateAddress = address; });
}

void FakeCloud::setPrivateAddresses(const QJsonArray &servers)
{
    for (const QJsonValue &value : servers) {
        const QJsonObject server = value.toObject();
        const QJsonArray nets = server.value(QStringLiteral("private_net")).toArray();
        if (!nets.isEmpty())
            setPrivateAddress(server.value(QStringLiteral("name")).toString(),
                              nets.first().toObject().value(QStringLiteral("ip")).toString());
    }
}

void FakeCloud::failStep(const QString &who, const QString &step, const QString &message, int times)
{
    configure(who, [=](Knobs &k) { k.failures.insert(step, {message, times}); });
}

void FakeCloud::setStepDuration(const QString &who, const QString &step, int ms)
{
    configure(who, [=](Knobs &k) { k.stepDurationsMs.insert(step, ms); });
}

void FakeCloud::setMucNickname(const QString &who, const QString &nickname)
{
    configure(who, [=](Knobs &k) { k.mucNickname = nickname; });
}

void FakeCloud::block5222(const QString &who, bool blocked)
{
    configure(who, [=](Knobs &k) { k.block5222 = blocked; });
}

void FakeCloud::dropFollow(const QString &who, int afterLines)
{
    configure(who, [=](Knobs &k) { k.dropFollowAfterLines = afterLines; });
}

void FakeCloud::failFollow(const QString &who)
{
    configure(who, [=](Knobs &k) { k.failFollow = true; });
}

void FakeCloud::setConferencesAfterDrain(const QString &who, int conferences)
{
    configure(who, [=](Knobs &k) { k.conferencesAfterDrain = conferences; });
}

void FakeCloud::destroyHost(const QString &who)
{
    FakeHost *gone = host(who);
    if (!gone)
        return;
    m_hosts.removeOne(gone);
    if (gone->role() == HostRole::Bridge) {
        for (FakeHost *web : std::as_const(m_hosts)) {
            if (web->role() == HostRole::Web)
                web->bridgeLeft(gone, true);
        }
    } else {
        for (FakeHost *bridge : std::as_const(m_hosts))
            bridge->webHostGone(gone);
    }
    // Agents hold it by QPointer and fail from now on.
    delete gone;
}
