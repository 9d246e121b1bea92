#pragma once

class QThread;
class SshWorker;

// Ends a session's worker and its thread without waiting for either (DESIGN.md §3). The worker closes its
// connection on its own thread, then the thread quits and is deleted from the retiring thread's event loop.
// Threads still running when the application object goes away are waited for there (bounded), so none
// outlives QCoreApplication.
class SshTeardown
{
public:
    // Returns at once. The worker's shutdown() runs on `thread`, queued behind whatever it is doing (wake it
    // first with its SshInterrupt), then the worker is deleted there and the thread quits.
    static void retire(SshWorker *worker, QThread *thread);
};
