#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

struct SimRequest;

// What the simulator answers; delay and drop let fault injection shape the transport as well.
struct SimResponse
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QList<std::pair<QByteArray, QByteArray>> headers;
    int delayMs = 0;
    bool drop = false;

    static SimResponse json(int status, const QJsonObject &object);
    static SimResponse noContent();

    // The documented error envelope {"error":{"code","message","details"}}.
    static SimResponse error(int status, const QString &code, const QString &message,
                             const QJsonValue &details = QJsonValue::Null);
    // 422 invalid_input naming the offending field in details.fields.
    static SimResponse invalidInput(const QString &field, const QString &message);
    static SimResponse notFound(const QString &what);
    static SimResponse uniqueness(const QString &field, const QString &message);
};

// The request body as a JSON object, or the 400 json_error the API gives for anything else.
std::optional<QJsonObject> parseJsonBody(const SimRequest &request, SimResponse *error);
