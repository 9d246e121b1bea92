#include "sshteardown.h"

#include "sshworker.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QMutex>
#include <QSet>
#include <QThread>

namespace {

constexpr int exitWaitMs = 5000; // per thread, at exit only: woken by its interrupt, it ends in milliseconds

struct Retired
{
    QMutex mutex;
    QSet<QThread *> threads;
};

Retired &retired()
{
    static Retired instance;
    return instance;
}

// Runs in ~QCoreApplication, when no event loop deletes finished threads any more. Blocking here is fine: the
// application is ending, and a thread left running past this point would use a destroyed application object.
void waitForRetiredThreads()
{
    QSet<QThread *> threads;
    {
        const QMutexLocker lock(&retired().mutex);
        threads.swap(retired().threads);
    }
    for (QThread *thread : std::as_const(threads)) {
        if (thread->wait(QDeadlineTimer(exitWaitMs)))
            delete thread;
        // else leaked on purpose: deleting a running QThread aborts the process
    }
}

} // namespace

void SshTeardown::retire(SshWorker *worker, QThread *thread)
{
    static const bool hooked = [] {
        qAddPostRoutine(waitForRetiredThreads);
        return true;
    }();
    Q_UNUSED(hooked);
    {
        const QMutexLocker lock(&retired().mutex);
        retired().threads.insert(thread);
    }
    // Queued to the thread object's own thread (the caller's), after the worker thread has finished.
    QObject::connect(thread, &QThread::finished, thread, [thread] {
        {
            const QMutexLocker lock(&retired().mutex);
            if (!retired().threads.remove(thread))
                return; // already waited for at exit
        }
        thread->deleteLater();
    });
    QMetaObject::invokeMethod(
            worker,
            [worker] {
                worker->shutdown();
                // Deleted after the event loop ends, in the thread's own clean-up: never from inside one of
                // its own events.
                worker->deleteLater();
                QThread::currentThread()->quit();
            },
            Qt::QueuedConnection);
}
