// The wizard's token step end to end: real widgets, the real HetznerClient against the in-process
// simulator, and a real gnome-keyring (deployer_add_test KEYCHAIN).

#include "hcloudsim.h"
#include "openapivalidator.h"
#include "secrets/credentialstore.h"
#include "ui/tokencontroller.h"
#include "ui/wizardshell.h"
#include "wizard_pages/tokenpage.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMutex>
#include <QPixmap>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;

namespace {

// Hetzner tokens are 64 letters and digits; the exact shape does not matter to the simulator.
const QString goodToken = u"GoodReadWriteToken0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ"_s;
const QString readOnlyToken = u"ReadOnlyToken0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNO"_s;
const QString wrongToken = u"WrongToken0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQR"_s;
const QString savedToken = u"SavedEarlierToken0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJK"_s;
const QString environmentToken = u"EnvironmentToken0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKL"_s;
const QStringList allTokens{goodToken, readOnlyToken, wrongToken, savedToken, environmentToken};

// Every message the process logs while a test runs, to prove no token ever reaches a log.
QMutex logMutex;
QStringList logged;
QtMessageHandler previousHandler = nullptr;

void recordingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker locker(&logMutex);
        logged << message;
    }
    if (previousHandler)
        previousHandler(type, context, message);
}

} // namespace

class TestTokenStep : public QObject
{
    Q_OBJECT

private:
    static QLineEdit *tokenEdit(WizardShell &wizard) { return wizard.findChild<QLineEdit *>(u"tokenLineEdit"_s); }
    static QPushButton *checkButton(WizardShell &wizard)
    {
        return wizard.findChild<QPushButton *>(u"checkTokenButton"_s);
    }
    static QLabel *statusLabel(WizardShell &wizard) { return wizard.findChild<QLabel *>(u"tokenStatusLabel"_s); }
    // Next, or Finish while the token page is the last one: whichever takes the user forward.
    static QAbstractButton *forwardButton(WizardShell &wizard)
    {
        QAbstractButton *next = wizard.button(QWizard::NextButton);
        return next->isVisible() ? next : wizard.button(QWizard::FinishButton);
    }
    void goToTokenPage(WizardShell &wizard);
    void typeAndCheck(WizardShell &wizard, const QString &token);
    Result<QString> storedToken();
    void store(const QString &token);
    void verifyRejected(WizardShell &wizard);

    HcloudSim m_sim;

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void goodTokenIsAcceptedAndSaved();
    void wrongTokenIsRejected();
    void readOnlyTokenIsRejected();
    void malformedTokenSendsNothing();
    void serverErrorIsShown();
    void savedTokenIsPrefilledAndChecked();
    void environmentTokenIsPrefilledButNotSaved();
    void missingKeychainStillAcceptsToken();
};

void TestTokenStep::initTestCase()
{
    QVERIFY(CredentialStore::isAvailable());
    QVERIFY(m_sim.listen());
    m_sim.addToken(goodToken);
    m_sim.addToken(savedToken);
    m_sim.addToken(environmentToken);
    m_sim.addToken(readOnlyToken, true);
    m_sim.seedServer(u"existing-1"_s);
    m_sim.seedServer(u"existing-2"_s);
    // Read by every TokenController the shell creates.
    qputenv("HCLOUD_ENDPOINT", m_sim.endpoint().toString().toUtf8());
    // Everything the code would log at any level is what the recorder must see.
    QLoggingCategory::setFilterRules(u"deployer.*.debug=true"_s);
    previousHandler = qInstallMessageHandler(recordingHandler);
}

void TestTokenStep::init()
{
    std::optional<Result<void>> removed;
    CredentialStore().remove(CredentialStore::tokenKey(), this, [&removed](Result<void> r) { removed = r; });
    QTRY_VERIFY_WITH_TIMEOUT(removed.has_value(), 15000);
    QVERIFY2(removed->ok(), qPrintable(removed->error().toString()));
    m_sim.clearFaults();
    m_sim.clearExchanges();
    QMutexLocker locker(&logMutex);
    logged.clear();
}

