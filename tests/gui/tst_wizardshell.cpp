// The wizard shell driven through its real widgets on the offscreen platform.

#include "ui/translations.h"
#include "ui/wizardshell.h"
#include "wizard_pages/tokenpage.h"
#include "wizard_pages/welcomepage.h"

#include <QApplication>

#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMetaEnum>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>

#include <algorithm>

using namespace Qt::StringLiterals;

class TestWizardShell : public QObject
{
    Q_OBJECT

private:
    QLineEdit *tokenEdit(QWidget &wizard) { return wizard.findChild<QLineEdit *>(u"tokenLineEdit"_s); }
    QPushButton *checkButton(QWidget &wizard) { return wizard.findChild<QPushButton *>(u"checkTokenButton"_s); }
    QLabel *statusLabel(QWidget &wizard) { return wizard.findChild<QLabel *>(u"tokenStatusLabel"_s); }
    void goToTokenPage(WizardShell &wizard);
    // The token page alone in a wizard, with nobody answering its checks: the test plays the controller.
    TokenPage *showLonePage(QWizard &wizard);

private Q_SLOTS:
    void initTestCase();
    void windowShows();
    void pagesHaveTitles();
    void widgetNamesAreUniqueInTheWindow();
    void welcomeNamesTheSteps();
    void tokenFieldHidesInput();
    void checkButtonEmitsTypedToken();
    void checkResultGatesNext();
    void failedCheckShowsMessage();
    void editingInvalidatesCheck();
    void prefillRequestsCheck();
    void prefillKeepsWhatTheUserTyped();
    void pagesRender();
    void germanTranslationLoads();
};

void TestWizardShell::initTestCase()
{
    // Nothing here should reach the network; if something does, it meets a closed loopback port.
    qputenv("HCLOUD_ENDPOINT", "http://127.0.0.1:9/v1");
}

TokenPage *TestWizardShell::showLonePage(QWizard &wizard)
{
    auto *page = new TokenPage;
    wizard.addPage(page);
    wizard.show();
    if (!QTest::qWaitForWindowExposed(&wizard))
        return nullptr;
    return page;
}

void TestWizardShell::goToTokenPage(WizardShell &wizard)
{
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QCOMPARE(wizard.currentId(), int(WizardShell::WelcomePageId));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(WizardShell::TokenPageId));
}

void TestWizardShell::windowShows()
{
    WizardShell wizard;
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QCOMPARE(wizard.windowTitle(), u"Jitsi Deployer"_s);
    QCOMPARE(wizard.currentId(), int(WizardShell::WelcomePageId));
    // The icon comes from the compiled-in SVG; a null pixmap would mean the resource or the SVG
    // icon engine is missing.
    QVERIFY(!wizard.windowIcon().isNull());
    QVERIFY(!wizard.windowIcon().pixmap(32, 32).isNull());
    QVERIFY(wizard.width() >= 640 && wizard.height() >= 480);
}

// Tests find widgets by objectName in the whole window: a name used on two pages would find the wrong one.
void TestWizardShell::widgetNamesAreUniqueInTheWindow()
{
    WizardShell wizard;
    QHash<QString, int> seen;
    for (const QWidget *widget : wizard.findChildren<QWidget *>()) {
        const QString name = widget->objectName();
        static const char *const usable[]
                = {"QAbstractButton", "QLineEdit",         "QLabel",         "QAbstractSpinBox",
                   "QComboBox",       "QAbstractItemView", "QPlainTextEdit", "QTextEdit"};
        const bool isUsable = std::any_of(std::begin(usable), std::end(usable),
                                          [widget](const char *type) { return widget->inherits(type); });
        if (name.isEmpty() || name.startsWith(u"qt_"_s) || !isUsable)
            continue;
        ++seen[name];
    }
    for (auto it = seen.cbegin(); it != seen.cend(); ++it)
        QVERIFY2(it.value() == 1, qPrintable(u"%1 is used %2 times"_s.arg(it.key()).arg(it.value())));
}

