#include "deploy/logexcerpt.h"

#include <QRegularExpression>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace {

QString shellQuote(const QString &text)
{
    QString quoted = text;
    quoted.replace(u"'"_s, u"'\\''"_s);
    return u'\'' + quoted + u'\'';
}

QString withoutCarriageReturn(QString line)
{
    if (line.endsWith(u'\r'))
        line.chop(1);
    return line;
}

} // namespace

LogExcerpt::LogExcerpt(const QString &text)
{
    int number = 0;
    for (QStringView line : QStringView(text).split(u'\n'))
        lines.append({++number, withoutCarriageReturn(line.toString())});
}

QString LogQuery::command(const QString &root) const
{
    // grep exits 1 when nothing matched: not a failure here; 2 (unreadable file) is. LC_ALL=C keeps grep on
    // bytes (no UTF-8 decoding of 200 MB) and -a keeps a stray binary byte from hiding the lines.
    QString command = u"f="_s + shellQuote(root + path)
                      + u"\n[ -e \"$f\" ] || { echo @@missing; exit 0; }\nexport LC_ALL=C\n"_s;
    if (!contentPattern.isEmpty())
        command += u"{ grep -a -n -m1 -E "_s + shellQuote(contentPattern) + u" \"$f\" || [ $? -eq 1 ]; } && "_s;
    command += u"{ grep -a -n -i -F"_s + (withNextLine ? u" -A1"_s : QString());
    for (const QString &needle : needles)
        command += u" -e "_s + shellQuote(needle);
    command += u" \"$f\" || [ $? -eq 1 ]; }\n"_s;
    return command;
}

LogExcerpt LogQuery::parse(const QStringList &output)
{
    LogExcerpt excerpt;
    for (const QString &line : output) {
        qsizetype digits = 0;
        while (digits < line.size() && line.at(digits).isDigit())
            ++digits;
        // "<n>:" a match, "<n>-" the line after one; "--" separates groups.
        if (digits == 0 || digits >= line.size() || (line.at(digits) != u':' && line.at(digits) != u'-'))
            continue;
        excerpt.lines.append({line.left(digits).toInt(), line.mid(digits + 1)}); // SshExec took the CR
    }
    // The content line comes first from its own grep; the matches follow in file order.
    std::stable_sort(excerpt.lines.begin(), excerpt.lines.end(),
                     [](const auto &a, const auto &b) { return a.number < b.number; });
    excerpt.lines.erase(std::unique(excerpt.lines.begin(), excerpt.lines.end(),
                                    [](const auto &a, const auto &b) { return a.number == b.number; }),
                        excerpt.lines.end());
    return excerpt;
}

LogExcerpt LogQuery::extract(const QByteArray &content) const
{
    const QRegularExpression contentLine(contentPattern);
    bool contentFound = contentPattern.isEmpty();
    bool nextWanted = false;
    LogExcerpt excerpt;
    int number = 0;
    for (qsizetype start = 0; start < content.size();) {
        qsizetype end = content.indexOf('\n', start);
        if (end < 0)
            end = content.size();
        ++number;
        const QString line = withoutCarriageReturn(QString::fromUtf8(content.mid(start, end - start)));
        start = end + 1;
        bool wanted = std::exchange(nextWanted, false);
        if (!contentFound && contentLine.match(line).hasMatch())
            wanted = contentFound = true;
        for (const QString &needle : needles) {
            if (line.contains(needle, Qt::CaseInsensitive)) {
                wanted = true;
                nextWanted = withNextLine;
                break;
            }
        }
        if (wanted)
            excerpt.lines.append({number, line});
    }
    return excerpt;
}
