#include "terminal.h"
#include "terminal_p.h"

#include <QSocketNotifier>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <utility>

#include <fcntl.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

struct SavedTerminalMode
{
    termios mode;
};

bool Terminal::stdinIsTerminal()
{
    return ::isatty(STDIN_FILENO) == 1;
}

bool Terminal::stdoutIsTerminal()
{
    return ::isatty(STDOUT_FILENO) == 1;
}

int Terminal::stdoutColumns()
{
    winsize size{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
        return size.ws_col;
    return 80;
}

SecretPrompt::SecretPrompt(QObject *parent)
    : QObject(parent)
{ }

SecretPrompt::~SecretPrompt()
{
    m_answered = nullptr; // deleted first: nobody is answered, but the echo comes back
    finish();
}

void SecretPrompt::ask(const QString &prompt, std::function<void(const QString &secret)> answered)
{
    m_answered = std::move(answered);
    m_fd = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
    if (m_fd < 0) {
        // Later, never inside ask(): callers may still be setting up.
        QMetaObject::invokeMethod(this, &SecretPrompt::finish, Qt::QueuedConnection);
        return;
    }
    const QByteArray promptBytes = prompt.toUtf8();
    [[maybe_unused]] const auto written = ::write(m_fd, promptBytes.constData(), size_t(promptBytes.size()));
    auto saved = std::make_unique<SavedTerminalMode>();
    if (::tcgetattr(m_fd, &saved->mode) == 0) {
        termios quiet = saved->mode;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        quiet.c_lflag |= ECHONL;
        if (::tcsetattr(m_fd, TCSAFLUSH, &quiet) == 0)
            m_saved = std::move(saved);
    }
    m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SecretPrompt::readAvailable);
}

void SecretPrompt::readAvailable()
{
    char chunk[256];
    const ssize_t n = ::read(m_fd, chunk, sizeof chunk);
    if (n < 0 && (errno == EAGAIN || errno == EINTR))
        return;
    if (n > 0) {
        m_buffer.append(chunk, qsizetype(n));
        std::fill(std::begin(chunk), std::end(chunk), '\0');
        if (!m_buffer.contains('\n'))
            return;
    }
    finish(); // a whole line, or the terminal ended
}

void SecretPrompt::finish()
{
    if (m_notifier) {
        m_notifier->setEnabled(false);
        m_notifier->deleteLater();
        m_notifier = nullptr;
    }
    if (m_fd >= 0) {
        if (m_saved)
            ::tcsetattr(m_fd, TCSAFLUSH, &m_saved->mode);
        m_saved.reset();
        ::close(m_fd);
        m_fd = -1;
    }
    const QString secret = TerminalText::takeLine(m_buffer);
    if (auto answered = std::exchange(m_answered, nullptr))
        answered(secret);
}

void LinePrompt::ask(const QString &prompt, std::function<void(const QString &line)> answered)
{
    m_answered = std::move(answered);
    TerminalText::printPrompt(prompt);
    m_notifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &LinePrompt::readAvailable);
}

void LinePrompt::readAvailable()
{
    char chunk[256];
    const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
    if (n > 0)
        m_buffer.append(chunk, qsizetype(n));
    const qsizetype newline = m_buffer.indexOf('\n');
    if (newline < 0 && n > 0)
        return;
    m_notifier->setEnabled(false);
    auto answered = std::move(m_answered);
    m_answered = nullptr;
    if (!answered)
        return;
    if (newline < 0)
        return answered(m_buffer.isEmpty() ? QString() : QString::fromUtf8(m_buffer));
    QByteArray line = m_buffer.left(newline);
    if (line.endsWith('\r'))
        line.chop(1);
    answered(QString::fromUtf8(line));
}
