#include "passphrasebroker.h"

#include "common/redactor.h"
#include "passphraserequest.h"

#include <utility>

PassphraseBroker::PassphraseBroker(QObject *parent)
    : QObject(parent)
{ }

PassphraseBroker::~PassphraseBroker()
{
    // Sessions still waiting must not wait for an answer that can no longer come.
    for (const QPointer<PassphraseRequest> &request : std::exchange(m_waiting, {}))
        if (request)
            request->cancel();
}

void PassphraseBroker::handle(PassphraseRequest *request)
{
    if (!request)
        return;
    if (m_state != State::Unknown)
        return reply(request);
    m_waiting.append(request);
    if (m_asking)
        return;
    m_asking = true;
    Q_EMIT passphraseNeeded(request->keyFile());
}

void PassphraseBroker::provide(const QString &passphrase)
{
    if (passphrase.isNull())
        return refuse();
    m_state = State::Provided;
    m_passphrase = passphrase;
    if (!passphrase.isEmpty())
        Redactor::instance().addSecret(passphrase);
    m_asking = false;
    for (const QPointer<PassphraseRequest> &request : std::exchange(m_waiting, {}))
        if (request)
            reply(request);
}

void PassphraseBroker::refuse()
{
    m_state = State::Refused;
    m_passphrase.clear();
    m_asking = false;
    for (const QPointer<PassphraseRequest> &request : std::exchange(m_waiting, {}))
        if (request)
            reply(request);
}

void PassphraseBroker::forget()
{
    m_state = State::Unknown;
    m_passphrase.clear();
}

void PassphraseBroker::reply(PassphraseRequest *request)
{
    if (m_state == State::Provided)
        request->answer(m_passphrase);
    else
        request->cancel();
}
