// The whole first deployment in the real WizardShell, from Welcome to Verified, against hcloud-sim and fake hosts
// (1 web + 2 bridges), driven only as a person would: typing into and clicking widgets found by objectName, and the
// wizard's own Next / Deploy buttons. Nothing is set on the state or a controller behind the pages' backs; the test
// only wires the fake world (the hosts' private addresses, fast API polling) and, in the second case, breaks a
// bridge the way an admin would.
//
// The simulator has no DNS zone for the domain, so the DNS page is shown; the test presses "continue with a
// self-signed certificate" there (the engine's DNS wait is long, so it is the click that ends it, not a timeout).
//
// What it proves: the plan the engine received (the servers the simulator was asked for, the env files the hosts
// got, the SSH key uploaded), the rows' final states, every host's console, the Verified page's evidence per
// bridge; a bridge given a wrong jvb secret is named on the Verified page with its cause; and the API token never
// shows in any widget on any page, in the run log, in any file the run wrote, or in the log output.

#include "deploysandbox.h"
#include "frontendwords.h"
#include "hcloud/hetznerclient.h"
#include "testhome.h"
#include "ui/consolepane.h"
#include "ui/deploycontroller.h"
#include "ui/hosttablemodel.h"
#include "ui/wizardshell.h"
#include "wizard_pages/deploypage.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMutex>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <QTextEdit>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

// A loaded two-core machine runs this beside builds: waits are generous, and none of them is a sleep.
constexpr int pageTimeoutMs = 30000;
constexpr int runTimeoutMs = 120000;

// Hetzner tokens are 64 letters and digits; this one is only known to the simulator.
const QString token = u"FlowTestToken0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNO"_s;

const QString web = DeploySandbox::slug + u"-web"_s;
const QString jvb1 = DeploySandbox::slug + u"-jvb-1"_s;
const QString jvb2 = DeploySandbox::slug + u"-jvb-2"_s;

// Every message the process logs, to prove the token never reaches a log.
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

// The texts a person (or a screenshot) can see in a window: labels, editors that are not password fields, buttons,
// table cells, combo entries, tooltips and titles.
QStringList visibleTexts(QWidget *window)
{
    QStringList texts{window->windowTitle()};
    QList<QWidget *> widgets = window->findChildren<QWidget *>();
    for (QWidget *widget : std::as_const(widgets)) {
        texts << widget->toolTip() << widget->accessibleName() << widget->windowTitle();
        if (auto *label = qobject_cast<QLabel *>(widget))
            texts << label->text();
        else if (auto *edit = qobject_cast<QLineEdit *>(widget); edit && edit->echoMode() == QLineEdit::Normal)
            texts << edit->text();
        else if (auto *plain = qobject_cast<QPlainTextEdit *>(widget))
            texts << plain->toPlainText();
        else if (auto *rich = qobject_cast<QTextEdit *>(widget))
            texts << rich->toPlainText();
        else if (auto *button = qobject_cast<QAbstractButton *>(widget))
            texts << button->text();
        else if (auto *combo = qobject_cast<QComboBox *>(widget)) {
            for (int i = 0; i < combo->count(); ++i)
                texts << combo->itemText(i);
        } else if (auto *list = qobject_cast<QListWidget *>(widget)) {
            for (int i = 0; i < list->count(); ++i)
                texts << list->item(i)->text();
        } else if (auto *table = qobject_cast<QTableWidget *>(widget)) {
            for (int row = 0; row < table->rowCount(); ++row)
                for (int column = 0; column < table->columnCount(); ++column)
                    if (QTableWidgetItem *item = table->item(row, column))
                        texts << item->text();
        }
    }
    return texts;
}

// Moves a combo box with the keyboard until it shows the entry with `data`; false when it cannot get there.
bool chooseByKeyboard(QComboBox *box, const QString &data)
{
    box->setFocus();
    QTest::keyClick(box, Qt::Key_Home);
    for (int i = 0; i <= box->count(); ++i) {
        if (box->currentData().toString() == data)
            return true;
        QTest::keyClick(box, Qt::Key_Down);
    }
    return box->currentData().toString() == data;
}

} // namespace

