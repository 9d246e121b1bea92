#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class QSocketNotifier;
struct SavedTerminalMode; // the platform's terminal mode while echo is off (terminal.cpp)

// What the CLI needs from the terminal: whether there is one, its width, and reading an answer from it.
namespace Terminal {

bool stdinIsTerminal();
bool stdoutIsTerminal();
int stdoutColumns(); // 80 when unknown

} // namespace Terminal

// Reads one line from the controlling terminal (/dev/tty) with echo off, without blocking the event loop: an SSH
// key's passphrase, asked while everything else goes on. Echo comes back once the line is read, or when the
// prompt is deleted first.
class SecretPrompt : public QObject
{
    Q_OBJECT

public:
    explicit SecretPrompt(QObject *parent = nullptr);
    ~SecretPrompt() override;

    // Calls `answered` once with the line typed, or with a null QString when there is no terminal, the terminal
    // ends first, or nothing was typed.
    void ask(const QString &prompt, std::function<void(const QString &secret)> answered);

private:
    void readAvailable();
    void finish();

    int m_fd = -1;
    std::unique_ptr<SavedTerminalMode> m_saved; // the terminal's mode before echo went off, to restore
    QSocketNotifier *m_notifier = nullptr;
    QByteArray m_buffer;
    std::function<void(const QString &)> m_answered;
};

// Reads one line from standard input without blocking the event loop (a confirmation the user types).
class LinePrompt : public QObject
{
    Q_OBJECT

public:
    explicit LinePrompt(QObject *parent = nullptr);

    // Prints `prompt` on stderr and calls `answered` once with the line typed (without the line break), or with a
    // null QString when standard input ends first.
    void ask(const QString &prompt, std::function<void(const QString &line)> answered);

private:
    void readAvailable();

    QSocketNotifier *m_notifier = nullptr;
    QByteArray m_buffer;
    std::function<void(const QString &)> m_answered;
};
