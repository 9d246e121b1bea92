// A tour of the whole wizard against hcloud-sim and fake hosts: every page WizardShell has (by its PageId, in the
// path's order) is brought up with realistic input — a checked token, a plan for 1 web host + 2 bridges, a running
// deployment whose DNS records the user still has to create, its verified outcome — and, when
// DEPLOYER_SCREENSHOT_DIR is set, the window is saved there as wizard-<page>[-<lang>].png
// (scripts/screenshots.sh runs it under Xvfb in English and German). Without it, it is a test that every
// registered page can be reached with a real run behind it.
#include "deploysandbox.h"
#include "ui/dnscontroller.h"
#include "ui/managecontroller.h"
#include "ui/startcontroller.h"
#include "ui/translations.h"
#include "ui/verifiedcontroller.h"
#include "ui/wizardshell.h"
#include "wizard_pages/removebridgepage.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QMetaEnum>
#include <QRegularExpression>
#include <QtTest>

#include <map>

using namespace Qt::StringLiterals;

class TestScreenshots : public QObject
{
    Q_OBJECT

private:
    QString m_outputDir;
    QString m_suffix; // "" for English, "-de" for German
    QStringList m_saved;

    // "SshKeyPageId" -> "ssh-key"
    static QString pageName(const char *key)
    {
        QString name = QString::fromLatin1(key).chopped(int(qstrlen("PageId")));
        name.replace(QRegularExpression(u"([a-z])([A-Z])"_s), u"\\1-\\2"_s);
        return name.toLower();
    }

    void grab(QWidget &window, const QString &name)
    {
        QTest::qWait(250); // let layouts and the last events settle
        if (m_outputDir.isEmpty())
            return;
        const QString file = QDir(m_outputDir).filePath(u"wizard-"_s + name + m_suffix + u".png"_s);
        QVERIFY2(window.grab().save(file), qPrintable(file));
        m_saved.append(file);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_outputDir = qEnvironmentVariable("DEPLOYER_SCREENSHOT_DIR");
        const QString language = qEnvironmentVariable("DEPLOYER_SCREENSHOT_LANG", u"en"_s);
        if (language != u"en"_s) {
            QLocale::setDefault(QLocale(language));
            QVERIFY(installTranslations(*qApp, QLocale(language)));
            m_suffix = u'-' + language;
        }
        if (!m_outputDir.isEmpty())
            QVERIFY(QDir().mkpath(m_outputDir));
    }