void TestWizardShell::pagesHaveTitles()
{
    WizardShell wizard;
    const QList<int> ids = wizard.pageIds();
    // Every step's page is registered under its fixed id; the steps come in the order of their ids.
    for (int id : {WizardShell::WelcomePageId, WizardShell::TokenPageId, WizardShell::DeploymentPageId,
                   WizardShell::SshKeyPageId, WizardShell::ServersPageId, WizardShell::ReviewPageId,
                   WizardShell::DeployPageId, WizardShell::DnsPageId, WizardShell::VerifiedPageId})
        QVERIFY2(ids.contains(id), qPrintable(QString::number(id)));
    QVERIFY(std::is_sorted(ids.begin(), ids.end()));
    for (int id : ids)
        QVERIFY2(QMetaEnum::fromType<WizardShell::PageId>().valueToKey(id), qPrintable(QString::number(id)));
    for (int id : ids) {
        QWizardPage *page = wizard.page(id);
        QVERIFY(page);
        QVERIFY2(!page->title().isEmpty(), qPrintable(page->objectName()));
        QVERIFY2(!page->subTitle().isEmpty(), qPrintable(page->objectName()));
        QVERIFY(!page->objectName().isEmpty());
    }
    QCOMPARE(wizard.page(WizardShell::WelcomePageId), wizard.welcomePage());
    QCOMPARE(wizard.page(WizardShell::TokenPageId), wizard.tokenPage());
}

void TestWizardShell::welcomeNamesTheSteps()
{
    WizardShell wizard;
    auto *steps = wizard.welcomePage()->findChild<QLabel *>(u"stepsLabel"_s);
    QVERIFY(steps);
    for (const QString &step : {u"API token"_s, u"SSH key"_s, u"Review"_s, u"Verify"_s})
        QVERIFY2(steps->text().contains(step), qPrintable(step));
    auto *costNote = wizard.welcomePage()->findChild<QLabel *>(u"costNoteLabel"_s);
    QVERIFY(costNote);
    QVERIFY(costNote->text().contains(u"Review"_s));
}

void TestWizardShell::tokenFieldHidesInput()
{
    WizardShell wizard;
    goToTokenPage(wizard);
    QLineEdit *edit = tokenEdit(wizard);
    QVERIFY(edit);
    QCOMPARE(edit->echoMode(), QLineEdit::Password);
    QVERIFY(edit->isVisible());
    // Nothing to check yet.
    QVERIFY(checkButton(wizard));
    QVERIFY(!checkButton(wizard)->isEnabled());
    QVERIFY(!wizard.tokenPage()->isComplete());
}

void TestWizardShell::checkButtonEmitsTypedToken()
{
    QWizard wizard;
    TokenPage *page = showLonePage(wizard);
    QVERIFY(page);
    QSignalSpy spy(page, &TokenPage::checkRequested);
    QLineEdit *edit = tokenEdit(wizard);
    edit->setFocus();
    QTest::keyClicks(edit, u"  abcDEF123-token  "_s);
    QCOMPARE(edit->text(), u"  abcDEF123-token  "_s);
    QPushButton *button = checkButton(wizard);
    QTRY_VERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), u"abcDEF123-token"_s);
    // While the check runs, a second click does not ask again.
    QVERIFY(!button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(spy.count(), 1);
    QVERIFY(!statusLabel(wizard)->text().isEmpty());
}

void TestWizardShell::checkResultGatesNext()
{
    QWizard wizard;
    TokenPage *page = showLonePage(wizard);
    QVERIFY(page);
    QSignalSpy spy(page, &TokenPage::checkRequested);
    QTest::keyClicks(tokenEdit(wizard), u"good-token"_s);
    QTest::keyClick(tokenEdit(wizard), Qt::Key_Return);
    QCOMPARE(spy.count(), 1);
    QVERIFY(!page->isComplete());

    QSignalSpy complete(page, &QWizardPage::completeChanged);
    page->showCheckResult(true, u"Project \u201cdemo\u201d, read and write."_s);
    QVERIFY(complete.count() >= 1);
    QVERIFY(page->isComplete());
    QCOMPARE(statusLabel(wizard)->text(), u"Project \u201cdemo\u201d, read and write."_s);
    QVERIFY(checkButton(wizard)->isEnabled());
}

