#pragma once

#include <QByteArray>
#include <QString>

// What the POSIX and the Windows terminal code (terminal_posix.cpp, terminal_win.cpp) share.
namespace TerminalText {

// The first line of `buffer` (without its line break; null when empty), then `buffer` wiped: it may have held a
// passphrase, which should not stay in freed memory.
QString takeLine(QByteArray &buffer);

// `prompt` on stderr, at once.
void printPrompt(const QString &prompt);

} // namespace TerminalText
