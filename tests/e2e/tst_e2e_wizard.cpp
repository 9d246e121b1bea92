// The GUI end-to-end test (issue 13): the real WizardShell window, on the offscreen platform, deploys one web
// host and two bridges on the testbed (tests/testbed/README.md) — hcloud-sim boots every server as a sandboxed
// Debian host with real sshd, prosody, nginx and certbot, reached over real SSH by the wizard's own SSH host
// agents, built from the key chosen on the SSH key page. The test plays the user: it types and clicks by
// objectName through token, domain, key, servers and review, presses Deploy, waits for the Deploy page's rows,
// creates the DNS records the DNS page shows (at "their DNS provider": the testbed's dnsmasq), and reads the
// Verified page. What the page claims is checked against the web host's real prosody.log. Needs root; skips
// otherwise (a failure under CI=true, see run-test.sh).
//
// The zone is deliberately NOT in the simulated project, so the engine waits for records the user creates: that
// is the path through the DNS page. The functions run in order and build on each other.

#include "hcloudsim.h"
#include "testbedtools.h"
#include "testkeys.h"
#include "ui/deploycontroller.h"
#include "ui/hosttablemodel.h"
#include "ui/reviewcontroller.h"
#include "ui/serverscontroller.h"
#include "ui/wizardshell.h"
#include "wizard_pages/deploypage.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <memory>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// Not tst_e2e's domain: a host left behind by one of them is never taken for the other's.
const QString kDomain = u"meet.wizard.jitsi-deployer.test"_s;
const QString kSlug = u"meet-wizard-jitsi-deployer-test"_s;
const QString kWeb = kSlug + u"-web"_s;
const QString kDnsServer = u"198.18.0.1"_s;
const QString kLogin = u"Authenticated as jvb@auth."_s + kDomain;

QString bridgeName(int n)
{
    return kSlug + u"-jvb-"_s + QString::number(n);
}

// Cold, the testbed builds its Debian root and package cache first (a few minutes); warm, seconds.
constexpr int kServicesTimeoutMs = 30 * 60 * 1000;
// Three hosts installing real packages on a shared two-core machine.
constexpr int kDeployTimeoutMs = 20 * 60 * 1000;
constexpr int kPageTimeoutMs = 30000;

using Testbed::Outcome;

Outcome run(const QString &program, const QStringList &arguments, int timeoutMs = 120000)
{
    return Testbed::finish(*Testbed::start(program, arguments), timeoutMs);
}

template<typename T>
T *child(QWidget *parent, const QString &name)
{
    T *found = parent ? parent->findChild<T *>(name) : nullptr;
    if (!found)
        qWarning("no widget named %s", qPrintable(name));
    return found;
}

} // namespace

class TestWizardEndToEnd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void toReviewByKeyboardAndMouse();
    void deployPageRowsFinish();
    void dnsPageSeesTheRecordsResolve();
    void verifiedPageQuotesProsody();
    void manageAddsABridgeAfterTheLogsRotated();
    void manageRemovesABridge();
    void destroyLeavesNothing();

private:
    QAbstractButton *forward() const;
    bool nextEnabled() const { return forward()->isEnabled(); }
    QWidget *page(int id) const { return m_wizard->page(id); }
    QString rowState(int row) const;
    QString describeDeploy() const;
    Outcome host(const QStringList &arguments) const;
    QByteArray hostFile(const QString &name, const QString &path) const;
    QStringList serverNames() const;
    QStringList runningHosts() const;
    void openManage();
    bool waitForOperation() const;

    QString m_hostScript = QStringLiteral(DEPLOYER_SOURCE_DIR "/tests/testbed/host.sh");
    QString m_servicesScript = QStringLiteral(DEPLOYER_SOURCE_DIR "/tests/testbed/services.sh");
    QString m_state;
    QString m_services;
    QString m_artefacts;
    QString m_userDnsFile; // the records "the user created at their DNS provider"
    TestKeys m_keys;
    TestKeys::Key m_key;
    std::unique_ptr<HcloudSim> m_sim;
    std::unique_ptr<WizardShell> m_wizard;
    bool m_servicesUp = false;
    bool m_stepFailed = false;
};

