#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class PassphraseRequest;

// One question to the user for a key file's passphrase, however many SSH sessions ask (DESIGN.md §3: questions
// are asynchronous requests). Every host's session may need the passphrase; the first request emits
// passphraseNeeded(), requests arriving meanwhile wait for the same answer, and the answer is kept in memory for
// the rest of this broker's life (registered with the Redactor) so reconnects and later hosts do not ask again.
// Whoever shows the question — the wizard's dialog, the CLI's terminal prompt — calls provide() or refuse().
// Lives on the thread that owns the sessions; widget-free.
class PassphraseBroker : public QObject
{
    Q_OBJECT

public:
    explicit PassphraseBroker(QObject *parent = nullptr);
    ~PassphraseBroker() override;

    // The SshConnectOptions::passphraseHandler. The session owns `request`; a torn-down session deletes it,
    // which this broker notices.
    void handle(PassphraseRequest *request);

    // The user's answer to the open question. An empty passphrase is an answer (an empty one is tried); a null
    // QString is the same as refuse().
    void provide(const QString &passphrase);
    // The user declined: every waiting session fails with key_file_passphrase_cancelled, and later ones too.
    void refuse();
    // Forgets the answer (another key was chosen); the next request asks again.
    void forget();

    bool isAsking() const { return m_asking; }
    bool isAnswered() const { return m_state != State::Unknown; }

Q_SIGNALS:
    // Ask the user now; answered by provide() or refuse(). Emitted once per question, never while one is open.
    void passphraseNeeded(const QString &keyFile);

private:
    void reply(PassphraseRequest *request);

    enum class State { Unknown, Provided, Refused };
    State m_state = State::Unknown;
    QString m_passphrase;
    bool m_asking = false;
    QList<QPointer<PassphraseRequest>> m_waiting;
};
