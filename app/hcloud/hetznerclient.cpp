// Over 600 lines on purpose: one short method per Hetzner Cloud API call (~40, each a request handed to the shared
// list/create/delete helpers); transport, parsing, errors and action polling already have their own files.
#include "hetznerclient.h"

#include "actionpoller.h"
#include "common/logging.h"
#include "hclouderrors.h"
#include "hcloudparse.h"
#include "hcloudtransport.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QMetaObject>
#include <QNetworkAccessManager>
#include <QThread>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace hcloud {

namespace {

using Query = QList<QPair<QString, QString>>;

// Wraps a caller's callback: runs it at most once, in the context's thread, and not at all once the
// context is gone.
template<typename T>
HetznerClient::Callback<T> guarded(QObject *context, HetznerClient::Callback<T> done)
{
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    auto called = std::make_shared<bool>(false);
    return [guard, hasContext, done = std::move(done), called](Result<T> result) {
        Q_ASSERT(!*called);
        if (*called)
            return;
        *called = true;
        if (!done)
            return;
        if (!hasContext) {
            done(std::move(result));
            return;
        }
        QObject *target = guard.data();
        if (!target)
            return;
        if (target->thread() == QThread::currentThread()) {
            done(std::move(result));
            return;
        }
        QMetaObject::invokeMethod(
                target, [done, result] { done(result); }, Qt::QueuedConnection);
    };
}

Error invalidShape(const HcloudTransport *transport, const ApiReply &reply, const QString &what)
{
    return transportError(TransportError::InvalidResponse, transport->displayEndpoint(),
                          u"the answer has no %1"_s.arg(what), reply.result->httpStatus, reply.result->correlationId);
}

// The object under `key`, or an invalid-response error when the envelope lacks it.
Result<QJsonObject> member(const HcloudTransport *transport, const ApiReply &reply, const QString &key)
{
    if (!reply.result.ok())
        return reply.result.error();
    const QJsonValue value = reply.result->json.value(key);
    if (!value.isObject())
        return invalidShape(transport, reply, u"\"%1\" object"_s.arg(key));
    return value.toObject();
}

// "action" plus "next_actions", or "actions": everything a create answer asks us to wait for.
QList<Action> actionsOf(const QJsonObject &json)
{
    QList<Action> actions;
    if (json.value("action"_L1).isObject())
        actions.append(parseAction(json.value("action"_L1).toObject()));
    actions += parseActions(json.value("actions"_L1).toArray());
    actions += parseActions(json.value("next_actions"_L1).toArray());
    return actions;
}

QList<qint64> idsOf(const QList<Action> &actions)
{
    QList<qint64> ids;
    for (const Action &action : actions)
        ids.append(action.id);
    return ids;
}

Query selectorQuery(const QString &labelSelector)
{
    Query query;
    if (!labelSelector.isEmpty())
        query.append({u"label_selector"_s, labelSelector});
    return query;
}

bool isCode(const Error &error, ApiErrorCode code)
{
    return apiErrorCodeFromString(error.code) == code && !error.code.isEmpty();
}

} // namespace

class HetznerClient::Private
{
public:
    Private(HetznerClient *q, QNetworkAccessManager *network)
        : transport(network, q)
        , poller(&transport, q)
    { }

    // Runs a callback after the public call returned, so results never arrive re-entrantly.
    template<typename T>
    void later(HetznerClient *q, Callback<T> done, Result<T> result)
    {
        QTimer::singleShot(0, q, [done = std::move(done), result = std::move(result)] { done(result); });
    }

    template<typename T, typename Parser>
    void list(HetznerClient *q, const ApiRequest &request, const QString &key, Parser parser, Callback<QList<T>> done)
    {
        transport.fetchAll(request, key, q, [done = std::move(done), parser](Result<QJsonArray> result) {
            if (!result.ok())
                done(result.error());
            else
                done(parseList<T>(*result, parser));
        });
    }

    // A delete whose answer carries nothing we need (204). If an earlier try may have gone through, the
    // repeat's 404 means that try did the work.
    void plainDelete(HetznerClient *q, const QString &path, Callback<void> done)
    {
        transport.send(ApiRequest::del(path), q, [done = std::move(done)](const ApiReply &reply) {
            if (reply.result.ok()
                || (reply.retriedAfterUncertainFailure && isCode(reply.result.error(), ApiErrorCode::NotFound)))
                done(Result<void>());
            else
                done(reply.result.error());
        });
    }

