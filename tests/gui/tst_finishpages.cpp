// The DNS and Verified pages with real widgets on the offscreen platform, driven by objectName: the copy buttons,
// going on without DNS in a real run (hcloud-sim + fake hosts) through the shell, and a failing bridge's row.
#include "deploysandbox.h"
#include "ui/dnscontroller.h"
#include "ui/verifiedcontroller.h"
#include "ui/wizardshell.h"
#include "wizard_pages/dnspage.h"
#include "wizard_pages/verifiedpage.h"

#include <QAbstractButton>
#include <QApplication>
#include <QClipboard>
#include <QDialog>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {
const QList<DnsRecord> records{{u"meet.example.org"_s, u"A"_s, u"198.18.0.7"_s},
                               {u"meet.example.org"_s, u"AAAA"_s, u"2001:db8:0:7::1"_s}};

VerificationReport failingReport()
{
    VerificationReport report;
    BridgeVerdict good;
    good.serverName = good.nickname = u"meet-example-org-jvb-1"_s;
    good.evidence = {{u"/about/health"_s, 0, u"HTTP 200"_s}};
    BridgeVerdict bad;
    bad.serverName = bad.nickname = u"meet-example-org-jvb-2"_s;
    const EvidenceLine refused{
            u"jvb.log"_s, 4, u"JVB 2026-06-01 12:00:35.000 WARNING: [37] MucClient$2.connected#360: Failed to login"_s};
    bad.evidence = {refused, {u"/about/health"_s, 0, u"HTTP 200"_s}};
    bad.problems
            = {{VerifyCause::WrongSecret, u"Its login as jvb was refused: the password does not match."_s, {refused}}};
    report.bridges = {good, bad};
    report.liveSessions = 1;
    return report;
}
} // namespace

