#pragma once

#include <QObject>
#include <QString>

#include <functional>

class QSocketNotifier;

// What the CLI needs from the terminal: whether there is one, its width, and reading an answer from it.
namespace Terminal {

bool stdinIsTerminal();
bool stdoutIsTerminal();
int stdoutColumns(); // 80 when unknown

// Reads one line from the controlling terminal (/dev/tty) with echo off, for an SSH key's passphrase. Blocks, so
// it is only called on an SSH worker thread. A null QString when there is no terminal or nothing was typed.
QString readSecret(const QString &prompt);

} // namespace Terminal

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
