// The Deployment and SSH key pages in the real WizardShell, typed and clicked by objectName on the offscreen
// platform, against hcloud-sim, with real key files in a temporary HOME and a real ssh-agent.
//
// DEPLOYER_SCREENSHOT_DIR=<dir> (and DEPLOYER_SCREENSHOT_LANG=de) makes screenshotsOfBothPages() save
// wizard-deployment[-de].png and wizard-sshkey[-de].png there.

#include "deploy/deploymentlabels.h"
#include "hcloudsim.h"
#include "openapivalidator.h"
#include "ssh/passphrasebroker.h"
#include "testkeys.h"
#include "testsshagent.h"
#include "ui/translations.h"
#include "ui/wizardshell.h"
#include "wizard_pages/deploymentpage.h"
#include "wizard_pages/sshkeypage.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

QJsonObject toJson(const hcloud::Labels &labels)
{
    QJsonObject object;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

template<typename T>
T *child(QWidget &parent, const QString &name)
{
    T *found = parent.findChild<T *>(name);
    if (!found)
        qWarning("no widget named %s", qPrintable(name));
    return found;
}

} // namespace

class TestDeploymentKeyPages : public QObject
{
    Q_OBJECT

private:
    // A shell against the simulator, with a working token, opened on page `id`.
    std::unique_ptr<WizardShell> openOn(int id)
    {
        WizardState::Environment environment;
        environment.apiEndpoint = m_sim.endpoint().toString();
        auto wizard = std::make_unique<WizardShell>(environment);
        wizard->state()->setToken(HcloudSim::defaultToken());
        wizard->resize(760, 600);
        wizard->setStartId(id);
        wizard->restart();
        wizard->show();
        if (!QTest::qWaitForWindowExposed(wizard.get()))
            return nullptr;
        return wizard;
    }
    // Next, or Finish while the page is the last one so far: whichever takes the user forward.
    static bool nextEnabled(WizardShell &wizard)
    {
        QAbstractButton *next = wizard.button(QWizard::NextButton);
        return (next->isVisible() ? next : wizard.button(QWizard::FinishButton))->isEnabled();
    }
    static void retype(QLineEdit *edit, const QString &text)
    {
        edit->setFocus();
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Backspace);
        QTest::keyClicks(edit, text);
    }
    // The passphrase dialog the page opens; typed into and accepted with Enter, as a user would.
    static bool answerPassphrase(WizardShell &wizard, const QString &passphrase, QString *shownText = nullptr)
    {
        QInputDialog *dialog = nullptr;
        if (!QTest::qWaitFor(
                    [&] {
                        dialog = wizard.findChild<QInputDialog *>(u"keyPassphraseDialog"_s);
                        return dialog && dialog->isVisible();
                    },
                    10000))
            return false;
        if (shownText)
            *shownText = dialog->labelText();
        auto *edit = dialog->findChild<QLineEdit *>(u"keyPassphraseLineEdit"_s);
        if (!edit || edit->echoMode() != QLineEdit::Password)
            return false;
        QTest::keyClicks(edit, passphrase);
        QTest::keyClick(edit, Qt::Key_Return);
        return QTest::qWaitFor([&] { return !wizard.findChild<QInputDialog *>(u"keyPassphraseDialog"_s); }, 5000);
    }
    TestKeys::Key install(TestKeys::Type type, const QString &name, const QString &passphrase = {})
    {
        TestKeys::Key key = m_keys.generate(type, TestKeys::Format::OpenSsh, passphrase);
        const QString target = QDir(m_home.path()).filePath(u".ssh/"_s + name);
        if (!key.isValid() || !QFile::copy(key.privateFile, target) || !QFile::copy(key.publicFile, target + u".pub"_s))
            return {};
        QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner);
        key.privateFile = target;
        key.publicFile = target + u".pub"_s;
        return key;
    }
    // On the radio's indicator: a click far right of its text is not a click on the button.
    static void clickRadio(QRadioButton *radio)
    {
        QTest::mouseClick(radio, Qt::LeftButton, {}, QPoint(6, radio->height() / 2));
    }
    void shoot(QWidget &wizard, const QString &name);

    HcloudSim m_sim;
    QTemporaryDir m_home;
    TestKeys m_keys;
    TestKeys::Key m_plain;
    TestKeys::Key m_encrypted;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_sim.listen());
        m_sim.seedZone(u"example.org"_s);
        DeploymentPlan taken;
        taken.domain = u"taken.example.org"_s;
        m_sim.seedServer(taken.webServerName(), toJson(DeploymentLabels(taken).webServer()));
        QVERIFY(m_home.isValid());
        qputenv("HOME", m_home.path().toUtf8());
        qunsetenv("SSH_AUTH_SOCK"); // no agent unless a test starts one
        QVERIFY(QDir(m_home.path()).mkpath(u".ssh"_s));
        m_plain = install(TestKeys::Type::Ed25519, u"id_ed25519"_s);
        m_encrypted = install(TestKeys::Type::Ed25519, u"id_ed25519_work"_s, u"open sesame"_s);
        QVERIFY2(m_plain.isValid() && m_encrypted.isValid(), qPrintable(m_keys.errorString()));
        m_sim.seedSshKey(u"laptop"_s, m_plain.publicLine);
        const QString language = qEnvironmentVariable("DEPLOYER_SCREENSHOT_LANG");
        if (!language.isEmpty())
            QVERIFY(installTranslations(*qApp, QLocale(language)));
    }
    void cleanup()
    {
        m_sim.clearFaults();
        const QStringList violations = openApiViolations(m_sim);
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
    }

    void deploymentFieldsHaveLabelsAndNames()
    {
        auto wizard = openOn(WizardShell::DeploymentPageId);
        QVERIFY(wizard);
        auto *domain = child<QLineEdit>(*wizard, u"domainLineEdit"_s);
        auto *email = child<QLineEdit>(*wizard, u"emailLineEdit"_s);
        QVERIFY(domain && email);
        QCOMPARE(child<QLabel>(*wizard, u"domainLabel"_s)->buddy(), domain);
        QCOMPARE(child<QLabel>(*wizard, u"emailLabel"_s)->buddy(), email);
        QVERIFY(!domain->accessibleName().isEmpty() && !email->accessibleName().isEmpty());
        QVERIFY(!domain->toolTip().isEmpty() && !email->toolTip().isEmpty());
        QVERIFY(!nextEnabled(*wizard));
        // Keyboard order: domain, then e-mail.
        domain->setFocus();
        QTest::keyClick(domain, Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), email);
    }

    // Issue 15: who may open a meeting, two radio buttons with a label and names, written into the plan through the
    // controller; Tab from the e-mail reaches them.
    void meetingAccessChoiceReachesThePlan()
    {
        auto wizard = openOn(WizardShell::DeploymentPageId);
        QVERIFY(wizard);
        auto *open = child<QRadioButton>(*wizard, u"openAccessRadio"_s);
        auto *moderated = child<QRadioButton>(*wizard, u"moderatedAccessRadio"_s);
        QVERIFY(open && moderated);
        QCOMPARE(child<QLabel>(*wizard, u"meetingAccessLabel"_s)->buddy(), open);
        QVERIFY(!open->accessibleName().isEmpty() && !moderated->accessibleName().isEmpty());
        QVERIFY(open->isChecked());
        QCOMPARE(wizard->state()->plan().options.meetingAccess, DeploymentPlan::MeetingAccess::Open);
        QTest::mouseClick(moderated, Qt::LeftButton, {}, QPoint(8, moderated->height() / 2));
        QVERIFY(moderated->isChecked());
        QCOMPARE(wizard->state()->plan().options.meetingAccess, DeploymentPlan::MeetingAccess::Moderated);
        QTest::mouseClick(open, Qt::LeftButton, {}, QPoint(8, open->height() / 2));
        QCOMPARE(wizard->state()->plan().options.meetingAccess, DeploymentPlan::MeetingAccess::Open);
        auto *email = child<QLineEdit>(*wizard, u"emailLineEdit"_s);
        email->setFocus();
        QTest::keyClick(email, Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), open);
    }

    void badDomainAndEmailAreSaidPerField()
    {
        auto wizard = openOn(WizardShell::DeploymentPageId);
        QVERIFY(wizard);
        wizard->deploymentController()->setCheckDelay(0);
        auto *domain = child<QLineEdit>(*wizard, u"domainLineEdit"_s);
        auto *email = child<QLineEdit>(*wizard, u"emailLineEdit"_s);
        auto *domainHint = child<QLabel>(*wizard, u"domainHintLabel"_s);
        auto *emailHint = child<QLabel>(*wizard, u"emailHintLabel"_s);

        QTest::keyClicks(domain, u"meet"_s);
        QVERIFY(domainHint->isVisible());
        QVERIFY2(domainHint->text().contains(u"fully qualified"_s), qPrintable(domainHint->text()));
        QVERIFY(domainHint->property("error").toBool());
        QTest::keyClicks(email, u"admin"_s);
        QVERIFY(emailHint->isVisible());
        QVERIFY2(emailHint->text().contains(u"admin@example.org"_s), qPrintable(emailHint->text()));
        QVERIFY(!nextEnabled(*wizard));

        QTest::keyClicks(domain, u".example.org"_s);
        QVERIFY(!domainHint->isVisible());
        QCOMPARE(child<QLabel>(*wizard, u"serverNamesLabel"_s)->text(),
                 u"meet-example-org-web, meet-example-org-jvb-1, meet-example-org-jvb-2, \u2026"_s);
        auto *status = child<QLabel>(*wizard, u"checkStatusLabel"_s);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(u"automatically"_s), 10000);
        QVERIFY(!nextEnabled(*wizard)); // the e-mail is still wrong
        QTest::keyClicks(email, u"@example.org"_s);
        QVERIFY(!emailHint->isVisible());
        QTRY_VERIFY(nextEnabled(*wizard));
        QCOMPARE(wizard->state()->plan().domain, u"meet.example.org"_s);
        QCOMPARE(wizard->state()->plan().email, u"admin@example.org"_s);
        QVERIFY(wizard->state()->dnsZoneInProject());

        // Back and Next keep what was typed.
        wizard->next();
        QCOMPARE(wizard->currentId(), int(WizardShell::SshKeyPageId));
        wizard->back();
        QCOMPARE(domain->text(), u"meet.example.org"_s);
        QCOMPARE(email->text(), u"admin@example.org"_s);
        QTRY_VERIFY(nextEnabled(*wizard));
    }

    void internationalDomainShowsItsPunycode()
    {
        auto wizard = openOn(WizardShell::DeploymentPageId);
        QVERIFY(wizard);
        wizard->deploymentController()->setCheckDelay(0);
        auto *domain = child<QLineEdit>(*wizard, u"domainLineEdit"_s);
        // QTest types ASCII only; the umlaut comes as an input method would deliver it.
        QTest::keyClicks(domain, u"b"_s);
        domain->insert(u"\u00fc"_s);
        QTest::keyClicks(domain, u"ro.example.org"_s);
        auto *hint = child<QLabel>(*wizard, u"domainHintLabel"_s);
        QVERIFY(hint->isVisible());
        QCOMPARE(hint->text(), u"Will be registered as xn--bro-hoa.example.org."_s);
        QVERIFY(!hint->property("error").toBool());
    }

    void existingDeploymentBlocksNext()
    {
        auto wizard = openOn(WizardShell::DeploymentPageId);
        QVERIFY(wizard);
        wizard->deploymentController()->setCheckDelay(0);
        QTest::keyClicks(child<QLineEdit>(*wizard, u"emailLineEdit"_s), u"admin@example.org"_s);
        QTest::keyClicks(child<QLineEdit>(*wizard, u"domainLineEdit"_s), u"taken.example.org"_s);
        auto *status = child<QLabel>(*wizard, u"checkStatusLabel"_s);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(u"already exists"_s), 10000);
        QVERIFY(status->property("error").toBool());
        QVERIFY(!child<QPushButton>(*wizard, u"retryCheckButton"_s)->isVisible());
        QTest::qWait(100);
        QVERIFY(!nextEnabled(*wizard));
    }

    void failedCheckOffersRetryAndKeepsInput()
    {
        auto wizard = openOn(WizardShell::DeploymentPageId);
        QVERIFY(wizard);
        wizard->deploymentController()->setCheckDelay(0);
        HcloudSim::Fault fault;
        fault.method = u"GET"_s;
        fault.pathPattern = u"^/servers"_s;
        fault.status = 403;
        fault.code = u"forbidden"_s;
        m_sim.injectFault(fault);
        auto *domain = child<QLineEdit>(*wizard, u"domainLineEdit"_s);
        QTest::keyClicks(child<QLineEdit>(*wizard, u"emailLineEdit"_s), u"admin@example.org"_s);
        QTest::keyClicks(domain, u"meet.example.org"_s);
        auto *retry = child<QPushButton>(*wizard, u"retryCheckButton"_s);
        QTRY_VERIFY_WITH_TIMEOUT(retry->isVisible(), 10000);
        QVERIFY(child<QLabel>(*wizard, u"checkStatusLabel"_s)->property("error").toBool());
        QVERIFY(!nextEnabled(*wizard));
        QCOMPARE(domain->text(), u"meet.example.org"_s);
        QTest::mouseClick(retry, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(nextEnabled(*wizard), 10000);
        QVERIFY(!retry->isVisible());
    }

    void keyFileFromTheListIsUsed()
    {
        auto wizard = openOn(WizardShell::SshKeyPageId);
        QVERIFY(wizard);
        auto *list = child<QListWidget>(*wizard, u"keyFileListWidget"_s);
        QTRY_COMPARE_WITH_TIMEOUT(list->count(), 2, 10000);
        QVERIFY(child<QRadioButton>(*wizard, u"keyFileRadioButton"_s)->isChecked());
        QCOMPARE(child<QLabel>(*wizard, u"keyFileListLabel"_s)->buddy(), list);
        QVERIFY(!nextEnabled(*wizard));
        const QString fingerprint = SshPublicKey::fromLine(m_plain.publicLine)->sha256Fingerprint();
        QListWidgetItem *plain = list->findItems(u"id_ed25519 "_s, Qt::MatchStartsWith).value(0);
        QVERIFY(plain);
        QVERIFY2(plain->text().contains(u"ED25519"_s) && plain->text().contains(fingerprint),
                 qPrintable(plain->text()));
        list->setFocus();
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(plain).center());
        QCOMPARE(child<QLineEdit>(*wizard, u"keyFilePathLineEdit"_s)->text(), m_plain.privateFile);
        auto *status = child<QLabel>(*wizard, u"keyStatusLabel"_s);
        QTRY_VERIFY_WITH_TIMEOUT(nextEnabled(*wizard), 10000);
        QVERIFY2(status->text().contains(u"already in your Hetzner project"_s), qPrintable(status->text()));
        QCOMPARE(wizard->state()->sshIdentity().keyFile, m_plain.privateFile);
    }

    void encryptedKeyAsksInADialog()
    {
        auto wizard = openOn(WizardShell::SshKeyPageId);
        QVERIFY(wizard);
        auto *path = child<QLineEdit>(*wizard, u"keyFilePathLineEdit"_s);
        QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>(*wizard, u"refreshKeysButton"_s)->isEnabled(), 10000);
        QTest::keyClicks(path, m_encrypted.privateFile);
        QTest::keyClick(path, Qt::Key_Return);
        QString shown;
        QVERIFY(answerPassphrase(*wizard, u"not it"_s));
        QVERIFY(answerPassphrase(*wizard, m_encrypted.passphrase, &shown));
        QVERIFY2(shown.contains(u"does not open"_s), qPrintable(shown)); // the second dialog says why it is back
        QTRY_VERIFY_WITH_TIMEOUT(nextEnabled(*wizard), 10000);
        auto *status = child<QLabel>(*wizard, u"keyStatusLabel"_s);
        QVERIFY2(status->text().contains(u"will be uploaded"_s), qPrintable(status->text()));
        QVERIFY(!status->text().contains(m_encrypted.passphrase));
        QVERIFY(wizard->state()->passphrases()->isAnswered());
    }

    void cancelledDialogOffersRetry()
    {
        auto wizard = openOn(WizardShell::SshKeyPageId);
        QVERIFY(wizard);
        auto *path = child<QLineEdit>(*wizard, u"keyFilePathLineEdit"_s);
        QTest::keyClicks(path, m_encrypted.privateFile);
        QTest::keyClick(path, Qt::Key_Return);
        QInputDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = wizard->findChild<QInputDialog *>(u"keyPassphraseDialog"_s)), 10000);
        QTest::keyClick(dialog, Qt::Key_Escape);
        auto *retry = child<QPushButton>(*wizard, u"retryKeyButton"_s);
        QTRY_VERIFY(retry->isVisible());
        QVERIFY(!nextEnabled(*wizard));
        QTest::mouseClick(retry, Qt::LeftButton);
        QVERIFY(answerPassphrase(*wizard, m_encrypted.passphrase));
        QTRY_VERIFY_WITH_TIMEOUT(nextEnabled(*wizard), 10000);
    }

    void badKeyFilesAreSaid_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("needle");
        QTest::newRow("loose permissions") << m_keys.worldReadableKey().privateFile << u"chmod 600"_s;
        QTest::newRow("unreadable") << m_keys.unreadableFile() << u"cannot be read"_s;
        QTest::newRow("not a key") << m_keys.notAKeyFile() << u"not a private key"_s;
        QTest::newRow("missing") << m_keys.missingFile() << u"does not exist"_s;
    }
    void badKeyFilesAreSaid()
    {
        QFETCH(QString, file);
        QFETCH(QString, needle);
        auto wizard = openOn(WizardShell::SshKeyPageId);
        QVERIFY(wizard);
        auto *path = child<QLineEdit>(*wizard, u"keyFilePathLineEdit"_s);
        QTest::keyClicks(path, file);
        QTest::keyClick(path, Qt::Key_Return);
        auto *status = child<QLabel>(*wizard, u"keyStatusLabel"_s);
        QTRY_VERIFY_WITH_TIMEOUT(status->property("error").toBool(), 10000);
        QVERIFY2(status->text().contains(needle), qPrintable(status->text()));
        QVERIFY(!nextEnabled(*wizard));
        QCOMPARE(path->text(), file); // kept for fixing
    }

    void newKeyIsGeneratedFromThePage()
    {
        auto wizard = openOn(WizardShell::SshKeyPageId);
        QVERIFY(wizard);
        clickRadio(child<QRadioButton>(*wizard, u"generateRadioButton"_s));
        auto *path = child<QLineEdit>(*wizard, u"newKeyPathLineEdit"_s);
        QVERIFY(path->isVisible());
        const QString file = QDir(m_home.path()).filePath(u".ssh/jitsi-deployer_ed25519"_s);
        QCOMPARE(path->text(), file);
        auto *passphrase = child<QLineEdit>(*wizard, u"newPassphraseLineEdit"_s);
        auto *repeated = child<QLineEdit>(*wizard, u"repeatPassphraseLineEdit"_s);
        QCOMPARE(passphrase->echoMode(), QLineEdit::Password);
        QCOMPARE(repeated->echoMode(), QLineEdit::Password);
        QCOMPARE(child<QLabel>(*wizard, u"repeatPassphraseLabel"_s)->buddy(), repeated);
        auto *generate = child<QPushButton>(*wizard, u"generateKeyButton"_s);
        auto *status = child<QLabel>(*wizard, u"keyStatusLabel"_s);

        QTest::keyClicks(passphrase, u"first try"_s);
        QTest::keyClicks(repeated, u"first tyr"_s);
        QTest::mouseClick(generate, Qt::LeftButton);
        QVERIFY2(status->text().contains(u"not the same"_s), qPrintable(status->text()));
        QVERIFY(!QFileInfo::exists(file));
        QVERIFY(!nextEnabled(*wizard));

        retype(repeated, u"first try"_s);
        QTest::keyClick(repeated, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(nextEnabled(*wizard), 10000);
        QVERIFY(QFileInfo::exists(file));
        QCOMPARE(wizard->state()->sshIdentity().keyFile, file);

        // The same file again: refused, nothing overwritten.
        QTest::mouseClick(generate, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(status->property("error").toBool(), 10000);
        QVERIFY2(status->text().contains(u"already exists"_s), qPrintable(status->text()));
        QVERIFY(!nextEnabled(*wizard));
        QVERIFY(QFile::remove(file) && QFile::remove(file + u".pub"_s));
    }

    void agentChoiceIsDisabledWithoutAgent()
    {
        auto wizard = openOn(WizardShell::SshKeyPageId);
        QVERIFY(wizard);
        auto *agentStatus = child<QLabel>(*wizard, u"agentStatusLabel"_s);
        QTRY_VERIFY_WITH_TIMEOUT(agentStatus->isVisible(), 10000);
        QVERIFY2(agentStatus->text().contains(u"SSH_AUTH_SOCK"_s), qPrintable(agentStatus->text()));
        QVERIFY(!child<QRadioButton>(*wizard, u"agentRadioButton"_s)->isEnabled());
    }

    void agentKeyIsUsed()
    {
        TestSshAgent agent;
        QString error;
        QVERIFY2(agent.start(&error), qPrintable(error));
        QVERIFY2(agent.addKey(m_encrypted.privateFile, m_encrypted.passphrase, &error), qPrintable(error));
        qputenv("SSH_AUTH_SOCK", agent.socketPath().toUtf8());
        auto wizard = openOn(WizardShell::SshKeyPageId);
        qunsetenv("SSH_AUTH_SOCK");
        QVERIFY(wizard);
        auto *radio = child<QRadioButton>(*wizard, u"agentRadioButton"_s);
        auto *list = child<QListWidget>(*wizard, u"agentKeyListWidget"_s);
        QTRY_COMPARE_WITH_TIMEOUT(list->count(), 1, 10000);
        QVERIFY(radio->isEnabled());
        QVERIFY(!child<QLabel>(*wizard, u"agentStatusLabel"_s)->isVisible());
        clickRadio(radio);
        QVERIFY(list->isVisible());
        const SshPublicKey key = SshPublicKey::fromLine(m_encrypted.publicLine).value();
        QVERIFY(list->item(0)->text().contains(key.comment()));
        QVERIFY(list->item(0)->text().contains(key.sha256Fingerprint()));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(0)).center());
        QTRY_VERIFY_WITH_TIMEOUT(nextEnabled(*wizard), 10000);
        QVERIFY(wizard->state()->sshIdentity().usesAgent());
        // Another kind of key without a choice under it: not complete any more.
        clickRadio(child<QRadioButton>(*wizard, u"generateRadioButton"_s));
        QVERIFY(!nextEnabled(*wizard));
    }

    void screenshotsOfBothPages();
};

