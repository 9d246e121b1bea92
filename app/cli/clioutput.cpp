#include "clioutput.h"
#include "cli/cliadvice.h"

#include "common/redactor.h"
#include "common/result.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {
void writeTo(FILE *stream, const QString &text)
{
    const QByteArray bytes = Redactor::instance().redact(text).toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}
} // namespace

void CliOutput::line(const QString &text)
{
    writeTo(stdout, text);
}

void CliOutput::revealGeneratedSecret(const QString &text)
{
    const QByteArray bytes = text.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void CliOutput::json(const QJsonValue &value)
{
    QJsonDocument document = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    writeTo(stdout, QString::fromUtf8(document.toJson(QJsonDocument::Compact)));
}

void CliOutput::note(const QString &text)
{
    writeTo(stderr, text);
}

void CliOutput::error(const QString &text)
{
    writeTo(stderr, u"error: "_s + text);
}

void CliOutput::error(const Error &error)
{
    writeTo(stderr, u"error: "_s + CliAdvice::message(error));
    QStringList support;
    if (!error.code.isEmpty())
        support << u"code "_s + error.code;
    if (error.httpStatus != 0)
        support << u"HTTP "_s + QString::number(error.httpStatus);
    if (!error.correlationId.isEmpty())
        support << u"correlation id "_s + error.correlationId;
    if (!error.detail.isEmpty())
        support << error.detail;
    if (!support.isEmpty())
        writeTo(stderr, u"  ("_s + support.join(u"; "_s) + u')');
}

void CliOutput::failure(const Error &error, bool json)
{
    if (json)
        this->json(QJsonObject{{u"error"_s, QJsonObject{{u"code"_s, error.code},
                                                        {u"message"_s, CliAdvice::message(error)},
                                                        {u"correlation_id"_s, error.correlationId}}}});
    this->error(error);
}

void CliOutput::table(const QStringList &header, const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QString &cell : header)
        widths.append(cell.size());
    for (const QStringList &row : rows)
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], row[i].size());

    auto render = [&widths](const QStringList &cells) {
        QString text;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            const bool last = i + 1 == cells.size();
            text += last ? cells[i] : cells[i].leftJustified(widths[i] + 2);
        }
        return text;
    };
    line(render(header));
    for (const QStringList &row : rows)
        line(render(row));
}