class TestWizardFlow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QString m_keyFile;
    QString m_publicKey;
    std::unique_ptr<DeploySandbox> m_sandbox;
    std::unique_ptr<WizardShell> m_wizard;
    QStringList m_pagesChecked; // pages the token scan ran on

    template<typename T>
    T *find(const QString &name) const
    {
        T *widget = m_wizard->currentPage()->findChild<T *>(name);
        if (!widget)
            qWarning("no widget named %s on page %d", qPrintable(name), m_wizard->currentId());
        return widget;
    }
    // What the current page says, for a failure's message.
    QStringList pageLabels() const
    {
        QStringList texts;
        for (QLabel *label : m_wizard->currentPage()->findChildren<QLabel *>()) {
            if (label->isVisible() && !label->text().isEmpty())
                texts << label->objectName() + u": "_s + label->text();
        }
        return texts;
    }
    QAbstractButton *nextButton() const { return m_wizard->button(QWizard::NextButton); }

    // On the current page: the token is nowhere in the window's texts.
    void expectNoTokenInWindow()
    {
        const QStringList texts = visibleTexts(m_wizard.get());
        for (const QString &text : texts)
            QVERIFY2(!text.contains(token), qPrintable(u"the token is shown on page %1"_s.arg(m_wizard->currentId())));
        // Where the engine's messages are shown, they say how to go on in the window's words, not as a command.
        const int page = m_wizard->currentId();
        if (page == WizardShell::DeployPageId || page == WizardShell::DnsPageId || page == WizardShell::VerifiedPageId)
            QVERIFY2(cliWordsOn(m_wizard.get()).isEmpty(),
                     qPrintable(u"page %1 says a command:\n"_s.arg(page) + cliWordsOn(m_wizard.get()).join(u'\n')));
        m_pagesChecked << QString::number(m_wizard->currentId());
    }

    // Next (or Deploy on the commit page), clicked when enabled, and the page it leads to.
    void clickForward(QWizard::WizardButton which, int expectedPage)
    {
        expectNoTokenInWindow();
        QAbstractButton *button = m_wizard->button(which);
        const bool ready
                = QTest::qWaitFor([button] { return button->isVisible() && button->isEnabled(); }, runTimeoutMs);
        QVERIFY2(ready, qPrintable(u"cannot go on from page %1; it says:\n"_s.arg(m_wizard->currentId())
                                   + pageLabels().join(u'\n')));
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(m_wizard->currentId(), expectedPage);
        expectNoTokenInWindow();
    }

    void driveToDnsPage();
    void continueToVerified();
    QJsonArray createdServers() const;

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void firstDeploymentFromWelcomeToVerified();
    void bridgeWithWrongSecretIsNamedOnVerified();
};

void TestWizardFlow::initTestCase()
{
    // The SSH key page lists ~/.ssh: a HOME of our own with one key in it, made by the real ssh-keygen.
    QVERIFY(m_home.isValid());
    QString error;
    m_keyFile = TestHome::withOneKey(m_home.path(), u"flow@test"_s, &error);
    QVERIFY2(!m_keyFile.isEmpty(), qPrintable(error));
    QFile publicFile(m_keyFile + u".pub"_s);
    QVERIFY(publicFile.open(QIODevice::ReadOnly));
    m_publicKey = QString::fromUtf8(publicFile.readAll()).trimmed();
    previousHandler = qInstallMessageHandler(recordingHandler);
}

void TestWizardFlow::cleanupTestCase()
{
    qInstallMessageHandler(previousHandler);
}

void TestWizardFlow::init()
{
    m_pagesChecked.clear();
    m_sandbox = std::make_unique<DeploySandbox>();
    QVERIFY(m_sandbox->start());
    m_sandbox->sim().addToken(token);
    m_wizard = m_sandbox->openWizard();
    QVERIFY(m_wizard);
}