void TestWizardEndToEnd::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("The testbed needs root (network namespaces, overlay mounts, chroot); run this test as root.");
    m_state = qEnvironmentVariable("JD_TESTBED_STATE");
    QVERIFY2(!m_state.isEmpty(), "JD_TESTBED_STATE is not set (tests/e2e/CMakeLists.txt sets it)");
    m_services = m_state + u"/services"_s;
    m_artefacts = QStringLiteral(DEPLOYER_BINARY_DIR "/testbed-artefacts/tst_e2e_wizard");
    QDir(m_artefacts).removeRecursively();
    QVERIFY(QDir().mkpath(m_artefacts));

    // Hosts of an earlier run that was killed before its teardown would hold the addresses this one gets.
    for (const QString &name : runningHosts())
        host({u"down"_s, name});
    // Another test's hosts share the address range and the services: they answer at the addresses the simulator
    // hands out (seen as a host key mismatch). Wait for that run to end rather than fail strangely.
    QStringList foreign;
    const QDeadlineTimer deadline(kServicesTimeoutMs);
    while (!(foreign = run(u"/bin/bash"_s, {m_hostScript, u"list"_s}).output.split(u'\n', Qt::SkipEmptyParts)).isEmpty()
           && !deadline.hasExpired())
        QTest::qWait(5000);
    const bool alone = foreign.isEmpty();
    QVERIFY2(alone, qPrintable(u"another run's testbed hosts stayed up: "_s + foreign.join(u", "_s)));

    // The Servers page's default image is debian-13, so the hosts boot on the testbed's trixie root: its Debian subset
    // must be served (built on the first run).
    const Outcome services
            = run(u"/usr/bin/env"_s, {u"JD_TESTBED_SUITE=trixie"_s, u"/bin/bash"_s, m_servicesScript, u"up"_s},
                  kServicesTimeoutMs);
    QVERIFY2(services.exitCode == 0, qPrintable(services.output));
    m_servicesUp = true;
    m_userDnsFile = m_services + u"/dns/tst_e2e_wizard.hosts"_s;
    QFile::remove(m_userDnsFile);

    m_sim = std::make_unique<HcloudSim>();
    // Actions take a couple of seconds, as Hetzner's do; the hosts boot when their start action is done.
    m_sim->setActionDurationMs(2000);
    m_sim->enableTestbed({m_hostScript, m_services, m_artefacts, m_state + u"/tst_e2e_wizard-sim"_s});
    QVERIFY(m_sim->listen());

    m_key = m_keys.generate(TestKeys::Type::Ed25519);
    QVERIFY2(m_key.isValid(), qPrintable(m_keys.errorString()));
    const QString acme = QString::fromUtf8(Testbed::readFile(m_services + u"/acme-directory-url"_s)).trimmed();
    QVERIFY2(acme.startsWith(u"https://"_s), "the services wrote no ACME directory URL");

    // The real thing but for two pointers: the simulator's endpoint, and the testbed's DNS server for the engine's
    // record check (as `--dns-server` gives the CLI in tst_e2e). Hosts stay null: the wizard makes its own SSH
    // host agents from the key chosen on the SSH key page, as it does for a user; secrets go to the keychain.
    WizardState::Environment environment;
    environment.apiEndpoint = m_sim->endpoint().toString();
    environment.engine.dnsNameserver = QHostAddress(kDnsServer);
    environment.engine.dnsTimeoutMs = 15 * 60 * 1000;
    m_wizard = std::make_unique<WizardShell>(environment);
    // The one plan field the wizard has no page for (an expert option, as in tst_e2e's plan file): certbot asks
    // the testbed's Pebble instead of Let's Encrypt.
    m_wizard->state()->updatePlan([&acme](DeploymentPlan &plan) { plan.options.acmeDirectoryUrl = acme; });
    m_wizard->resize(900, 700);
    m_wizard->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_wizard.get()));
}

void TestWizardEndToEnd::cleanupTestCase()
{
    if (m_wizard) {
        // Whatever a failed step left running stops with the engine; the simulator's teardown then takes every host
        // down (logs collected first).
        if (DeploymentEngine *engine = m_wizard->state()->engine(); engine->isRunning()) {
            engine->cancel();
            if (!QTest::qWaitFor([engine] { return !engine->isRunning(); }, 60000))
                qWarning("the engine did not stop within a minute of cancel()");
        }
        m_wizard.reset();
    }
    m_sim.reset();
    if (!m_userDnsFile.isEmpty())
        QFile::remove(m_userDnsFile);
    if (m_servicesUp)
        run(u"/bin/bash"_s, {m_servicesScript, u"down"_s});
    QVERIFY2(runningHosts().isEmpty(), qPrintable(runningHosts().join(u", "_s)));
}

