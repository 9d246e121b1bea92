#include "passphraserequest.h"

#include <utility>

bool PassphraseExchange::answer(const QString &passphrase)
{
    const QMutexLocker lock(&m_mutex);
    if (m_state != State::Open)
        return false;
    m_state = State::Answered;
    m_passphrase = passphrase.toUtf8();
    m_closed.wakeAll();
    return true;
}

void PassphraseExchange::cancel()
{
    const QMutexLocker lock(&m_mutex);
    if (m_state != State::Open)
        return;
    m_state = State::Cancelled;
    m_closed.wakeAll();
}

bool PassphraseExchange::isOpen() const
{
    const QMutexLocker lock(&m_mutex);
    return m_state == State::Open;
}

std::optional<QByteArray> PassphraseExchange::wait()
{
    QMutexLocker lock(&m_mutex);
    while (m_state == State::Open)
        m_closed.wait(&m_mutex);
    if (m_state != State::Answered)
        return std::nullopt;
    return std::exchange(m_passphrase, {}); // moved, not copied: the caller's is the only copy, and it wipes it
}

PassphraseRequest::PassphraseRequest(const QString &keyFile, std::shared_ptr<PassphraseExchange> exchange,
                                     QObject *parent)
    : QObject(parent)
    , m_keyFile(keyFile)
    , m_exchange(std::move(exchange))
{ }

PassphraseRequest::~PassphraseRequest()
{
    m_exchange->cancel(); // no-op once answered
}

void PassphraseRequest::answer(const QString &passphrase)
{
    m_exchange->answer(passphrase);
    deleteLater(); // possibly called from a dialog's slot: let it return first
}

void PassphraseRequest::cancel()
{
    m_exchange->cancel();
    deleteLater();
}
