#pragma once

#include "resourceviews.h"
#include "simresponse.h"

#include <QStringList>

class Router;
struct SimContext;
struct SimRequest;

// One class per API area; each registers its routes and answers from the shared SimContext.
class ApiHandlers
{
public:
    explicit ApiHandlers(SimContext &context)
        : m_context(context)
        , m_views(context)
    { }
    virtual ~ApiHandlers() = default;
    virtual void registerRoutes(Router &router) = 0;

protected:
    SimContext &m_context;
    ResourceViews m_views;
};

class CatalogueHandlers : public ApiHandlers
{
public:
    using ApiHandlers::ApiHandlers;
    void registerRoutes(Router &router) override;

private:
    SimResponse listImages(const SimRequest &request) const;
};

class ActionHandlers : public ApiHandlers
{
public:
    using ApiHandlers::ApiHandlers;
    void registerRoutes(Router &router) override;
};

class ServerHandlers : public ApiHandlers
{
public:
    using ApiHandlers::ApiHandlers;
    void registerRoutes(Router &router) override;
    // Also used by HcloudSim::seedServer: a running server without actions.
    qint64 seed(const QString &name, const QJsonObject &labels, const QString &type, const QString &location);

private:
    SimResponse create(const SimRequest &request);
    SimResponse list(const SimRequest &request) const;
    SimResponse remove(qint64 id);
    SimResponse update(qint64 id, const SimRequest &request);
    QJsonObject newPrimaryIp(const QString &type, const QString &location, qint64 serverId);
};

class SshKeyHandlers : public ApiHandlers
{
public:
    using ApiHandlers::ApiHandlers;
    void registerRoutes(Router &router) override;
    qint64 seed(const QString &name, const QString &publicKey, const QJsonObject &labels);
    // MD5 of the base64 key blob as 16 colon-separated hex bytes; empty when the key is malformed.
    static QString fingerprint(const QString &publicKey);

private:
    SimResponse create(const SimRequest &request);
};

class FirewallHandlers : public ApiHandlers
{
public:
    using ApiHandlers::ApiHandlers;
    void registerRoutes(Router &router) override;

private:
    SimResponse create(const SimRequest &request);
    SimResponse setRules(const SimRequest &request, qint64 id);
    QJsonArray startRuleActions(qint64 id, bool applied);
};

class NetworkHandlers : public ApiHandlers
{
public:
    using ApiHandlers::ApiHandlers;
    void registerRoutes(Router &router) override;

private:
    SimResponse create(const SimRequest &request);
};

class PrimaryIpHandlers : public ApiHandlers
{
public:
    using ApiHandlers::ApiHandlers;
    void registerRoutes(Router &router) override;

private:
    SimResponse create(const SimRequest &request);
};

class ZoneHandlers : public ApiHandlers
{
public:
    using ApiHandlers::ApiHandlers;
    void registerRoutes(Router &router) override;
    qint64 seed(const QString &name, const QString &mode);
    void seedRrset(qint64 zoneId, const QString &name, const QString &type, const QStringList &values,
                   const QJsonObject &labels);

private:
    SimResponse createZone(const SimRequest &request);
    SimResponse listRrsets(const SimRequest &request, const QString &zone) const;
    SimResponse createRrset(const SimRequest &request, const QString &zone);
    SimResponse setRecords(const SimRequest &request, const QStringList &args);
    SimResponse deleteRrset(const QStringList &args);
    qint64 insertZone(const QString &name, const QString &mode, int ttl, const QJsonObject &labels);
    QJsonObject findRrset(qint64 zoneId, const QString &name, const QString &type) const;
    // The 422 answer for malformed records, if any.
    std::optional<SimResponse> checkRecords(const QString &type, const QJsonValue &records) const;
};
