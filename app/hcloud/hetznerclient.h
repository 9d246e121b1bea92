#pragma once

#include "common/result.h"
#include "hcloudtypes.h"
#include "labelselector.h"
#include "retrypolicy.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace hcloud {

// Default endpoint; HCLOUD_ENDPOINT or --api-endpoint override it.
inline constexpr auto defaultEndpoint = "https://api.hetzner.cloud/v1";

// Asynchronous, typed Hetzner Cloud client (reference/hetzner-cloud-api.md). Lives in the thread that
// owns the QNetworkAccessManager (the GUI thread in the wizard) and never blocks it.
//
// Every call takes a context object and a callback. The callback is invoked exactly once, in the
// context's thread, unless the context was destroyed first (then never). List calls follow pagination
// to the last page. Retries, backoff and rate-limit waits happen inside; the callback sees the outcome.
// The token never appears in any log line, error message or signal.
class HetznerClient : public QObject
{
    Q_OBJECT

public:
    template<typename T>
    using Callback = std::function<void(Result<T>)>;

    explicit HetznerClient(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~HetznerClient() override;

    void setEndpoint(const QUrl &endpoint); // e.g. http://127.0.0.1:4000/v1
    QUrl endpoint() const;
    void setToken(const QString &token); // also registered with the Redactor
    void setRetryPolicy(const RetryPolicy &policy);
    void setPollPolicy(const PollPolicy &policy);
    RateLimitState rateLimit() const;
    int requestCount() const; // HTTP requests sent so far, retries included (for the request budget)

    // Token and reachability: a cheap authenticated GET, then a no-op write probe that tells a
    // read-only token from a read-write one.
    struct TokenInfo
    {
        bool readWrite = false;
        int serverCount = 0;
        RateLimitState rateLimit;
    };
    void checkToken(QObject *context, Callback<TokenInfo> done);

    // Servers
    // A uniqueness_error is resolved by looking the name up: same labels -> Created::adopted, else the error.
    void createServer(const CreateServerRequest &request, QObject *context, Callback<Created<Server>> done);
    void getServer(qint64 id, QObject *context, Callback<std::optional<Server>> done); // nullopt on 404
    void listServers(const QString &labelSelector, const QString &name, QObject *context, Callback<QList<Server>> done);
    void deleteServer(qint64 id, QObject *context, Callback<Action> done);
    // PUT /servers/{id} with the whole label set (the API replaces it); the value is the updated server.
    void setServerLabels(qint64 id, const Labels &labels, QObject *context, Callback<Server> done);

    // Actions: waits until all listed actions finished. All waiters of this client share one polling loop
    // (GET /actions?id=…, up to 25 ids per request, interval growing from PollPolicy::intervalMs to
    // maxIntervalMs). Fails with the first action's error if any ends in "error", or after
    // PollPolicy::timeoutMs. A waiter whose context is destroyed stops being polled. Progress: (finished, total).
    void waitForActions(const QList<qint64> &ids, QObject *context, Callback<QList<Action>> done,
                        std::function<void(int finished, int total)> progress = {});
    void getActions(const QList<qint64> &ids, QObject *context, Callback<QList<Action>> done);

    // SSH keys: find by MD5 fingerprint (computed locally from the public key), else create.
    static QString md5Fingerprint(const QString &openSshPublicKey); // empty when not a valid key line
    void findSshKeyByFingerprint(const QString &fingerprint, QObject *context, Callback<std::optional<SshKey>> done);
    void createSshKey(const QString &name, const QString &publicKey, const Labels &labels, QObject *context,
                      Callback<SshKey> done);
    void ensureSshKey(const QString &name, const QString &publicKey, const Labels &labels, QObject *context,
                      Callback<SshKey> done);
    void deleteSshKey(qint64 id, QObject *context, Callback<void> done);

    // Firewalls
    void createFirewall(const CreateFirewallRequest &request, QObject *context, Callback<Created<Firewall>> done);
    void listFirewalls(const QString &labelSelector, QObject *context, Callback<QList<Firewall>> done);
    void setFirewallRules(qint64 id, const QList<FirewallRule> &rules, QObject *context, Callback<QList<Action>> done);
    void deleteFirewall(qint64 id, QObject *context, Callback<void> done);

    // Networks
    void createNetwork(const CreateNetworkRequest &request, QObject *context, Callback<Network> done);
    void listNetworks(const QString &labelSelector, QObject *context, Callback<QList<Network>> done);
    void deleteNetwork(qint64 id, QObject *context, Callback<void> done);

    // Primary IPs
    void createPrimaryIp(const CreatePrimaryIpRequest &request, QObject *context, Callback<PrimaryIp> done);
    void listPrimaryIps(const QString &labelSelector, QObject *context, Callback<QList<PrimaryIp>> done);
    void deletePrimaryIp(qint64 id, QObject *context, Callback<void> done);

    // Catalogue
    void listServerTypes(QObject *context, Callback<QList<ServerType>> done);
    void listLocations(QObject *context, Callback<QList<Location>> done);
    void listImages(const QString &architecture, QObject *context, Callback<QList<Image>> done); // system images
    void findImage(const QString &name, const QString &architecture, QObject *context, Callback<Image> done);
    void getPricing(QObject *context, Callback<Pricing> done);

    // Cloud DNS (reference §5.2)
    void findZone(const QString &name, QObject *context, Callback<std::optional<Zone>> done);
    // Finds the zone that holds `fqdn` (longest matching suffix among the project's zones).
    void findZoneForDomain(const QString &fqdn, QObject *context, Callback<std::optional<Zone>> done);
    void listZones(QObject *context, Callback<QList<Zone>> done);
    void listRRSets(qint64 zoneId, const QString &name, const QString &type, QObject *context,
                    Callback<QList<RRSet>> done);
    // The zone's RRSets whose labels match the selector (GET /zones/{id}/rrsets?label_selector=).
    void listLabelledRRSets(qint64 zoneId, const QString &labelSelector, QObject *context, Callback<QList<RRSet>> done);
    // Creates the RRSet (with `labels`) or overwrites its records (set_records, which leaves an existing RRSet's
    // labels as they are: whoever made it still owns it), then waits for the action.
    void setRecords(qint64 zoneId, const QString &name, const QString &type, const QStringList &values, int ttl,
                    const Labels &labels, QObject *context, Callback<void> done);
    // Deletes the RRSet and waits for the action; one already gone counts as deleted.
    void deleteRRSet(qint64 zoneId, const QString &name, const QString &type, QObject *context, Callback<void> done);

Q_SIGNALS:
    // Emitted when a rate limit makes the client wait, so the UI can say why nothing moves.
    void waitingForRateLimit(const QDateTime &until);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace hcloud
