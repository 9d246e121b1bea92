#include "terminal.h"
#include "terminal_p.h"

#include <cstdio>

QString TerminalText::takeLine(QByteArray &buffer)
{
    const qsizetype end = buffer.indexOf('\n');
    QByteArray line = buffer.left(end < 0 ? buffer.size() : end);
    if (line.endsWith('\r'))
        line.chop(1);
    const QString text = line.isEmpty() ? QString() : QString::fromUtf8(line);
    buffer.fill('\0');
    buffer.clear();
    line.fill('\0');
    return text;
}

void TerminalText::printPrompt(const QString &prompt)
{
    const QByteArray bytes = prompt.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

LinePrompt::LinePrompt(QObject *parent)
    : QObject(parent)
{ }