    HcloudTransport transport;
    ActionPoller poller;
};

HetznerClient::HetznerClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, network))
{
    d->transport.setEndpoint(QUrl(QString::fromLatin1(defaultEndpoint)));
    connect(&d->transport, &HcloudTransport::waitingForRateLimit, this, &HetznerClient::waitingForRateLimit);
}

HetznerClient::~HetznerClient() = default;

void HetznerClient::setEndpoint(const QUrl &endpoint)
{
    d->transport.setEndpoint(endpoint);
}

QUrl HetznerClient::endpoint() const
{
    return d->transport.endpoint();
}

void HetznerClient::setToken(const QString &token)
{
    d->transport.setToken(token);
}

void HetznerClient::setRetryPolicy(const RetryPolicy &policy)
{
    d->transport.setRetryPolicy(policy);
}

void HetznerClient::setPollPolicy(const PollPolicy &policy)
{
    d->poller.setPolicy(policy);
}

RateLimitState HetznerClient::rateLimit() const
{
    return d->transport.rateLimit();
}

int HetznerClient::requestCount() const
{
    return d->transport.requestCount();
}

void HetznerClient::checkToken(QObject *context, Callback<TokenInfo> done)
{
    done = guarded(context, std::move(done));
    d->transport.send(
            ApiRequest::get(u"/servers"_s, {{u"per_page"_s, u"1"_s}}), this, [this, done](const ApiReply &reply) {
                if (!reply.result.ok()) {
                    done(reply.result.error());
                    return;
                }
                const QJsonValue total = reply.result->json.value("meta"_L1)
                                                 .toObject()
                                                 .value("pagination"_L1)
                                                 .toObject()
                                                 .value("total_entries"_L1);
                TokenInfo info;
                info.serverCount = total.toInt(int(reply.result->json.value("servers"_L1).toArray().size()));
                // Telling a read-only token from a read-write one without changing anything: a write with a body
                // the API must reject. Authorisation is checked before validation, so a read-only token answers
                // 401 token_readonly, while a read-write token gets 422 invalid_input and nothing is created
                // (an SSH key needs a valid public key; an empty one never is).
                const QJsonObject probe{{"name"_L1, u"jitsi-deployer-token-probe"_s}, {"public_key"_L1, QString()}};
                d->transport.send(ApiRequest::post(u"/ssh_keys"_s, probe, RequestSafety::Idempotent), this,
                                  [this, done, info](const ApiReply &probeReply) mutable {
                                      info.rateLimit = d->transport.rateLimit();
                                      if (probeReply.result.ok()) {
                                          // Cannot happen with an empty key; if it did, say so rather than guess.
                                          done(transportError(TransportError::InvalidResponse,
                                                              d->transport.displayEndpoint(),
                                                              u"the token probe was accepted"_s));
                                          return;
                                      }
                                      const Error &error = probeReply.result.error();
                                      if (isCode(error, ApiErrorCode::TokenReadonly)) {
                                          info.readWrite = false;
                                          done(info);
                                      } else if (isCode(error, ApiErrorCode::InvalidInput)) {
                                          info.readWrite = true;
                                          done(info);
                                      } else {
                                          done(error);
                                      }
                                  });
            });
}

// ---- Servers

