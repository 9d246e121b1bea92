#include "handlers.h"
#include "listresponder.h"
#include "router.h"
#include "simcontext.h"
#include "simrequest.h"
#include "simvalidation.h"

#include <QCryptographicHash>
#include <QtEndian>

using namespace Qt::StringLiterals;

QString SshKeyHandlers::fingerprint(const QString &publicKey)
{
    const QStringList parts = publicKey.trimmed().split(u' ', Qt::SkipEmptyParts);
    if (parts.size() < 2)
        return {};
    const auto decoded
            = QByteArray::fromBase64Encoding(parts.at(1).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    const QByteArray blob = decoded.decoded;
    // The blob starts with the length-prefixed key type, which must agree with the text before it.
    if (!decoded || blob.size() < 4)
        return {};
    const quint32 typeLength = qFromBigEndian<quint32>(blob.constData());
    if (typeLength > quint32(blob.size() - 4) || blob.mid(4, typeLength) != parts.at(0).toLatin1())
        return {};
    const QByteArray md5 = QCryptographicHash::hash(blob, QCryptographicHash::Md5).toHex();
    QStringList pairs;
    for (int i = 0; i < md5.size(); i += 2)
        pairs << QString::fromLatin1(md5.mid(i, 2));
    return pairs.join(u':');
}

void SshKeyHandlers::registerRoutes(Router &router)
{
    router.add(u"GET"_s, u"/ssh_keys"_s, [this](const SimRequest &request, const QStringList &) {
        QList<QJsonObject> items = m_context.store.all(u"ssh_keys"_s);
        ListResponder::filterByField(request, u"name"_s, u"name"_s, &items);
        ListResponder::filterByField(request, u"fingerprint"_s, u"fingerprint"_s, &items);
        if (const auto error = ListResponder::filterByLabelSelector(request, &items))
            return *error;
        return ListResponder::respond(request, u"ssh_keys"_s, items);
    });
    router.add(u"POST"_s, u"/ssh_keys"_s,
               [this](const SimRequest &request, const QStringList &) { return create(request); });
    router.add(u"GET"_s, u"/ssh_keys/(\\d+)"_s, [this](const SimRequest &, const QStringList &args) {
        const QJsonObject key = m_context.store.get(u"ssh_keys"_s, args[0].toLongLong());
        if (key.isEmpty())
            return SimResponse::notFound(u"SSH key"_s);
        return SimResponse::json(200, QJsonObject{{u"ssh_key"_s, key}});
    });
    router.add(u"DELETE"_s, u"/ssh_keys/(\\d+)"_s, [this](const SimRequest &, const QStringList &args) {
        if (!m_context.store.remove(u"ssh_keys"_s, args[0].toLongLong()))
            return SimResponse::notFound(u"SSH key"_s);
        return SimResponse::noContent();
    });
}

SimResponse SshKeyHandlers::create(const SimRequest &request)
{
    SimResponse error;
    const auto body = parseJsonBody(request, &error);
    if (!body)
        return error;
    const QString name = body->value(u"name"_s).toString();
    const QString publicKey = body->value(u"public_key"_s).toString();
    if (name.isEmpty())
        return SimResponse::invalidInput(u"name"_s, u"is required"_s);
    if (publicKey.isEmpty())
        return SimResponse::invalidInput(u"public_key"_s, u"is required"_s);
    if (const auto labelError = SimValidation::checkLabels(body->value(u"labels"_s)))
        return *labelError;
    const QString print = fingerprint(publicKey);
    if (print.isEmpty())
        return SimResponse::invalidInput(u"public_key"_s, u"invalid public key"_s);
    if (!m_context.store.findByName(u"ssh_keys"_s, name).isEmpty())
        return SimResponse::uniqueness(u"name"_s, u"SSH key name is already used"_s);
    const QList<QJsonObject> keys = m_context.store.all(u"ssh_keys"_s);
    for (const QJsonObject &key : keys) {
        if (key.value(u"fingerprint"_s).toString() == print)
            return SimResponse::uniqueness(u"public_key"_s, u"SSH key with the same fingerprint already exists"_s);
    }
    const qint64 id = seed(name, publicKey, body->value(u"labels"_s).toObject());
    return SimResponse::json(201, QJsonObject{{u"ssh_key"_s, m_context.store.get(u"ssh_keys"_s, id)}});
}

qint64 SshKeyHandlers::seed(const QString &name, const QString &publicKey, const QJsonObject &labels)
{
    return m_context.store.insert(u"ssh_keys"_s, QJsonObject{{u"name"_s, name},
                                                             {u"fingerprint"_s, fingerprint(publicKey)},
                                                             {u"public_key"_s, publicKey.trimmed()},
                                                             {u"labels"_s, labels},
                                                             {u"created"_s, SimContext::timestamp()}});
}
