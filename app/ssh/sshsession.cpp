#include "sshsession.h"

#include "passphraserequest.h"
#include "sshexec.h"
#include "sshfollow.h"
#include "sshinterrupt.h"
#include "sshteardown.h"
#include "sshtransfer.h"
#include "sshworker.h"

#include <QHash>
#include <QPointer>
#include <QThread>

#include <libssh/libssh.h>

class SshSession::Private
{
public:
    QThread *thread = new QThread; // retired by SshTeardown, never waited for here
    std::shared_ptr<SshInterrupt> interrupt = std::make_shared<SshInterrupt>();
    SshWorker *worker = nullptr;
    State state = State::Disconnected;
    std::function<void(PassphraseRequest *)> passphraseHandler;
    quint64 nextId = 1;
    // Results come back by id: an operation object may be deleted by its owner at any time.
    QHash<quint64, QPointer<SshExec>> execs;
    QHash<quint64, QPointer<SshTransfer>> transfers;
    QHash<quint64, QPointer<SshFollow>> follows;

    template<typename F>
    void post(F &&call)
    {
        QMetaObject::invokeMethod(worker, std::forward<F>(call), Qt::QueuedConnection);
    }
};

SshSession::SshSession(const SshConnectOptions &options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    static const bool initialised = [] {
        // libssh's global state (crypto back end) must be set up once before sessions on several threads.
        ssh_init();
        qRegisterMetaType<Error>();
        qRegisterMetaType<Result<int>>();
        qRegisterMetaType<Result<QByteArray>>();
        qRegisterMetaType<SshFollowBatch>();
        qRegisterMetaType<QList<SshFollowBatch>>();
        qRegisterMetaType<std::shared_ptr<PassphraseExchange>>();
        return true;
    }();
    Q_UNUSED(initialised);

    d->passphraseHandler = options.passphraseHandler;
    d->thread->setObjectName(QStringLiteral("ssh:%1").arg(options.host));
    d->worker = new SshWorker(options, d->interrupt);
    d->worker->moveToThread(d->thread);

    SshWorker *w = d->worker;
    connect(w, &SshWorker::stateChanged, this, [this](State state) {
        if (d->state == state)
            return; // connectToHost() already announced Connecting
        d->state = state;
        Q_EMIT stateChanged(state);
    });
    connect(w, &SshWorker::passphraseNeeded, this,
            [this](const QString &keyFile, const std::shared_ptr<PassphraseExchange> &question) {
                if (!question->isOpen())
                    return; // withdrawn before it got here
                // A child: deleted once answered, or with the session (which cancels it).
                auto *request = new PassphraseRequest(keyFile, question, this);
                if (d->passphraseHandler)
                    d->passphraseHandler(request);
                else
                    request->cancel();
            });
    connect(w, &SshWorker::connected, this, &SshSession::connected);
    connect(w, &SshWorker::connectFailed, this, &SshSession::connectFailed);
    connect(w, &SshWorker::connectionLost, this, &SshSession::connectionLost);
    connect(w, &SshWorker::reconnected, this, &SshSession::reconnected);
    connect(w, &SshWorker::execOutput, this, [this](quint64 id, const QStringList &out, const QStringList &err) {
        if (SshExec *exec = d->execs.value(id)) {
            if (!out.isEmpty())
                Q_EMIT exec->stdoutLines(out);
            if (!err.isEmpty())
                Q_EMIT exec->stderrLines(err);
        }
    });
    connect(w, &SshWorker::execFinished, this, [this](quint64 id, const Result<int> &result, int exitCode) {
        if (SshExec *exec = d->execs.take(id))
            exec->finish(result, exitCode);
    });
    connect(w, &SshWorker::followBatches, this, [this](quint64 id, const QList<SshFollowBatch> &batches) {
        QPointer<SshFollow> follow = d->follows.value(id);
        for (const SshFollowBatch &batch : batches) {
            if (!follow)
                return;
            follow->deliver(batch);
        }
    });
    connect(w, &SshWorker::followFinished, this, [this](quint64 id, const Error &error) {
        if (SshFollow *follow = d->follows.take(id))
            follow->finish(error);
    });
    connect(w, &SshWorker::transferProgress, this, [this](quint64 id, qint64 done, qint64 total) {
        if (SshTransfer *transfer = d->transfers.value(id))
            Q_EMIT transfer->progress(done, total);
    });
    connect(w, &SshWorker::transferFinished, this, [this](quint64 id, const Result<QByteArray> &result) {
        if (SshTransfer *transfer = d->transfers.take(id))
            transfer->finish(result);
    });
    d->thread->start();
}

