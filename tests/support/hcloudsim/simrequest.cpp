#include "simrequest.h"

#include <QUrl>

namespace {
QString decodeComponent(QByteArray raw)
{
    raw.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(raw));
}
} // namespace

QList<std::pair<QString, QString>> SimRequest::parseQuery(const QByteArray &rawQuery)
{
    QList<std::pair<QString, QString>> items;
    const QList<QByteArray> parts = rawQuery.split('&');
    for (const QByteArray &part : parts) {
        if (part.isEmpty())
            continue;
        const qsizetype eq = part.indexOf('=');
        if (eq < 0)
            items.append({decodeComponent(part), QString()});
        else
            items.append({decodeComponent(part.left(eq)), decodeComponent(part.mid(eq + 1))});
    }
    return items;
}

QStringList SimRequest::values(const QString &key) const
{
    QStringList out;
    for (const auto &[k, v] : query) {
        if (k == key)
            out << v;
    }
    return out;
}

QString SimRequest::value(const QString &key) const
{
    for (const auto &[k, v] : query) {
        if (k == key)
            return v;
    }
    return {};
}

bool SimRequest::has(const QString &key) const
{
    for (const auto &item : query) {
        if (item.first == key)
            return true;
    }
    return false;
}