void HetznerClient::createServer(const CreateServerRequest &request, QObject *context, Callback<Created<Server>> done)
{
    done = guarded(context, std::move(done));
    d->transport.send(ApiRequest::post(u"/servers"_s, toJson(request), RequestSafety::Reconcilable), this,
                      [this, request, done](const ApiReply &reply) {
                          if (reply.result.ok()) {
                              const Result<QJsonObject> server = member(&d->transport, reply, u"server"_s);
                              if (!server.ok()) {
                                  done(server.error());
                                  return;
                              }
                              done(Created<Server>{parseServer(*server), actionsOf(reply.result->json), false});
                              return;
                          }
                          const Error error = reply.result.error();
                          // An earlier try may have created the server before its answer got lost. We cannot rely
                          // on reply.retriedAfterUncertainFailure alone: Qt's HTTP layer itself silently resends a
                          // request whose connection closed before any answer byte, POST included. The name is unique
                          // per project, so a server with this name and exactly our labels is the one we asked for
                          // (or one an interrupted earlier run of the same deployment made); anything else keeps the
                          // uniqueness error.
                          if (!isCode(error, ApiErrorCode::UniquenessError)) {
                              done(error);
                              return;
                          }
                          qCDebug(lcHcloud)
                                  << "create server: name in use, checking whether it is ours:" << request.name
                                  << "retried:" << reply.retriedAfterUncertainFailure;
                          listServers({}, request.name, this, [request, error, done](Result<QList<Server>> found) {
                              if (found.ok()) {
                                  for (const Server &server : *found) {
                                      if (server.name == request.name && server.labels == request.labels) {
                                          done(Created<Server>{server, {}, true});
                                          return;
                                      }
                                  }
                              }
                              done(error);
                          });
                      });
}

void HetznerClient::getServer(qint64 id, QObject *context, Callback<std::optional<Server>> done)
{
    done = guarded(context, std::move(done));
    d->transport.send(ApiRequest::get(u"/servers/%1"_s.arg(id)), this, [this, done](const ApiReply &reply) {
        if (!reply.result.ok() && isCode(reply.result.error(), ApiErrorCode::NotFound)) {
            done(std::optional<Server>());
            return;
        }
        const Result<QJsonObject> server = member(&d->transport, reply, u"server"_s);
        if (!server.ok())
            done(server.error());
        else
            done(std::optional<Server>(parseServer(*server)));
    });
}

void HetznerClient::setServerLabels(qint64 id, const Labels &labels, QObject *context, Callback<Server> done)
{
    done = guarded(context, std::move(done));
    QJsonObject object;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        object.insert(it.key(), it.value());
    d->transport.send(ApiRequest::put(u"/servers/%1"_s.arg(id), QJsonObject{{"labels"_L1, object}}), this,
                      [this, done](const ApiReply &reply) {
                          const Result<QJsonObject> server = member(&d->transport, reply, u"server"_s);
                          if (!server.ok())
                              done(server.error());
                          else
                              done(parseServer(*server));
                      });
}

void HetznerClient::listServers(const QString &labelSelector, const QString &name, QObject *context,
                                Callback<QList<Server>> done)
{
    Query query = selectorQuery(labelSelector);
    if (!name.isEmpty())
        query.append({u"name"_s, name});
    d->list<Server>(this, ApiRequest::get(u"/servers"_s, query), u"servers"_s, parseServer,
                    guarded(context, std::move(done)));
}

void HetznerClient::deleteServer(qint64 id, QObject *context, Callback<Action> done)
{
    done = guarded(context, std::move(done));
    d->transport.send(ApiRequest::del(u"/servers/%1"_s.arg(id)), this, [this, done](const ApiReply &reply) {
        const Result<QJsonObject> action = member(&d->transport, reply, u"action"_s);
        if (!action.ok())
            done(action.error());
        else
            done(parseAction(*action));
    });
}

// ---- Actions

void HetznerClient::waitForActions(const QList<qint64> &ids, QObject *context, Callback<QList<Action>> done,
                                   std::function<void(int finished, int total)> progress)
{
    done = guarded(context, std::move(done));
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    d->poller.wait(ids, context, done, [guard, hasContext, progress](int finished, int total) {
        if (progress && (!hasContext || guard))
            progress(finished, total);
    });
}

void HetznerClient::getActions(const QList<qint64> &ids, QObject *context, Callback<QList<Action>> done)
{
    d->poller.fetch(ids, this, guarded(context, std::move(done)));
}

// ---- SSH keys

