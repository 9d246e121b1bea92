#include "dnscheck.h"

#include "hcloud/hetznerclient.h"

#include <QDnsLookup>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcDns, "deployer.deploy.dns", QtInfoMsg)

namespace {

QString normalizedName(const QString &name)
{
    QString out = name.trimmed().toLower();
    while (out.endsWith(u'.'))
        out.chop(1);
    return out;
}

// Addresses compare by value: "2001:db8:0::1" and "2001:db8::1" are the same record.
bool sameAddresses(const QStringList &actual, const QString &wanted)
{
    const QHostAddress want(wanted);
    if (actual.isEmpty())
        return false;
    for (const QString &value : actual) {
        if (QHostAddress(value) != want)
            return false;
    }
    return true;
}

} // namespace

QString DnsRecord::toZoneLine() const
{
    return u"%1. %2 IN %3 %4"_s.arg(name).arg(DnsCheck::recordTtl).arg(type, value);
}

class DnsCheck::Private
{
public:
    hcloud::HetznerClient *client = nullptr;
    QHostAddress nameserver;
    int pollIntervalMs = 5000;
    hcloud::Labels recordLabels;
};

namespace {

// One publish() call: find the zone of every name first (so nothing is written when one is missing), then
// write only the records that differ. Lives as a child of the DnsCheck and is the context of every API
// callback, so destroying the DnsCheck drops them.
class Publication : public QObject
{
public:
    Publication(hcloud::HetznerClient *client, const QList<DnsRecord> &records, const hcloud::Labels &labels,
                DnsCheck::Done<bool> done, QObject *parent)
        : QObject(parent)
        , m_client(client)
        , m_records(records)
        , m_labels(labels)
        , m_done(std::move(done))
    {
        for (const DnsRecord &record : records) {
            if (!m_names.contains(record.name))
                m_names.append(record.name);
        }
    }

    void start() { findNextZone(); }

private:
    void finish(Result<bool> result)
    {
        const auto done = m_done;
        deleteLater();
        done(std::move(result));
    }

    void findNextZone()
    {
        if (m_zones.size() == m_names.size()) {
            writeNext();
            return;
        }
        const QString name = m_names.at(m_zones.size());
        m_client->findZoneForDomain(name, this, [this, name](Result<std::optional<hcloud::Zone>> zone) {
            if (!zone.ok()) {
                finish(zone.error());
                return;
            }
            if (!zone->has_value()) {
                qCInfo(lcDns) << "no zone in the project holds" << name << "- the records must be created by hand";
                finish(false);
                return;
            }
            if ((*zone)->mode != u"primary"_s) {
                // A secondary zone copies its records from another server; the API refuses changes to it.
                qCInfo(lcDns) << "zone" << (*zone)->name << "is" << (*zone)->mode << "- records must be created there";
                finish(false);
                return;
            }
            m_zones.append(**zone);
            findNextZone();
        });
    }

    void writeNext()
    {
        if (m_next == m_records.size()) {
            finish(true);
            return;
        }
        const DnsRecord record = m_records.at(m_next++);
        const hcloud::Zone zone = m_zones.at(m_names.indexOf(record.name));
        const QString relative = DnsCheck::relativeName(record.name, zone.name);
        m_client->listRRSets(zone.id, relative, record.type, this,
                             [this, record, zone, relative](Result<QList<hcloud::RRSet>> existing) {
                                 if (!existing.ok()) {
                                     finish(existing.error());
                                     return;
                                 }
                                 for (const hcloud::RRSet &rrset : *existing) {
                                     if (rrset.name == relative && rrset.type == record.type
                                         && sameAddresses(rrset.records, record.value)) {
                                         qCDebug(lcDns) << "record already in place:" << record.toZoneLine();
                                         writeNext();
                                         return;
                                     }
                                 }
                                 qCInfo(lcDns) << "writing" << record.toZoneLine() << "to zone" << zone.name;
                                 m_client->setRecords(zone.id, relative, record.type, {record.value},
                                                      DnsCheck::recordTtl, m_labels, this,
                                                      [this](Result<void> written) {
                                                          if (!written.ok()) {
                                                              finish(written.error());
                                                              return;
                                                          }
                                                          writeNext();
                                                      });
                             });
    }

    hcloud::HetznerClient *m_client;
    QList<DnsRecord> m_records;
    hcloud::Labels m_labels; // for the RRSets this publication creates
    DnsCheck::Done<bool> m_done;
    QStringList m_names; // distinct record names, in order
    QList<hcloud::Zone> m_zones; // the zone of m_names[i]
    qsizetype m_next = 0;
};

// One waitForResolution() call: rounds of lookups (one per record, in parallel) until all match, and a deadline
// that ends the wait even while a lookup is still unanswered.
class ResolutionWait : public QObject
{
public:
    ResolutionWait(const QList<DnsRecord> &records, const QHostAddress &nameserver, int pollIntervalMs,
                   std::function<void(const DnsCheckProgress &)> progress, DnsCheck::Done<void> done, QObject *parent)
        : QObject(parent)
        , m_records(records)
        , m_nameserver(nameserver)
        , m_pollIntervalMs(pollIntervalMs)
        , m_progress(std::move(progress))
        , m_done(std::move(done))
    {
        for (const DnsRecord &record : records)
            m_states.append(DnsAnswer{record, {}, false, {}});
        m_deadline.setSingleShot(true);
        connect(&m_deadline, &QTimer::timeout, this, &ResolutionWait::giveUp);
        m_nextRound.setSingleShot(true);
        connect(&m_nextRound, &QTimer::timeout, this, &ResolutionWait::startRound);
    }