void TestWizardFlow::cleanup()
{
    if (m_wizard && QTest::currentTestFailed())
        qInfo("failed on page %d", m_wizard->currentId());
    m_wizard.reset();
    const QString directory = m_sandbox->directory();
    // Nothing the run wrote holds the token: the run log, the deployment store, the secrets folder.
    QDirIterator files(directory, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    int scanned = 0;
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains(token.toUtf8()), qPrintable(u"the token is in "_s + file.fileName()));
        ++scanned;
    }
    QVERIFY(scanned > 0);
    m_sandbox.reset();
    QMutexLocker locker(&logMutex);
    for (const QString &line : std::as_const(logged))
        QVERIFY2(!line.contains(token), "the token reached the log");
    logged.clear();
}

QJsonArray TestWizardFlow::createdServers() const
{
    QJsonArray bodies;
    for (const HcloudSim::Exchange &exchange : m_sandbox->sim().exchanges()) {
        if (exchange.method == u"POST"_s && exchange.path == u"/servers"_s && exchange.status == 201)
            bodies.append(QJsonDocument::fromJson(exchange.requestBody).object());
    }
    return bodies;
}

// Welcome → Token → Deployment → SSH key → Servers → Review → Deploy (rows to done) → DNS page with its records.
void TestWizardFlow::driveToDnsPage()
{
    WizardShell &wizard = *m_wizard;
    QCOMPARE(wizard.currentId(), int(WizardShell::WelcomePageId));
    clickForward(QWizard::NextButton, WizardShell::TokenPageId);
    if (QTest::currentTestFailed())
        return;

    // Token: typed, checked against the simulator.
    auto *tokenEdit = find<QLineEdit>(u"tokenLineEdit"_s);
    QCOMPARE(tokenEdit->echoMode(), QLineEdit::Password);
    tokenEdit->setFocus();
    QTest::keyClicks(tokenEdit, token);
    auto *check = find<QPushButton>(u"checkTokenButton"_s);
    QTRY_VERIFY(check->isEnabled());
    QTest::mouseClick(check, Qt::LeftButton);
    auto *tokenStatus = find<QLabel>(u"tokenStatusLabel"_s);
    QTRY_VERIFY_WITH_TIMEOUT(nextButton()->isEnabled(), pageTimeoutMs);
    QVERIFY2(tokenStatus->text().contains(u"read & write"_s), qPrintable(tokenStatus->text()));
    clickForward(QWizard::NextButton, WizardShell::StartPageId);
    if (QTest::currentTestFailed())
        return;

    // Start: the project has no deployment yet, so "New deployment" is the choice.
    QTRY_VERIFY_WITH_TIMEOUT(find<QRadioButton>(u"newDeploymentRadioButton"_s)->isChecked(), pageTimeoutMs);
    clickForward(QWizard::NextButton, WizardShell::DeploymentPageId);
    if (QTest::currentTestFailed())
        return;

    // Deployment: domain and e-mail; the zone is not in the project.
    QTest::keyClicks(find<QLineEdit>(u"domainLineEdit"_s), DeploySandbox::domain);
    QTest::keyClicks(find<QLineEdit>(u"emailLineEdit"_s), u"admin@example.org"_s);
    auto *checkStatus = find<QLabel>(u"checkStatusLabel"_s);
    QTRY_VERIFY_WITH_TIMEOUT(nextButton()->isEnabled(), pageTimeoutMs);
    QVERIFY2(!checkStatus->property("error").toBool(), qPrintable(checkStatus->text()));
    clickForward(QWizard::NextButton, WizardShell::SshKeyPageId);
    if (QTest::currentTestFailed())
        return;

    // SSH key: the file ssh-keygen made, chosen in the list.
    auto *keys = find<QListWidget>(u"keyFileListWidget"_s);
    QTRY_COMPARE_WITH_TIMEOUT(keys->count(), 1, pageTimeoutMs);
    QListWidgetItem *item = keys->item(0);
    QVERIFY2(item->text().startsWith(u"id_ed25519"_s), qPrintable(item->text()));
    keys->setFocus();
    QTest::mouseClick(keys->viewport(), Qt::LeftButton, {}, keys->visualItemRect(item).center());
    QCOMPARE(find<QLineEdit>(u"keyFilePathLineEdit"_s)->text(), m_keyFile);
    QTRY_VERIFY_WITH_TIMEOUT(nextButton()->isEnabled(), pageTimeoutMs);
    auto *keyStatus = find<QLabel>(u"keyStatusLabel"_s);
    QVERIFY2(keyStatus->text().contains(u"will be uploaded"_s), qPrintable(keyStatus->text()));
    clickForward(QWizard::NextButton, WizardShell::ServersPageId);
    if (QTest::currentTestFailed())
        return;

    // Servers: Nuremberg, a dedicated-vCPU web server, small bridges, two of them, Debian 12.
    auto *location = find<QComboBox>(u"locationComboBox"_s);
    QTRY_VERIFY_WITH_TIMEOUT(location->isEnabled() && location->count() > 0 && nextButton()->isEnabled(),
                             pageTimeoutMs);
    QVERIFY(chooseByKeyboard(location, u"nbg1"_s));
    QVERIFY(chooseByKeyboard(find<QComboBox>(u"webTypeComboBox"_s), u"ccx13"_s));
    QVERIFY(chooseByKeyboard(find<QComboBox>(u"bridgeTypeComboBox"_s), u"cx23"_s));
    QCOMPARE(find<QComboBox>(u"imageComboBox"_s)->currentData().toString(), u"debian-13"_s);
    auto *count = find<QSpinBox>(u"bridgeCountSpinBox"_s);
    count->setFocus();
    count->selectAll();
    QTest::keyClicks(count, u"3"_s);
    QTest::keyClick(count, Qt::Key_Down); // typed 3, stepped back to 2
    QTest::keyClick(count, Qt::Key_Tab);
    QCOMPARE(count->value(), 2);
    QVERIFY(!find<QLabel>(u"bridgeHintLabel"_s)->text().isEmpty());
    clickForward(QWizard::NextButton, WizardShell::ReviewPageId);
    if (QTest::currentTestFailed())
        return;

    // Review: the prices from the API, then Deploy, the commit point.
    QAbstractButton *deploy = wizard.button(QWizard::CommitButton);
    QTRY_VERIFY_WITH_TIMEOUT(deploy->isVisible() && deploy->isEnabled(), pageTimeoutMs);
    auto *table = find<QTableWidget>(u"costTable"_s);
    QCOMPARE(table->rowCount(), 4); // web, two bridges, total
    QVERIFY(table->item(0, 0)->text().startsWith(web));
    QCOMPARE(table->item(0, 1)->text(), u"ccx13"_s);
    QCOMPARE(table->item(1, 1)->text(), u"cx23"_s);
    for (int row = 0; row < 4; ++row)
        QVERIFY2(table->item(row, 3)->text().contains(u"EUR"_s), qPrintable(table->item(row, 3)->text()));
    QVERIFY(createdServers().isEmpty()); // nothing costs money before Deploy
    clickForward(QWizard::CommitButton, WizardShell::DeployPageId);
    if (QTest::currentTestFailed())
        return;

    // Deploy: three rows to Done, then on to the DNS page.
    const HostTableModel *rows = wizard.deployPage()->hostModel();
    QCOMPARE(rows->rowCount(), 3);
    const auto state = [rows](int row) {
        return rows->data(rows->index(row, HostTableModel::StateColumn)).toString();
    };
    const auto rowsText = [rows] {
        QStringList text;
        for (int row = 0; row < rows->rowCount(); ++row) {
            QStringList cells;
            for (int column = 0; column < HostTableModel::ColumnCount; ++column)
                cells << rows->data(rows->index(row, column)).toString();
            text << cells.join(u" | "_s);
        }
        return text.join(u'\n');
    };
    const bool done = QTest::qWaitFor(
            [&] { return state(0) == u"Done"_s && state(1) == u"Done"_s && state(2) == u"Done"_s; }, runTimeoutMs);
    QVERIFY2(done, qPrintable(rowsText() + u'\n' + m_wizard->deployController()->lastError().toString()));
    QCOMPARE(rows->hostAt(0), web);
    QCOMPARE(rows->hostAt(1), jvb1);
    QCOMPARE(rows->hostAt(2), jvb2);
    for (int row = 0; row < 3; ++row) {
        QCOMPARE(rows->data(rows->index(row, HostTableModel::LocationColumn)).toString().contains(u"nbg1"_s), true);
        QVERIFY(rows->data(rows->index(row, HostTableModel::WaitingColumn)).toString().isEmpty());
    }
    QCOMPARE(rows->data(rows->index(0, HostTableModel::RoleColumn)).toString(), u"Web server"_s);
    QCOMPARE(rows->data(rows->index(2, HostTableModel::RoleColumn)).toString(), u"Videobridge"_s);

    // Each host's console: its own install log, the last lines the engine saw from it included.
    // The logs come in batches (a few a second per host), so the consoles may be a moment behind the rows.
    ConsolePane *console = wizard.deployPage()->console();
    const QString lastStep[] = {u"check-services"_s, u"restart-and-join"_s, u"restart-and-join"_s};
    for (int row = 0; row < 3; ++row) {
        const QString host = rows->hostAt(row);
        const bool complete = QTest::qWaitFor(
                [&] {
                    console->flushAll();
                    return console->text(host).contains(u"fake "_s + lastStep[row]);
                },
                pageTimeoutMs);
        QVERIFY2(complete, qPrintable(host + u":\n"_s + console->text(host).right(2000)));
    }
    for (const QString &host : {web, jvb1, jvb2}) {
        const QString text = console->text(host);
        const QStringList last = wizard.state()->progress()->lastLogLines(host);
        QVERIFY2(!last.isEmpty(), qPrintable(host));
        QVERIFY2(text.contains(last.last()), qPrintable(host + u": "_s + last.last()));
        QVERIFY2(text.contains(u"install-packages"_s), qPrintable(host + u":\n"_s + text.right(2000)));
        QVERIFY2(text.contains(host == web ? u"register-jvb"_s : u"restart-and-join"_s),
                 qPrintable(host + u":\n"_s + text));
        // Each tab has its own host's log only.
        for (const QString &other : {web, jvb1, jvb2}) {
            if (other != host)
                QVERIFY2(!text.contains(u"JD_SERVER_NAME="_s + other), qPrintable(host));
        }
    }
    // The Deploy page is a commit page too (no way back to a run that started): its forward button says Next.
    QCOMPARE(wizard.button(QWizard::CommitButton)->text(), u"&Next"_s);
    clickForward(QWizard::CommitButton, WizardShell::DnsPageId);
    if (QTest::currentTestFailed())
        return;

    // DNS: the records the user has to create, and the check finding nothing yet (no zone, no resolver here).
    QTRY_VERIFY_WITH_TIMEOUT(find<QLabel>(u"record2Label_0"_s) && find<QLabel>(u"record2Label_0"_s)->isVisible(),
                             pageTimeoutMs);
    const QList<DnsRecord> records = wizard.state()->dnsRecordsEvent()->records;
    QVERIFY(!records.isEmpty());
    const QJsonArray servers = m_sandbox->sim().state(u"servers"_s);
    QString webAddress;
    for (const QJsonValue &server : servers) {
        if (server[u"name"_s].toString() == web)
            webAddress = server[u"public_net"_s][u"ipv4"_s][u"ip"_s].toString();
    }
    QVERIFY(!webAddress.isEmpty());
    QCOMPARE(find<QLabel>(u"record2Label_0"_s)->text(), webAddress);
    QVERIFY(find<QLabel>(u"record0Label_0"_s)->text().contains(DeploySandbox::domain));
    QVERIFY(!nextButton()->isEnabled()); // the run still waits for DNS
    expectNoTokenInWindow();
}