QString HetznerClient::md5Fingerprint(const QString &openSshPublicKey)
{
    // Computed here, not with ssh/'s SshPublicKey, so that the API client does not depend on the SSH layer
    // (DESIGN.md §3: "hcloud/ does not need libssh"). Whether the blob is a usable key is checked where the key is
    // entered (SshPublicKey, with libssh) and by the API on upload; here it only has to be the key the line names.
    const QStringList fields = openSshPublicKey.trimmed().split(u' ', Qt::SkipEmptyParts);
    if (fields.size() < 2)
        return {};
    const auto decoded
            = QByteArray::fromBase64Encoding(fields.at(1).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() < 4)
        return {};
    // The blob starts with the algorithm name as a length-prefixed string (RFC 4253 §6.6); it must match the
    // line's first field, as ssh-keygen requires.
    const QByteArray &blob = decoded.decoded;
    const auto *bytes = reinterpret_cast<const uchar *>(blob.constData());
    const quint32 length = (quint32(bytes[0]) << 24) | (quint32(bytes[1]) << 16) | (quint32(bytes[2]) << 8) | bytes[3];
    if (length == 0 || qsizetype(length) >= blob.size() - 4 || blob.mid(4, length) != fields.at(0).toLatin1())
        return {};
    return QString::fromLatin1(QCryptographicHash::hash(blob, QCryptographicHash::Md5).toHex(':'));
}

void HetznerClient::findSshKeyByFingerprint(const QString &fingerprint, QObject *context,
                                            Callback<std::optional<SshKey>> done)
{
    done = guarded(context, std::move(done));
    d->list<SshKey>(this, ApiRequest::get(u"/ssh_keys"_s, {{u"fingerprint"_s, fingerprint}}), u"ssh_keys"_s,
                    parseSshKey, [fingerprint, done](Result<QList<SshKey>> keys) {
                        if (!keys.ok()) {
                            done(keys.error());
                            return;
                        }
                        for (const SshKey &key : *keys) {
                            if (key.fingerprint == fingerprint) {
                                done(std::optional<SshKey>(key));
                                return;
                            }
                        }
                        done(std::optional<SshKey>());
                    });
}

void HetznerClient::createSshKey(const QString &name, const QString &publicKey, const Labels &labels, QObject *context,
                                 Callback<SshKey> done)
{
    done = guarded(context, std::move(done));
    QJsonObject body{{"name"_L1, name}, {"public_key"_L1, publicKey.trimmed()}};
    if (!labels.isEmpty())
        body.insert("labels"_L1, toJson(labels));
    d->transport.send(ApiRequest::post(u"/ssh_keys"_s, body), this, [this, done](const ApiReply &reply) {
        const Result<QJsonObject> key = member(&d->transport, reply, u"ssh_key"_s);
        if (!key.ok())
            done(key.error());
        else
            done(parseSshKey(*key));
    });
}

void HetznerClient::ensureSshKey(const QString &name, const QString &publicKey, const Labels &labels, QObject *context,
                                 Callback<SshKey> done)
{
    done = guarded(context, std::move(done));
    const QString fingerprint = md5Fingerprint(publicKey);
    if (fingerprint.isEmpty()) {
        Error error;
        error.domain = QString::fromLatin1(errorDomain);
        error.code = u"invalid_public_key"_s;
        error.message = QCoreApplication::translate("hcloud",
                                                    "The SSH public key is not valid. Choose the .pub file of the key "
                                                    "or generate a new key.");
        error.detail = u"not an OpenSSH public key line"_s;
        d->later<SshKey>(this, done, error);
        return;
    }
    findSshKeyByFingerprint(fingerprint, this, [=, this](Result<std::optional<SshKey>> found) {
        if (!found.ok()) {
            done(found.error());
            return;
        }
        if (found->has_value()) {
            done(**found);
            return;
        }
        createSshKey(name, publicKey, labels, this, [=, this](Result<SshKey> created) {
            if (created.ok() || !isCode(created.error(), ApiErrorCode::UniquenessError)) {
                done(created);
                return;
            }
            // Someone uploaded the same key in between (or the name is taken by another key): look again.
            const Error error = created.error();
            findSshKeyByFingerprint(fingerprint, this, [done, error](Result<std::optional<SshKey>> again) {
                if (again.ok() && again->has_value())
                    done(**again);
                else
                    done(error);
            });
        });
    });
}

void HetznerClient::deleteSshKey(qint64 id, QObject *context, Callback<void> done)
{
    d->plainDelete(this, u"/ssh_keys/%1"_s.arg(id), guarded(context, std::move(done)));
}

// ---- Firewalls

