#pragma once

#include <QByteArray>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QWaitCondition>

#include <memory>
#include <optional>

// What a session's worker thread and the thread owning the session share while a key's passphrase is asked
// (thread-safe). The first answer or cancel closes it; anything later is ignored, so a dialog answering after
// the session was torn down changes nothing.
class PassphraseExchange
{
public:
    bool answer(const QString &passphrase); // false when already closed
    void cancel();
    bool isOpen() const;

    // Worker thread only: waits (on the worker, never the owner's thread) until answered or cancelled. The
    // passphrase as UTF-8, which the caller wipes after use, or nothing when cancelled.
    std::optional<QByteArray> wait();

private:
    enum class State { Open, Answered, Cancelled };
    mutable QMutex m_mutex;
    QWaitCondition m_closed;
    State m_state = State::Open;
    QByteArray m_passphrase;
};

// A session asking for the passphrase of an encrypted key file (DESIGN.md §3: questions to the user are
// asynchronous requests). Lives on the thread that owns the session; the GUI answers it from a dialog, the CLI
// from its terminal prompt, both whenever the user is done. The session owns it: it deletes the request once
// answered or cancelled, and when it is torn down first (so hold it in a QPointer; destroyed() tells a dialog
// to close).
class PassphraseRequest : public QObject
{
    Q_OBJECT

public:
    PassphraseRequest(const QString &keyFile, std::shared_ptr<PassphraseExchange> exchange, QObject *parent);
    ~PassphraseRequest() override; // an unanswered request is a refusal

    QString keyFile() const { return m_keyFile; }
    void answer(const QString &passphrase);
    void cancel(); // the key is not used: the connect fails with key_file_passphrase_cancelled

private:
    QString m_keyFile;
    std::shared_ptr<PassphraseExchange> m_exchange;
};
