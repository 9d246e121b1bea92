#include "redactor.h"

#include <QMutexLocker>

Redactor &Redactor::instance()
{
    static Redactor redactor;
    return redactor;
}

void Redactor::addSecret(const QString &secret)
{
    if (secret.size() < 6)
        return;
    QMutexLocker lock(&m_mutex);
    if (!m_secrets.contains(secret))
        m_secrets.append(secret);
}

void Redactor::clear()
{
    QMutexLocker lock(&m_mutex);
    m_secrets.clear();
}

QString Redactor::redact(QString text) const
{
    QMutexLocker lock(&m_mutex);
    for (const QString &secret : m_secrets)
        text.replace(secret, placeholder());
    return text;
}
