#pragma once

#include "common/result.h"
#include "hcloud/hcloudtypes.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace hcloud {
class HetznerClient;
}

// One DNS record the meeting domain needs (DESIGN.md §2 step 7).
struct DnsRecord
{
    QString name; // fully qualified, lower case, no trailing dot, e.g. "meet.example.org"
    QString type; // "A" or "AAAA"
    QString value; // the web host's address

    QString toZoneLine() const; // "meet.example.org. 300 IN A 198.51.100.7", what the user copies
    friend bool operator==(const DnsRecord &, const DnsRecord &) = default;
};

// What one lookup round found for one record.
struct DnsAnswer
{
    DnsRecord record; // what is expected
    QStringList addresses; // what the resolver answered (of the record's type); empty for no answer
    bool ready = false; // answered with exactly the expected address
    QString description; // plain language: "meet.example.org resolves to 203.0.113.9, expected 198.51.100.7"
};

// A lookup round that is not complete yet: which resolver was asked, what it answered, when the next try is.
struct DnsCheckProgress
{
    QString resolver; // the nameserver's address, empty for the system's resolver
    int round = 0; // 1-based
    int nextTryMs = 0; // until the next round
    QList<DnsAnswer> answers; // one per record, in the records' order

    QString summary() const; // the descriptions of the records not ready yet, joined with "; "
};

// The DNS part of a deployment: which records are needed, creating them through Hetzner's Cloud DNS API when
// the zone lives in the same project, and waiting (bounded) until a resolver answers with the web host's
// address, so the certificate step only runs when Let's Encrypt can reach the host.
//
// Callbacks run exactly once, always later (never inside the call), in this object's thread; when the DnsCheck
// is destroyed first they never run.
class DnsCheck : public QObject
{
    Q_OBJECT

public:
    template<typename T>
    using Done = std::function<void(Result<T>)>;

    static constexpr int recordTtl = 300;

    explicit DnsCheck(hcloud::HetznerClient *client, QObject *parent = nullptr);
    ~DnsCheck() override;

    // Which resolver answers the resolution check. Default: the system's. Tests and the testbed point it at
    // their own DNS server (QDnsLookup::setNameserver; port 53).
    void setNameserver(const QHostAddress &nameserver);
    void setPollIntervalMs(int ms); // between lookups while waiting; default 5000
    // Labels for the RRSets publish() creates, so destroy can later tell them from the user's own records (an
    // RRSet that already exists keeps its labels: it is not ours).
    void setRecordLabels(const hcloud::Labels &labels);

    // A for `ipv4`, AAAA for `ipv6` (an address, not the /64), each only when not empty.
    static QList<DnsRecord> requiredRecords(const QString &domain, const QString &ipv4, const QString &ipv6);

    // The RRSet name of `fqdn` inside `zone` as Cloud DNS wants it: relative, "@" for the apex. Empty when the
    // zone does not hold the name.
    static QString relativeName(const QString &fqdn, const QString &zone);

    // Creates or updates the records when the project has the zone holding the domain; records that already
    // hold exactly the wanted value are not written again. The value is true when the records are in place,
    // false when the zone is not in the project or is a secondary zone (the user must create them; not an error).
    void publish(const QList<DnsRecord> &records, Done<bool> done);

    // Polls until every record resolves to its value and nothing else, at most `timeoutMs` (an unanswered
    // lookup is abandoned at the deadline). `progress` gets each round that is not yet complete (its summary()
    // is the plain-language line, "meet.example.org resolves to 203.0.113.9, expected 198.51.100.7"). The error
    // "dns_not_ready" names the records that do not resolve yet and what they resolve to.
    void waitForResolution(const QList<DnsRecord> &records, int timeoutMs,
                           std::function<void(const DnsCheckProgress &)> progress, Done<void> done);
    // Ends every running wait now, as its deadline would: the user chose to go on without the records (the
    // certificate stays self-signed). Its `done` follows from the event loop with "dns_not_ready".
    void stopWaiting();

private:
    class Private;
    Private *d;
};
