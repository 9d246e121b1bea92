#include "interruptwatcher.h"

#include <QPointer>
#include <QSocketNotifier>

#include <csignal>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>

namespace {
// A signal handler may do almost nothing: it writes one byte to a pipe the event loop watches (self-pipe).
int wakeFds[2] = {-1, -1};

void onSignal(int)
{
    [[maybe_unused]] const auto written = ::write(wakeFds[1], "i", 1);
    std::signal(SIGINT, SIG_DFL);
}
} // namespace

InterruptWatcher::InterruptWatcher(QObject *parent)
    : QObject(parent)
{
    if (::pipe2(wakeFds, O_CLOEXEC | O_NONBLOCK) != 0)
        return;
    m_notifier = new QSocketNotifier(wakeFds[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] {
        char buffer[16];
        while (::read(wakeFds[0], buffer, sizeof buffer) > 0) { }
        Q_EMIT interrupted();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, nullptr);
}

InterruptWatcher::~InterruptWatcher()
{
    std::signal(SIGINT, SIG_DFL);
    delete m_notifier;
    m_notifier = nullptr;
    for (int &fd : wakeFds) {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
}
#else
#include <windows.h>

#include <atomic>

namespace {
// Windows calls a console control handler on a thread of its own, so it may post to the event loop directly.
QPointer<InterruptWatcher> watcher;
std::atomic_bool seenOnce = false;

BOOL WINAPI onConsoleControl(DWORD event)
{
    if (event != CTRL_C_EVENT && event != CTRL_BREAK_EVENT)
        return FALSE;
    if (seenOnce.exchange(true) || !watcher)
        return FALSE; // the second Ctrl-C: the default handler ends the process
    QMetaObject::invokeMethod(watcher.data(), &InterruptWatcher::interrupted, Qt::QueuedConnection);
    return TRUE;
}
} // namespace

InterruptWatcher::InterruptWatcher(QObject *parent)
    : QObject(parent)
{
    watcher = this;
    seenOnce = false;
    ::SetConsoleCtrlHandler(onConsoleControl, TRUE);
}

InterruptWatcher::~InterruptWatcher()
{
    ::SetConsoleCtrlHandler(onConsoleControl, FALSE);
    watcher = nullptr;
}
#endif
