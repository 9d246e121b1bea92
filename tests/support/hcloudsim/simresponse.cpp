#include "simresponse.h"

#include "simrequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

SimResponse SimResponse::json(int status, const QJsonObject &object)
{
    SimResponse response;
    response.status = status;
    response.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return response;
}

SimResponse SimResponse::noContent()
{
    SimResponse response;
    response.status = 204;
    response.contentType.clear();
    return response;
}

SimResponse SimResponse::error(int status, const QString &code, const QString &message, const QJsonValue &details)
{
    return json(status,
                QJsonObject{{u"error"_s,
                             QJsonObject{{u"code"_s, code}, {u"message"_s, message}, {u"details"_s, details}}}});
}

SimResponse SimResponse::invalidInput(const QString &field, const QString &message)
{
    const QJsonObject details{
            {u"fields"_s, QJsonArray{QJsonObject{{u"name"_s, field}, {u"messages"_s, QJsonArray{message}}}}}};
    return error(422, u"invalid_input"_s, u"invalid input in field '%1': %2"_s.arg(field, message), details);
}

SimResponse SimResponse::notFound(const QString &what)
{
    return error(404, u"not_found"_s, u"%1 not found"_s.arg(what));
}

SimResponse SimResponse::uniqueness(const QString &field, const QString &message)
{
    const QJsonObject details{{u"fields"_s, QJsonArray{QJsonObject{{u"name"_s, field}}}}};
    return error(409, u"uniqueness_error"_s, message, details);
}

std::optional<QJsonObject> parseJsonBody(const SimRequest &request, SimResponse *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = SimResponse::error(400, u"json_error"_s, u"request body is not a valid JSON object"_s);
        return std::nullopt;
    }
    return document.object();
}
