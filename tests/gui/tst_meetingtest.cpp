// "Test a meeting" in the wizard (issue 15): the MeetingTestController alone (no widgets), then the
// MeetingTestDialog driven by objectName, against hcloud-sim and fake hosts whose bridges serve jitsi-videobridge's
// /metrics names. The browser is a recording opener; the QR code is checked for its structure.
#include "deploy/meetingdrains.h"
#include "deploytestworld.h"
#include "fakehost.h"
#include "ui/meetingtestcontroller.h"
#include "ui/qrcode.h"
#include "ui/wizardshell.h"
#include "wizard_pages/managepage.h"
#include "wizard_pages/meetingtestdialog.h"
#include "wizard_pages/verifiedpage.h"

#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {
QString bridge(int n)
{
    return DeployTestWorld::slug + u"-jvb-"_s + QString::number(n);
}

const MeetingTestController::Row *row(const MeetingTestController &c, const QString &name)
{
    for (const MeetingTestController::Row &r : c.view().rows)
        if (r.bridge == name)
            return &r;
    return nullptr;
}
} // namespace

class TestMeetingTestGui : public QObject
{
    Q_OBJECT

    std::unique_ptr<DeployTestWorld> m_world;
    std::unique_ptr<WizardState> m_state;
    QList<QUrl> m_opened;

    std::unique_ptr<MeetingTestController> controller()
    {
        auto c = std::make_unique<MeetingTestController>(m_state.get());
        c->setDeployment(DeployTestWorld::slug);
        c->setUrlOpener([this](const QUrl &url) {
            m_opened.append(url);
            return true;
        });
        return c;
    }

    QStringList drained() const
    {
        QStringList names;
        for (FakeHost *host : m_world->cloud.hosts())
            if (host->drainMode())
                names.append(host->serverName());
        return names;
    }

private Q_SLOTS:
    void init()
    {
        m_world = std::make_unique<DeployTestWorld>();
        QVERIFY(m_world->deployOn(DeployTestWorld::plan(2), &m_world->cloud));
        WizardState::Environment env = m_world->environment();
        env.engine.meetingPollIntervalMs = 30;
        m_state = std::make_unique<WizardState>(env);
        m_world->prepare(m_state.get());
        m_opened.clear();
    }

    void cleanup()
    {
        m_state.reset();
        m_world.reset();
    }

    void qrCodeHasTheStructureOfOne()
    {
        const QImage image = QrCode::image(u"https://meet.example.org/test-abcdefghij0123456789"_s, 3);
        QVERIFY(!image.isNull());
        QCOMPARE(image.width(), image.height());
        QCOMPARE(image.width() % 3, 0);
        const int modules = image.width() / 3 - 8;
        QVERIFY2(modules >= 21 && (modules - 21) % 4 == 0, qPrintable(QString::number(modules))); // a QR version
        auto dark = [&image](int mx, int my) {
            return qGray(image.pixel((mx + 4) * 3 + 1, (my + 4) * 3 + 1)) < 128;
        };
        // Quiet zone white; the three finder patterns: a dark ring, a light ring, a dark 3x3 centre.
        QCOMPARE(qGray(image.pixel(1, 1)), 255);
        for (const QPoint corner : {QPoint(0, 0), QPoint(modules - 7, 0), QPoint(0, modules - 7)}) {
            QVERIFY(dark(corner.x(), corner.y()));
            QVERIFY(!dark(corner.x() + 1, corner.y() + 1));
            QVERIFY(dark(corner.x() + 3, corner.y() + 3));
        }
        QVERIFY(QrCode::image(QString(8000, u'x')).isNull()); // too long for any QR code: no image, no crash
    }

