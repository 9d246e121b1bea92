#include "linesplitter.h"

#include <QStringDecoder>

QString LineSplitter::decode(QByteArrayView line)
{
    if (line.endsWith('\r'))
        line.chop(1);
    // fromUtf8 replaces each invalid sequence with U+FFFD; NUL and other control bytes pass through unchanged.
    return QString::fromUtf8(line);
}

QStringList LineSplitter::feed(const QByteArray &data)
{
    QStringList lines;
    const qsizetype lastNewline = data.lastIndexOf('\n');
    if (lastNewline < 0) {
        m_pending.append(data);
        return lines;
    }
    QByteArrayView view(data);
    qsizetype start = 0;
    if (!m_pending.isEmpty()) {
        const qsizetype first = data.indexOf('\n');
        m_pending.append(view.first(first));
        lines.append(decode(m_pending));
        m_pending.clear();
        start = first + 1;
    }
    while (start <= lastNewline) {
        const qsizetype end = data.indexOf('\n', start);
        lines.append(decode(view.sliced(start, end - start)));
        start = end + 1;
    }
    m_pending = data.sliced(lastNewline + 1);
    return lines;
}

QStringList LineSplitter::finish()
{
    QStringList lines;
    if (!m_pending.isEmpty())
        lines.append(decode(m_pending));
    m_pending.clear();
    return lines;
}