// Each step builds on the ones before: after a failure the rest would only fail slowly for the same reason.
void TestWizardEndToEnd::init()
{
    if (m_stepFailed)
        QSKIP("an earlier step failed; see its message and the artefacts");
}

void TestWizardEndToEnd::cleanup()
{
    m_stepFailed = m_stepFailed || QTest::currentTestFailed();
}

// Next, or Finish on the last page: whichever takes the user forward.
QAbstractButton *TestWizardEndToEnd::forward() const
{
    for (QWizard::WizardButton which : {QWizard::CommitButton, QWizard::NextButton})
        if (QAbstractButton *button = m_wizard->button(which); button->isVisible())
            return button;
    return m_wizard->button(QWizard::FinishButton);
}

QString TestWizardEndToEnd::rowState(int row) const
{
    auto *table = child<QTableView>(page(WizardShell::DeployPageId), u"hostTableView"_s);
    return table->model()->index(row, HostTableModel::StateColumn).data().toString();
}

QString TestWizardEndToEnd::describeDeploy() const
{
    DeployController *controller = m_wizard->deployController();
    QStringList rows;
    auto *table = child<QTableView>(page(WizardShell::DeployPageId), u"hostTableView"_s);
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < HostTableModel::ColumnCount; ++column)
            cells << table->model()->index(row, column).data().toString();
        rows << cells.join(u" | "_s);
    }
    return u"status %1, error: %2\nrows:\n%3\nstatus label: %4"_s.arg(int(controller->status()))
            .arg(controller->lastError().toString(), rows.join(u'\n'),
                 child<QLabel>(page(WizardShell::DeployPageId), u"deployStatusLabel"_s)->text());
}

Outcome TestWizardEndToEnd::host(const QStringList &arguments) const
{
    return run(u"/bin/bash"_s, QStringList{m_hostScript} + arguments);
}

QByteArray TestWizardEndToEnd::hostFile(const QString &name, const QString &path) const
{
    const Outcome root = host({u"root"_s, name});
    return Testbed::readFile(root.output.trimmed() + path);
}

QStringList TestWizardEndToEnd::serverNames() const
{
    QStringList names;
    const QJsonArray servers = m_sim->state(u"servers"_s);
    for (const QJsonValue &server : servers)
        names.append(server.toObject().value(u"name"_s).toString());
    names.sort();
    return names;
}

QStringList TestWizardEndToEnd::runningHosts() const
{
    const Outcome list = run(u"/bin/bash"_s, {m_hostScript, u"list"_s});
    QStringList names;
    for (const QString &line : list.output.split(u'\n', Qt::SkipEmptyParts))
        if (line.startsWith(kSlug))
            names.append(line.trimmed());
    return names;
}