void TestTokenStep::cleanup()
{
    // What the wizard sent and the simulator answered must match Hetzner's published schema.
    const QStringList violations = openApiViolations(m_sim);
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
    QMutexLocker locker(&logMutex);
    QVERIFY(!logged.isEmpty()); // the recorder works, so the check below can fail
    for (const QString &line : std::as_const(logged))
        for (const QString &token : allTokens)
            QVERIFY2(!line.contains(token), "a token reached the log");
}

void TestTokenStep::goToTokenPage(WizardShell &wizard)
{
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(WizardShell::TokenPageId));
}

void TestTokenStep::typeAndCheck(WizardShell &wizard, const QString &token)
{
    goToTokenPage(wizard);
    tokenEdit(wizard)->setFocus();
    QTest::keyClicks(tokenEdit(wizard), token);
    QTRY_VERIFY(checkButton(wizard)->isEnabled());
    QTest::mouseClick(checkButton(wizard), Qt::LeftButton);
}

Result<QString> TestTokenStep::storedToken()
{
    std::optional<Result<QString>> read;
    CredentialStore().readText(CredentialStore::tokenKey(), this, [&read](Result<QString> r) { read = r; });
    if (!QTest::qWaitFor([&read] { return read.has_value(); }, 15000))
        return Error{u"test"_s, u"timeout"_s, u"the keychain did not answer"_s, {}, {}, 0};
    return *read;
}

void TestTokenStep::store(const QString &token)
{
    std::optional<Result<void>> written;
    CredentialStore().writeText(CredentialStore::tokenKey(), token, this, [&written](Result<void> r) { written = r; });
    QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), 15000);
    QVERIFY2(written->ok(), qPrintable(written->error().toString()));
}

// Common to every failed check: the user sees why, cannot go on, can fix the token, and nothing was saved.
void TestTokenStep::verifyRejected(WizardShell &wizard)
{
    QVERIFY(!wizard.tokenPage()->isComplete());
    QVERIFY(!forwardButton(wizard)->isEnabled());
    QCOMPARE(statusLabel(wizard)->property("error").toBool(), true);
    QVERIFY(!tokenEdit(wizard)->isReadOnly());
    QVERIFY(checkButton(wizard)->isEnabled());
    QVERIFY(wizard.tokenController()->acceptedToken().isEmpty());
    const Result<QString> stored = storedToken();
    QVERIFY(!stored.ok());
    QCOMPARE(stored.error().code, u"not_found"_s);
}

