#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

// One API request as the handlers see it: the /v1 prefix stripped, the query decoded.
struct SimRequest
{
    QString method; // "GET", "POST", ...
    QString path; // e.g. "/servers/42"
    QList<std::pair<QString, QString>> query; // decoded, in order, repeats kept
    QByteArray body;
    QByteArray authorization; // the raw Authorization header
    QByteArray host; // Host header, to build absolute Link URLs
    QHostAddress peer;

    // Decodes like Go's url.ParseQuery, which the real API uses: '+' is a space, %2B a plus. QUrlQuery
    // cannot tell those apart after decoding, so the raw query string is split here.
    static QList<std::pair<QString, QString>> parseQuery(const QByteArray &rawQuery);

    QStringList values(const QString &key) const;
    QString value(const QString &key) const;
    bool has(const QString &key) const;
};
