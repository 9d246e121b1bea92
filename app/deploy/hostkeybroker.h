#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

// A server whose host key this computer cannot check by itself: no local pin and no host-key label (a deployment
// made before the label existed, or the label was removed). Only the user can say whether this is their server,
// by comparing the fingerprint with what they know (the other computer's `jitsi-deployer` state, the Hetzner
// Console's server console running `ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub`).
struct HostKeyQuestion
{
    QString deployment; // the domain, or the slug when no domain is known
    QString serverName;
    QString address;
    QString fingerprint; // "SHA256:…", as ssh-keygen -l prints it
};

// Asks the user to confirm host keys (DESIGN.md §3: questions are asynchronous requests, never blocking callbacks),
// like PassphraseBroker for passphrases. The engine asks; whoever shows the question — the wizard's dialog, the
// CLI's terminal prompt — listens to confirmationNeeded() and calls confirm() or decline(). One question is open
// at a time; others wait their turn. Lives in the engine's (GUI) thread; widget-free.
class HostKeyBroker : public QObject
{
    Q_OBJECT

public:
    using Answer = std::function<void(bool trusted)>;

    explicit HostKeyBroker(QObject *parent = nullptr);
    ~HostKeyBroker() override;

    // `answer` runs exactly once, later, in `context`'s thread; not at all when `context` is destroyed first (its
    // question is then withdrawn, or skipped if not asked yet).
    void ask(const HostKeyQuestion &question, QObject *context, Answer answer);
    // The user's answer to the open question.
    void confirm();
    void decline();

    bool isAsking() const { return m_asking; }
    HostKeyQuestion current() const; // the open question; empty when none

Q_SIGNALS:
    void confirmationNeeded(const HostKeyQuestion &question);
    // The open question was withdrawn (its run ended): a dialog showing it closes.
    void questionWithdrawn();

private:
    struct Pending
    {
        HostKeyQuestion question;
        QPointer<QObject> context;
        Answer answer;
    };
    void askNext();
    void reply(bool trusted);

    QList<Pending> m_queue;
    bool m_asking = false;
    QMetaObject::Connection m_contextGone;
};
