#pragma once

#include "cli/enginecommands.h"
#include "common/result.h"

#include <QStringList>

// The words and options of `account list | add USER | remove USER` (docs/cli.md), checked before anything is read
// from the secret store or sent: the action, the user name, and the password of "add" (generated, or the first line
// of stdin with --password-stdin; never an argument, which would sit in the shell's history and the process list).
namespace AccountOptions {
// How many words an engine command takes: remove-bridge NAME, account list | account add/remove USER, else one.
qsizetype engineWordCount(const QStringList &words);
// Fills request.account (and passwordGenerated); a bad action, name or password is an "input" error.
Result<void> parse(const QStringList &words, bool passwordFromStdin, EngineCommand::Request &request);
} // namespace AccountOptions