void HetznerClient::createFirewall(const CreateFirewallRequest &request, QObject *context,
                                   Callback<Created<Firewall>> done)
{
    done = guarded(context, std::move(done));
    d->transport.send(ApiRequest::post(u"/firewalls"_s, toJson(request)), this, [this, done](const ApiReply &reply) {
        const Result<QJsonObject> firewall = member(&d->transport, reply, u"firewall"_s);
        if (!firewall.ok())
            done(firewall.error());
        else
            done(Created<Firewall>{parseFirewall(*firewall), actionsOf(reply.result->json), false});
    });
}

void HetznerClient::listFirewalls(const QString &labelSelector, QObject *context, Callback<QList<Firewall>> done)
{
    d->list<Firewall>(this, ApiRequest::get(u"/firewalls"_s, selectorQuery(labelSelector)), u"firewalls"_s,
                      parseFirewall, guarded(context, std::move(done)));
}

void HetznerClient::setFirewallRules(qint64 id, const QList<FirewallRule> &rules, QObject *context,
                                     Callback<QList<Action>> done)
{
    done = guarded(context, std::move(done));
    // Replacing the whole rule set is idempotent, so it may be repeated after a lost answer.
    d->transport.send(ApiRequest::post(u"/firewalls/%1/actions/set_rules"_s.arg(id),
                                       QJsonObject{{"rules"_L1, toJson(rules)}}, RequestSafety::Idempotent),
                      this, [this, done](const ApiReply &reply) {
                          if (!reply.result.ok()) {
                              done(reply.result.error());
                              return;
                          }
                          if (!reply.result->json.value("actions"_L1).isArray()) {
                              done(invalidShape(&d->transport, reply, u"\"actions\" array"_s));
                              return;
                          }
                          done(actionsOf(reply.result->json));
                      });
}

void HetznerClient::deleteFirewall(qint64 id, QObject *context, Callback<void> done)
{
    d->plainDelete(this, u"/firewalls/%1"_s.arg(id), guarded(context, std::move(done)));
}

// ---- Networks

void HetznerClient::createNetwork(const CreateNetworkRequest &request, QObject *context, Callback<Network> done)
{
    done = guarded(context, std::move(done));
    d->transport.send(ApiRequest::post(u"/networks"_s, toJson(request)), this, [this, done](const ApiReply &reply) {
        const Result<QJsonObject> network = member(&d->transport, reply, u"network"_s);
        if (!network.ok())
            done(network.error());
        else
            done(parseNetwork(*network));
    });
}

void HetznerClient::listNetworks(const QString &labelSelector, QObject *context, Callback<QList<Network>> done)
{
    d->list<Network>(this, ApiRequest::get(u"/networks"_s, selectorQuery(labelSelector)), u"networks"_s, parseNetwork,
                     guarded(context, std::move(done)));
}

void HetznerClient::deleteNetwork(qint64 id, QObject *context, Callback<void> done)
{
    d->plainDelete(this, u"/networks/%1"_s.arg(id), guarded(context, std::move(done)));
}

// ---- Primary IPs

void HetznerClient::createPrimaryIp(const CreatePrimaryIpRequest &request, QObject *context, Callback<PrimaryIp> done)
{
    done = guarded(context, std::move(done));
    d->transport.send(ApiRequest::post(u"/primary_ips"_s, toJson(request)), this, [this, done](const ApiReply &reply) {
        const Result<QJsonObject> ip = member(&d->transport, reply, u"primary_ip"_s);
        if (!ip.ok())
            done(ip.error());
        else
            done(parsePrimaryIp(*ip));
    });
}

void HetznerClient::listPrimaryIps(const QString &labelSelector, QObject *context, Callback<QList<PrimaryIp>> done)
{
    d->list<PrimaryIp>(this, ApiRequest::get(u"/primary_ips"_s, selectorQuery(labelSelector)), u"primary_ips"_s,
                       parsePrimaryIp, guarded(context, std::move(done)));
}

void HetznerClient::deletePrimaryIp(qint64 id, QObject *context, Callback<void> done)
{
    d->plainDelete(this, u"/primary_ips/%1"_s.arg(id), guarded(context, std::move(done)));
}

// ---- Catalogue

void HetznerClient::listServerTypes(QObject *context, Callback<QList<ServerType>> done)
{
    d->list<ServerType>(this, ApiRequest::get(u"/server_types"_s), u"server_types"_s, parseServerType,
                        guarded(context, std::move(done)));
}

