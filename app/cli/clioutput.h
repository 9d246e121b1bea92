#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

struct Error;

// Everything the CLI prints goes through here: results to stdout, diagnostics to stderr, both redacted so a
// secret can never reach the terminal or a CI log.
class CliOutput
{
public:
    void line(const QString &text); // stdout
    // stdout, NOT redacted: only for a password the app generated that the user must see once ("account add").
    void revealGeneratedSecret(const QString &text);
    void json(const QJsonValue &value); // stdout, compact, one line
    void note(const QString &text); // stderr, as it is
    void error(const QString &text); // stderr, prefixed "error: "
    void error(const Error &error); // message, then technical detail and correlation id on a second line
    // A command's failure: with --json also the {"error": {code, message, correlation_id}} object on stdout.
    void failure(const Error &error, bool json);

    // Left-aligned columns sized to their widest cell; header row first.
    void table(const QStringList &header, const QList<QStringList> &rows);
};
