// Coming back to a running deployment in the real WizardShell, against hcloud-sim and fake hosts, driven by
// objectName as a person would: the project holds two deployments (made by the real engine) and a server someone
// made by hand. Pick one deployment on the Start page, log in with the SSH key, and on the Manage page add a bridge
// (the Deploy page runs the engine's addBridges with its rows), remove one (drained, deleted), and destroy the
// other deployment after typing its domain. The foreign server is never listed and never touched.
//
// Most cases give the Manage page's live health from the test, to control the figures; realHealthUpdateAndDrainChoice
// uses the engine's own health read (WizardState::healthSource), runs Update Jitsi and answers the drain question.

#include "deploy/accounts.h"
#include "deploy/deploymentstore.h"
#include "deploytestworld.h"
#include "fakehost.h"
#include "testhome.h"
#include "ui/deploycontroller.h"
#include "ui/deploymentcontroller.h"
#include "ui/managecontroller.h"
#include "ui/wizardshell.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDir>
#include <QGuiApplication>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace {
constexpr int timeoutMs = 60000;
const QString foreignName = u"someone-elses-server"_s;

DeploymentPlan otherPlan()
{
    DeploymentPlan plan = DeployTestWorld::plan(1);
    plan.domain = u"talk.example.net"_s;
    return plan;
}
} // namespace

