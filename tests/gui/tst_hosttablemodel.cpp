// The Deploy page's host table, fed with engine events through a ProgressModel; no widgets.

#include "deploy/progressmodel.h"
#include "ui/hosttablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
DeploymentPlan plan()
{
    DeploymentPlan plan;
    plan.domain = u"meet.example.org"_s;
    plan.web = {u"cx33"_s, u"fsn1"_s};
    plan.bridges = {{u"cx33"_s, u"nbg1"_s}, {u"cpx22"_s, u"ash"_s}};
    return plan;
}
} // namespace

class TestHostTableModel : public QObject
{
    Q_OBJECT

private:
    QString cell(const HostTableModel &model, int row, int column, int role = Qt::DisplayRole)
    {
        return model.data(model.index(row, column), role).toString();
    }

private Q_SLOTS:
    void rowsFromThePlan()
    {
        ProgressModel progress;
        HostTableModel model(&progress);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPlan(plan());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(HostTableModel::ColumnCount));
        QCOMPARE(cell(model, 0, HostTableModel::HostColumn), u"meet-example-org-web"_s);
        QCOMPARE(cell(model, 2, HostTableModel::HostColumn), u"meet-example-org-jvb-2"_s);
        QCOMPARE(cell(model, 0, HostTableModel::RoleColumn), u"Web server"_s);
        QCOMPARE(cell(model, 1, HostTableModel::RoleColumn), u"Videobridge"_s);
        QCOMPARE(cell(model, 1, HostTableModel::LocationColumn), u"nbg1"_s);
        QCOMPARE(cell(model, 2, HostTableModel::StateColumn), u"Queued"_s);
        QCOMPARE(cell(model, 2, HostTableModel::ElapsedColumn), QString());
        QCOMPARE(model.headerData(HostTableModel::WaitingColumn, Qt::Horizontal).toString(), u"Waiting for"_s);
    }

    void stepsStatesAndElapsedTime()
    {
        ProgressModel progress;
        QDateTime now = QDateTime(QDate(2026, 12, 3), QTime(12, 0, 0), Qt::UTC);
        progress.setClock([&now] { return now; });
        HostTableModel model(&progress);
        model.setClock([&now] { return now; });
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPlan(plan());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        const QString bridge = u"meet-example-org-jvb-1"_s;

        progress.apply(EngineEvent::hostStep(bridge, u"preseed"_s, HostState::Started, 4, 8));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
        QCOMPARE(cell(model, 1, HostTableModel::StateColumn), u"Working"_s);
        QCOMPARE(cell(model, 1, HostTableModel::StepColumn), u"4/8 preseed"_s);
        progress.apply(EngineEvent::hostStep(bridge, u"preseed"_s, HostState::Succeeded, 4, 8));
        QCOMPARE(model.data(model.index(1, HostTableModel::StepColumn), HostTableModel::ProgressRole).toInt(), 50);

        now = now.addSecs(75);
        model.refreshElapsed();
        QCOMPARE(cell(model, 1, HostTableModel::ElapsedColumn), u"1:15"_s);

        progress.apply(EngineEvent::hostWaiting(bridge, WaitReason::WebHost, u"the web server's install"_s));
        QCOMPARE(cell(model, 1, HostTableModel::StateColumn), u"Waiting"_s);
        QCOMPARE(cell(model, 1, HostTableModel::WaitingColumn), u"the web server's install"_s);

        progress.apply(EngineEvent::hostStep(bridge, u"restart-and-join"_s, HostState::Started, 8, 8));
        QCOMPARE(cell(model, 1, HostTableModel::WaitingColumn), QString());
        progress.apply(EngineEvent::hostStep(bridge, u"restart-and-join"_s, HostState::Succeeded, 8, 8));
        QCOMPARE(cell(model, 1, HostTableModel::StateColumn), u"Done"_s);
        QCOMPARE(model.data(model.index(1, HostTableModel::StepColumn), HostTableModel::ProgressRole).toInt(), 100);
        // A finished host's time stops.
        now = now.addSecs(600);
        QCOMPARE(cell(model, 1, HostTableModel::ElapsedColumn), u"1:15"_s);

        EngineEvent failed
                = EngineEvent::hostStep(u"meet-example-org-jvb-2"_s, u"install-packages"_s, HostState::Failed, 5, 8);
        failed.message = u"apt could not reach the repository"_s;
        progress.apply(failed);
        QCOMPARE(cell(model, 2, HostTableModel::StateColumn), u"Failed"_s);
        QCOMPARE(cell(model, 2, HostTableModel::StateColumn, Qt::ToolTipRole), failed.message);
    }

    void hostsOutsideThePlanGetRows()
    {
        ProgressModel progress;
        HostTableModel model(&progress);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPlan(plan());
        progress.apply(EngineEvent::hostStep(u"meet-example-org-jvb-3"_s, u"preseed"_s, HostState::Started, 4, 8));
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.rowOf(u"meet-example-org-jvb-3"_s), 3);
        QCOMPARE(cell(model, 3, HostTableModel::RoleColumn), QString());
    }

    void elapsedFormat()
    {
        QCOMPARE(HostTableModel::elapsedText(-1), QString());
        QCOMPARE(HostTableModel::elapsedText(0), u"0:00"_s);
        QCOMPARE(HostTableModel::elapsedText(3599), u"59:59"_s);
        QCOMPARE(HostTableModel::elapsedText(3725), u"62:05"_s);
    }
};

QTEST_GUILESS_MAIN(TestHostTableModel)
#include "tst_hosttablemodel.moc"
