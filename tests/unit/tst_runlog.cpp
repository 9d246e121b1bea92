// The log of a run on disk (RunLog): JSON lines that hold every event, no registered secret, owner-only files and
// folders, the newest logs kept, lines written on a timer, and a log that cannot be written never failing a run.
#include "common/redactor.h"
#include "deploy/runlog.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {
// Distinctive, so a leak is unmistakable; the second has characters JSON escapes.
const QString canary = u"Rl4runLOGcanarySecret0123456789"_s;
const QString escapedCanary = u"Qp\"quote\\slash/secret987"_s;
const QString slug = u"meet-example-org"_s;

QList<QJsonObject> linesOf(const QString &path, bool *allJson = nullptr)
{
    QFile file(path);
    QList<QJsonObject> lines;
    if (allJson)
        *allJson = true;
    if (!file.open(QIODevice::ReadOnly))
        return lines;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.isEmpty())
            continue;
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            if (allJson)
                *allJson = false;
            continue;
        }
        lines << document.object();
    }
    return lines;
}

QString contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

void touch(const QString &path)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
}

EngineEvent logLines(const QString &host, const QStringList &lines)
{
    EngineEvent event;
    event.kind = EngineEvent::Kind::HostLog;
    event.host = host;
    event.lines = lines;
    return event;
}
} // namespace

class TestRunLog : public QObject
{
    Q_OBJECT

private:
    QString logDir() const { return m_dir->filePath(u"logs"_s); }

