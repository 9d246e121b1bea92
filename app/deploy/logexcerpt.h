#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// A log as the Verifier reads it: the lines that matter, each with its line number in the whole file, in file
// order. Logs grow to hundreds of megabytes (jicofo rotates daily, jvb at 100 MB), so the host picks the lines
// (grep, LogQuery) and only those cross the network; a test or a small log passes its whole text instead.
struct LogExcerpt
{
    struct Line
    {
        int number = 0; // 1-based, in the whole file
        QString text; // without the line end
        friend bool operator==(const Line &, const Line &) = default;
    };

    QList<Line> lines;

    LogExcerpt() = default;
    // Every line of `text`, numbered from 1. Implicit: a whole log is the largest excerpt of itself.
    LogExcerpt(const QString &text);

    bool isEmpty() const { return lines.isEmpty(); }
    friend bool operator==(const LogExcerpt &, const LogExcerpt &) = default;
};

// Which lines of a log the Verifier needs. Needles are matched as fixed strings, ignoring case, so the
// excerpt holds a superset of the lines the Verifier's own (case-sensitive or not) checks look at.
struct LogQuery
{
    QString path;
    QStringList needles;
    // Also the line right after each match: jvb writes the exception behind a failed login there.
    bool withNextLine = false;
    // The first line matching this (POSIX ERE, also valid as a QRegularExpression) is always included, so that
    // "the log has content" is the same for the excerpt as for the whole file.
    QString contentPattern;

    // The shell command that prints the excerpt on the host as grep -n does ("<n>:<line>", "<n>-<line>" for a
    // next line, "--" between groups), or "@@missing" when there is no such file. `root` prefixes the path.
    QString command(const QString &root) const;
    // Reads that output back. Lines come sorted by number, each once.
    static LogExcerpt parse(const QStringList &output);
    // The same selection made here, from the whole file's bytes: for fake hosts, and to check the command.
    LogExcerpt extract(const QByteArray &content) const;
};
