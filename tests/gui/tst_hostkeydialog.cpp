// The wizard's "Is this your server?" question (issue 14, another computer): the engine's HostKeyBroker asks, the
// shell shows the dialog, and clicking answers it. Offscreen, real widgets found by objectName.

#include "deploy/deploymentengine.h"
#include "deploy/hostkeybroker.h"
#include "ui/translations.h"
#include "ui/wizardshell.h"
#include "wizard_pages/hostkeydialog.h"

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QTest>
#include <QTranslator>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace {
const HostKeyQuestion kQuestion{u"meet.example.org"_s, u"meet-example-org-web"_s, u"192.0.2.10"_s,
                                u"SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU"_s};

} // namespace

class TestHostKeyDialog : public QObject
{
    Q_OBJECT

private:
    // Asks through the wizard's broker, as HostKeyRecovery does; the answer lands in `answer`.
    void ask(WizardShell &wizard, QObject *context, std::optional<bool> &answer)
    {
        wizard.state()->hostKeys()->ask(kQuestion, context, [&answer](bool trusted) { answer = trusted; });
    }
    HostKeyDialog *shownDialog(WizardShell &wizard)
    {
        for (int i = 0; i < 500; ++i) {
            if (auto *dialog = wizard.findChild<HostKeyDialog *>(u"hostKeyDialog"_s); dialog && dialog->isVisible())
                return dialog;
            QTest::qWait(10);
        }
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase() { qputenv("HCLOUD_ENDPOINT", "http://127.0.0.1:9/v1"); }
    void engineGetsTheWizardsBroker();
    void showsServerAndFingerprint();
    void answers_data();
    void answers();
    void withdrawnQuestionClosesWithoutAnswer();
    void german();
};

void TestHostKeyDialog::engineGetsTheWizardsBroker()
{
    WizardShell wizard;
    QVERIFY(wizard.state()->hostKeys());
    QCOMPARE(wizard.state()->engineSettings().hostKeyBroker, wizard.state()->hostKeys());
}

void TestHostKeyDialog::showsServerAndFingerprint()
{
    WizardShell wizard;
    wizard.show();
    QObject context;
    std::optional<bool> answer;
    ask(wizard, &context, answer);
    HostKeyDialog *dialog = shownDialog(wizard);
    QVERIFY(dialog);
    QVERIFY(dialog->isModal() || dialog->windowModality() == Qt::WindowModal);
    auto *fingerprint = dialog->findChild<QLabel *>(u"hostKeyFingerprintLabel"_s);
    QVERIFY(fingerprint);
    QCOMPARE(fingerprint->text(), kQuestion.fingerprint);
    QVERIFY(QFontInfo(fingerprint->font()).fixedPitch());
    QVERIFY(!fingerprint->accessibleName().isEmpty());
    QVERIFY(fingerprint->focusPolicy() & Qt::TabFocus);
    const QString intro = dialog->findChild<QLabel *>(u"hostKeyIntroLabel"_s)->text();
    QVERIFY2(intro.contains(kQuestion.serverName) && intro.contains(kQuestion.address)
                     && intro.contains(kQuestion.deployment),
             qPrintable(intro));
    const QString how = dialog->findChild<QLabel *>(u"hostKeyHowLabel"_s)->text();
    QVERIFY2(how.contains(u"Hetzner Console"_s) && how.contains(u"ssh-keygen -lf"_s), qPrintable(how));
    for (const char *name : {"trustHostKeyButton", "stopHostKeyButton"}) {
        auto *button = dialog->findChild<QPushButton *>(QLatin1String(name));
        QVERIFY(button);
        QVERIFY(!button->accessibleName().isEmpty());
        QVERIFY(button->focusPolicy() & Qt::TabFocus);
    }
    QCOMPARE(dialog->findChild<QPushButton *>(u"trustHostKeyButton"_s)->text(), u"&Trust this key"_s);
    // Enter on an unread question must not trust a key.
    QVERIFY(dialog->findChild<QPushButton *>(u"stopHostKeyButton"_s)->isDefault());
    QVERIFY(!answer.has_value());
}

// Trust confirms; Stop and Esc decline. Either way the dialog closes and the broker no longer asks.
void TestHostKeyDialog::answers_data()
{
    QTest::addColumn<QString>("button"); // empty: the Escape key
    QTest::addColumn<bool>("trusted");
    QTest::newRow("trust") << u"trustHostKeyButton"_s << true;
    QTest::newRow("stop") << u"stopHostKeyButton"_s << false;
    QTest::newRow("escape") << QString() << false;
}

void TestHostKeyDialog::answers()
{
    QFETCH(QString, button);
    QFETCH(bool, trusted);
    WizardShell wizard;
    wizard.show();
    QObject context;
    std::optional<bool> answer;
    ask(wizard, &context, answer);
    HostKeyDialog *dialog = shownDialog(wizard);
    QVERIFY(dialog);
    if (button.isEmpty())
        QTest::keyClick(dialog, Qt::Key_Escape);
    else
        QTest::mouseClick(dialog->findChild<QPushButton *>(button), Qt::LeftButton);
    QTRY_VERIFY(answer.has_value());
    QCOMPARE(*answer, trusted);
    QTRY_VERIFY(!wizard.findChild<HostKeyDialog *>()); // closed and deleted
    QVERIFY(!wizard.state()->hostKeys()->isAsking());
}

void TestHostKeyDialog::withdrawnQuestionClosesWithoutAnswer()
{
    WizardShell wizard;
    wizard.show();
    auto context = std::make_unique<QObject>();
    std::optional<bool> answer;
    ask(wizard, context.get(), answer);
    QVERIFY(shownDialog(wizard));
    context.reset(); // the run ended
    QTRY_VERIFY(!wizard.findChild<HostKeyDialog *>());
    QTest::qWait(50);
    QVERIFY(!answer.has_value());
    // The next question is asked afresh and still answered by a click.
    QObject next;
    std::optional<bool> nextAnswer;
    ask(wizard, &next, nextAnswer);
    HostKeyDialog *dialog = shownDialog(wizard);
    QVERIFY(dialog);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"trustHostKeyButton"_s), Qt::LeftButton);
    QTRY_VERIFY(nextAnswer.has_value());
    QCOMPARE(*nextAnswer, true);
}

void TestHostKeyDialog::german()
{
    QVERIFY(installTranslations(*qApp, QLocale(QLocale::German, QLocale::Germany)));
    {
        HostKeyDialog dialog(kQuestion);
        QCOMPARE(dialog.findChild<QPushButton *>(u"trustHostKeyButton"_s)->text(), u"Diesem Schlüssel &vertrauen"_s);
        QCOMPARE(dialog.findChild<QPushButton *>(u"stopHostKeyButton"_s)->text(), u"&Abbrechen"_s);
        QVERIFY(dialog.windowTitle() != u"Is this your server?"_s);
    }
    for (QTranslator *translator : qApp->findChildren<QTranslator *>())
        QCoreApplication::removeTranslator(translator);
}

QTEST_MAIN(TestHostKeyDialog)
#include "tst_hostkeydialog.moc"
