// The dialog the wizard shows when Remove or Update Jitsi cannot confirm a bridge drained (issue 14): what it says,
// and that each button gives the engine its answer. Stop is the default and Esc means Stop, so a stray Enter or
// Esc never cuts meetings off. Offscreen, real widgets found by objectName.

#include "wizard_pages/drainchoicedialog.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestDrainChoiceDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void saysWhoAndWhat()
    {
        DrainChoiceDialog removing(DrainQuestion{u"meet-example-org-jvb-2"_s, u"remove-bridge"_s, 3, {}});
        const QString text = removing.findChild<QLabel *>(u"drainChoiceLabel"_s)->text();
        QVERIFY2(text.contains(u"3 meeting(s)"_s) || text.contains(u"3 meetings"_s), qPrintable(text));
        QVERIFY(text.contains(u"meet-example-org-jvb-2"_s));
        QVERIFY(text.contains(u"deleted"_s));
        QCOMPARE(removing.findChild<QPushButton *>(u"drainProceedButton"_s)->text(), u"&Delete it now"_s);

        DrainChoiceDialog updating(
                DrainQuestion{u"meet-example-org-jvb-1"_s, u"update"_s, -1, u"its /metrics did not answer"_s});
        const QString unknown = updating.findChild<QLabel *>(u"drainChoiceLabel"_s)->text();
        QVERIFY2(unknown.contains(u"could not be confirmed"_s), qPrintable(unknown));
        QVERIFY(unknown.contains(u"its /metrics did not answer"_s));
        QVERIFY(unknown.contains(u"updated and restarted"_s));
        QVERIFY(updating.findChild<QPushButton *>(u"drainStopButton"_s)->isDefault());
    }

    void eachAnswer_data()
    {
        QTest::addColumn<QString>("button"); // empty: the Escape key
        QTest::addColumn<int>("choice");
        QTest::newRow("proceed") << u"drainProceedButton"_s << int(DrainChoice::Proceed);
        QTest::newRow("wait") << u"drainWaitButton"_s << int(DrainChoice::WaitAgain);
        QTest::newRow("stop") << u"drainStopButton"_s << int(DrainChoice::Stop);
        QTest::newRow("escape") << QString() << int(DrainChoice::Stop);
    }

    void eachAnswer()
    {
        QFETCH(QString, button);
        QFETCH(int, choice);
        DrainChoiceDialog dialog(DrainQuestion{u"meet-example-org-jvb-2"_s, u"remove-bridge"_s, 1, {}});
        QList<DrainChoice> answers;
        connect(&dialog, &DrainChoiceDialog::chosen, this, [&answers](DrainChoice c) { answers.append(c); });
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        if (button.isEmpty())
            QTest::keyClick(&dialog, Qt::Key_Escape);
        else
            QTest::mouseClick(dialog.findChild<QPushButton *>(button), Qt::LeftButton);
        QCOMPARE(answers.size(), qsizetype(1)); // exactly one answer
        QCOMPARE(int(answers.first()), choice);
        QVERIFY(!dialog.isVisible());
    }

    void everyButtonIsNamedForAssistiveTools()
    {
        DrainChoiceDialog dialog(DrainQuestion{u"b"_s, u"update"_s, 0, {}});
        QVERIFY(!dialog.accessibleName().isEmpty());
        for (const QString &name : {u"drainProceedButton"_s, u"drainWaitButton"_s, u"drainStopButton"_s}) {
            auto *b = dialog.findChild<QPushButton *>(name);
            QVERIFY2(b && !b->accessibleName().isEmpty(), qPrintable(name));
        }
    }
};

QTEST_MAIN(TestDrainChoiceDialog)
#include "tst_drainchoicedialog.moc"
