#include "openapivalidator.h"

#include "hcloudsim.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

OpenApiValidator::OpenApiValidator(const QString &sourceDir, const QString &openApiDir)
    : m_script(QDir(sourceDir).filePath(u"tests/support/validate_openapi.py"_s))
    , m_spec(QDir(openApiDir).filePath(u"hetzner-cloud-openapi.json"_s))
{ }

QStringList OpenApiValidator::violations(const HcloudSim &sim) const
{
    QTemporaryDir dir;
    if (!dir.isValid())
        return {u"cannot create a temporary directory for the exchanges: %1"_s.arg(dir.errorString())};
    const QString path = dir.filePath(u"exchanges.jsonl"_s);
    if (!sim.writeExchanges(path))
        return {u"cannot write the exchanges to %1"_s.arg(path)};
    return violationsInFile(path);
}

QStringList OpenApiValidator::violationsInFile(const QString &exchangesJsonlPath) const
{
    if (!QFileInfo::exists(m_spec))
        return {u"OpenAPI description missing: %1 (the repository keeps it in tests/support/openapi/)"_s.arg(m_spec)};
    if (!QFileInfo::exists(m_script))
        return {u"validator script missing: %1"_s.arg(m_script)};

    // Debian's interpreter, not whatever python is first on PATH: only it has python3-jsonschema.
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(u"/usr/bin/python3"_s, {m_script, m_spec, exchangesJsonlPath});
    if (!process.waitForStarted(30000))
        return {u"cannot start /usr/bin/python3: %1"_s.arg(process.errorString())};
    if (!process.waitForFinished(300000))
        return {u"the validator did not finish: %1"_s.arg(process.errorString())};

    const QString out = QString::fromUtf8(process.readAllStandardOutput());
    const QString err = QString::fromUtf8(process.readAllStandardError());
    if (process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0)
        return {};
    QStringList lines = out.split(u'\n', Qt::SkipEmptyParts);
    if (process.exitCode() != 1 || lines.isEmpty())
        lines << u"validator failed (exit %1): %2"_s.arg(process.exitCode()).arg(err.trimmed());
    return lines;
}
