#include "runlog.h"

#include "common/logging.h"
#include "common/redactor.h"
#include "model/deploymentplan.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace {
constexpr QFileDevice::Permissions ownerOnlyFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions ownerOnlyFolder
        = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
constexpr qsizetype flushAtBytes = 64 * 1024; // a burst of log lines is written at once, not held for the timer

// Every string in the value, including nested ones, with the registered secrets blanked. Done on the values, not
// on the serialised line, so that a secret containing a character JSON escapes is still found.
QJsonValue redacted(const QJsonValue &value)
{
    if (value.isString())
        return Redactor::instance().redact(value.toString());
    if (value.isArray()) {
        QJsonArray array;
        for (const QJsonValue &item : value.toArray())
            array.append(redacted(item));
        return array;
    }
    if (value.isObject()) {
        QJsonObject object;
        const QJsonObject source = value.toObject();
        for (auto it = source.constBegin(); it != source.constEnd(); ++it)
            object.insert(it.key(), redacted(it.value()));
        return object;
    }
    return value;
}

// The folder exists and nobody but its owner may enter it. One that exists already (made by hand) loses the group's
// and others' rights but keeps the owner's as they are: a folder the user made read-only stays read-only.
bool ownerOnlyFolderAt(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return QDir().mkdir(path, ownerOnlyFolder);
    if (!info.isDir())
        return false;
    const QFileDevice::Permissions owner = info.permissions() & ownerOnlyFolder;
    return info.permissions() == owner || QFile::setPermissions(path, owner);
}

QString fileTime(const QDateTime &time)
{
    // Fixed width and no ':' (Windows), so names sort by time.
    return time.toUTC().toString(u"yyyyMMdd'T'HHmmss.zzz'Z'"_s);
}
} // namespace

QString RunLog::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/logs"_s;
}

QString RunLog::folderName(const QString &deployment)
{
    // A domain becomes its slug exactly as the deployment's labels have it (long ones are shortened with a hash).
    DeploymentPlan plan;
    plan.domain = deployment;
    QString name = plan.slug();
    for (QChar &c : name) {
        if (!((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-'))
            c = u'-';
    }
    // Whatever else could name another folder cannot survive: '.' and '/' both became '-'.
    return name.isEmpty() ? u"unnamed"_s : name;
}

RunLog::RunLog(const QString &directory, const QString &deployment, const QString &operation, const QDateTime &start,
               QObject *parent)
    : QObject(parent)
    , m_deployment(folderName(deployment))
    , m_operation(operation)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(flushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &RunLog::flush);
    open(directory, operation, start);
    write(QJsonObject{{u"event"_s, u"run_started"_s},
                      {u"operation"_s, operation},
                      {u"deployment"_s, m_deployment},
                      {u"version"_s, QCoreApplication::applicationVersion()}});
    flush(); // the file says at once which run it belongs to
}

RunLog::~RunLog()
{
    flush();
}

void RunLog::open(const QString &directory, const QString &operation, const QDateTime &start)
{
    const QString folder = QDir(directory).filePath(m_deployment);
    const QString parent = QFileInfo(QDir::cleanPath(directory)).absolutePath();
    if (!QDir().mkpath(parent) || !ownerOnlyFolderAt(directory) || !ownerOnlyFolderAt(folder))
        return warnOnce(u"cannot create the folder %1"_s.arg(QDir::toNativeSeparators(folder)));

    const QString base = fileTime(start) + u'-' + folderName(operation);
    // Two runs in the same millisecond (tests) get a suffix rather than sharing a file.
    for (int attempt = 0; attempt < 10 && !m_file.isOpen(); ++attempt) {
        const QString name = base + (attempt ? u"-%1"_s.arg(attempt) : QString()) + u".log"_s;
        m_file.setFileName(QDir(folder).filePath(name));
        if (m_file.exists())
            continue;
        if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::NewOnly, ownerOnlyFile))
            return warnOnce(
                    u"cannot create %1: %2"_s.arg(QDir::toNativeSeparators(m_file.fileName()), m_file.errorString()));
    }
    if (!m_file.isOpen())
        return warnOnce(u"cannot create a new file in %1"_s.arg(QDir::toNativeSeparators(folder)));
    m_path = QFileInfo(m_file.fileName()).absoluteFilePath();
    prune(folder);
}

void RunLog::prune(const QString &folder) const
{
    QDir dir(folder);
    // Newest first: the names start with the time.
    const QStringList logs = dir.entryList({u"*.log"_s}, QDir::Files, QDir::Name | QDir::Reversed);
    for (qsizetype i = keepPerDeployment; i < logs.size(); ++i) {
        if (dir.filePath(logs.at(i)) == m_file.fileName())
            continue; // never the one being written (a clock set back would sort it last)
        if (!dir.remove(logs.at(i)))
            qCWarning(lcDeploy).noquote() << "run log: cannot remove the old log" << dir.filePath(logs.at(i));
    }
}

void RunLog::warnOnce(const QString &what)
{
    if (m_broken)
        return;
    m_broken = true;
    m_buffer.clear();
    if (m_file.isOpen())
        m_file.close();
    // English like every log line; the run goes on without its log.
    qCWarning(lcDeploy).noquote() << "The log of this run is not written to disk:" << what;
}

void RunLog::write(const QJsonObject &object)
{
    if (m_broken || m_finished)
        return;
    QJsonObject line = redacted(object).toObject();
    line.insert(u"time"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    m_buffer += QJsonDocument(line).toJson(QJsonDocument::Compact);
    m_buffer += '\n';
    if (m_buffer.size() >= flushAtBytes)
        flush();
    else if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void RunLog::append(const EngineEvent &event)
{
    write(event.toJson());
}

void RunLog::finish(const Result<EngineOutcome> &result)
{
    QJsonObject line{{u"event"_s, u"finished"_s}, {u"operation"_s, m_operation}, {u"ok"_s, result.ok()}};
    if (result) {
        line.insert(u"outcome"_s, result->toJson());
    } else {
        const Error &error = result.error();
        line.insert(u"error"_s, QJsonObject{{u"domain"_s, error.domain},
                                            {u"code"_s, error.code},
                                            {u"message"_s, error.message},
                                            {u"detail"_s, error.detail},
                                            {u"correlation_id"_s, error.correlationId},
                                            {u"http_status"_s, error.httpStatus}});
    }
    write(line);
    m_finished = true;
    flush();
}

void RunLog::flush()
{
    m_flushTimer.stop();
    if (m_broken || m_buffer.isEmpty() || !m_file.isOpen())
        return;
    if (m_file.write(m_buffer) != m_buffer.size() || !m_file.flush())
        return warnOnce(u"cannot write %1: %2"_s.arg(QDir::toNativeSeparators(m_path), m_file.errorString()));
    m_buffer.clear();
}

QString RunLog::latest(const QString &directory, const QString &deployment)
{
    const QDir dir(QDir(directory).filePath(folderName(deployment)));
    const QStringList logs = dir.entryList({u"*.log"_s}, QDir::Files, QDir::Name | QDir::Reversed);
    return logs.isEmpty() ? QString() : dir.absoluteFilePath(logs.first());
}
