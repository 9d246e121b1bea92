#pragma once

#include "deploy/hostagent.h"
#include "deploy/provisionsteps.h"
#include "provision/installbundle.h"

#include <QString>
#include <QStringList>

// Shared by the testbed tests that run the install scripts without the engine (tst_testbedinstall,
// tst_testbedturn). Header-only: each test is one translation unit.
namespace Testbed {

using namespace Qt::StringLiterals;

// One provisioning task as the engine's TaskRunner runs it (upload, start, follow provision.log from the
// task's offset until its "@@run end"), keeping every line so a failure shows the script's own output.
class TaskRun
{
public:
    TaskRun(HostAgent *agent, ProvisionTask task, const QList<InstallFile> &files)
        : m_agent(agent)
        , m_task(task)
        , m_name(ProvisionSteps::taskName(task, agent->endpoint().role))
    {
        if (files.isEmpty()) {
            startTask();
            return;
        }
        m_agent->uploadFiles(files, [this](Result<void> uploaded) {
            if (!uploaded.ok())
                fail(u"upload: "_s + uploaded.error().message + u' ' + uploaded.error().detail);
            else
                startTask();
        });
    }

    bool done() const { return m_done; }
    bool succeeded() const { return m_done && m_rc == 0 && m_error.isEmpty(); }
    const QStringList &markers() const { return m_markers; }
    QString report() const
    {
        return u"%1: rc=%2 %3\n%4"_s.arg(m_name, QString::number(m_rc), m_error,
                                         m_lines.mid(qMax<qsizetype>(0, m_lines.size() - 60)).join(u'\n'));
    }

private:
    void startTask()
    {
        m_agent->startTask(m_task, [this](Result<qint64> offset) {
            if (!offset.ok()) {
                fail(u"start: "_s + offset.error().message + u' ' + offset.error().detail);
                return;
            }
            m_parser = ProvisionLogParser(offset.value());
            m_agent->followLog(
                    offset.value(), [this](const QByteArray &bytes, qint64) { handle(m_parser.feed(bytes)); },
                    [this](Result<void> ended) {
                        fail(u"follow ended: "_s + (ended.ok() ? QString() : ended.error().message));
                    });
        });
    }

    void handle(const QList<ProvisionLogEvent> &events)
    {
        for (const ProvisionLogEvent &e : events) {
            if (m_done)
                return;
            switch (e.kind) {
            case ProvisionLogEvent::Kind::Output:
                m_lines << e.text;
                break;
            case ProvisionLogEvent::Kind::StepStarted:
                m_markers << u"start "_s + e.name;
                break;
            case ProvisionLogEvent::Kind::StepSkipped:
                m_markers << u"skip "_s + e.name;
                break;
            case ProvisionLogEvent::Kind::StepEnded:
                m_markers << u"end %1 rc=%2"_s.arg(e.name).arg(e.rc);
                break;
            case ProvisionLogEvent::Kind::StepError:
                m_lines << u"@@error "_s + e.name + u' ' + e.text;
                break;
            case ProvisionLogEvent::Kind::RunStarted:
                break;
            case ProvisionLogEvent::Kind::RunEnded:
                if (e.name == m_name) {
                    m_rc = e.rc;
                    m_done = true;
                    m_agent->stopFollowingLog();
                }
                break;
            }
        }
    }

    void fail(const QString &error)
    {
        if (m_done)
            return;
        m_error = error;
        m_done = true;
        m_agent->stopFollowingLog();
    }

    HostAgent *m_agent;
    ProvisionTask m_task;
    QString m_name;
    ProvisionLogParser m_parser;
    QStringList m_lines;
    QStringList m_markers;
    QString m_error;
    int m_rc = -1;
    bool m_done = false;
};

} // namespace Testbed