void HetznerClient::listLocations(QObject *context, Callback<QList<Location>> done)
{
    d->list<Location>(this, ApiRequest::get(u"/locations"_s), u"locations"_s, parseLocation,
                      guarded(context, std::move(done)));
}

void HetznerClient::listImages(const QString &architecture, QObject *context, Callback<QList<Image>> done)
{
    Query query{{u"type"_s, u"system"_s}};
    if (!architecture.isEmpty())
        query.append({u"architecture"_s, architecture});
    d->list<Image>(this, ApiRequest::get(u"/images"_s, query), u"images"_s, parseImage,
                   guarded(context, std::move(done)));
}

void HetznerClient::findImage(const QString &name, const QString &architecture, QObject *context, Callback<Image> done)
{
    done = guarded(context, std::move(done));
    Query query{{u"type"_s, u"system"_s}, {u"name"_s, name}};
    if (!architecture.isEmpty())
        query.append({u"architecture"_s, architecture});
    d->list<Image>(this, ApiRequest::get(u"/images"_s, query), u"images"_s, parseImage,
                   [name, architecture, done](Result<QList<Image>> images) {
                       if (!images.ok()) {
                           done(images.error());
                           return;
                       }
                       for (const Image &image : *images) {
                           if (image.name == name && (architecture.isEmpty() || image.architecture == architecture)
                               && image.isOrderable()) {
                               done(image);
                               return;
                           }
                       }
                       Error error;
                       error.domain = QString::fromLatin1(errorDomain);
                       error.code = u"image_not_found"_s;
                       error.message
                               = architecture.isEmpty()
                                         ? QCoreApplication::translate(
                                                   "hcloud", "The image “%1” is not offered (any more). Pick another "
                                                             "image, such as debian-13, debian-12 or ubuntu-24.04.")
                                                   .arg(name)
                                         : QCoreApplication::translate(
                                                   "hcloud",
                                                   "The image “%1” is not offered for %2 servers (any more). Pick "
                                                   "another image, such as debian-13, debian-12 or ubuntu-24.04.")
                                                   .arg(name, architecture);
                       error.detail = u"GET /images?type=system&name=%1&architecture=%2 found no orderable image"_s.arg(
                               name, architecture);
                       done(error);
                   });
}

void HetznerClient::getPricing(QObject *context, Callback<Pricing> done)
{
    done = guarded(context, std::move(done));
    d->transport.send(ApiRequest::get(u"/pricing"_s), this, [this, done](const ApiReply &reply) {
        const Result<QJsonObject> pricing = member(&d->transport, reply, u"pricing"_s);
        if (!pricing.ok())
            done(pricing.error());
        else
            done(parsePricing(*pricing));
    });
}

// ---- Cloud DNS

void HetznerClient::findZone(const QString &name, QObject *context, Callback<std::optional<Zone>> done)
{
    done = guarded(context, std::move(done));
    const QString wanted = name.toLower();
    d->list<Zone>(this, ApiRequest::get(u"/zones"_s, {{u"name"_s, wanted}}), u"zones"_s, parseZone,
                  [wanted, done](Result<QList<Zone>> zones) {
                      if (!zones.ok()) {
                          done(zones.error());
                          return;
                      }
                      for (const Zone &zone : *zones) {
                          if (zone.name == wanted) {
                              done(std::optional<Zone>(zone));
                              return;
                          }
                      }
                      done(std::optional<Zone>());
                  });
}

void HetznerClient::findZoneForDomain(const QString &fqdn, QObject *context, Callback<std::optional<Zone>> done)
{
    done = guarded(context, std::move(done));
    QString domain = fqdn.toLower();
    while (domain.endsWith(u'.'))
        domain.chop(1);
    d->list<Zone>(this, ApiRequest::get(u"/zones"_s), u"zones"_s, parseZone, [domain, done](Result<QList<Zone>> zones) {
        if (!zones.ok()) {
            done(zones.error());
            return;
        }
        std::optional<Zone> best;
        for (const Zone &zone : *zones) {
            const bool holds = domain == zone.name || domain.endsWith(u'.' + zone.name);
            if (holds && (!best || zone.name.size() > best->name.size()))
                best = zone;
        }
        done(best);
    });
}