void TestTokenStep::goodTokenIsAcceptedAndSaved()
{
    WizardShell wizard;
    QSignalSpy finished(wizard.tokenController(), &TokenController::checkFinished);
    typeAndCheck(wizard, goodToken);

    // Busy while the check runs: the button is off, the page says so, and asking again starts nothing.
    QVERIFY(wizard.tokenController()->isChecking());
    QVERIFY(!checkButton(wizard)->isEnabled());
    QVERIFY(statusLabel(wizard)->text().contains(u"Checking"_s));
    QVERIFY(!forwardButton(wizard)->isEnabled());
    QTest::mouseClick(checkButton(wizard), Qt::LeftButton);
    QTest::keyClick(tokenEdit(wizard), Qt::Key_Return);
    wizard.tokenController()->check(goodToken);

    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 15000);
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    // A second check would still be running now.
    QVERIFY(!wizard.tokenController()->isChecking());
    QTRY_VERIFY(forwardButton(wizard)->isEnabled());
    QVERIFY(wizard.tokenPage()->isComplete());

    const QString status = statusLabel(wizard)->text();
    QVERIFY2(status.contains(u"read & write"_s), qPrintable(status));
    QVERIFY2(status.contains(u"Servers in the project: 2."_s), qPrintable(status));
    QVERIFY2(status.contains(u"saved in your system keychain"_s), qPrintable(status));
    QVERIFY(!status.contains(goodToken));
    QCOMPARE(statusLabel(wizard)->property("error").toBool(), false);
    // TST_TOKENSTEP_SCREENSHOT=<file.png> keeps the accepted page for the documentation (docs/screenshots).
    if (const QString keep = qEnvironmentVariable("TST_TOKENSTEP_SCREENSHOT"); !keep.isEmpty())
        QVERIFY(wizard.grab().save(keep));

    const Result<QString> stored = storedToken();
    // QVERIFY2 builds its message even on success, and error() of a good Result<QString> throws.
    QVERIFY2(stored.ok(), stored.ok() ? "" : qPrintable(stored.error().toString()));
    QCOMPARE(*stored, goodToken);
    QCOMPARE(wizard.tokenController()->acceptedToken(), goodToken);

    // One check: the authenticated read and the write probe, each once.
    const QList<HcloudSim::Exchange> exchanges = m_sim.exchanges();
    QCOMPARE(exchanges.size(), 2);
    QCOMPARE(exchanges.at(0).method, u"GET"_s);
    QCOMPARE(exchanges.at(0).path, u"/servers"_s);
    QCOMPARE(exchanges.at(1).method, u"POST"_s);
    QVERIFY(m_sim.state(u"ssh_keys"_s).isEmpty()); // the probe created nothing
}

void TestTokenStep::wrongTokenIsRejected()
{
    WizardShell wizard;
    QSignalSpy finished(wizard.tokenController(), &TokenController::checkFinished);
    typeAndCheck(wizard, wrongToken);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 15000);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    const QString status = statusLabel(wizard)->text();
    QVERIFY2(status.contains(u"token"_s) && status.contains(u"rejected"_s), qPrintable(status));
    QVERIFY(!status.contains(wrongToken));
    verifyRejected(wizard);
}

void TestTokenStep::readOnlyTokenIsRejected()
{
    WizardShell wizard;
    QSignalSpy finished(wizard.tokenController(), &TokenController::checkFinished);
    typeAndCheck(wizard, readOnlyToken);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 15000);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    const QString status = statusLabel(wizard)->text();
    QVERIFY2(status.contains(u"only read"_s) && status.contains(u"Read & Write"_s), qPrintable(status));
    QVERIFY(!status.contains(readOnlyToken));
    verifyRejected(wizard);
    // It did reach Hetzner: the verdict is the API's, not a guess.
    QCOMPARE(m_sim.exchanges().size(), 2);
}

void TestTokenStep::malformedTokenSendsNothing()
{
    WizardShell wizard;
    QSignalSpy finished(wizard.tokenController(), &TokenController::checkFinished);
    typeAndCheck(wizard, u"abcdef 0123456789"_s);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 15000);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    const QString status = statusLabel(wizard)->text();
    QVERIFY2(status.contains(u"spaces"_s), qPrintable(status));
    verifyRejected(wizard);
    QVERIFY(m_sim.exchanges().isEmpty());
}

void TestTokenStep::serverErrorIsShown()
{
    HcloudSim::Fault fault;
    fault.kind = HcloudSim::Fault::Kind::ApiError;
    fault.status = 500;
    fault.code = u"server_error"_s;
    fault.count = -1;
    m_sim.injectFault(fault);

    WizardShell wizard;
    QSignalSpy finished(wizard.tokenController(), &TokenController::checkFinished);
    typeAndCheck(wizard, goodToken);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 15000);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    const QString status = statusLabel(wizard)->text();
    QVERIFY2(status.contains(u"internal error"_s), qPrintable(status));
    verifyRejected(wizard);
    QVERIFY(!m_sim.exchanges().isEmpty());
    QCOMPARE(m_sim.exchanges().constFirst().status, 500);

    // Once Hetzner is well again, the same token goes through without retyping it.
    m_sim.clearFaults();
    QTest::mouseClick(checkButton(wizard), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 15000);
    QVERIFY(wizard.tokenPage()->isComplete());
    QTRY_VERIFY(forwardButton(wizard)->isEnabled());
}

