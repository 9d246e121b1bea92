#pragma once

#include <QMutex>
#include <QString>
#include <QStringList>

// Remembers every secret the process handles (API token, generated passwords) and blanks them out of
// any text before it reaches a log, the console pane or the terminal. Thread-safe: SSH workers log too.
class Redactor
{
public:
    static Redactor &instance();

    // Secrets shorter than 6 characters are ignored: blanking them would garble ordinary text.
    void addSecret(const QString &secret);
    void clear();
    QString redact(QString text) const;

    static QString placeholder() { return QStringLiteral("[redacted]"); }

private:
    mutable QMutex m_mutex;
    QStringList m_secrets;
};