void HetznerClient::listZones(QObject *context, Callback<QList<Zone>> done)
{
    d->list<Zone>(this, ApiRequest::get(u"/zones"_s), u"zones"_s, parseZone, guarded(context, std::move(done)));
}

void HetznerClient::listLabelledRRSets(qint64 zoneId, const QString &labelSelector, QObject *context,
                                       Callback<QList<RRSet>> done)
{
    d->list<RRSet>(this, ApiRequest::get(u"/zones/%1/rrsets"_s.arg(zoneId), selectorQuery(labelSelector)), u"rrsets"_s,
                   parseRRSet, guarded(context, std::move(done)));
}

void HetznerClient::deleteRRSet(qint64 zoneId, const QString &name, const QString &type, QObject *context,
                                Callback<void> done)
{
    done = guarded(context, std::move(done));
    d->transport.send(ApiRequest::del(u"/zones/%1/rrsets/%2/%3"_s.arg(zoneId).arg(name, type)), this,
                      [this, done](const ApiReply &reply) {
                          // A repeat after an uncertain first try finds nothing: that try deleted it.
                          if (!reply.result.ok() && reply.retriedAfterUncertainFailure
                              && isCode(reply.result.error(), ApiErrorCode::NotFound))
                              return done(Result<void>());
                          const Result<QJsonObject> action = member(&d->transport, reply, u"action"_s);
                          if (!action.ok())
                              return done(action.error());
                          waitForActions({parseAction(*action).id}, this, [done](Result<QList<Action>> finished) {
                              if (finished.ok())
                                  done(Result<void>());
                              else
                                  done(finished.error());
                          });
                      });
}

void HetznerClient::listRRSets(qint64 zoneId, const QString &name, const QString &type, QObject *context,
                               Callback<QList<RRSet>> done)
{
    Query query;
    if (!name.isEmpty())
        query.append({u"name"_s, name});
    if (!type.isEmpty())
        query.append({u"type"_s, type});
    d->list<RRSet>(this, ApiRequest::get(u"/zones/%1/rrsets"_s.arg(zoneId), query), u"rrsets"_s, parseRRSet,
                   guarded(context, std::move(done)));
}

void HetznerClient::setRecords(qint64 zoneId, const QString &name, const QString &type, const QStringList &values,
                               int ttl, const Labels &labels, QObject *context, Callback<void> done)
{
    done = guarded(context, std::move(done));
    QJsonArray records;
    for (const QString &value : values)
        records.append(QJsonObject{{"value"_L1, value}});
    const auto waitFor = [this, done](const ApiReply &reply) {
        if (!reply.result.ok()) {
            done(reply.result.error());
            return;
        }
        const QList<Action> actions = actionsOf(reply.result->json);
        if (actions.isEmpty()) {
            done(invalidShape(&d->transport, reply, u"\"action\" object"_s));
            return;
        }
        waitForActions(idsOf(actions), this, [done](Result<QList<Action>> finished) {
            if (finished.ok())
                done(Result<void>());
            else
                done(finished.error());
        });
    };
    listRRSets(zoneId, name, type, this, [=, this](Result<QList<RRSet>> existing) {
        if (!existing.ok()) {
            done(existing.error());
            return;
        }
        bool exists = false;
        for (const RRSet &rrset : *existing)
            exists = exists || (rrset.name == name && rrset.type == type);
        if (exists) {
            // Overwrites the records: repeating it is harmless, so it counts as idempotent.
            d->transport.send(
                    ApiRequest::post(u"/zones/%1/rrsets/%2/%3/actions/set_records"_s.arg(zoneId).arg(name, type),
                                     QJsonObject{{"records"_L1, records}}, RequestSafety::Idempotent),
                    this, waitFor);
            return;
        }
        QJsonObject body{{"name"_L1, name}, {"type"_L1, type}, {"records"_L1, records}};
        if (ttl > 0)
            body.insert("ttl"_L1, ttl);
        if (!labels.isEmpty())
            body.insert("labels"_L1, toJson(labels));
        d->transport.send(ApiRequest::post(u"/zones/%1/rrsets"_s.arg(zoneId), body), this, waitFor);
    });
}

} // namespace hcloud