    // The controller alone: a fresh room opened in the browser, its QR code, the figures per bridge; "test every
    // bridge" ends the plain test first, shows which bridge carries the test, and Next moves on; at the end no
    // bridge is drained.
    void controllerRunsBothModes()
    {
        auto c = controller();
        QSignalSpy finished(c.get(), &MeetingTestController::finished);
        c->start();
        QTRY_VERIFY_WITH_TIMEOUT(!c->view().roomUrl.isEmpty() && c->view().rows.size() == 2, 20000);
        QVERIFY(c->view().running && c->view().canEnd && !c->view().canNext);
        QCOMPARE(m_opened, QList<QUrl>{QUrl(c->view().roomUrl)});
        QVERIFY(c->view().roomUrl.startsWith(u"https://meet.example.org/test-"_s));
        QVERIFY(!c->qrCode().isNull());

        m_world->cloud.host(bridge(1))->setMeeting(1, 2, 2, 17);
        QTRY_VERIFY_WITH_TIMEOUT(row(*c, bridge(1)) && row(*c, bridge(1))->carried, 10000);
        QCOMPARE(row(*c, bridge(1))->endpoints, u"2"_s);
        QCOMPARE(row(*c, bridge(1))->dataChannelMessages, u"17"_s);
        QCOMPARE(row(*c, bridge(2))->endpoints, u"0"_s);
        QVERIFY(drained().isEmpty());

        // Every bridge: bridge 1's turn first (the other drained), skipped with Next; bridge 2 carries it.
        const QString plainRoom = c->view().roomUrl;
        c->startEveryBridge();
        QTRY_VERIFY_WITH_TIMEOUT(c->view().canNext && row(*c, bridge(1)) && row(*c, bridge(1))->carrier, 20000);
        QCOMPARE(finished.size(), 0); // the plain test's end is not the end of the dialog's work
        QVERIFY(c->view().roomUrl != plainRoom);
        QCOMPARE(m_opened.size(), 2);
        QVERIFY2(c->view().headline.contains(bridge(1)), qPrintable(c->view().headline));
        QCOMPARE(drained(), QStringList{bridge(2)});
        c->nextBridge();
        QTRY_VERIFY_WITH_TIMEOUT(row(*c, bridge(2)) && row(*c, bridge(2))->carrier, 20000);
        QCOMPARE(drained(), QStringList{bridge(1)});
        QCOMPARE(m_opened.size(), 3); // bridge 2's own room
        m_world->cloud.host(bridge(2))->setMeeting(1, 2, 3, 5);
        QTRY_VERIFY_WITH_TIMEOUT(!c->view().running, 20000);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().toBool(), true);
        QVERIFY(c->view().error.isEmpty());
        QVERIFY(row(*c, bridge(2))->carried);
        QCOMPARE(row(*c, bridge(1))->state, tr("Skipped: no test meeting seen"));
        QVERIFY(drained().isEmpty());
        QVERIFY(!QFile::exists(
                MeetingDrains(m_state->engineSettings().storeDirectory, DeployTestWorld::slug).filePath()));
    }

    // Opening a deployment undoes the drains a killed test recorded, and only those.
    void leftoversAreUndone()
    {
        const EngineSettings settings = m_state->engineSettings();
        QVERIFY(MeetingDrains::write(MeetingDrains(settings.storeDirectory, DeployTestWorld::slug).filePath(),
                                     {bridge(2)})
                        .ok());
        m_world->cloud.host(bridge(2))->enterDrainMode();
        m_world->cloud.host(bridge(1))->enterDrainMode(); // the user's own
        auto c = controller();
        c->undoLeftovers(DeployTestWorld::slug);
        QTRY_VERIFY_WITH_TIMEOUT(!m_world->cloud.host(bridge(2))->drainMode(), 20000);
        QCOMPARE(drained(), QStringList{bridge(1)});
        QTRY_VERIFY(!QFile::exists(MeetingDrains(settings.storeDirectory, DeployTestWorld::slug).filePath()));
        QVERIFY(m_opened.isEmpty());
    }

    // The dialog by objectName: the link, the QR code, a row per bridge, the carrier in bold, and closing ends the
    // test with every drain undone.
    void dialogClicksThrough()
    {
        auto c = controller();
        MeetingTestDialog dialog(c.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        for (const char *name : {"openRoomButton", "startMeetingButton", "everyBridgeButton", "nextBridgeButton",
                                 "endTestButton", "closeMeetingTestButton"}) {
            auto *button = dialog.findChild<QPushButton *>(QString::fromLatin1(name));
            QVERIFY2(button, name);
            QVERIFY2(!button->accessibleName().isEmpty(), name);
            QVERIFY2(button->focusPolicy() & Qt::TabFocus, name);
        }
        auto *table = dialog.findChild<QTableWidget *>(u"meetingFiguresTable"_s);
        auto *link = dialog.findChild<QLabel *>(u"meetingLinkLabel"_s);
        auto *qr = dialog.findChild<QLabel *>(u"meetingQrLabel"_s);
        QVERIFY(table && link && qr);
        QVERIFY(!table->accessibleName().isEmpty() && !link->accessibleName().isEmpty());

        QTest::mouseClick(dialog.findChild<QPushButton *>(u"everyBridgeButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
                table->rowCount() == 2 && dialog.findChild<QPushButton *>(u"nextBridgeButton"_s)->isEnabled(), 20000);
        QCOMPARE(link->text(), c->view().roomUrl);
        QVERIFY(!qr->pixmap().isNull());
        QCOMPARE(table->item(0, 0)->text(), bridge(1));
        QVERIFY(table->item(0, 0)->font().bold()); // bridge 1 carries the test now
        QVERIFY(!table->item(1, 0)->font().bold());
        QCOMPARE(drained(), QStringList{bridge(2)});

        QTest::mouseClick(dialog.findChild<QPushButton *>(u"openRoomButton"_s), Qt::LeftButton);
        QCOMPARE(m_opened.last(), QUrl(c->view().roomUrl));

        QTest::mouseClick(dialog.findChild<QPushButton *>(u"closeMeetingTestButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!c->view().running, 20000);
        QVERIFY(drained().isEmpty());
    }

    // The shell: the Verified page's "Test a meeting" opens the dialog for the deployed plan's deployment.
    void verifiedPageOpensTheDialog()
    {
        WizardShell shell(m_world->environment());
        shell.state()->updatePlan([](DeploymentPlan &p) { p = DeployTestWorld::plan(2); });
        shell.meetingTestController()->setUrlOpener([this](const QUrl &url) {
            m_opened.append(url);
            return true;
        });
        auto *button = shell.verifiedPage()->findChild<QPushButton *>(u"verifiedTestMeetingButton"_s);
        QVERIFY(button);
        button->setEnabled(true); // the page enables it once a meeting URL is known
        QTest::mouseClick(button, Qt::LeftButton);
        auto *dialog = shell.findChild<MeetingTestDialog *>();
        QVERIFY(dialog);
        QCOMPARE(shell.meetingTestController()->deployment(), DeployTestWorld::slug);
        QVERIFY(shell.managePage()->findChild<QPushButton *>(u"manageTestMeetingButton"_s));
        dialog->reject();
    }
};

QTEST_MAIN(TestMeetingTestGui)
#include "tst_meetingtest.moc"