    void start(int timeoutMs)
    {
        m_timeoutMs = qMax(0, timeoutMs);
        m_deadline.start(m_timeoutMs);
        m_waited.start();
        // Not inside the caller's stack: the callbacks promise to run later.
        m_nextRound.start(0);
    }

private:
    using State = DnsAnswer; // of the last answer per record

    void startRound()
    {
        ++m_round;
        m_pending = m_records.size();
        if (m_records.isEmpty()) {
            roundFinished();
            return;
        }
        for (qsizetype i = 0; i < m_records.size(); ++i) {
            const DnsRecord &record = m_records.at(i);
            const auto type = record.type == u"AAAA"_s ? QDnsLookup::AAAA : QDnsLookup::A;
            auto *lookup = m_nameserver.isNull() ? new QDnsLookup(type, record.name, this)
                                                 : new QDnsLookup(type, record.name, m_nameserver, this);
            m_lookups.append(lookup);
            connect(lookup, &QDnsLookup::finished, this, [this, lookup, i] {
                m_lookups.removeAll(lookup);
                lookup->deleteLater();
                m_states[i] = judge(m_records.at(i), *lookup);
                if (--m_pending == 0)
                    roundFinished();
            });
            lookup->lookup();
        }
    }

    static State judge(const DnsRecord &record, const QDnsLookup &lookup)
    {
        if (lookup.error() == QDnsLookup::NotFoundError)
            return {record,
                    {},
                    false,
                    DnsCheck::tr("%1 does not resolve yet (no such name), expected %2").arg(record.name, record.value)};
        // Qt 6.4 on glibc reports an empty answer (the name exists, the type does not) as an invalid reply,
        // because res_nquery() returns no message for it; that is by far the likely case here.
        if (lookup.error() == QDnsLookup::InvalidReplyError) {
            return {record,
                    {},
                    false,
                    DnsCheck::tr("%1 has no %2 record yet (or the resolver's answer was unreadable), expected %3")
                            .arg(record.name, record.type, record.value)};
        }
        if (lookup.error() != QDnsLookup::NoError) {
            return {record,
                    {},
                    false,
                    DnsCheck::tr("%1 could not be looked up (%2), expected %3")
                            .arg(record.name, lookup.errorString(), record.value)};
        }
        const auto protocol = record.type == u"AAAA"_s ? QAbstractSocket::IPv6Protocol : QAbstractSocket::IPv4Protocol;
        QStringList addresses;
        const QList<QDnsHostAddressRecord> answers = lookup.hostAddressRecords();
        for (const QDnsHostAddressRecord &answer : answers) {
            if (answer.value().protocol() == protocol && !addresses.contains(answer.value().toString()))
                addresses.append(answer.value().toString());
        }
        if (addresses.isEmpty()) {
            return {record,
                    {},
                    false,
                    DnsCheck::tr("%1 has no %2 record yet, expected %3").arg(record.name, record.type, record.value)};
        }
        if (sameAddresses(addresses, record.value))
            return {record, addresses, true, DnsCheck::tr("%1 resolves to %2").arg(record.name, record.value)};
        return {record, addresses, false,
                DnsCheck::tr("%1 resolves to %2, expected %3").arg(record.name, addresses.join(u", "_s), record.value)};
    }