    void everyPage()
    {
        DeploySandbox sandbox;
        QVERIFY(sandbox.start());
        // Slow enough installs that the Deploy page is caught mid-way.
        sandbox.cloud().setStepDurationMs(40);
        // The token step finds the token in the environment, as the hcloud CLI's users keep it, and checks it.
        qputenv("HCLOUD_TOKEN", HcloudSim::defaultToken().toUtf8());
        WizardShell wizard(sandbox.environment(120000));
        qunsetenv("HCLOUD_TOKEN");
        WizardState *state = wizard.state();
        // What the steps before Deploy would have gathered.
        WizardState::SshIdentity identity;
        identity.keyFile = QDir::home().filePath(u".ssh/id_ed25519"_s);
        identity.publicKey = DeploySandbox::plan(0).sshPublicKey;
        identity.md5Fingerprint = u"3f:9a:51:0c:be:77:12:4d:e8:0a:c2:91:6b:5e:d4:20"_s;
        identity.comment = u"you@laptop"_s;
        state->setSshIdentity(identity);
        sandbox.prepare(*state);
        QList<QUrl> opened;
        wizard.verifiedController()->setUrlOpener([&opened](const QUrl &url) {
            opened.append(url);
            return true;
        });
        wizard.resize(820, 680);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));

        DeploymentEngine *engine = state->engine();
        auto startDeployIfNobodyDid = [&] {
            // The Deploy page starts the run; without one (or before it did), the tour starts it as it would.
            if (!QTest::qWaitFor([&] { return engine->isRunning() || state->lastResult(); }, 1500)) {
                // The plan as the steps before should have left it, whatever a page's cleanup did to it.
                state->updatePlan([](DeploymentPlan &plan) {
                    if (plan.domain.isEmpty() || plan.bridges.isEmpty())
                        plan = DeploySandbox::plan(2);
                });
                engine->deploy(state->plan());
            }
        };

        const QMetaEnum ids = QMetaEnum::fromType<WizardShell::PageId>();
        std::map<int, const char *> pages; // in the path's order
        for (int i = 0; i < ids.keyCount(); ++i)
            pages.emplace(ids.value(i), ids.key(i));
        int shown = 0;
        for (const auto &[id, key] : pages) {
            if (!wizard.page(id))
                continue; // not in this build yet
            // The coming-back pages need a deployment in the project first: managePages() shows them.
            if (id == WizardShell::StartPageId || id >= WizardShell::ManagePageId)
                continue;
            const QString name = pageName(key);
            if (id == WizardShell::DnsPageId) {
                startDeployIfNobodyDid();
                // The records are known and the first DNS checks came back empty-handed.
                QVERIFY(QTest::qWaitFor([&] { return state->progress()->dnsCheck().has_value(); }, 60000));
            } else if (id == WizardShell::VerifiedPageId) {
                startDeployIfNobodyDid();
                // The user goes on without DNS (nothing answers here) and the run verifies the bridges.
                engine->continueWithoutDns();
                QVERIFY(QTest::qWaitFor([&] { return state->lastResult().has_value(); }, 60000));
            }
            // setCurrentId() asks the current page's validatePage() first; a page still checking its input (a plan
            // check against the simulator, say) gets a few seconds to finish before the next try.
            for (int attempt = 0; attempt < 20 && wizard.currentId() != id; ++attempt) {
                wizard.setCurrentId(id);
                if (wizard.currentId() != id)
                    QTest::qWait(500);
            }
            QVERIFY2(wizard.currentId() == id,
                     qPrintable(name + u": stuck on page "_s + QString::number(wizard.currentId())));
            if (id == WizardShell::DeployPageId) {
                startDeployIfNobodyDid();
                // Mid-way: hosts installing, their consoles streaming.
                QVERIFY(QTest::qWaitFor([&] { return state->progress()->progress() > 0.4 || state->lastResult(); },
                                        60000));
            } else if (id < WizardShell::DeployPageId) {
                // A page that checks something (the token) shows its verdict.
                (void)QTest::qWaitFor([&] { return wizard.currentPage()->isComplete(); }, 5000);
            }
            grab(wizard, name);
            ++shown;
        }
        QVERIFY(shown >= 4);
        QVERIFY(state->lastResult() && state->lastResult()->ok());

        // A bridge that stops working (a wrong secret copied into it): the Verified page names it and the cause.
        if (wizard.page(WizardShell::VerifiedPageId)) {
            QVERIFY(sandbox.breakBridgeSecret(DeploySandbox::slug + u"-jvb-2"_s,
                                              sandbox.environment().engine.storeDirectory));
            QSignalSpy finished(engine, &DeploymentEngine::finished);
            engine->verify(DeploySandbox::slug);
            QVERIFY(finished.wait(60000));
            QVERIFY(!state->lastResult()->ok());
            wizard.verifiedController()->attach();
            QVERIFY(!wizard.verifiedController()->view().ok);
            grab(wizard, u"verified-failing"_s);
        }
        if (!m_saved.isEmpty())
            qInfo().noquote() << "saved" << m_saved.join(u' ');
    }

    // Coming back: a deployment (1 web + 2 bridges) exists; Start lists it, Manage shows its health (a reading
    // built here: the engine's health read is switched on separately), then Add bridges, Remove a bridge, Destroy.
    void managePages()
    {
        DeploySandbox sandbox;
        QVERIFY(sandbox.start());
        WizardShell wizard(sandbox.environment());
        WizardState *state = wizard.state();
        sandbox.prepare(*state);
        QSignalSpy finished(state->engine(), &DeploymentEngine::finished);
        state->engine()->deploy(state->plan());
        QVERIFY(finished.wait(120000));
        QVERIFY(state->lastResult() && state->lastResult()->ok());

        // The hint is the engine's text (DeploymentHealth::addBridgeHint(), not in this build): here in each language.
        const QString hint
                = m_suffix == u"-de"_s
                          ? u"meet-example-org-jvb-1 ist stark ausgelastet (Last 82 %, 17 Teilnehmende): "
                            "fügen Sie eine Bridge hinzu."_s
                          : u"meet-example-org-jvb-1 runs hot (stress 82 %, 17 participants): add a bridge."_s;
        wizard.manageController()->setHealthSource([hint](const QString &slug, QObject *, auto done) {
            DeploymentHealth health;
            health.slug = slug;
            health.readAt = QDateTime::currentDateTimeUtc();
            health.web.reachable = true;
            health.web.packageVersions = {{u"jicofo"_s, u"1.0-1101-1"_s}, {u"jitsi-meet-web"_s, u"1.0.8242-1"_s}};
            health.jicofoAnswered = true;
            health.jicofoBridgeCount = 2;
            health.jicofoOperationalBridges = 2;
            const QList<std::pair<int, int>> load{{3, 17}, {1, 4}};
            for (int n = 1; n <= 2; ++n) {
                BridgeHealth bridge;
                bridge.host.serverName = slug + u"-jvb-"_s + QString::number(n);
                bridge.host.reachable = true;
                bridge.host.packageVersions = {{u"jitsi-videobridge2"_s, u"2.3-160-g97a1f6a0-1"_s}};
                JicofoBridgeView view;
                view.operational = true;
                bridge.inJicofo = view;
                bridge.healthOk = true;
                bridge.conferences = load.at(n - 1).first;
                bridge.participants = load.at(n - 1).second;
                bridge.stress = n == 1 ? 0.82 : 0.18;
                health.bridges << bridge;
            }
            done(WizardState::HealthReading{health, hint});
        });
        wizard.resize(820, 680);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        wizard.setCurrentId(WizardShell::StartPageId);
        QVERIFY(QTest::qWaitFor([&] { return wizard.startController()->status() == StartController::Status::Ready; },
                                30000));
        grab(wizard, u"start"_s);
        QVERIFY(wizard.startController()->chooseManage(DeploySandbox::slug));
        wizard.setCurrentId(WizardShell::ManagePageId);
        QCOMPARE(wizard.currentId(), int(WizardShell::ManagePageId));
        QVERIFY(QTest::qWaitFor([&] { return wizard.manageController()->lastReading().has_value(); }, 10000));
        grab(wizard, u"manage"_s);
        wizard.setCurrentId(WizardShell::AddBridgesPageId);
        QVERIFY(QTest::qWaitFor([&] { return wizard.currentPage()->isComplete(); }, 30000));
        grab(wizard, u"add-bridges"_s);
        wizard.removeBridgePage()->setBridge(DeploySandbox::slug, DeploySandbox::slug + u"-jvb-2"_s);
        wizard.setCurrentId(WizardShell::RemoveBridgePageId);
        QCOMPARE(wizard.currentId(), int(WizardShell::RemoveBridgePageId));
        grab(wizard, u"remove-bridge"_s);
        wizard.currentPage()->findChild<QCheckBox *>(u"confirmRemoveCheckBox"_s)->setChecked(true);
        wizard.setCurrentId(WizardShell::DestroyPageId);
        QCOMPARE(wizard.currentId(), int(WizardShell::DestroyPageId));
        grab(wizard, u"destroy"_s);
        // Nothing was run: every page only prepared its operation.
        QVERIFY(!state->engine()->isRunning());
        QCOMPARE(sandbox.sim().state(u"servers"_s).size(), 3);
    }
};

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