    std::unique_ptr<QTemporaryDir> m_dir;

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        Redactor::instance().clear();
    }

    void cleanup() { Redactor::instance().clear(); }

    void everyEventIsAJsonLineWithoutSecrets()
    {
        Redactor::instance().addSecret(canary);
        Redactor::instance().addSecret(escapedCanary);
        QString path;
        {
            RunLog log(logDir(), u"meet.example.org"_s, u"deploy"_s);
            path = log.path();
            QVERIFY(!path.isEmpty());
            log.append(EngineEvent::phaseChanged(Phase::Resources, u"Creating…"_s));
            log.append(
                    EngineEvent::hostStep(u"meet-example-org-jvb-1"_s, u"install-packages"_s, HostState::Failed, 5, 9));
            log.append(logLines(u"meet-example-org-jvb-1"_s,
                                {u"JVB_SECRET=%1"_s.arg(canary), u"password %1 set"_s.arg(escapedCanary)}));
            log.append(EngineEvent::warning(u"the token %1 is odd"_s.arg(canary)));
            log.finish(Error{u"deploy"_s, u"host_failed"_s, u"Installing failed."_s, u"exit 100 after %1"_s.arg(canary),
                             u"corr-1"_s, 0});
            log.append(EngineEvent::warning(u"after the end"_s)); // ignored
        }
        QCOMPARE(QFileInfo(path).absolutePath(), QDir(logDir()).absoluteFilePath(slug));
        QVERIFY2(QRegularExpression(u"^\\d{8}T\\d{6}\\.\\d{3}Z-deploy\\.log$"_s)
                         .match(QFileInfo(path).fileName())
                         .hasMatch(),
                 qPrintable(path));

        const QString text = contents(path);
        QVERIFY2(!text.contains(canary), qPrintable(text));
        QVERIFY2(!text.contains(escapedCanary), qPrintable(text));
        QVERIFY2(!text.contains(u"quote\\\\slash"_s), qPrintable(text)); // nor the secret in its JSON-escaped form
        QVERIFY(text.contains(Redactor::placeholder()));

        bool allJson = false;
        const QList<QJsonObject> lines = linesOf(path, &allJson);
        QVERIFY2(allJson, qPrintable(text));
        QStringList kinds;
        for (const QJsonObject &line : lines) {
            kinds << line[u"event"_s].toString();
            QVERIFY(QDateTime::fromString(line[u"time"_s].toString(), Qt::ISODateWithMs).isValid());
        }
        QCOMPARE(kinds, (QStringList{u"run_started"_s, u"phase"_s, u"host_step"_s, u"host_log"_s, u"warning"_s,
                                     u"finished"_s}));
        QCOMPARE(lines[0][u"operation"_s].toString(), u"deploy"_s);
        QCOMPARE(lines[0][u"deployment"_s].toString(), slug);
        // The events exactly as --json prints them, plus the time.
        QJsonObject step = lines[2];
        step.remove(u"time"_s);
        QCOMPARE(step,
                 EngineEvent::hostStep(u"meet-example-org-jvb-1"_s, u"install-packages"_s, HostState::Failed, 5, 9)
                         .toJson());
        QCOMPARE(lines[3][u"lines"_s].toArray().first().toString(), u"JVB_SECRET=[redacted]"_s);
        const QJsonObject finished = lines.last();
        QCOMPARE(finished[u"ok"_s].toBool(), false);
        QCOMPARE(finished[u"error"_s][u"code"_s].toString(), u"host_failed"_s);
        QCOMPARE(finished[u"error"_s][u"detail"_s].toString(), u"exit 100 after [redacted]"_s);
        QCOMPARE(finished[u"error"_s][u"correlation_id"_s].toString(), u"corr-1"_s);
    }

    void successEndsWithTheOutcome()
    {
        RunLog log(logDir(), slug, u"verify"_s);
        EngineOutcome outcome;
        outcome.slug = slug;
        outcome.bridges = {u"meet-example-org-jvb-1"_s};
        log.finish(outcome);
        const QList<QJsonObject> lines = linesOf(log.path());
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.last()[u"ok"_s].toBool(), true);
        QCOMPARE(lines.last()[u"operation"_s].toString(), u"verify"_s);
        QCOMPARE(lines.last()[u"outcome"_s].toObject(), outcome.toJson());
    }

    void fileAndFoldersAreOwnerOnly()
    {
        // A log folder made earlier with wider rights is narrowed; the owner's rights stay.
        QVERIFY(QDir().mkpath(logDir()));
        QVERIFY(QFile::setPermissions(logDir(), QFileDevice::Permissions(0x7755)));
        RunLog log(logDir(), slug, u"deploy"_s);
        const int ownerRw = (QFileDevice::ReadOwner | QFileDevice::WriteOwner).toInt();
        const int ownerRwx = ownerRw | QFileDevice::ExeOwner;
        const auto rights = [](const QString &path) {
            // ReadUser etc. repeat the bits that apply to whoever asks; compare only owner, group and other.
            return (QFileInfo(path).permissions() & QFileDevice::Permissions(0x7077)).toInt();
        };
        QCOMPARE(rights(log.path()), ownerRw);
        QCOMPARE(rights(QFileInfo(log.path()).absolutePath()), ownerRwx);
        QCOMPARE(rights(logDir()), ownerRwx);
    }

    void keepsTheNewestLogsOfTheDeployment()
    {
        const QString folder = QDir(logDir()).filePath(slug);
        QVERIFY(QDir().mkpath(folder));
        const QDateTime start(QDate(2026, 1, 1), QTime(8, 0), Qt::UTC);
        QStringList old;
        for (int i = 0; i < RunLog::keepPerDeployment + 5; ++i) {
            old << start.addSecs(60 * i).toString(u"yyyyMMdd'T'HHmmss.zzz'Z'"_s) + u"-deploy.log"_s;
            touch(QDir(folder).filePath(old.last()));
        }
        touch(QDir(folder).filePath(u"notes.txt"_s)); // not a log: not ours to delete
        const QString otherFolder = QDir(logDir()).filePath(u"other-example-org"_s);
        QVERIFY(QDir().mkpath(otherFolder));
        touch(QDir(otherFolder).filePath(old.first()));

        RunLog log(logDir(), slug, u"deploy"_s, start.addDays(1));
        QStringList left = QDir(folder).entryList({u"*.log"_s}, QDir::Files, QDir::Name);
        QCOMPARE(left.size(), RunLog::keepPerDeployment);
        QCOMPARE(left.last(), QFileInfo(log.path()).fileName());
        QCOMPARE(left.first(), old.at(6)); // the six oldest went, the new one came
        QVERIFY(QFileInfo::exists(QDir(folder).filePath(u"notes.txt"_s)));
        QVERIFY(QFileInfo::exists(QDir(otherFolder).filePath(old.first())));
        QCOMPARE(RunLog::latest(logDir(), u"meet.example.org"_s), log.path());

        // Two runs started in the same millisecond get two files.
        RunLog twin(logDir(), slug, u"deploy"_s, start.addDays(1));
        QVERIFY(!twin.path().isEmpty());
        QVERIFY(twin.path() != log.path());
    }

    void linesReachTheFileOnATimerWithoutFinish()
    {
        RunLog log(logDir(), slug, u"deploy"_s);
        QCOMPARE(linesOf(log.path()).size(), 1); // run_started, at once
        log.append(EngineEvent::warning(u"first"_s));
        log.append(EngineEvent::warning(u"second"_s));
        // Buffered, not one write per event; the timer writes them soon, with no finish() or flush() by anyone.
        QTRY_COMPARE_WITH_TIMEOUT(linesOf(log.path()).size(), 3, 5 * RunLog::flushIntervalMs);
        QCOMPARE(linesOf(log.path()).last()[u"message"_s].toString(), u"second"_s);
    }

    void unwritableFolderWarnsOnceAndTheRunGoesOn()
    {
        // Something that is not a folder where the log folder should be: a file. (Tests may run as root, whom a
        // read-only mode does not stop.)
        touch(logDir());
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"The log of this run is not written to disk"_s));
        QTest::failOnWarning(QRegularExpression(u".*"_s)); // a second warning fails the test
        RunLog log(logDir(), slug, u"deploy"_s);
        QVERIFY(log.path().isEmpty());
        for (int i = 0; i < 100; ++i)
            log.append(EngineEvent::warning(u"line %1"_s.arg(i)));
        log.flush();
        QTest::qWait(2 * RunLog::flushIntervalMs);
        log.finish(Error{u"deploy"_s, u"x"_s, u"failed"_s, {}, {}, 0});
        QCOMPARE(QFileInfo(logDir()).size(), 0);
        QVERIFY(RunLog::latest(logDir(), slug).isEmpty());
    }

    void folderNameIsTheSlug()
    {
        QCOMPARE(RunLog::folderName(u"meet.example.org"_s), slug);
        QCOMPARE(RunLog::folderName(u"Meet.Example.ORG"_s), slug);
        QCOMPARE(RunLog::folderName(slug), slug);
        const QString escape = RunLog::folderName(u"../../etc/cron.d"_s);
        QVERIFY2(!escape.contains(u'/') && !escape.contains(u'.'), qPrintable(escape));
        QVERIFY(!RunLog::folderName(QString()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRunLog)
#include "tst_runlog.moc"
