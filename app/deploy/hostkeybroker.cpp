#include "hostkeybroker.h"

#include <QTimer>

HostKeyBroker::HostKeyBroker(QObject *parent)
    : QObject(parent)
{ }

HostKeyBroker::~HostKeyBroker() = default;

void HostKeyBroker::ask(const HostKeyQuestion &question, QObject *context, Answer answer)
{
    m_queue.append(Pending{question, context, std::move(answer)});
    if (!m_asking)
        QTimer::singleShot(0, this, [this] { askNext(); }); // never inside the caller's call
}

HostKeyQuestion HostKeyBroker::current() const
{
    return m_asking && !m_queue.isEmpty() ? m_queue.first().question : HostKeyQuestion{};
}

void HostKeyBroker::askNext()
{
    while (!m_queue.isEmpty() && !m_queue.first().context)
        m_queue.removeFirst(); // its run ended before it was asked
    if (m_asking || m_queue.isEmpty())
        return;
    m_asking = true;
    m_contextGone = connect(m_queue.first().context.data(), &QObject::destroyed, this, [this] {
        m_asking = false;
        if (!m_queue.isEmpty())
            m_queue.removeFirst();
        Q_EMIT questionWithdrawn();
        QTimer::singleShot(0, this, [this] { askNext(); });
    });
    Q_EMIT confirmationNeeded(m_queue.first().question);
}

void HostKeyBroker::confirm()
{
    reply(true);
}

void HostKeyBroker::decline()
{
    reply(false);
}

void HostKeyBroker::reply(bool trusted)
{
    if (!m_asking || m_queue.isEmpty())
        return;
    disconnect(m_contextGone);
    m_asking = false;
    const Pending pending = m_queue.takeFirst();
    if (pending.context) {
        // In the context's thread and after this call returns, as promised.
        QMetaObject::invokeMethod(
                pending.context.data(), [answer = pending.answer, trusted] { answer(trusted); }, Qt::QueuedConnection);
    }
    QTimer::singleShot(0, this, [this] { askNext(); });
}