class TestManageFlow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    std::unique_ptr<DeployTestWorld> m_world;
    FakeCloud m_otherCloud;
    std::unique_ptr<WizardShell> m_wizard;
    int m_healthReads = 0;

    template<typename T>
    T *find(const QString &name) const
    {
        T *widget = m_wizard->currentPage()->findChild<T *>(name);
        if (!widget)
            qWarning("no widget named %s on page %d", qPrintable(name), m_wizard->currentId());
        return widget;
    }

    // Next, or the commit page's button, clicked once enabled; true when it led to `expected`.
    bool forward(QWizard::WizardButton which, int expected)
    {
        QAbstractButton *button = m_wizard->button(which);
        if (!QTest::qWaitFor([button] { return button->isVisible() && button->isEnabled(); }, timeoutMs)) {
            qWarning("cannot go on from page %d", m_wizard->currentId());
            return false;
        }
        QTest::mouseClick(button, Qt::LeftButton);
        if (m_wizard->currentId() != expected)
            qWarning("on page %d, expected %d", m_wizard->currentId(), expected);
        return m_wizard->currentId() == expected;
    }

    // Start page: choose the deployment's row, Manage; SSH key page: the key in ~/.ssh; on to the Manage page.
    enum class Health { Given, FromEngine };

    bool openManage(const QString &domain, Health health = Health::Given,
                    std::optional<WizardState::Environment> environment = std::nullopt, int deployments = 2)
    {
        m_wizard = std::make_unique<WizardShell>(environment.value_or(m_world->environment()));
        m_world->prepare(m_wizard->state());
        if (health == Health::Given)
            m_wizard->manageController()->setHealthSource([this](const QString &slug, QObject *context, auto done) {
                ++m_healthReads;
                DeploymentHealth health;
                health.slug = slug;
                health.readAt = QDateTime::currentDateTimeUtc();
                health.web.serverName = slug + u"-web"_s;
                health.web.reachable = true;
                health.jicofoAnswered = true;
                BridgeHealth jvb;
                jvb.host.serverName = slug + u"-jvb-2"_s;
                jvb.host.reachable = true;
                jvb.healthOk = true;
                jvb.conferences = 1;
                jvb.participants = 4;
                health.bridges << jvb;
                // Answered within the asker's lifetime, as the engine's read is: a window closed meanwhile gets
                // nothing.
                QTimer::singleShot(5, context, [done, health] { done(WizardState::HealthReading{health, {}}); });
            });
        m_wizard->resize(1000, 760);
        m_wizard->setStartId(WizardShell::StartPageId);
        m_wizard->restart();
        m_wizard->show();
        if (!QTest::qWaitForWindowExposed(m_wizard.get()))
            return false;

        auto *table = find<QTableWidget>(u"deploymentsTable"_s);
        if (!QTest::qWaitFor([table, deployments] { return table->rowCount() == deployments; }, timeoutMs)) {
            qWarning("the Start page lists %d deployments", table->rowCount());
            return false;
        }
        int row = -1;
        for (int r = 0; r < table->rowCount(); ++r) {
            if (table->item(r, 0)->text().contains(foreignName))
                return false;
            if (table->item(r, 0)->text() == domain)
                row = r;
        }
        if (row < 0)
            return false;
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualItemRect(table->item(row, 0)).center());
        auto *manage = find<QRadioButton>(u"manageRadioButton"_s);
        QTest::mouseClick(manage, Qt::LeftButton, {}, QPoint(10, manage->height() / 2));
        if (!manage->isChecked())
            return false;
        if (!forward(QWizard::NextButton, WizardShell::SshKeyPageId))
            return false;

        auto *keys = find<QListWidget>(u"keyFileListWidget"_s);
        if (!QTest::qWaitFor([keys] { return keys->count() == 1; }, timeoutMs))
            return false;
        QTest::mouseClick(keys->viewport(), Qt::LeftButton, {}, keys->visualItemRect(keys->item(0)).center());
        return forward(QWizard::NextButton, WizardShell::ManagePageId);
    }

    QStringList serverNames() { return m_world->serverNames(); }

    // A window-modal dialog the shell opened (not a child of the current page).
    template<typename T>
    static T *openDialogButton(const QString &name)
    {
        for (QWidget *top : QApplication::topLevelWidgets()) {
            if (!top->isVisible())
                continue;
            if (auto *button = top->findChild<T *>(name))
                return button;
        }
        return nullptr;
    }

    // The Deploy page ran the operation to the end: every row done, Next/Finish enabled.
    bool waitForOperation()
    {
        auto *status = find<QLabel>(u"deployStatusLabel"_s);
        const bool done = QTest::qWaitFor(
                [this] {
                    QAbstractButton *next = m_wizard->button(QWizard::CommitButton);
                    QAbstractButton *finish = m_wizard->button(QWizard::FinishButton);
                    return (next->isVisible() && next->isEnabled()) || (finish->isVisible() && finish->isEnabled());
                },
                timeoutMs);
        if (!done && status)
            qWarning("%s", qPrintable(status->text()));
        return done;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        QString error;
        QVERIFY2(!TestHome::withOneKey(m_home.path(), u"manage@test"_s, &error).isEmpty(), qPrintable(error));

        m_world = std::make_unique<DeployTestWorld>();
        // meet.example.org lets only accounts open meetings (issue 15); talk.example.net is open to everyone.
        DeploymentPlan moderated = DeployTestWorld::plan(2);
        moderated.options.meetingAccess = DeploymentPlan::MeetingAccess::Moderated;
        QVERIFY(m_world->deployOn(moderated, &m_world->cloud));
        QVERIFY(m_world->deployOn(otherPlan(), &m_otherCloud));
        // A server made by hand in the same project, without the app's labels.
        WizardState state(m_world->environment());
        m_world->prepare(&state);
        hcloud::CreateServerRequest request;
        request.name = foreignName;
        request.serverType = u"cx23"_s;
        request.image = u"debian-12"_s;
        request.location = u"fsn1"_s;
        bool created = false;
        state.client()->createServer(
                request, this, [&created](Result<hcloud::Created<hcloud::Server>> result) { created = result.ok(); });
        QTRY_VERIFY_WITH_TIMEOUT(created, timeoutMs);
    }

    void cleanup()
    {
        if (m_wizard && QTest::currentTestFailed())
            qInfo("failed on page %d", m_wizard->currentId());
        m_wizard.reset();
    }

    void addABridge()
    {
        QVERIFY(openManage(u"meet.example.org"_s));
        auto *hosts = find<QTableWidget>(u"manageHostsTable"_s);
        QCOMPARE(hosts->rowCount(), 3);
        // The page read the health when it opened, and shows it.
        QTRY_VERIFY_WITH_TIMEOUT(hosts->item(2, 4)->text().contains(u"4 participants"_s), timeoutMs);

        // Shown, the page reads again on its timer (30 s in use; shortened here)...
        m_wizard->manageController()->setRefreshInterval(50);
        m_wizard->manageController()->refresh();
        const int before = m_healthReads;
        QTRY_VERIFY_WITH_TIMEOUT(m_healthReads >= before + 2, timeoutMs);
        QTest::mouseClick(find<QPushButton>(u"addBridgesButton"_s), Qt::LeftButton);
        QCOMPARE(m_wizard->currentId(), int(WizardShell::AddBridgesPageId));
        // ...hidden, it does not.
        const int hidden = m_healthReads;
        QTest::qWait(300);
        QCOMPARE(m_healthReads, hidden);
        auto *cost = find<QLabel>(u"newMonthlyTotalLabel"_s);
        QTRY_VERIFY_WITH_TIMEOUT(cost->text().contains(u"with the new bridges"_s), timeoutMs);
        QCOMPARE(find<QSpinBox>(u"newBridgeCountSpinBox"_s)->value(), 1);
        QCOMPARE(find<QLabel>(u"newBridgeNamesLabel"_s)->text(), u"meet-example-org-jvb-3"_s);
        QVERIFY(forward(QWizard::CommitButton, WizardShell::DeployPageId));
        QCOMPARE(m_wizard->currentPage()->title(), u"Adding bridges"_s);
        QVERIFY(waitForOperation());
        QVERIFY(serverNames().contains(u"meet-example-org-jvb-3"_s));
        QVERIFY(serverNames().contains(foreignName));
        QVERIFY(forward(QWizard::CommitButton, WizardShell::VerifiedPageId));
    }

    void removeABridge()
    {
        QVERIFY(serverNames().contains(u"meet-example-org-jvb-3"_s));
        QVERIFY(openManage(u"meet.example.org"_s));
        auto *hosts = find<QTableWidget>(u"manageHostsTable"_s);
        QCOMPARE(hosts->rowCount(), 4);
        QTRY_VERIFY_WITH_TIMEOUT(hosts->item(2, 4)->text().contains(u"4 participants"_s), timeoutMs);
        auto *remove = find<QPushButton>(u"removeBridgeButton"_s);
        QVERIFY(!remove->isEnabled()); // nothing selected yet
        // The web server cannot be removed from here.
        QTest::mouseClick(hosts->viewport(), Qt::LeftButton, {}, hosts->visualItemRect(hosts->item(0, 0)).center());
        QVERIFY(!remove->isEnabled());
        QTest::mouseClick(hosts->viewport(), Qt::LeftButton, {}, hosts->visualItemRect(hosts->item(2, 0)).center());
        QCOMPARE(hosts->item(2, 0)->text(), u"meet-example-org-jvb-2"_s);
        QTRY_VERIFY_WITH_TIMEOUT(remove->isEnabled(), timeoutMs);
        QTest::mouseClick(remove, Qt::LeftButton);
        QCOMPARE(m_wizard->currentId(), int(WizardShell::RemoveBridgePageId));
        // Who is on it, from the Manage page's last reading.
        QVERIFY2(find<QLabel>(u"occupancyLabel"_s)->text().contains(u"1 conference with 4 participants"_s),
                 qPrintable(find<QLabel>(u"occupancyLabel"_s)->text()));
        QVERIFY(!m_wizard->button(QWizard::CommitButton)->isEnabled());
        auto *confirm = find<QCheckBox>(u"confirmRemoveCheckBox"_s);
        confirm->setFocus();
        QTest::keyClick(confirm, Qt::Key_Space);
        QVERIFY(confirm->isChecked());
        QVERIFY(forward(QWizard::CommitButton, WizardShell::DeployPageId));
        QVERIFY(waitForOperation());
        const QStringList names = serverNames();
        QVERIFY2(!names.contains(u"meet-example-org-jvb-2"_s), qPrintable(names.join(u' ')));
        QVERIFY(names.contains(u"meet-example-org-jvb-1"_s) && names.contains(u"meet-example-org-jvb-3"_s));
        QVERIFY(names.contains(foreignName));
        QVERIFY(m_healthReads > 0);
    }

    // The engine's own health read fills the Manage page (versions and jicofo's view from the fake hosts); Update
    // Jitsi runs the rolling update through the Deploy page; a bridge that keeps its meetings past the drain time
    // is removed only after the user chose so in the drain dialog.
    void realHealthUpdateAndDrainChoice()
    {
        const QString jicofoNow = m_world->cloud.repository(u"jicofo"_s).constLast();
        QVERIFY(openManage(u"meet.example.org"_s, Health::FromEngine));
        auto *hosts = find<QTableWidget>(u"manageHostsTable"_s);
        QTRY_VERIFY_WITH_TIMEOUT(hosts->item(0, 5) && hosts->item(0, 5)->text().contains(jicofoNow), timeoutMs);
        QVERIFY2(hosts->item(1, 4)->text().contains(u"operational"_s), qPrintable(hosts->item(1, 4)->text()));

        // A newer jicofo and bridge in the repository: Update Jitsi, confirmed in its warning.
        m_world->cloud.setRepository(u"jicofo"_s, {jicofoNow, u"1.0-9000-1"_s});
        const QString jvbNow = m_world->cloud.repository(u"jitsi-videobridge2"_s).constLast();
        m_world->cloud.setRepository(u"jitsi-videobridge2"_s, {jvbNow, u"2.3-9000-g9-1"_s});
        auto *update = find<QPushButton>(u"updateButton"_s);
        QTRY_VERIFY_WITH_TIMEOUT(update->isEnabled(), timeoutMs);
        QTest::mouseClick(update, Qt::LeftButton);
        QPushButton *confirm = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((confirm = openDialogButton<QPushButton>(u"updateConfirmButton"_s)), timeoutMs);
        QTest::mouseClick(confirm, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_wizard->currentId(), int(WizardShell::DeployPageId), timeoutMs);
        QVERIFY(waitForOperation());
        for (const QString &bridge : {u"meet-example-org-jvb-1"_s, u"meet-example-org-jvb-3"_s})
            QCOMPARE(m_world->cloud.host(bridge)->packageVersions({}).installed.value(u"jitsi-videobridge2"_s),
                     u"2.3-9000-g9-1"_s);
        QCOMPARE(m_world->cloud.host(u"meet-example-org-web"_s)->packageVersions({}).installed.value(u"jicofo"_s),
                 u"1.0-9000-1"_s);

        // Remove a bridge whose meetings outlast the drain time: the dialog asks; "Delete it now" goes on.
        const QString doomed = u"meet-example-org-jvb-3"_s;
        m_world->cloud.setConferencesAfterDrain(doomed, 2);
        m_wizard.reset();
        QVERIFY(openManage(u"meet.example.org"_s, Health::FromEngine));
        hosts = find<QTableWidget>(u"manageHostsTable"_s);
        int row = -1;
        for (int r = 0; r < hosts->rowCount(); ++r)
            if (hosts->item(r, 0)->text() == doomed)
                row = r;
        QVERIFY(row > 0);
        QTest::mouseClick(hosts->viewport(), Qt::LeftButton, {}, hosts->visualItemRect(hosts->item(row, 0)).center());
        auto *remove = find<QPushButton>(u"removeBridgeButton"_s);
        QTRY_VERIFY_WITH_TIMEOUT(remove->isEnabled(), timeoutMs);
        QTest::mouseClick(remove, Qt::LeftButton);
        auto *tick = find<QCheckBox>(u"confirmRemoveCheckBox"_s);
        tick->setFocus();
        QTest::keyClick(tick, Qt::Key_Space);
        QVERIFY(forward(QWizard::CommitButton, WizardShell::DeployPageId));
        QPushButton *proceed = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((proceed = openDialogButton<QPushButton>(u"drainProceedButton"_s)), timeoutMs);
        QVERIFY(serverNames().contains(doomed)); // nothing deleted before the answer
        QTest::mouseClick(proceed, Qt::LeftButton);
        QVERIFY(waitForOperation());
        QVERIFY(!serverNames().contains(doomed));
        QVERIFY(serverNames().contains(u"meet-example-org-jvb-1"_s));
    }

    // Issue 15: Accounts… on the moderated deployment, through the real engine to the fake web host: a generated
    // password shown once and copied, a short typed one named, the account removed again.
    void accountsOfTheModeratedDeployment()
    {
        QVERIFY(openManage(u"meet.example.org"_s));
        auto *accounts = find<QPushButton>(u"accountsButton"_s);
        QVERIFY(accounts->isEnabled());
        QTest::mouseClick(accounts, Qt::LeftButton);
        QLineEdit *user = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((user = openDialogButton<QLineEdit>(u"accountUserEdit"_s)), timeoutMs);
        auto *list = openDialogButton<QListWidget>(u"accountsList"_s);
        auto *status = openDialogButton<QLabel>(u"accountsStatusLabel"_s);
        auto *password = openDialogButton<QLineEdit>(u"accountPasswordEdit"_s);
        auto *add = openDialogButton<QPushButton>(u"addAccountButton"_s);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(u"may open meetings"_s), timeoutMs);
        QCOMPARE(list->count(), 0);

        user->setFocus();
        QTest::keyClicks(user, u"alice"_s);
        QVERIFY(!add->isEnabled());
        QTest::mouseClick(openDialogButton<QPushButton>(u"generatePasswordButton"_s), Qt::LeftButton);
        const QString generated = password->text();
        QCOMPARE(generated.size(), AccountRequest::generatedPasswordLength);
        QVERIFY(add->isEnabled());
        QTest::mouseClick(add, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(list->count(), 1, timeoutMs);
        QCOMPARE(list->item(0)->text(), u"alice"_s);
        QCOMPARE(m_world->cloud.host(u"meet-example-org-web"_s)->accountPassword(u"alice"_s), generated);
        auto *revealed = openDialogButton<QLineEdit>(u"revealedPasswordEdit"_s);
        QVERIFY(revealed->isVisible());
        QCOMPARE(revealed->text(), generated);
        QTest::mouseClick(openDialogButton<QPushButton>(u"copyPasswordButton"_s), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), generated);
        QVERIFY(user->text().isEmpty() && password->text().isEmpty());

        // A typed password that is too short is named, and nothing can be added.
        QTest::keyClicks(user, u"bob"_s);
        password->setFocus();
        QTest::keyClicks(password, u"short"_s);
        QVERIFY(!add->isEnabled());
        QVERIFY(openDialogButton<QLabel>(u"accountPasswordHint"_s)->text().contains(u"at least 8"_s));

        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(0)).center());
        auto *remove = openDialogButton<QPushButton>(u"removeAccountButton"_s);
        QVERIFY(remove->isEnabled());
        QTest::mouseClick(remove, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(list->count(), 0, timeoutMs);
        QVERIFY(m_world->cloud.host(u"meet-example-org-web"_s)->accountPassword(u"alice"_s).isEmpty());

        // Closing forgets what was shown and typed.
        QWidget *dialog = revealed->window();
        QVERIFY(dialog->close());
        QVERIFY(revealed->text().isEmpty() && password->text().isEmpty());
    }

    // Typing the domain of an existing deployment on the Deployment page offers to manage it, and leads there.
    void deploymentPageOffersToManage()
    {
        m_wizard = std::make_unique<WizardShell>(m_world->environment());
        m_world->prepare(m_wizard->state());
        m_wizard->deploymentController()->setCheckDelay(0);
        m_wizard->manageController()->setHealthSource({});
        m_wizard->resize(1000, 760);
        m_wizard->setStartId(WizardShell::StartPageId);
        m_wizard->restart();
        m_wizard->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_wizard.get()));
        // A healthy deployment has nothing to resume.
        auto *table = find<QTableWidget>(u"deploymentsTable"_s);
        QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 2, timeoutMs);
        QVERIFY(!find<QRadioButton>(u"resumeRadioButton"_s)->isEnabled());
        auto *newDeployment = find<QRadioButton>(u"newDeploymentRadioButton"_s);
        // On the label, as a person clicks (a radio button reacts to its indicator and text, not its full width).
        QTest::mouseClick(newDeployment, Qt::LeftButton, {}, QPoint(10, newDeployment->height() / 2));
        QVERIFY(newDeployment->isChecked());
        QVERIFY(forward(QWizard::NextButton, WizardShell::DeploymentPageId));
        QTest::keyClicks(find<QLineEdit>(u"domainLineEdit"_s), u"meet.example.org"_s);
        QTest::keyClicks(find<QLineEdit>(u"emailLineEdit"_s), u"admin@example.org"_s);
        auto *manage = find<QPushButton>(u"manageExistingButton"_s);
        QTRY_VERIFY_WITH_TIMEOUT(manage->isVisible(), timeoutMs);
        QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
        QTest::mouseClick(manage, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_wizard->currentId(), int(WizardShell::SshKeyPageId), timeoutMs);
        auto *keys = find<QListWidget>(u"keyFileListWidget"_s);
        QTRY_COMPARE_WITH_TIMEOUT(keys->count(), 1, timeoutMs);
        QTest::mouseClick(keys->viewport(), Qt::LeftButton, {}, keys->visualItemRect(keys->item(0)).center());
        QVERIFY(forward(QWizard::NextButton, WizardShell::ManagePageId));
        QCOMPARE(m_wizard->state()->managedDeployment()->slug, DeployTestWorld::slug);
        // Without a health source the page says so instead of showing figures it does not have.
        auto *summary = find<QLabel>(u"healthSummaryLabel"_s);
        QTRY_VERIFY_WITH_TIMEOUT(summary->text().contains(u"not available"_s), timeoutMs);
        QVERIFY(find<QPushButton>(u"updateButton"_s)->isEnabled());
    }

    // After the SSH key: managing goes to the Manage page, resuming to the Review page (the plan rebuilt for the
    // deployment, its cost, then Deploy), a new deployment to the Servers page. (An interrupted row needs the
    // set-up-pending label Discovery fills in another change; StartController::resumePlan is tested alone.)
    void sshKeyStepRoutesByMode()
    {
        m_wizard = std::make_unique<WizardShell>(m_world->environment());
        m_wizard->setStartId(WizardShell::SshKeyPageId);
        m_wizard->restart();
        QCOMPARE(m_wizard->nextId(), int(WizardShell::ServersPageId));
        m_wizard->state()->setMode(WizardState::Mode::Manage);
        QCOMPARE(m_wizard->nextId(), int(WizardShell::ManagePageId));
        m_wizard->state()->setMode(WizardState::Mode::Resume);
        QCOMPARE(m_wizard->nextId(), int(WizardShell::ReviewPageId));
    }

    // Another computer (issue 14): no stored plan, no pinned host keys, no secrets. The window still lists the
    // deployment, opens its Manage page and adds a bridge: the engine trusts the web host's key by its label, reads
    // the plan and the secrets back from the web host over that pinned session and keeps them here.
    void secondComputerAddsABridge()
    {
        const QString slug = u"talk-example-net"_s;
        // What cloud-init does with the project's SSH key on a real server (the fake host has no cloud-init).
        if (FakeHost *host = m_otherCloud.host(slug + u"-web"_s);
            host && !host->hasFile(u"/root/.ssh/authorized_keys"_s))
            host->writeFile(u"/root/.ssh/authorized_keys"_s, otherPlan().sshPublicKey.toUtf8() + '\n', 0600);
        QTemporaryDir elsewhere;
        FakeHostAgentFactory agents{&m_otherCloud};
        WizardState::Environment environment = m_world->environment();
        environment.hosts = &agents;
        environment.engine.storeDirectory = elsewhere.filePath(u"store"_s);
        environment.engine.secrets = SecretStore::files(elsewhere.filePath(u"secrets"_s));
        QVERIFY(openManage(u"talk.example.net"_s, Health::Given, environment));
        connect(m_wizard->state()->engine(), &DeploymentEngine::event, this, [this](const EngineEvent &e) {
            if (e.kind == EngineEvent::Kind::Phase && e.phase == Phase::Hosts)
                m_otherCloud.setPrivateAddresses(m_world->sim.state(u"servers"_s));
        });
        const QStringList before = serverNames();
        QTest::mouseClick(find<QPushButton>(u"addBridgesButton"_s), Qt::LeftButton);
        QCOMPARE(m_wizard->currentId(), int(WizardShell::AddBridgesPageId));
        QTRY_VERIFY_WITH_TIMEOUT(find<QLabel>(u"newMonthlyTotalLabel"_s)->text().contains(u"with the new bridges"_s),
                                 timeoutMs);
        const QString added = find<QLabel>(u"newBridgeNamesLabel"_s)->text();
        QCOMPARE(added, slug + u"-jvb-2"_s);
        QVERIFY(forward(QWizard::CommitButton, WizardShell::DeployPageId));
        QVERIFY2(waitForOperation(), qPrintable(m_wizard->deployController()->lastError().toString()));
        const EngineOutcome outcome = m_wizard->deployController()->outcome();
        QVERIFY2(m_wizard->deployController()->status() == DeployController::Status::Succeeded,
                 qPrintable(m_wizard->deployController()->lastError().toString()));
        QVERIFY(outcome.verification && outcome.verification->ok());
        QVERIFY2(serverNames().contains(added) && !before.contains(added), qPrintable(added));
        // This computer keeps what it recovered: the plan and the deployment's secrets.
        QVERIFY(QFile::exists(DeploymentStore(environment.engine.storeDirectory).filePath(slug)));
        QVERIFY(!QDir(elsewhere.filePath(u"secrets"_s)).isEmpty());
        m_wizard.reset(); // before the agents it uses
    }

    void destroyWithTheTypedDomain()
    {
        // The zone holds a record the app created for this deployment, one for the other deployment, and the
        // user's own: only the first is listed and deleted.
        const qint64 zone = m_world->sim.seedZone(u"example.net"_s);
        auto labels = [](const QString &slug) {
            return QJsonObject{{u"managed-by"_s, u"jitsi-deployer"_s}, {u"jitsi-deployer/deployment"_s, slug}};
        };
        m_world->sim.seedRrset(zone, u"talk"_s, u"A"_s, {u"198.18.0.7"_s}, labels(u"talk-example-net"_s));
        m_world->sim.seedRrset(zone, u"meet"_s, u"A"_s, {u"198.18.0.9"_s}, labels(DeployTestWorld::slug));
        m_world->sim.seedRrset(zone, u"www"_s, u"A"_s, {u"203.0.113.80"_s});
        auto rrsetIds = [this] {
            QStringList ids;
            for (const QJsonValue &value : m_world->sim.state(u"rrsets"_s))
                ids << value.toObject().value(u"id"_s).toString();
            ids.sort();
            return ids;
        };
        QVERIFY(openManage(u"talk.example.net"_s));
        QVERIFY(!find<QPushButton>(u"accountsButton"_s)->isEnabled()); // open to everyone: no accounts
        QTest::mouseClick(find<QPushButton>(u"destroyButton"_s), Qt::LeftButton);
        QCOMPARE(m_wizard->currentId(), int(WizardShell::DestroyPageId));
        auto *resources = find<QListWidget>(u"destroyResourcesList"_s);
        QStringList lines;
        for (int i = 0; i < resources->count(); ++i)
            lines << resources->item(i)->text();
        QVERIFY2(lines.join(u'\n').contains(u"talk-example-net-web"_s), qPrintable(lines.join(u'\n')));
        QVERIFY(!lines.join(u'\n').contains(u"meet-example-org"_s));
        QTRY_VERIFY_WITH_TIMEOUT(find<QLabel>(u"destroyDnsLabel"_s)->text().contains(u"yourself in the zone stay"_s),
                                 timeoutMs);
        lines.clear();
        for (int i = 0; i < resources->count(); ++i)
            lines << resources->item(i)->text();
        QVERIFY2(lines.contains(u"DNS record talk.example.net A 198.18.0.7 (created by Jitsi Deployer)"_s),
                 qPrintable(lines.join(u'\n')));
        QVERIFY2(!lines.join(u'\n').contains(u"203.0.113.80"_s) && !lines.join(u'\n').contains(u"198.18.0.9"_s),
                 qPrintable(lines.join(u'\n')));
        QVERIFY(find<QLabel>(u"destroySavedLabel"_s)->text().contains(u"EUR/month"_s));
        QAbstractButton *destroy = m_wizard->button(QWizard::CommitButton);
        QCOMPARE(destroy->text().remove(u'&'), u"Destroy"_s);
        auto *typed = find<QLineEdit>(u"confirmDomainLineEdit"_s);
        typed->setFocus();
        QTest::keyClicks(typed, u"talk.example"_s);
        QVERIFY(!destroy->isEnabled());
        QTest::keyClicks(typed, u".net"_s);
        QVERIFY(destroy->isEnabled());
        QVERIFY(forward(QWizard::CommitButton, WizardShell::DeployPageId));
        QVERIFY(waitForOperation());
        // Nothing after a destroy: the Deploy page is the last one.
        QVERIFY(m_wizard->button(QWizard::FinishButton)->isVisible());
        const QStringList names = serverNames();
        for (const QString &name : names)
            QVERIFY2(!name.startsWith(u"talk-example-net"_s), qPrintable(name));
        QVERIFY(names.contains(u"meet-example-org-web"_s));
        QVERIFY(names.contains(foreignName));
        QCOMPARE(m_world->sim.state(u"networks"_s).size(), 1);
        const QStringList left = rrsetIds();
        QVERIFY2(!left.contains(u"talk/A"_s) && left.contains(u"meet/A"_s) && left.contains(u"www/A"_s),
                 qPrintable(left.join(u", "_s)));
    }

    // A run killed after its servers exist (as kill -9 of the program would) shows as interrupted on the Start page;
    // Resume goes through the SSH key and Review (the plan this computer stored) to the Deploy page, which finishes it
    // with the servers already there.
    void interruptedRunIsResumedFromTheWindow()
    {
        DeploymentPlan plan = DeployTestWorld::plan(0);
        plan.domain = u"resume.example.com"_s;
        // Its bridge reaches the web host by public address: the fake hosts tell hosts apart by address, and every
        // deployment's network hands out the same private ones.
        plan.bridges = {{u"cpx22"_s, u"ash"_s}};
        const QString slug = u"resume-example-com"_s;
        {
            auto state = std::make_unique<WizardState>(m_world->environment());
            m_world->prepare(state.get(), plan);
            bool installing = false;
            QObject context;
            QObject::connect(state->engine(), &DeploymentEngine::event, &context, [&installing](const EngineEvent &e) {
                installing = installing
                             || (e.kind == EngineEvent::Kind::HostStep && e.hostState == HostState::Started
                                 && e.host.endsWith(u"-web"_s) && e.step == u"install-packages"_s);
            });
            state->engine()->deploy(plan);
            QTRY_VERIFY_WITH_TIMEOUT(installing, timeoutMs);
        } // the engine goes with its state: no cleanup runs, as after kill -9
        QVERIFY(serverNames().contains(slug + u"-web"_s));

        m_wizard = std::make_unique<WizardShell>(m_world->environment());
        m_world->prepare(m_wizard->state(), plan);
        m_wizard->manageController()->setHealthSource({});
        m_wizard->resize(1000, 760);
        m_wizard->setStartId(WizardShell::StartPageId);
        m_wizard->restart();
        m_wizard->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_wizard.get()));
        auto *table = find<QTableWidget>(u"deploymentsTable"_s);
        QTRY_VERIFY_WITH_TIMEOUT(table->rowCount() >= 2, timeoutMs);
        int row = -1;
        for (int r = 0; r < table->rowCount(); ++r) {
            if (table->item(r, 0)->text() == plan.domain)
                row = r;
        }
        QVERIFY(row >= 0);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualItemRect(table->item(row, 0)).center());
        auto *resume = find<QRadioButton>(u"resumeRadioButton"_s);
        QTRY_VERIFY_WITH_TIMEOUT(resume->isEnabled(), timeoutMs);
        QTest::mouseClick(resume, Qt::LeftButton, {}, QPoint(10, resume->height() / 2));
        QVERIFY(resume->isChecked());
        QVERIFY(forward(QWizard::NextButton, WizardShell::SshKeyPageId));
        auto *keys = find<QListWidget>(u"keyFileListWidget"_s);
        QTRY_COMPARE_WITH_TIMEOUT(keys->count(), 1, timeoutMs);
        QTest::mouseClick(keys->viewport(), Qt::LeftButton, {}, keys->visualItemRect(keys->item(0)).center());
        QVERIFY(forward(QWizard::NextButton, WizardShell::ReviewPageId));
        QVERIFY(forward(QWizard::CommitButton, WizardShell::DeployPageId));
        // The run goes on to its end (the DNS page may be offered meanwhile: nothing resolves here).
        DeployController *deploy = m_wizard->deployController();
        QTRY_VERIFY_WITH_TIMEOUT(!deploy->isBusy() && deploy->status() != DeployController::Status::Idle, timeoutMs);
        QVERIFY2(deploy->status() == DeployController::Status::Succeeded, qPrintable(deploy->lastError().toString()));
        const EngineOutcome outcome = m_wizard->deployController()->outcome();
        QVERIFY2(outcome.verification && outcome.verification->ok(),
                 qPrintable(find<QLabel>(u"deployStatusLabel"_s)->text()));
        QCOMPARE(outcome.bridges, QStringList{slug + u"-jvb-1"_s});
        // The same servers, once each, now set up; nothing else was created.
        QStringList ours;
        for (const QString &name : serverNames()) {
            if (name.startsWith(slug))
                ours << name;
        }
        QCOMPARE(ours, (QStringList{slug + u"-jvb-1"_s, slug + u"-web"_s}));
        for (const QJsonValue &value : m_world->sim.state(u"servers"_s)) {
            const QJsonObject labels = value.toObject().value(u"labels"_s).toObject();
            QVERIFY2(!labels.contains(u"jitsi-deployer/set-up"_s),
                     qPrintable(value.toObject().value(u"name"_s).toString()));
        }
    }
};

QTEST_MAIN(TestManageFlow)
#include "tst_manageflow.moc"