void TestDeploymentKeyPages::shoot(QWidget &wizard, const QString &name)
{
    const QString dir = qEnvironmentVariable("DEPLOYER_SCREENSHOT_DIR");
    const QString language = qEnvironmentVariable("DEPLOYER_SCREENSHOT_LANG");
    const QString file = QDir(dir).filePath(name + (language.isEmpty() ? QString() : u'-' + language) + u".png"_s);
    QVERIFY(wizard.grab().save(file));
}

void TestDeploymentKeyPages::screenshotsOfBothPages()
{
    // Renders both pages with realistic content; saved only when asked for (see the top of this file).
    auto wizard = openOn(WizardShell::DeploymentPageId);
    QVERIFY(wizard);
    wizard->resize(720, 560);
    wizard->deploymentController()->setCheckDelay(0);
    QTest::keyClicks(child<QLineEdit>(*wizard, u"domainLineEdit"_s), u"meet.example.org"_s);
    QTest::keyClicks(child<QLineEdit>(*wizard, u"emailLineEdit"_s), u"admin@example.org"_s);
    QTRY_VERIFY_WITH_TIMEOUT(nextEnabled(*wizard), 10000);
    if (!qEnvironmentVariableIsEmpty("DEPLOYER_SCREENSHOT_DIR"))
        shoot(*wizard, u"wizard-deployment"_s);
    wizard->next();
    auto *list = child<QListWidget>(*wizard, u"keyFileListWidget"_s);
    QTRY_COMPARE_WITH_TIMEOUT(list->count(), 2, 10000);
    list->setCurrentRow(0);
    QTRY_VERIFY_WITH_TIMEOUT(nextEnabled(*wizard), 10000);
    if (qEnvironmentVariableIsEmpty("DEPLOYER_SCREENSHOT_DIR"))
        return;
    shoot(*wizard, u"wizard-sshkey"_s);
    // The states a user meets on the way, for a look (not kept in docs/): a new key refused, a taken domain.
    clickRadio(child<QRadioButton>(*wizard, u"generateRadioButton"_s));
    QTest::keyClicks(child<QLineEdit>(*wizard, u"newPassphraseLineEdit"_s), u"one"_s);
    QTest::keyClicks(child<QLineEdit>(*wizard, u"repeatPassphraseLineEdit"_s), u"two"_s);
    QTest::mouseClick(child<QPushButton>(*wizard, u"generateKeyButton"_s), Qt::LeftButton);
    shoot(*wizard, u"state-sshkey-generate"_s);
    wizard->back();
    auto *domain = child<QLineEdit>(*wizard, u"domainLineEdit"_s);
    domain->clear();
    QTest::keyClicks(domain, u"taken.example.org"_s);
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(*wizard, u"checkStatusLabel"_s)->text().contains(u"taken-example-org-web"_s),
                             10000);
    shoot(*wizard, u"state-deployment-taken"_s);
}

QTEST_MAIN(TestDeploymentKeyPages)
#include "tst_deploymentkeypages.moc"
