// The Windows side of terminal.h. Compiled for Windows only (app/cli/sources.cmake); checked here by the MinGW
// syntax check (tests/support/check-windows-syntax.sh), not run: docs/install.md says what was tried.
//
// A Windows console cannot be watched by a QSocketNotifier, so each prompt reads its line on a short-lived thread
// of its own and hands it back to the event loop. The event loop never waits for the user.
#include "terminal.h"
#include "terminal_p.h"

#include <QPointer>
#include <QThread>

#include <cstdio>
#include <io.h>
#include <utility>
#include <windows.h>

using namespace Qt::StringLiterals;

struct SavedTerminalMode
{
    DWORD mode = 0;
};

namespace {

bool isConsole(DWORD which)
{
    DWORD mode = 0;
    return ::GetConsoleMode(::GetStdHandle(which), &mode) != 0;
}

// One line from `input` (without the line break); null when the input ended first. Blocks: worker thread only.
QString readLine(HANDLE input, bool console)
{
    QByteArray bytes;
    QString line;
    if (console) {
        wchar_t buffer[512];
        DWORD read = 0;
        while (::ReadConsoleW(input, buffer, DWORD(std::size(buffer)), &read, nullptr) && read > 0) {
            line.append(QString::fromWCharArray(buffer, int(read)));
            ::SecureZeroMemory(buffer, sizeof buffer);
            if (line.contains(u'\n'))
                break;
        }
    } else {
        char c = 0;
        DWORD read = 0;
        while (::ReadFile(input, &c, 1, &read, nullptr) && read == 1 && c != '\n')
            bytes.append(c);
        line = QString::fromUtf8(bytes);
        bytes.fill('\0');
        if (read == 0 && line.isEmpty())
            return {};
    }
    const qsizetype end = line.indexOf(u'\n');
    if (end >= 0)
        line.truncate(end);
    if (line.endsWith(u'\r'))
        line.chop(1);
    return line;
}

// Runs `read` on its own thread and calls `deliver` with its line on `receiver`'s thread, unless the receiver is
// gone by then. The thread deletes itself.
void readInBackground(QObject *receiver, std::function<QString()> read, std::function<void(const QString &)> deliver)
{
    QPointer<QObject> guard(receiver);
    QThread *thread = QThread::create([guard, read = std::move(read), deliver = std::move(deliver)]() mutable {
        QString line = read();
        if (guard)
            QMetaObject::invokeMethod(
                    guard.data(), [deliver = std::move(deliver), line] { deliver(line); }, Qt::QueuedConnection);
    });
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

} // namespace

bool Terminal::stdinIsTerminal()
{
    return ::_isatty(::_fileno(stdin)) != 0;
}

bool Terminal::stdoutIsTerminal()
{
    return ::_isatty(::_fileno(stdout)) != 0;
}

int Terminal::stdoutColumns()
{
    CONSOLE_SCREEN_BUFFER_INFO info{};
    if (::GetConsoleScreenBufferInfo(::GetStdHandle(STD_OUTPUT_HANDLE), &info))
        return info.srWindow.Right - info.srWindow.Left + 1;
    return 80;
}

SecretPrompt::SecretPrompt(QObject *parent)
    : QObject(parent)
{ }

SecretPrompt::~SecretPrompt()
{
    m_answered = nullptr; // nobody is answered; the reading thread restores the echo itself once the line ends
}

void SecretPrompt::ask(const QString &prompt, std::function<void(const QString &secret)> answered)
{
    m_answered = std::move(answered);
    // The console itself, as /dev/tty on POSIX: the passphrase is asked even when stdin is redirected.
    HANDLE input = ::CreateFileW(L"CONIN$", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, nullptr,
                                 OPEN_EXISTING, 0, nullptr);
    if (input == INVALID_HANDLE_VALUE) {
        QMetaObject::invokeMethod(this, &SecretPrompt::finish, Qt::QueuedConnection);
        return;
    }
    const std::wstring promptText = prompt.toStdWString();
    HANDLE output = ::CreateFileW(L"CONOUT$", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, nullptr,
                                  OPEN_EXISTING, 0, nullptr);
    if (output != INVALID_HANDLE_VALUE) {
        DWORD written = 0;
        ::WriteConsoleW(output, promptText.c_str(), DWORD(promptText.size()), &written, nullptr);
        ::CloseHandle(output);
    }
    readInBackground(
            this,
            [input] {
                SavedTerminalMode saved;
                const bool quiet = ::GetConsoleMode(input, &saved.mode)
                                   && ::SetConsoleMode(input, saved.mode & ~DWORD(ENABLE_ECHO_INPUT));
                QString line = readLine(input, true);
                if (quiet)
                    ::SetConsoleMode(input, saved.mode);
                ::CloseHandle(input);
                return line;
            },
            [this](const QString &line) {
                m_buffer = line.toUtf8();
                m_buffer.append('\n');
                finish();
            });
}

void SecretPrompt::readAvailable() { }

void SecretPrompt::finish()
{
    const QString secret = TerminalText::takeLine(m_buffer);
    if (auto answered = std::exchange(m_answered, nullptr))
        answered(secret);
}

void LinePrompt::ask(const QString &prompt, std::function<void(const QString &line)> answered)
{
    m_answered = std::move(answered);
    TerminalText::printPrompt(prompt);
    HANDLE input = ::GetStdHandle(STD_INPUT_HANDLE);
    const bool console = isConsole(STD_INPUT_HANDLE);
    readInBackground(
            this, [input, console] { return readLine(input, console); },
            [this](const QString &line) {
                if (auto answered = std::exchange(m_answered, nullptr))
                    answered(line);
            });
}

void LinePrompt::readAvailable() { }