void TestWizardShell::failedCheckShowsMessage()
{
    QWizard wizard;
    TokenPage *page = showLonePage(wizard);
    QVERIFY(page);
    QTest::keyClicks(tokenEdit(wizard), u"bad-token"_s);
    QTest::mouseClick(checkButton(wizard), Qt::LeftButton);
    page->showCheckResult(false, u"Hetzner Cloud did not accept this token."_s);
    QVERIFY(!page->isComplete());
    QCOMPARE(statusLabel(wizard)->text(), u"Hetzner Cloud did not accept this token."_s);
    QCOMPARE(statusLabel(wizard)->property("error").toBool(), true);
    // The user can fix the token and try again.
    QVERIFY(!tokenEdit(wizard)->isReadOnly());
    QVERIFY(checkButton(wizard)->isEnabled());
}

void TestWizardShell::editingInvalidatesCheck()
{
    QWizard wizard;
    TokenPage *page = showLonePage(wizard);
    QVERIFY(page);
    QTest::keyClicks(tokenEdit(wizard), u"good-token"_s);
    QTest::mouseClick(checkButton(wizard), Qt::LeftButton);
    page->showCheckResult(true, u"OK"_s);
    QVERIFY(page->isComplete());
    QTest::keyClick(tokenEdit(wizard), Qt::Key_X);
    QVERIFY(!page->isComplete());
    QVERIFY(statusLabel(wizard)->text().isEmpty());
}

void TestWizardShell::prefillRequestsCheck()
{
    QWizard wizard;
    TokenPage *page = showLonePage(wizard);
    QVERIFY(page);
    QSignalSpy spy(page, &TokenPage::checkRequested);
    page->prefill(u"saved-token-123"_s);
    QCOMPARE(tokenEdit(wizard)->text(), u"saved-token-123"_s);
    QCOMPARE(tokenEdit(wizard)->echoMode(), QLineEdit::Password);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), u"saved-token-123"_s);
    QVERIFY(!checkButton(wizard)->isEnabled());
    QVERIFY(!statusLabel(wizard)->text().contains(u"saved-token-123"_s));
}

void TestWizardShell::prefillKeepsWhatTheUserTyped()
{
    QWizard wizard;
    TokenPage *page = showLonePage(wizard);
    QVERIFY(page);
    QSignalSpy spy(page, &TokenPage::checkRequested);
    QTest::keyClicks(tokenEdit(wizard), u"typed"_s);
    page->prefill(u"saved-token-123"_s);
    QCOMPARE(tokenEdit(wizard)->text(), u"typed"_s);
    QCOMPARE(spy.count(), 0);
}

void TestWizardShell::pagesRender()
{
    // Each page paints at the window's size; TST_WIZARDSHELL_SCREENSHOTS=<dir> keeps the images for a look.
    const QString keepIn = qEnvironmentVariable("TST_WIZARDSHELL_SCREENSHOTS");
    WizardShell wizard;
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QTest::keyClicks(tokenEdit(wizard), u"0123456789abcdef"_s);
    for (int id : wizard.pageIds()) {
        // Each page on its own, without the steps before it: a page must render even with an empty plan.
        wizard.setStartId(id);
        wizard.restart();
        QCOMPARE(wizard.currentId(), id);
        const QImage image = wizard.grab().toImage();
        QCOMPARE(image.size(), wizard.size() * image.devicePixelRatio());
        // Text, frames and buttons were drawn: a blank page would have one or two colours.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 4)
            for (int x = 0; x < image.width(); x += 4)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 8, qPrintable(QString::number(colours.size())));
        if (!keepIn.isEmpty())
            QVERIFY(image.save(keepIn + u'/' + wizard.currentPage()->objectName() + u".png"_s));
    }
}

void TestWizardShell::germanTranslationLoads()
{
    QVERIFY(installTranslations(*qApp, QLocale(QLocale::German, QLocale::Germany)));
    {
        WizardShell wizard;
        QCOMPARE(wizard.welcomePage()->title(), u"Willkommen bei Jitsi Deployer"_s);
        QCOMPARE(checkButton(wizard)->text(), u"Token pr\u00fcfen"_s);
    }
    // A language we do not have is not an error for the caller, just English.
    QVERIFY(!installTranslations(*qApp, QLocale(QLocale::Swahili)));
    for (QTranslator *translator : qApp->findChildren<QTranslator *>())
        QCoreApplication::removeTranslator(translator);
    WizardShell english;
    QCOMPARE(english.welcomePage()->title(), u"Welcome to Jitsi Deployer"_s);
}

QTEST_MAIN(TestWizardShell)
#include "tst_wizardshell.moc"