class TestFinishPages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void copyButtonsPutTheRecordsOnTheClipboard()
    {
        QWizard wizard;
        auto *page = new DnsPage;
        wizard.addPage(page);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        DnsPageView view;
        view.records = records;
        view.zoneText = u"meet.example.org. 300 IN A 198.18.0.7\nmeet.example.org. 300 IN AAAA 2001:db8:0:7::1\n"_s;
        page->render(view);

        auto *copyA = page->findChild<QPushButton *>(u"copyRecordButton_0"_s);
        auto *copyAaaa = page->findChild<QPushButton *>(u"copyRecordButton_1"_s);
        QVERIFY(copyA && copyAaaa);
        QVERIFY(!copyA->accessibleName().isEmpty());
        QTest::mouseClick(copyA, Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), u"198.18.0.7"_s);
        QTest::mouseClick(copyAaaa, Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), u"2001:db8:0:7::1"_s);
        auto *copyAll = page->findChild<QPushButton *>(u"copyAllButton"_s);
        QVERIFY(copyAll->isEnabled());
        QTest::mouseClick(copyAll, Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), view.zoneText);
        QVERIFY(!page->findChild<QLabel *>(u"dnsFeedbackLabel"_s)->text().isEmpty());
        QCOMPARE(page->findChild<QLabel *>(u"record2Label_1"_s)->text(), u"2001:db8:0:7::1"_s);

        // Not complete while the engine runs; the continue button follows the view.
        QVERIFY(!page->isComplete());
        QVERIFY(!page->findChild<QPushButton *>(u"continueWithoutDnsButton"_s)->isEnabled());
        view.canContinueWithoutDns = true;
        page->render(view);
        QVERIFY(page->findChild<QPushButton *>(u"continueWithoutDnsButton"_s)->isEnabled());
        QSignalSpy complete(page, &QWizardPage::completeChanged);
        view.finished = true;
        page->render(view);
        QCOMPARE(complete.count(), 1);
        QVERIFY(page->isComplete());
        QCOMPARE(page->nextId(), int(WizardShell::VerifiedPageId));
    }

    void continueWithoutDnsInARealRun()
    {
        DeploySandbox sandbox;
        QVERIFY(sandbox.start());
        WizardShell wizard(sandbox.environment(120000));
        sandbox.prepare(*wizard.state());
        QList<QUrl> opened;
        wizard.verifiedController()->setUrlOpener([&opened](const QUrl &url) {
            opened.append(url);
            return true;
        });
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        // The Deploy page's part: start the run, and go to the DNS page once the records are known.
        wizard.state()->engine()->deploy(wizard.state()->plan());
        QTRY_VERIFY_WITH_TIMEOUT(wizard.state()->dnsRecordsEvent().has_value(), 30000);
        wizard.setCurrentId(WizardShell::DnsPageId);
        QCOMPARE(wizard.currentId(), int(WizardShell::DnsPageId));

        QWidget *page = wizard.currentPage();
        QCOMPARE(page->findChild<QLabel *>(u"record2Label_0"_s)->text(),
                 wizard.state()->dnsRecordsEvent()->records.first().value);
        QTRY_VERIFY_WITH_TIMEOUT(page->findChild<QLabel *>(u"checkAnswerLabel_0"_s), 10000);
        QVERIFY(page->findChild<QLabel *>(u"resolverLabel"_s)->text().contains(u"127.0.0.1"_s));
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
        auto *button = page->findChild<QPushButton *>(u"continueWithoutDnsButton"_s);
        QVERIFY(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(!button->isEnabled());

        QTRY_VERIFY_WITH_TIMEOUT(wizard.button(QWizard::NextButton)->isEnabled(), 30000);
        QVERIFY(wizard.state()->lastResult() && wizard.state()->lastResult()->ok());
        QVERIFY(!wizard.state()->lastResult()->value().dnsReady);
        QVERIFY(page->findChild<QLabel *>(u"certificateLabel"_s)->text().contains(u"Self-signed"_s));

        wizard.next();
        QCOMPARE(wizard.currentId(), int(WizardShell::VerifiedPageId));
        QWidget *verified = wizard.currentPage();
        QVERIFY(wizard.button(QWizard::FinishButton)->isVisible());
        QVERIFY(verified->findChild<QLabel *>(u"verifiedSummaryLabel"_s)
                        ->text()
                        .startsWith(u"Every bridge works (2 of 2)"_s));
        for (const QString &bridge : {u"meet-example-org-jvb-1"_s, u"meet-example-org-jvb-2"_s}) {
            auto *row = verified->findChild<QWidget *>(u"bridgeRow_"_s + bridge);
            QVERIFY2(row, qPrintable(bridge));
            QVERIFY(row->findChild<QLabel *>(u"jicofoEvidenceLabel"_s)->text().contains(u"Operational"_s));
            QVERIFY(!row->findChild<QLabel *>(u"causeLabel"_s));
        }
        QVERIFY(verified->findChild<QLabel *>(u"loginsLabel"_s)->text().contains(u"Authenticated as jvb@auth."_s));
        QTest::mouseClick(verified->findChild<QPushButton *>(u"openMeetingButton"_s), Qt::LeftButton);
        QTest::mouseClick(verified->findChild<QPushButton *>(u"openLogButton"_s), Qt::LeftButton);
        QCOMPARE(opened.size(), 2);
        QCOMPARE(opened.first(), QUrl(u"https://meet.example.org/"_s));
        QVERIFY(opened.last().isLocalFile());
        wizard.button(QWizard::FinishButton)->click();
        QVERIFY(!wizard.isVisible());
    }

    void failingBridgeRowShowsTheCause()
    {
        WizardShell wizard;
        wizard.state()->updatePlan([](DeploymentPlan &plan) { plan = DeploySandbox::plan(2); });
        VerifiedPage *page = wizard.verifiedPage();
        EngineOutcome outcome;
        outcome.meetingUrl = u"https://meet.example.org/"_s;
        wizard.verifiedController()->show(failingReport(), outcome);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));

        auto *good = page->findChild<QWidget *>(u"bridgeRow_meet-example-org-jvb-1"_s);
        auto *bad = page->findChild<QWidget *>(u"bridgeRow_meet-example-org-jvb-2"_s);
        QVERIFY(good && bad);
        QVERIFY(!good->findChild<QLabel *>(u"causeLabel"_s));
        const QString cause = bad->findChild<QLabel *>(u"causeLabel"_s)->text();
        QVERIFY2(cause.contains(u"Wrong jvb secret"_s) && cause.contains(u"password does not match"_s),
                 qPrintable(cause));
        QVERIFY(bad->findChild<QLabel *>(u"causeEvidenceLabel"_s)->text().contains(u"Failed to login"_s));
        QVERIFY(bad->findChild<QLabel *>(u"bridgeNameLabel"_s)->text().contains(u"does not work"_s));
        QVERIFY(page->findChild<QLabel *>(u"verifiedSummaryLabel"_s)->text().contains(u"meet-example-org-jvb-2"_s));

        QTest::mouseClick(page->findChild<QPushButton *>(u"copyLinkButton"_s), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), u"https://meet.example.org/"_s);
        QVERIFY(!page->findChild<QPushButton *>(u"openLogButton"_s)->isEnabled()); // no run, no log

        QTest::mouseClick(page->findChild<QPushButton *>(u"showPlanButton"_s), Qt::LeftButton);
        auto *dialog = page->findChild<QDialog *>(u"planDialog"_s);
        QVERIFY(dialog);
        auto *text = dialog->findChild<QPlainTextEdit *>(u"planTextEdit"_s);
        QVERIFY(text->isReadOnly());
        QVERIFY(text->toPlainText().contains(u"\"meet.example.org\""_s));
        dialog->reject();
    }
};

QTEST_MAIN(TestFinishPages)
#include "tst_finishpages.moc"
