#pragma once

#include <QByteArray>
#include <QStringList>

// Cuts a byte stream into whole lines. A partial line is held until its newline arrives (or finish() is
// called), so a line is never split across two deliveries. Bytes that are not valid UTF-8 become U+FFFD
// instead of corrupting the text around them.
class LineSplitter
{
public:
    // Appends `data` and returns the lines it completed, without their line ends ("\n" or "\r\n").
    QStringList feed(const QByteArray &data);
    // Returns the held partial line, if any, as a last line.
    QStringList finish();
    // Bytes held back because their line is not complete yet.
    qsizetype pendingBytes() const { return m_pending.size(); }
    void clear() { m_pending.clear(); }

    static QString decode(QByteArrayView line);

private:
    QByteArray m_pending;
};
