#include "deploy/meetingdrains.h"

#include <QDir>
#include <QFile>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPromise>
#include <QSaveFile>
#include <QThreadPool>

using namespace Qt::StringLiterals;

namespace {
constexpr auto suffix = ".meeting-drains";

Error drainsError(const QString &code, const QString &message, const QString &detail = {})
{
    return Error{u"deploy"_s, code, message, detail, {}, 0};
}
} // namespace

MeetingDrains::MeetingDrains(QString directory, QString slug)
    : m_directory(std::move(directory))
    , m_slug(std::move(slug))
{ }

QString MeetingDrains::filePath() const
{
    return QDir(m_directory).filePath(m_slug + QLatin1String(suffix));
}

Result<QStringList> MeetingDrains::read() const
{
    QFile file(filePath());
    if (!file.exists())
        return QStringList();
    if (!file.open(QIODevice::ReadOnly))
        return drainsError(u"meeting_drains_unreadable"_s,
                           tr("Cannot read %1, the list of bridges a meeting test put into drain mode: %2. Make it "
                              "readable, or take those bridges out of drain mode yourself and delete the file.")
                                   .arg(QDir::toNativeSeparators(file.fileName()), file.errorString()));
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonValue drained = json.value(u"drained"_s);
    if (json.value(u"version"_s).toInt() != 1 || !drained.isArray())
        return drainsError(u"meeting_drains_corrupt"_s,
                           tr("%1, the list of bridges a meeting test put into drain mode, is damaged. Take the "
                              "deployment's bridges out of drain mode yourself (POST 127.0.0.1:8080/colibri/drain/"
                              "disable on each), then delete the file.")
                                   .arg(QDir::toNativeSeparators(file.fileName())));
    QStringList bridges;
    for (const QJsonValue &bridge : drained.toArray()) {
        if (bridge.isString() && !bridges.contains(bridge.toString()))
            bridges.append(bridge.toString());
    }
    return bridges;
}

Result<void> MeetingDrains::write(const QString &path, const QStringList &bridges)
{
    if (bridges.isEmpty()) {
        if (QFile::exists(path) && !QFile::remove(path))
            return drainsError(u"meeting_drains_unwritable"_s,
                               tr("Cannot delete %1.").arg(QDir::toNativeSeparators(path)));
        return {};
    }
    const QString directory = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(directory))
        return drainsError(u"meeting_drains_unwritable"_s,
                           tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(directory)));
    QFile::setPermissions(directory, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return drainsError(u"meeting_drains_unwritable"_s,
                           tr("Cannot write %1: %2.").arg(QDir::toNativeSeparators(path), file.errorString()));
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    file.write(QJsonDocument(QJsonObject{{u"version"_s, 1}, {u"drained"_s, QJsonArray::fromStringList(bridges)}})
                       .toJson());
    if (!file.commit())
        return drainsError(u"meeting_drains_unwritable"_s,
                           tr("Cannot write %1: %2.").arg(QDir::toNativeSeparators(path), file.errorString()));
    return {};
}

void MeetingDrains::save(const QStringList &bridges, QObject *context, std::function<void(Result<void>)> done) const
{
    // One writer thread: saves land in the order they were asked for. A file sync must not stall the GUI thread.
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool; // never deleted: a write may still run while statics are destroyed
        p->setMaxThreadCount(1);
        return p;
    }();
    auto *watcher = new QFutureWatcher<Result<void>>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done = std::move(done)] {
        const Result<void> written = watcher->result();
        watcher->deleteLater();
        done(written);
    });
    auto promise = std::make_shared<QPromise<Result<void>>>();
    watcher->setFuture(promise->future());
    promise->start();
    pool->start([path = filePath(), bridges, promise] {
        promise->addResult(write(path, bridges));
        promise->finish();
    });
}

bool MeetingDrains::anyIn(const QString &directory)
{
    return !QDir(directory).entryList({u"*"_s + QLatin1String(suffix)}, QDir::Files).isEmpty();
}