void TestWizardEndToEnd::toReviewByKeyboardAndMouse()
{
    QCOMPARE(m_wizard->currentId(), int(WizardShell::WelcomePageId));
    QTest::mouseClick(forward(), Qt::LeftButton);

    // Token: typed and checked against the simulator, which knows it.
    QCOMPARE(m_wizard->currentId(), int(WizardShell::TokenPageId));
    auto *token = child<QLineEdit>(page(WizardShell::TokenPageId), u"tokenLineEdit"_s);
    QVERIFY(token);
    token->setFocus();
    QTest::keyClicks(token, HcloudSim::defaultToken());
    QTest::mouseClick(child<QPushButton>(page(WizardShell::TokenPageId), u"checkTokenButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(nextEnabled(), kPageTimeoutMs);
    QTest::mouseClick(forward(), Qt::LeftButton);

    // Start: no deployment in the project yet; "New deployment" is chosen once the project was read.
    QCOMPARE(m_wizard->currentId(), int(WizardShell::StartPageId));
    QTRY_VERIFY_WITH_TIMEOUT(nextEnabled(), kPageTimeoutMs);
    QTest::mouseClick(forward(), Qt::LeftButton);

    // Domain and e-mail: the zone is not in the project, so the records will be the user's to create.
    QCOMPARE(m_wizard->currentId(), int(WizardShell::DeploymentPageId));
    QWidget *deployment = page(WizardShell::DeploymentPageId);
    QTest::keyClicks(child<QLineEdit>(deployment, u"domainLineEdit"_s), kDomain);
    QTest::keyClicks(child<QLineEdit>(deployment, u"emailLineEdit"_s), u"admin@jitsi-deployer.test"_s);
    QTRY_VERIFY_WITH_TIMEOUT(nextEnabled(), kPageTimeoutMs);
    QVERIFY(!m_wizard->state()->dnsZoneInProject());
    QTest::mouseClick(forward(), Qt::LeftButton);

    // SSH key: the path typed, Return; the key is not in the project yet, so it will be uploaded.
    QCOMPARE(m_wizard->currentId(), int(WizardShell::SshKeyPageId));
    QWidget *keyPage = page(WizardShell::SshKeyPageId);
    QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>(keyPage, u"refreshKeysButton"_s)->isEnabled(), kPageTimeoutMs);
    auto *path = child<QLineEdit>(keyPage, u"keyFilePathLineEdit"_s);
    path->setFocus();
    QTest::keyClicks(path, m_key.privateFile);
    QTest::keyClick(path, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(nextEnabled(), kPageTimeoutMs);
    QCOMPARE(m_wizard->state()->sshIdentity().keyFile, m_key.privateFile);
    QCOMPARE(m_wizard->state()->plan().sshPublicKey, m_key.publicLine);
    QTest::mouseClick(forward(), Qt::LeftButton);

    // Servers: the catalogue from the API; two bridges, set with the keyboard.
    QCOMPARE(m_wizard->currentId(), int(WizardShell::ServersPageId));
    QTRY_COMPARE_WITH_TIMEOUT(m_wizard->serversController()->status(), ServersController::Status::Ready,
                              kPageTimeoutMs);
    auto *count = child<QSpinBox>(page(WizardShell::ServersPageId), u"bridgeCountSpinBox"_s);
    count->setFocus();
    count->selectAll();
    QTest::keyClicks(count, u"2"_s);
    QTest::keyClick(count, Qt::Key_Tab);
    QCOMPARE(count->value(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(nextEnabled(), kPageTimeoutMs);
    QTest::mouseClick(forward(), Qt::LeftButton);

    // Review: checked against the API, then the commit point.
    QCOMPARE(m_wizard->currentId(), int(WizardShell::ReviewPageId));
    QTRY_COMPARE_WITH_TIMEOUT(m_wizard->reviewController()->status(), ReviewController::Status::Ready, kPageTimeoutMs);
    QAbstractButton *deploy = m_wizard->button(QWizard::CommitButton);
    QTRY_VERIFY_WITH_TIMEOUT(deploy->isVisible() && deploy->isEnabled(), kPageTimeoutMs);
    const DeploymentPlan &plan = m_wizard->state()->plan();
    QCOMPARE(plan.domain, kDomain);
    QCOMPARE(plan.webServerName(), kWeb);
    QCOMPARE(plan.bridges.size(), 2);
    QVERIFY(serverNames().isEmpty()); // nothing costs money before Deploy
    QTest::mouseClick(deploy, Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(WizardShell::DeployPageId));
}

void TestWizardEndToEnd::deployPageRowsFinish()
{
    DeployController *controller = m_wizard->deployController();
    // Until every host is installed and the run waits for the records (Next leads to the DNS page then), or ends.
    const bool reached = QTest::qWaitFor(
            [&] {
                if (controller->status() != DeployController::Status::Running)
                    return true;
                return nextEnabled() && rowState(0) == u"Done"_s && rowState(1) == u"Done"_s
                       && rowState(2) == u"Done"_s;
            },
            kDeployTimeoutMs);
    QVERIFY2(reached, qPrintable(u"timed out; "_s + describeDeploy()));
    QVERIFY2(controller->status() == DeployController::Status::Running, qPrintable(describeDeploy()));
    QCOMPARE(serverNames(), (QStringList{bridgeName(1), bridgeName(2), kWeb}));
    auto *table = child<QTableView>(page(WizardShell::DeployPageId), u"hostTableView"_s);
    QCOMPARE(table->model()->rowCount(), 3);
    QCOMPARE(table->model()->index(0, HostTableModel::HostColumn).data().toString(), kWeb);
    QCOMPARE(m_wizard->deployPage()->nextId(), int(WizardShell::DnsPageId));
    QTest::mouseClick(forward(), Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(WizardShell::DnsPageId));
}

void TestWizardEndToEnd::dnsPageSeesTheRecordsResolve()
{
    QWidget *dns = page(WizardShell::DnsPageId);
    // The records as the page shows them: name, type, value per row.
    QTRY_VERIFY_WITH_TIMEOUT(dns->findChild<QLabel *>(u"record2Label_0"_s), kPageTimeoutMs);
    QString hosts;
    QStringList types;
    for (int i = 0;; ++i) {
        auto *name = dns->findChild<QLabel *>(u"record0Label_%1"_s.arg(i));
        if (!name)
            break;
        const QString type = child<QLabel>(dns, u"record1Label_%1"_s.arg(i))->text();
        const QString value = child<QLabel>(dns, u"record2Label_%1"_s.arg(i))->text();
        QCOMPARE(name->text(), kDomain);
        types << type;
        hosts += value + u' ' + name->text() + u'\n';
    }
    QCOMPARE(types, (QStringList{u"A"_s, u"AAAA"_s}));
    QString webAddress;
    for (const QJsonValue &server : m_sim->state(u"servers"_s))
        if (server.toObject().value(u"name"_s) == kWeb)
            webAddress = server.toObject()
                                 .value(u"public_net"_s)
                                 .toObject()
                                 .value(u"ipv4"_s)
                                 .toObject()
                                 .value(u"ip"_s)
                                 .toString();
    QVERIFY(!webAddress.isEmpty());
    QVERIFY2(hosts.startsWith(webAddress + u' '), qPrintable(hosts));
    // Not resolving yet: the page shows what the testbed's DNS answers now, waits, and offers to go on without.
    QTRY_VERIFY_WITH_TIMEOUT(dns->findChild<QLabel *>(u"checkAnswerLabel_0"_s), kPageTimeoutMs);
    QVERIFY2(child<QLabel>(dns, u"resolverLabel"_s)->text().contains(kDnsServer),
             qPrintable(child<QLabel>(dns, u"resolverLabel"_s)->text()));
    const QString before = child<QLabel>(dns, u"checkAnswerLabel_0"_s)->text();
    QVERIFY2(before.startsWith(u"\u2716"_s), qPrintable(before));
    QVERIFY(!nextEnabled());
    QVERIFY(child<QPushButton>(dns, u"continueWithoutDnsButton"_s)->isEnabled());

    // The user creates them at their DNS provider: here the testbed's DNS, which re-reads its folder (written under
    // a dot-name, renamed into place, so it never reads half a file).
    const QString temporary = QFileInfo(m_userDnsFile).dir().filePath(u".tst_e2e_wizard.hosts.new"_s);
    QFile file(temporary);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(hosts.toUtf8());
    file.close();
    QVERIFY(::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(m_userDnsFile).constData()) == 0);

    // The live check sees them, certbot gets Pebble's certificate, the run verifies and ends.
    const bool finished = QTest::qWaitFor([&] { return nextEnabled(); }, kDeployTimeoutMs);
    QVERIFY2(finished, qPrintable(u"timed out; certificate: "_s + child<QLabel>(dns, u"certificateLabel"_s)->text()
                                  + u"\n"_s + describeDeploy()));
    QVERIFY2(m_wizard->state()->lastResult() && m_wizard->state()->lastResult()->ok(), qPrintable(describeDeploy()));
    QVERIFY(m_wizard->state()->lastResult()->value().dnsReady);
    const QString resolved = child<QLabel>(dns, u"dnsCheckStatusLabel"_s)->text();
    QVERIFY2(resolved.contains(u"The records resolve to the web host"_s), qPrintable(resolved));
    const QString certificate = child<QLabel>(dns, u"certificateLabel"_s)->text();
    QVERIFY2(certificate.contains(u"Let's Encrypt"_s), qPrintable(certificate));
    QCOMPARE(m_wizard->deployController()->status(), DeployController::Status::Succeeded);
    for (int row = 0; row < 3; ++row)
        QCOMPARE(rowState(row), u"Done"_s);

    QTest::mouseClick(forward(), Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(WizardShell::VerifiedPageId));
}

void TestWizardEndToEnd::verifiedPageQuotesProsody()
{
    QWidget *verified = page(WizardShell::VerifiedPageId);
    const QString summary = child<QLabel>(verified, u"verifiedSummaryLabel"_s)->text();
    QVERIFY2(summary.startsWith(u"Every bridge works (2 of 2)"_s), qPrintable(summary));
    QVERIFY(m_wizard->button(QWizard::FinishButton)->isVisible());

    // Real prosody's own log on the web host: every line the page quotes must be there, word for word.
    const QString prosodyLog = QString::fromUtf8(hostFile(kWeb, u"/var/log/prosody/prosody.log"_s));
    QVERIFY2(prosodyLog.count(kLogin) >= 2, qPrintable(prosodyLog.right(3000)));
    const QString logins = child<QLabel>(verified, u"loginsLabel"_s)->text();
    QStringList quoted;
    for (const QString &line : logins.split(u'\n'))
        if (line.contains(kLogin))
            quoted << line.trimmed();

    // Per bridge: its row quotes the login line when prosody names the peer; otherwise the row counts it among
    // the live logins, which the page lists below the rows (one per bridge).
    int attributed = 0;
    for (int n : {1, 2}) {
        auto *row = verified->findChild<QWidget *>(u"bridgeRow_"_s + bridgeName(n));
        QVERIFY2(row, qPrintable(bridgeName(n)));
        QVERIFY(child<QLabel>(row, u"bridgeNameLabel"_s)->text().contains(u"works"_s));
        QVERIFY(!row->findChild<QLabel *>(u"causeLabel"_s));
        auto *prosody = child<QLabel>(row, u"prosodyEvidenceLabel"_s);
        const QString text = prosody->text();
        qInfo("%s prosody: %s (%s)", qPrintable(bridgeName(n)), qPrintable(text), qPrintable(prosody->toolTip()));
        if (text.contains(kLogin)) {
            ++attributed;
            QVERIFY2(prosodyLog.contains(prosody->toolTip()), qPrintable(prosody->toolTip()));
        } else {
            QVERIFY2(text.contains(u"Counted among the live logins as jvb@auth."_s + kDomain), qPrintable(text));
        }
        QVERIFY2(text.startsWith(u"\u2714"_s), qPrintable(text));
        QVERIFY(child<QLabel>(row, u"jicofoEvidenceLabel"_s)->text().contains(u"Operational in jicofo"_s));
        QVERIFY(child<QLabel>(row, u"healthEvidenceLabel"_s)->text().contains(u"Healthy"_s));
    }
    qInfo("logins on the page:\n%s", qPrintable(logins));
    QVERIFY2(quoted.size() == 2, qPrintable(logins));
    for (const QString &line : std::as_const(quoted)) {
        // "<time>  Authenticated as …": the time and the message as prosody wrote them.
        const QString time = line.section(u"  "_s, 0, 0);
        const QString message = line.mid(line.indexOf(kLogin));
        bool found = false;
        for (const QString &logLine : prosodyLog.split(u'\n'))
            found = found || (logLine.startsWith(time) && logLine.contains(message));
        QVERIFY2(found, qPrintable(line));
    }
    qInfo("%d of 2 bridge rows quote their own login line", attributed);
    QVERIFY(child<QLabel>(verified, u"loginsLabel"_s)->text().contains(u": 2"_s)); // jicofo's count
    QCOMPARE(child<QLabel>(verified, u"meetingLinkLabel"_s)->text(), u"Meeting link: https://%1/"_s.arg(kDomain));
}

// Coming back to the deployment (issue 14): the window opens again at the Start page with the token it knows, lists
// the deployment by its labels, and leads through the SSH key page to the Manage page, as a user clicks.
void TestWizardEndToEnd::openManage()
{
    m_wizard->setStartId(WizardShell::StartPageId);
    m_wizard->restart();
    m_wizard->show(); // as the app opens its window again
    QVERIFY(QTest::qWaitForWindowExposed(m_wizard.get()));
    QCOMPARE(m_wizard->currentId(), int(WizardShell::StartPageId));
    QWidget *start = page(WizardShell::StartPageId);
    auto *table = child<QTableWidget>(start, u"deploymentsTable"_s);
    // The project is read afresh each time the page opens; Next is enabled once it was.
    QTRY_VERIFY_WITH_TIMEOUT(nextEnabled(), kPageTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 1, kPageTimeoutMs);
    QCOMPARE(table->item(0, 0)->text(), kDomain);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualItemRect(table->item(0, 0)).center());
    auto *manage = child<QRadioButton>(start, u"manageRadioButton"_s);
    QTest::mouseClick(manage, Qt::LeftButton, {}, QPoint(10, manage->height() / 2));
    QVERIFY(manage->isChecked());
    QTRY_VERIFY_WITH_TIMEOUT(nextEnabled(), kPageTimeoutMs);
    QTest::mouseClick(forward(), Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(WizardShell::SshKeyPageId));
    QWidget *keyPage = page(WizardShell::SshKeyPageId);
    auto *path = child<QLineEdit>(keyPage, u"keyFilePathLineEdit"_s);
    QTRY_VERIFY_WITH_TIMEOUT(path->isEnabled(), kPageTimeoutMs);
    path->setFocus();
    path->clear();
    QTest::keyClicks(path, m_key.privateFile);
    // Return takes the user on as Next does once the key is read (the key is known here, so at once).
    QTest::keyClick(path, Qt::Key_Return);
    const auto onManage = [this] {
        return m_wizard->currentId() == WizardShell::ManagePageId;
    };
    QTRY_VERIFY_WITH_TIMEOUT(onManage() || nextEnabled(), kPageTimeoutMs);
    if (!onManage())
        QTest::mouseClick(forward(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(onManage(), kPageTimeoutMs);
    QVERIFY(m_wizard->isVisible());
}

// The Deploy page ran the operation to its end: Next or Finish enabled.
bool TestWizardEndToEnd::waitForOperation() const
{
    return QTest::qWaitFor(
            [this] {
                QAbstractButton *next = m_wizard->button(QWizard::CommitButton);
                QAbstractButton *finish = m_wizard->button(QWizard::FinishButton);
                return (next->isVisible() && next->isEnabled()) || (finish->isVisible() && finish->isEnabled());
            },
            kDeployTimeoutMs);
}

void TestWizardEndToEnd::manageAddsABridgeAfterTheLogsRotated()
{
    // A day later the logs have rotated: jicofo.log is copytruncated daily, jvb.log past 100 MB. Verification after
    // the add must come from state (jicofo's /debug, the bridges' /metrics), not from these lines.
    QVERIFY(QFile::resize(host({u"root"_s, kWeb}).output.trimmed() + u"/var/log/jitsi/jicofo.log"_s, 0));
    for (int n : {1, 2})
        QVERIFY(QFile::resize(host({u"root"_s, bridgeName(n)}).output.trimmed() + u"/var/log/jitsi/jvb.log"_s, 0));

    openManage();
    if (QTest::currentTestFailed())
        return;
    QWidget *manage = page(WizardShell::ManagePageId);
    auto *hosts = child<QTableWidget>(manage, u"manageHostsTable"_s);
    QTRY_COMPARE_WITH_TIMEOUT(hosts->rowCount(), 3, kPageTimeoutMs);
    QTest::mouseClick(child<QPushButton>(manage, u"addBridgesButton"_s), Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(WizardShell::AddBridgesPageId));
    QWidget *add = page(WizardShell::AddBridgesPageId);
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(add, u"newMonthlyTotalLabel"_s)->text().contains(u"with the new bridges"_s),
                             kPageTimeoutMs);
    QCOMPARE(child<QSpinBox>(add, u"newBridgeCountSpinBox"_s)->value(), 1);
    QCOMPARE(child<QLabel>(add, u"newBridgeNamesLabel"_s)->text(), bridgeName(3));
    QAbstractButton *start = m_wizard->button(QWizard::CommitButton);
    const bool ready = QTest::qWaitFor([start] { return start->isVisible() && start->isEnabled(); }, kPageTimeoutMs);
    QVERIFY2(ready, qPrintable(u"Add: visible %1 (window %5), enabled %2, complete %3; %4"_s.arg(start->isVisible())
                                       .arg(start->isEnabled())
                                       .arg(m_wizard->currentPage()->isComplete())
                                       .arg(child<QLabel>(add, u"addBridgesStatusLabel"_s)->text())
                                       .arg(m_wizard->isVisible())));
    QTest::mouseClick(start, Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(WizardShell::DeployPageId));
    QVERIFY2(waitForOperation(), qPrintable(u"timed out; "_s + describeDeploy()));
    const auto &result = m_wizard->state()->lastResult();
    QVERIFY2(result && result->ok(), qPrintable(describeDeploy()));
    QVERIFY(result->value().verification);
    QVERIFY2(result->value().verification->ok(), qPrintable(describeDeploy()));
    QCOMPARE(serverNames(), (QStringList{bridgeName(1), bridgeName(2), bridgeName(3), kWeb}));
    QTest::mouseClick(forward(), Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(WizardShell::VerifiedPageId));
    const QString summary = child<QLabel>(page(WizardShell::VerifiedPageId), u"verifiedSummaryLabel"_s)->text();
    QVERIFY2(summary.startsWith(u"Every bridge works (3 of 3)"_s), qPrintable(summary));
}

void TestWizardEndToEnd::manageRemovesABridge()
{
    openManage();
    if (QTest::currentTestFailed())
        return;
    QWidget *manage = page(WizardShell::ManagePageId);
    auto *hosts = child<QTableWidget>(manage, u"manageHostsTable"_s);
    QTRY_COMPARE_WITH_TIMEOUT(hosts->rowCount(), 4, kPageTimeoutMs);
    int row = -1;
    for (int r = 0; r < hosts->rowCount(); ++r)
        if (hosts->item(r, 0)->text() == bridgeName(3))
            row = r;
    QVERIFY(row > 0);
    QTest::mouseClick(hosts->viewport(), Qt::LeftButton, {}, hosts->visualItemRect(hosts->item(row, 0)).center());
    auto *remove = child<QPushButton>(manage, u"removeBridgeButton"_s);
    QTRY_VERIFY_WITH_TIMEOUT(remove->isEnabled(), kPageTimeoutMs);
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(WizardShell::RemoveBridgePageId));
    auto *confirm = child<QCheckBox>(page(WizardShell::RemoveBridgePageId), u"confirmRemoveCheckBox"_s);
    confirm->setFocus();
    QTest::keyClick(confirm, Qt::Key_Space);
    QVERIFY(confirm->isChecked());
    QAbstractButton *start = m_wizard->button(QWizard::CommitButton);
    QTRY_VERIFY_WITH_TIMEOUT(start->isEnabled(), kPageTimeoutMs);
    QTest::mouseClick(start, Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(WizardShell::DeployPageId));
    QVERIFY2(waitForOperation(), qPrintable(u"timed out; "_s + describeDeploy()));
    const auto &result = m_wizard->state()->lastResult();
    QVERIFY2(result && result->ok(), qPrintable(describeDeploy()));
    QVERIFY2(result->value().verification && result->value().verification->ok(), qPrintable(describeDeploy()));
    QCOMPARE(serverNames(), (QStringList{bridgeName(1), bridgeName(2), kWeb}));
    // Drained before it was deleted, by its own word: the bridge's jvb.log, collected when its host went down.
    QTRY_VERIFY_WITH_TIMEOUT(!runningHosts().contains(bridgeName(3)), 60000);
    const QByteArray jvbLog = Testbed::readFile(m_artefacts + u'/' + bridgeName(3) + u"/var/log/jitsi/jvb.log"_s);
    QVERIFY2(jvbLog.contains("Received drain request. enable=true"), jvbLog.right(2000).constData());
    QTest::mouseClick(forward(), Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(WizardShell::VerifiedPageId));
    const QString summary = child<QLabel>(page(WizardShell::VerifiedPageId), u"verifiedSummaryLabel"_s)->text();
    QVERIFY2(summary.startsWith(u"Every bridge works (2 of 2)"_s), qPrintable(summary));
}

void TestWizardEndToEnd::destroyLeavesNothing()
{
    // The wizard's own engine (same store, same keychain) takes the deployment down, as `destroy` would.
    DeploymentEngine *engine = m_wizard->state()->engine();
    std::optional<Result<EngineOutcome>> result;
    connect(engine, &DeploymentEngine::finished, this, [&result](const Result<EngineOutcome> &r) { result = r; });
    engine->destroy(kSlug);
    QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }, kDeployTimeoutMs));
    QVERIFY2(result->ok(), qPrintable(result->error().toString()));
    QVERIFY2(serverNames().isEmpty(), qPrintable(serverNames().join(u", "_s)));
    for (const QString &collection : {u"networks"_s, u"firewalls"_s, u"primary_ips"_s, u"ssh_keys"_s})
        QVERIFY2(
                m_sim->state(collection).isEmpty(),
                qPrintable(collection + u": "_s + QString::fromUtf8(QJsonDocument(m_sim->state(collection)).toJson())));
    QTRY_VERIFY_WITH_TIMEOUT(runningHosts().isEmpty(), 60000);
    for (const QString &name : {kWeb, bridgeName(1), bridgeName(2)})
        QVERIFY2(QFile::exists(m_artefacts + u'/' + name + u"/var/log/jitsi-deployer/provision.log"_s),
                 qPrintable(name));
    m_wizard->button(QWizard::FinishButton)->click();
    QVERIFY(!m_wizard->isVisible());
}

QTEST_MAIN(TestWizardEndToEnd)
#include "tst_e2e_wizard.moc"
