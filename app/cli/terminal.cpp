#include "terminal.h"

#include <QSocketNotifier>

#include <cstdio>

#include <fcntl.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

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

QString Terminal::readSecret(const QString &prompt)
{
    const int fd = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return {};
    const QByteArray promptBytes = prompt.toUtf8();
    [[maybe_unused]] const auto written = ::write(fd, promptBytes.constData(), size_t(promptBytes.size()));

    termios saved{};
    const bool isTty = ::tcgetattr(fd, &saved) == 0;
    if (isTty) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        quiet.c_lflag |= ECHONL;
        ::tcsetattr(fd, TCSAFLUSH, &quiet);
    }
    QByteArray line;
    char c = 0;
    while (::read(fd, &c, 1) == 1 && c != '\n')
        line.append(c);
    if (isTty)
        ::tcsetattr(fd, TCSAFLUSH, &saved);
    ::close(fd);
    if (line.endsWith('\r'))
        line.chop(1);
    QString text = line.isEmpty() ? QString() : QString::fromUtf8(line);
    // The buffer held the passphrase; do not leave it in freed memory longer than needed.
    line.fill('\0');
    return text;
}

LinePrompt::LinePrompt(QObject *parent)
    : QObject(parent)
{ }

void LinePrompt::ask(const QString &prompt, std::function<void(const QString &line)> answered)
{
    m_answered = std::move(answered);
    const QByteArray bytes = prompt.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
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