void TestTokenStep::savedTokenIsPrefilledAndChecked()
{
    store(savedToken);
    WizardShell wizard;
    QSignalSpy finished(wizard.tokenController(), &TokenController::checkFinished);
    goToTokenPage(wizard);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 15000);
    QCOMPARE(tokenEdit(wizard)->text(), savedToken);
    QCOMPARE(tokenEdit(wizard)->echoMode(), QLineEdit::Password);
    QVERIFY(wizard.tokenPage()->isComplete());
    QTRY_VERIFY(forwardButton(wizard)->isEnabled());
    const QString status = statusLabel(wizard)->text();
    QVERIFY2(status.contains(u"saved in your system keychain"_s), qPrintable(status));
    QVERIFY(!status.contains(savedToken));
    QCOMPARE(m_sim.exchanges().size(), 2);
    QCOMPARE(*storedToken(), savedToken);
}

void TestTokenStep::environmentTokenIsPrefilledButNotSaved()
{
    store(savedToken);
    qputenv("HCLOUD_TOKEN", environmentToken.toUtf8());
    const auto restore = qScopeGuard([] { qunsetenv("HCLOUD_TOKEN"); });
    WizardShell wizard;
    QSignalSpy finished(wizard.tokenController(), &TokenController::checkFinished);
    goToTokenPage(wizard);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 15000);
    // HCLOUD_TOKEN wins over the keychain, as with the hcloud CLI.
    QCOMPARE(tokenEdit(wizard)->text(), environmentToken);
    QVERIFY(wizard.tokenPage()->isComplete());
    const QString status = statusLabel(wizard)->text();
    QVERIFY2(status.contains(u"HCLOUD_TOKEN"_s), qPrintable(status));
    QVERIFY(!status.contains(environmentToken));
    // The keychain keeps what the user saved there.
    QCOMPARE(*storedToken(), savedToken);
}

void TestTokenStep::missingKeychainStillAcceptsToken()
{
    // No session bus: CredentialStore finds no keychain, as on a desktop without a keyring service.
    QTemporaryDir emptyRuntime;
    QVERIFY(emptyRuntime.isValid());
    const QByteArray bus = qgetenv("DBUS_SESSION_BUS_ADDRESS");
    const QByteArray runtime = qgetenv("XDG_RUNTIME_DIR");
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    qputenv("XDG_RUNTIME_DIR", emptyRuntime.path().toUtf8());
    auto restore = qScopeGuard([&] {
        qputenv("DBUS_SESSION_BUS_ADDRESS", bus);
        qputenv("XDG_RUNTIME_DIR", runtime);
    });
    QVERIFY(!CredentialStore::isAvailable());

    WizardShell wizard;
    QSignalSpy finished(wizard.tokenController(), &TokenController::checkFinished);
    typeAndCheck(wizard, goodToken);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 15000);
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QVERIFY(wizard.tokenPage()->isComplete());
    QTRY_VERIFY(forwardButton(wizard)->isEnabled());
    const QString status = statusLabel(wizard)->text();
    QVERIFY2(status.contains(u"could not be saved"_s), qPrintable(status));
    QVERIFY2(status.contains(u"keyring"_s), qPrintable(status)); // the keychain's reason and fix
    QVERIFY(!status.contains(goodToken));
    QCOMPARE(wizard.tokenController()->acceptedToken(), goodToken);

    restore.dismiss();
    qputenv("DBUS_SESSION_BUS_ADDRESS", bus);
    qputenv("XDG_RUNTIME_DIR", runtime);
    const Result<QString> stored = storedToken();
    QVERIFY(!stored.ok());
    QCOMPARE(stored.error().code, u"not_found"_s);
}

QTEST_MAIN(TestTokenStep)
#include "tst_tokenstep.moc"
