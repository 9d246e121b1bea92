#pragma once

#include "testbedhosts.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

// A local Hetzner Cloud API (DESIGN.md §6, reference/hetzner-cloud-api.md §6.1) on loopback.
// Used in-process by tests and as the standalone `hcloud-sim` executable.
class HcloudSim : public QObject
{
    Q_OBJECT

public:
    // One request as the simulator saw and answered it; tests assert on these and every exchange is
    // validated against the official OpenAPI description.
    struct Exchange
    {
        QString method;
        QString path; // without the /v1 prefix, e.g. "/servers/42"
        QString query; // decoded query string as received
        QByteArray requestBody;
        int status = 0; // 0 when the connection was dropped without an answer
        QByteArray responseBody;
        bool authorized = false;
        QByteArray responseContentType; // empty for 204 and dropped connections
        QString correlationId; // the X-Correlation-Id sent with the answer
    };

    // A fault applied to the next `count` requests whose method and path match.
    struct Fault
    {
        enum class Kind {
            ApiError, // answer `status` with the error envelope {code, message}
            BareStatus, // answer `status` with a non-JSON body (e.g. a proxy's 502 page)
            // Close the connection without answering. Note: QNetworkAccessManager silently resends a request
            // whose connection closed before any answer byte (up to 2 times), so use count >= 3 (or -1) to
            // make a Qt client see the failure; with afterProcessing the resend meets the changed state.
            DropConnection,
            Latency, // answer normally after `latencyMs`
            ActionError, // the create/delete succeeds, but its action ends in status "error" with `code`
        };
        Kind kind = Kind::ApiError;
        QString method; // empty = any
        QString pathPattern; // regular expression matched against the path; empty = any
        int count = 1; // -1 = until cleared
        int status = 500;
        QString code = QStringLiteral("server_error");
        QString message = QStringLiteral("injected fault");
        int latencyMs = 0; // for any kind: answer (or drop) this late
        bool afterProcessing = false; // ApiError/BareStatus/DropConnection: fail after the request took effect
    };

    explicit HcloudSim(QObject *parent = nullptr);
    ~HcloudSim() override;

    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    quint16 port() const;
    QUrl endpoint() const; // http://127.0.0.1:<port>/v1

    // Tokens: "sim-token" (read-write) is accepted by default.
    static QString defaultToken() { return QStringLiteral("sim-token"); }
    void addToken(const QString &token, bool readOnly = false);
    void clearTokens(); // also forgets defaultToken()

    // Actions advance from running to success over this time (progress in between). 0 = immediate.
    void setActionDurationMs(int ms);

    // Rate limit: a token bucket of `perHour` requests refilling evenly; `remaining` starts full.
    void setRateLimit(int perHour, int remaining);
    // Answer every request with 429 rate_limit_exceeded until `seconds` from now; RateLimit-Reset is that time.
    void startRateLimitStorm(int seconds);

    void injectFault(const Fault &fault);
    void clearFaults();

    // Make a server type unplaceable in a location: POST /servers then answers 412 resource_unavailable
    // "error during placement", while GET /server_types still lists it as available (as a sell-out does).
    void setSoldOut(const QString &serverType, const QString &location, bool soldOut = true);

    // The project's server limit (reference §1.4/§1.5): a POST /servers that would exceed it answers 403
    // resource_limit_exceeded with details {"limits":[{"name":"project_limit"}]}. -1 (the default) = no limit.
    void setServerLimit(int limit);

    // Emit the legacy `datacenter` object on servers (the official schema copy still requires it).
    void setEmitDatacenter(bool enabled);

    // Seeding for tests: create objects directly, bypassing the HTTP API. Return the new id.
    qint64 seedServer(const QString &name, const QJsonObject &labels = {},
                      const QString &serverType = QStringLiteral("cx23"),
                      const QString &location = QStringLiteral("fsn1"));
    qint64 seedSshKey(const QString &name, const QString &publicKey, const QJsonObject &labels = {});
    qint64 seedZone(const QString &name, const QString &mode = QStringLiteral("primary"));
    // An RRSet in a seeded zone, e.g. ("meet", "A", {"198.18.0.7"}, labels): a record the user (or an earlier run)
    // made.
    void seedRrset(qint64 zoneId, const QString &name, const QString &type, const QStringList &values,
                   const QJsonObject &labels = {});

    // Attach the testbed (tests/testbed/README.md): from now on every server that starts becomes a sandboxed host
    // reachable at its public IPv4, and zone records are published to the testbed's DNS. Needs root. The hosts
    // go when their servers are deleted, and at the latest when the simulator is destroyed.
    TestbedHosts *enableTestbed(const TestbedHosts::Options &options);
    TestbedHosts *testbed() const; // null unless enabled

    // The request log, oldest first; and a JSON Lines dump of it for the OpenAPI validator.
    QList<Exchange> exchanges() const;
    void clearExchanges();
    bool writeExchanges(const QString &jsonlPath) const;

    // Current state as the API would list it (for assertions), e.g. state("servers").
    QJsonArray state(const QString &collection) const;

Q_SIGNALS:
    // A request was answered (or dropped); the exchange is already in exchanges().
    void exchangeRecorded();

private:
    class Private;
    std::unique_ptr<Private> d;
};