SshSession::~SshSession()
{
    // Never waits (DESIGN.md §3): the worker may be blocked for seconds in a connect or an SFTP step, and this
    // runs on the GUI thread. The interrupt cuts its socket so it gets to its shutdown at once; it then closes
    // the connection and ends its thread by itself. Its signals to us die with this object.
    d->interrupt->trigger();
    SshTeardown::retire(d->worker, d->thread);
}

SshSession::State SshSession::state() const
{
    return d->state;
}

QThread *SshSession::workerThread() const
{
    return d->thread;
}

void SshSession::connectToHost()
{
    if (d->state == State::Disconnected || d->state == State::Failed) {
        d->state = State::Connecting; // so state() is right at once; the worker confirms with stateChanged
        Q_EMIT stateChanged(d->state);
    }
    d->post([w = d->worker] { w->connectToHost(); });
}

void SshSession::disconnectFromHost()
{
    d->post([w = d->worker] { w->disconnectFromHost(); });
}

SshExec *SshSession::exec(const QString &command, QObject *parent)
{
    const quint64 id = d->nextId++;
    auto *exec = new SshExec(this, id, parent);
    d->execs.insert(id, exec);
    d->post([w = d->worker, id, command] { w->startExec(id, command); });
    return exec;
}

SshExec *SshSession::execWithInput(const QString &command, const QByteArray &input, QObject *parent)
{
    const quint64 id = d->nextId++;
    auto *exec = new SshExec(this, id, parent);
    d->execs.insert(id, exec);
    // Never null, so the worker closes stdin even for empty input.
    const QByteArray data = input.isNull() ? QByteArray("") : input;
    d->post([w = d->worker, id, command, data] { w->startExec(id, command, data); });
    return exec;
}

SshTransfer *SshSession::upload(const QByteArray &data, const QString &remotePath, int mode, QObject *parent)
{
    const quint64 id = d->nextId++;
    auto *transfer = new SshTransfer(this, id, parent);
    d->transfers.insert(id, transfer);
    d->post([w = d->worker, id, data, remotePath, mode] { w->startUpload(id, data, remotePath, mode); });
    return transfer;
}

SshTransfer *SshSession::download(const QString &remotePath, QObject *parent)
{
    const quint64 id = d->nextId++;
    auto *transfer = new SshTransfer(this, id, parent);
    d->transfers.insert(id, transfer);
    d->post([w = d->worker, id, remotePath] { w->startDownload(id, remotePath); });
    return transfer;
}

SshFollow *SshSession::follow(const QString &remotePath, qint64 offset, QObject *parent)
{
    const quint64 id = d->nextId++;
    auto *follow = new SshFollow(this, id, offset, parent);
    d->follows.insert(id, follow);
    d->post([w = d->worker, id, remotePath, offset] { w->startFollow(id, remotePath, offset); });
    return follow;
}

void SshSession::cancelExec(quint64 id)
{
    d->post([w = d->worker, id] { w->cancelExec(id); });
}

void SshSession::cancelTransfer(quint64 id)
{
    d->post([w = d->worker, id] { w->cancelTransfer(id); });
}

void SshSession::stopFollow(quint64 id)
{
    d->post([w = d->worker, id] { w->stopFollow(id); });
}