// The DNS page's "continue with a self-signed certificate", the run's end, and Next to the Verified page.
void TestWizardFlow::continueToVerified()
{
    auto *go = find<QPushButton>(u"continueWithoutDnsButton"_s);
    QTRY_VERIFY_WITH_TIMEOUT(go->isEnabled(), pageTimeoutMs);
    QTest::mouseClick(go, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(nextButton()->isEnabled(), runTimeoutMs);
    QVERIFY(find<QLabel>(u"certificateLabel"_s)->text().contains(u"Self-signed"_s));
    clickForward(QWizard::NextButton, WizardShell::VerifiedPageId);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(m_wizard->button(QWizard::FinishButton)->isVisible());
}

void TestWizardFlow::firstDeploymentFromWelcomeToVerified()
{
    driveToDnsPage();
    if (QTest::currentTestFailed())
        return;
    continueToVerified();
    if (QTest::currentTestFailed())
        return;

    // The plan the engine received: the servers the simulator was asked for...
    const QJsonArray created = createdServers();
    QCOMPARE(created.size(), 3);
    QStringList names;
    for (const QJsonValue &value : created) {
        const QJsonObject body = value.toObject();
        const QString name = body[u"name"_s].toString();
        names << name;
        QCOMPARE(body[u"location"_s].toString(), u"nbg1"_s);
        QCOMPARE(body[u"server_type"_s].toString(), name == web ? u"ccx13"_s : u"cx23"_s);
        QCOMPARE(body[u"ssh_keys"_s].toArray().size(), 1);
    }
    // The image goes by its id; the simulator says which one it was.
    for (const QJsonValue &server : m_sandbox->sim().state(u"servers"_s))
        QCOMPARE(server[u"image"_s][u"name"_s].toString(), u"debian-13"_s);
    names.sort();
    QCOMPARE(names, (QStringList{jvb1, jvb2, web}));
    // ...the key uploaded to the project (the one ssh-keygen made)...
    const QJsonArray sshKeys = m_sandbox->sim().state(u"ssh_keys"_s);
    QCOMPARE(sshKeys.size(), 1);
    QCOMPARE(sshKeys.at(0)[u"public_key"_s].toString().section(u' ', 0, 1), m_publicKey.section(u' ', 0, 1));
    // ...and what each host was told to install.
    for (const QString &host : {web, jvb1, jvb2}) {
        FakeHost *fake = m_sandbox->cloud().host(host);
        QVERIFY2(fake, qPrintable(host));
        const QString env = QString::fromUtf8(fake->file(EnvFile::remotePath()));
        QVERIFY2(env.contains(u"JD_DOMAIN='meet.example.org'"_s), qPrintable(env));
        QVERIFY2(env.contains(u"JD_SERVER_NAME='%1'"_s.arg(host)), qPrintable(env));
        if (host == web)
            QVERIFY2(env.contains(u"JD_EMAIL='admin@example.org'"_s), qPrintable(env));
        QVERIFY(!env.contains(token));
    }
    QVERIFY(m_sandbox->cloud().host(jvb1)->joined());
    QVERIFY(m_sandbox->cloud().host(jvb2)->joined());

    // The Verified page: every bridge with its evidence.
    QWidget *page = m_wizard->currentPage();
    const QString summary = find<QLabel>(u"verifiedSummaryLabel"_s)->text();
    QVERIFY2(summary.startsWith(u"Every bridge works (2 of 2)"_s), qPrintable(summary));
    const QString login = u"Authenticated as jvb@auth."_s + DeploySandbox::domain;
    for (const QString &bridge : {jvb1, jvb2}) {
        auto *row = page->findChild<QWidget *>(u"bridgeRow_"_s + bridge);
        QVERIFY2(row && row->isVisible(), qPrintable(bridge));
        // Its login: the line itself when prosody names the bridge, else counted among the live logins below.
        const QString prosody = row->findChild<QLabel *>(u"prosodyEvidenceLabel"_s)->text();
        QVERIFY2(prosody.startsWith(u"\u2714"_s) && prosody.contains(u"jvb@auth."_s + DeploySandbox::domain),
                 qPrintable(bridge + u": "_s + prosody));
        QVERIFY(row->findChild<QLabel *>(u"jicofoEvidenceLabel"_s)->text().contains(u"Operational"_s));
        QVERIFY(row->findChild<QLabel *>(u"healthEvidenceLabel"_s)->text().contains(u"200"_s));
        QVERIFY(!row->findChild<QLabel *>(u"causeLabel"_s));
    }
    QCOMPARE(find<QLabel>(u"loginsLabel"_s)->text().count(login), 2);
    QVERIFY(find<QLabel>(u"meetingLinkLabel"_s)->text().contains(u"https://meet.example.org/"_s));

    // The jvb secret the web host registered is not shown either.
    const QString secret = m_sandbox->cloud().host(web)->registeredJvbSecret();
    QVERIFY(!secret.isEmpty());
    for (const QString &text : visibleTexts(m_wizard.get()))
        QVERIFY2(!text.contains(secret), "the jvb secret is shown");
    QTest::mouseClick(m_wizard->button(QWizard::FinishButton), Qt::LeftButton);
    QVERIFY(!m_wizard->isVisible());
    QCOMPARE(m_pagesChecked.size(), 19); // every page, when shown and when left
}

void TestWizardFlow::bridgeWithWrongSecretIsNamedOnVerified()
{
    driveToDnsPage();
    if (QTest::currentTestFailed())
        return;
    // While the run waits for DNS, a wrong secret is copied into the second bridge and it is restarted (as an admin
    // might): its jvb login is refused from then on, and the run's verification has to find out.
    QVERIFY(m_sandbox->breakBridgeSecret(jvb2, m_sandbox->environment().engine.storeDirectory));
    continueToVerified();
    if (QTest::currentTestFailed())
        return;

    QWidget *page = m_wizard->currentPage();
    const QString summary = find<QLabel>(u"verifiedSummaryLabel"_s)->text();
    QVERIFY2(summary.contains(jvb2) && !summary.contains(jvb1), qPrintable(summary));
    auto *good = page->findChild<QWidget *>(u"bridgeRow_"_s + jvb1);
    auto *bad = page->findChild<QWidget *>(u"bridgeRow_"_s + jvb2);
    QVERIFY(good && bad);
    QVERIFY(!good->findChild<QLabel *>(u"causeLabel"_s));
    // The working bridge keeps its evidence: its login counted, the one live login line listed.
    const QString login = u"Authenticated as jvb@auth."_s + DeploySandbox::domain;
    const QString goodProsody = good->findChild<QLabel *>(u"prosodyEvidenceLabel"_s)->text();
    QVERIFY2(goodProsody.startsWith(u"\u2714"_s) && goodProsody.contains(u"jvb@auth."_s + DeploySandbox::domain),
             qPrintable(goodProsody));
    QCOMPARE(find<QLabel>(u"loginsLabel"_s)->text().count(login), 1);
    QVERIFY(good->findChild<QLabel *>(u"jicofoEvidenceLabel"_s)->text().contains(u"Operational"_s));
    QVERIFY(bad->findChild<QLabel *>(u"bridgeNameLabel"_s)->text().contains(u"does not work"_s));
    const QString cause = bad->findChild<QLabel *>(u"causeLabel"_s)->text();
    QVERIFY2(cause.contains(u"Wrong jvb secret"_s) && cause.contains(u"password"_s), qPrintable(cause));
    QVERIFY(bad->findChild<QLabel *>(u"causeEvidenceLabel"_s)->text().contains(u"Failed to login"_s));
    QVERIFY(m_wizard->state()->lastResult() && !m_wizard->state()->lastResult()->ok());
}

QTEST_MAIN(TestWizardFlow)
#include "tst_wizardflow.moc"