    void roundFinished()
    {
        DnsCheckProgress progress{m_nameserver.isNull() ? QString() : m_nameserver.toString(), m_round,
                                  m_pollIntervalMs, m_states};
        const QString line = progress.summary();
        if (line.isEmpty()) {
            qCInfo(lcDns) << "all records resolve after" << m_round << "round(s)";
            finish({});
            return;
        }
        qCInfo(lcDns) << "round" << m_round << line;
        if (m_progress) {
            // The listener may delete the DnsCheck, and with it this wait.
            const QPointer<ResolutionWait> alive(this);
            m_progress(progress);
            if (!alive)
                return;
        }
        m_nextRound.start(m_pollIntervalMs);
    }

public:
    void giveUp()
    {
        // An unanswered lookup cannot be interrupted inside the resolver; its answer is simply no longer wanted.
        for (QDnsLookup *lookup : std::as_const(m_lookups)) {
            lookup->disconnect(this);
            lookup->abort();
            lookup->deleteLater();
        }
        m_lookups.clear();
        m_nextRound.stop();

        QStringList missing;
        for (qsizetype i = 0; i < m_records.size(); ++i) {
            if (m_states.at(i).ready)
                continue;
            missing.append(m_states.at(i).description.isEmpty()
                                   ? DnsCheck::tr("%1 gave no answer yet, expected %2")
                                             .arg(m_records.at(i).name, m_records.at(i).value)
                                   : m_states.at(i).description);
        }
        QStringList zoneLines;
        for (const DnsRecord &record : m_records)
            zoneLines.append(record.toZoneLine());
        // The deadline, or less when the user stopped the wait (stopWaiting()).
        const int seconds = int(qMin<qint64>(m_timeoutMs, m_waited.elapsed()) + 999) / 1000;
        finish(Error{u"dns"_s,
                     u"dns_not_ready"_s,
                     DnsCheck::tr("The domain's DNS records still do not point at the web host after %n second(s) "
                                  "of waiting: %1. Check these records at your DNS provider: %2. Changes can take "
                                  "a while to spread.",
                                  nullptr, seconds)
                             .arg(missing.join(u"; "_s), zoneLines.join(u", "_s)),
                     u"%1 lookup round(s) via %2"_s.arg(m_round).arg(m_nameserver.isNull() ? u"the system resolver"_s
                                                                                           : m_nameserver.toString()),
                     {},
                     0,
                     {Advice::Kind::RetryOnceDnsResolves, {}}});
    }

    void finish(Result<void> result)
    {
        m_deadline.stop();
        m_nextRound.stop();
        const auto done = m_done;
        deleteLater();
        done(std::move(result));
    }

    QList<DnsRecord> m_records;
    QHostAddress m_nameserver;
    int m_pollIntervalMs;
    int m_timeoutMs = 0;
    QElapsedTimer m_waited;
    std::function<void(const DnsCheckProgress &)> m_progress;
    DnsCheck::Done<void> m_done;
    QList<State> m_states; // of the last answer per record
    QList<QDnsLookup *> m_lookups; // in flight
    qsizetype m_pending = 0;
    int m_round = 0;
    QTimer m_deadline;
    QTimer m_nextRound;
};

QList<DnsRecord> normalized(const QList<DnsRecord> &records)
{
    QList<DnsRecord> out;
    for (DnsRecord record : records) {
        record.name = normalizedName(record.name);
        record.type = record.type.toUpper();
        out.append(record);
    }
    return out;
}

} // namespace

DnsCheck::DnsCheck(hcloud::HetznerClient *client, QObject *parent)
    : QObject(parent)
    , d(new Private)
{
    d->client = client;
}

DnsCheck::~DnsCheck()
{
    delete d;
}

void DnsCheck::setNameserver(const QHostAddress &nameserver)
{
    d->nameserver = nameserver;
}

void DnsCheck::setPollIntervalMs(int ms)
{
    d->pollIntervalMs = qMax(0, ms);
}

void DnsCheck::setRecordLabels(const hcloud::Labels &labels)
{
    d->recordLabels = labels;
}

QList<DnsRecord> DnsCheck::requiredRecords(const QString &domain, const QString &ipv4, const QString &ipv6)
{
    const QString name = normalizedName(domain);
    QList<DnsRecord> records;
    if (!ipv4.isEmpty())
        records.append(DnsRecord{name, u"A"_s, ipv4});
    if (!ipv6.isEmpty())
        records.append(DnsRecord{name, u"AAAA"_s, ipv6});
    return records;
}

QString DnsCheckProgress::summary() const
{
    QStringList lines;
    for (const DnsAnswer &answer : answers) {
        if (!answer.ready)
            lines.append(answer.description);
    }
    return lines.join(u"; "_s);
}

QString DnsCheck::relativeName(const QString &fqdn, const QString &zone)
{
    const QString name = normalizedName(fqdn);
    const QString zoneName = normalizedName(zone);
    if (zoneName.isEmpty())
        return {};
    if (name == zoneName)
        return u"@"_s;
    if (name.endsWith(u'.' + zoneName))
        return name.left(name.size() - zoneName.size() - 1);
    return {};
}

void DnsCheck::publish(const QList<DnsRecord> &records, Done<bool> done)
{
    auto *publication = new Publication(d->client, normalized(records), d->recordLabels, std::move(done), this);
    // Deferred, so even an empty list answers later, as every callback here does.
    QTimer::singleShot(0, publication, [publication] { publication->start(); });
}

void DnsCheck::waitForResolution(const QList<DnsRecord> &records, int timeoutMs,
                                 std::function<void(const DnsCheckProgress &)> progress, Done<void> done)
{
    auto *wait = new ResolutionWait(normalized(records), d->nameserver, d->pollIntervalMs, std::move(progress),
                                    std::move(done), this);
    wait->start(timeoutMs);
}

void DnsCheck::stopWaiting()
{
    for (ResolutionWait *wait : findChildren<ResolutionWait *>(Qt::FindDirectChildrenOnly))
        QMetaObject::invokeMethod(wait, &ResolutionWait::giveUp, Qt::QueuedConnection);
}
