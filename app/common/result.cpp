#include "result.h"

#include <QStringList>

QString Error::toString() const
{
    QString line = message;
    QStringList tags;
    if (!code.isEmpty())
        tags << code;
    if (httpStatus != 0)
        tags << QString::number(httpStatus);
    if (!correlationId.isEmpty())
        tags << QStringLiteral("correlation id ") + correlationId;
    if (!tags.isEmpty())
        line += QStringLiteral(" (") + tags.join(QStringLiteral(", ")) + QLatin1Char(')');
    return line;
}
