// The Servers and Review pages in the real WizardShell, driven through their widgets by objectName against the
// in-process hcloud-sim: loading and Retry, a disabled location that cannot be picked, the bridge count's bounds,
// Back/Next keeping the choices, the Review page's table and its Deploy commit button, a failing check that disables
// Deploy, and Save plan… through its file dialog. Renders both pages in English and German at the minimum window
// size; with DEPLOYER_SCREENSHOT_DIR set it keeps the PNGs there.
#include "hcloudsim.h"
#include "ui/reviewcontroller.h"
#include "ui/serverscontroller.h"
#include "ui/translations.h"
#include "ui/wizardshell.h"
#include "wizard_pages/reviewpage.h"
#include "wizard_pages/serverspage.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;
using Fault = HcloudSim::Fault;

namespace {
constexpr int MonthlyColumnForTest = 3;
const QString sshKey = u"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJy8viPk0QD/A9Hof7FGWIt3bVhsF9Ys9zDkAhEOfSzu you@laptop"_s;
} // namespace

class TestServersPages : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HcloudSim> m_sim;
    std::unique_ptr<WizardShell> m_wizard;

    template<typename T>
    T *find(const QString &name) const
    {
        T *widget = m_wizard->findChild<T *>(name);
        if (!widget)
            qWarning("no widget named %s", qPrintable(name));
        return widget;
    }
    QComboBox *combo(const QString &name) const { return find<QComboBox>(name); }

    // A wizard whose earlier steps are done: token accepted, domain and key chosen. Starts on `pageId`.
    void openAt(int pageId)
    {
        WizardState::Environment environment;
        environment.apiEndpoint = m_sim->endpoint().toString();
        m_wizard = std::make_unique<WizardShell>(environment);
        // The Deploy page is another step's; a stand-in makes Review a page with a next one, as in the full path.
        if (!m_wizard->page(WizardShell::DeployPageId))
            m_wizard->setPage(WizardShell::DeployPageId, new QWizardPage);
        m_wizard->state()->setToken(HcloudSim::defaultToken());
        m_wizard->state()->updatePlan([](DeploymentPlan &plan) {
            plan.domain = u"meet.example.org"_s;
            plan.email = u"admin@example.org"_s;
            plan.sshPublicKey = sshKey;
        });
        m_wizard->setStartId(pageId);
        m_wizard->resize(m_wizard->minimumSize());
        m_wizard->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_wizard.get()));
        QCOMPARE(m_wizard->currentId(), pageId);
    }

    void waitForServers()
    {
        QTRY_COMPARE_WITH_TIMEOUT(m_wizard->serversController()->status(), ServersController::Status::Ready, 30000);
        QTRY_VERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    }

    void waitForReview()
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_wizard->reviewController()->status() != ReviewController::Status::Checking
                                         && m_wizard->reviewController()->status() != ReviewController::Status::Idle,
                                 30000);
    }

    // Moves a combo box with the keyboard until it shows `name`; false when it cannot get there.
    bool chooseByKeyboard(QComboBox *box, const QString &name)
    {
        box->setFocus();
        QTest::keyClick(box, Qt::Key_Home);
        for (int i = 0; i < box->count() + 1; ++i) {
            if (box->currentData().toString() == name)
                return true;
            QTest::keyClick(box, Qt::Key_Down);
        }
        return box->currentData().toString() == name;
    }

    // Saves into DEPLOYER_SCREENSHOT_DIR when set, else into a scratch folder: the rendering is checked either way.
    static void save(const QPixmap &shot, const QString &fileName)
    {
        QVERIFY(!shot.isNull());
        QTemporaryDir scratch;
        const QString folder = qEnvironmentVariable("DEPLOYER_SCREENSHOT_DIR", scratch.path());
        QVERIFY(shot.save(folder + u'/' + fileName));
    }

    void grab(const QString &fileName)
    {
        QApplication::processEvents();
        save(m_wizard->grab(), fileName);
    }

private Q_SLOTS:
    void init()
    {
        m_sim = std::make_unique<HcloudSim>();
        QVERIFY(m_sim->listen());
    }

    void cleanup()
    {
        m_wizard.reset();
        m_sim.reset();
    }

    void serversPageLoadsAndWritesThePlan()
    {
        openAt(WizardShell::ServersPageId);
        QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled()); // loading
        waitForServers();
        QCOMPARE(combo(u"locationComboBox"_s)->count(), 6);
        QCOMPARE(combo(u"locationComboBox"_s)->currentData().toString(), u"fsn1"_s);
        QCOMPARE(combo(u"webTypeComboBox"_s)->currentData().toString(), u"cx33"_s);
        QCOMPARE(combo(u"bridgeTypeComboBox"_s)->currentData().toString(), u"cx33"_s);
        QCOMPARE(combo(u"imageComboBox"_s)->currentData().toString(), u"debian-13"_s);
        QCOMPARE(combo(u"imageComboBox"_s)->count(), 3);
        QCOMPARE(find<QSpinBox>(u"bridgeCountSpinBox"_s)->value(), 2);
        QVERIFY(!find<QLabel>(u"bridgeHintLabel"_s)->text().isEmpty());
        QVERIFY(!find<QPushButton>(u"serversRetryButton"_s)->isVisible());
        for (QComboBox *widget : {combo(u"locationComboBox"_s), combo(u"webTypeComboBox"_s),
                                  combo(u"bridgeTypeComboBox"_s), combo(u"imageComboBox"_s)})
            QVERIFY(!widget->accessibleName().isEmpty());

        QVERIFY(chooseByKeyboard(combo(u"webTypeComboBox"_s), u"ccx13"_s));
        QVERIFY(chooseByKeyboard(combo(u"imageComboBox"_s), u"ubuntu-24.04"_s));
        const DeploymentPlan &plan = m_wizard->state()->plan();
        QCOMPARE(plan.web, (HostSpec{u"ccx13"_s, u"fsn1"_s}));
        QCOMPARE(plan.image, u"ubuntu-24.04"_s);

        // TURN: on by default, switched off and on again from the keyboard (Tab from the image, then Space).
        auto *turn = find<QCheckBox>(u"turnCheckBox"_s);
        QVERIFY(turn->isChecked() && plan.options.turnServer);
        QCOMPARE(turn->accessibleName(), u"Relay for blocked networks (TURN)"_s);
        QVERIFY(find<QLabel>(u"turnHintLabel"_s)->text().contains(u"5349"_s));
        combo(u"imageComboBox"_s)->setFocus();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), turn);
        QTest::keyClick(turn, Qt::Key_Space);
        QVERIFY(!turn->isChecked());
        QVERIFY(!m_wizard->state()->plan().options.turnServer);
        QTest::keyClick(turn, Qt::Key_Space);
        QVERIFY(m_wizard->state()->plan().options.turnServer);
    }

    void disabledLocationCannotBePicked()
    {
        openAt(WizardShell::ServersPageId);
        waitForServers();
        QComboBox *locations = combo(u"locationComboBox"_s);
        const int ash = locations->findData(u"ash"_s);
        QVERIFY(ash >= 0);
        const QModelIndex index = locations->model()->index(ash, 0);
        QVERIFY(!(locations->model()->flags(index) & Qt::ItemIsEnabled));
        QVERIFY(index.data(Qt::DisplayRole).toString().contains(u"not available"_s));
        QVERIFY(index.data(Qt::ToolTipRole).toString().contains(u"cx33"_s));

        // The keyboard skips it; forcing it anyway is refused and the page shows the valid choice again.
        QVERIFY(!chooseByKeyboard(locations, u"ash"_s));
        const QString before = locations->currentData().toString();
        QCOMPARE(m_wizard->state()->plan().web.location, before);
        locations->setCurrentIndex(ash);
        Q_EMIT locations->activated(ash);
        QCOMPARE(locations->currentData().toString(), before);
        QCOMPARE(m_wizard->state()->plan().web.location, before);

        // With types sold there, the location opens up.
        QVERIFY(chooseByKeyboard(combo(u"webTypeComboBox"_s), u"ccx13"_s));
        QVERIFY(chooseByKeyboard(combo(u"bridgeTypeComboBox"_s), u"ccx13"_s));
        QVERIFY(chooseByKeyboard(locations, u"ash"_s));
        QCOMPARE(m_wizard->state()->plan().bridges.first(), (HostSpec{u"ccx13"_s, u"ash"_s}));
    }

    void bridgeCountStaysWithinBounds()
    {
        openAt(WizardShell::ServersPageId);
        waitForServers();
        QSpinBox *count = find<QSpinBox>(u"bridgeCountSpinBox"_s);
        const auto type = [count](const QString &text) {
            count->setFocus();
            count->selectAll();
            QTest::keyClicks(count, text);
            QTest::keyClick(count, Qt::Key_Tab);
        };
        type(u"0"_s);
        QVERIFY(count->value() >= 1);
        QCOMPARE(m_wizard->state()->plan().bridges.size(), count->value());
        type(u"21"_s);
        QVERIFY(count->value() <= DeploymentPlan::maxBridges);
        QCOMPARE(m_wizard->state()->plan().bridges.size(), count->value());
        type(u"20"_s);
        QCOMPARE(count->value(), 20);
        QCOMPARE(m_wizard->state()->plan().bridges.size(), 20);
        QTest::keyClick(count, Qt::Key_Up); // beyond the maximum: nothing happens
        QCOMPARE(m_wizard->state()->plan().bridges.size(), 20);
        type(u"3"_s);
        QCOMPARE(m_wizard->state()->plan().bridges.size(), 3);
        QVERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    }

    void loadingErrorOffersRetry()
    {
        Fault fault;
        fault.method = u"GET"_s;
        fault.pathPattern = u"^/locations"_s;
        fault.status = 403;
        fault.code = u"forbidden"_s;
        fault.count = -1;
        m_sim->injectFault(fault);
        openAt(WizardShell::ServersPageId);
        QPushButton *retry = find<QPushButton>(u"serversRetryButton"_s);
        QTRY_VERIFY_WITH_TIMEOUT(retry->isVisible(), 30000);
        QVERIFY(find<QLabel>(u"serversStatusLabel"_s)->text().contains(u"Retry"_s));
        QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
        grab(u"wizard-servers-error.png"_s);
        m_sim->clearFaults();
        QTest::mouseClick(retry, Qt::LeftButton);
        waitForServers();
        QVERIFY(!retry->isVisible());
        QVERIFY(!find<QLabel>(u"serversStatusLabel"_s)->isVisible());
    }

    void reviewShowsThePlanAndDeploys()
    {
        openAt(WizardShell::ServersPageId);
        waitForServers();
        QVERIFY(chooseByKeyboard(combo(u"bridgeTypeComboBox"_s), u"cx23"_s));
        m_wizard->next();
        QCOMPARE(m_wizard->currentId(), int(WizardShell::ReviewPageId));
        QAbstractButton *deploy = m_wizard->button(QWizard::CommitButton);
        QVERIFY(deploy->isVisible());
        QCOMPARE(deploy->text(), u"Deploy"_s);
        QVERIFY(!deploy->isEnabled()); // still checking
        waitForReview();
        QTRY_VERIFY(deploy->isEnabled());
        QVERIFY(m_wizard->state()->planCheck().has_value());

        QTableWidget *table = find<QTableWidget>(u"costTable"_s);
        QCOMPARE(table->rowCount(), 4); // web, two bridges, total
        QVERIFY(table->item(0, 0)->text().startsWith(u"meet-example-org-web"_s));
        QCOMPARE(table->item(1, 1)->text(), u"cx23"_s);
        QVERIFY(table->item(3, 3)->text().startsWith(u"16.6243\u00a0EUR"_s));
        QVERIFY(table->item(3, 3)->text().contains(u"13.97"_s));
        QVERIFY(find<QLabel>(u"commitNoteLabel"_s)->text().contains(u"nothing costs money"_s));
        QVERIFY(find<QLabel>(u"createdResourcesLabel"_s)->text().contains(u"meet-example-org-net"_s));
        QVERIFY(find<QLabel>(u"createdResourcesLabel"_s)->text().contains(u"TURN relay on the web server"_s));
        QVERIFY(find<QLabel>(u"notIncludedLabel"_s)->text().contains(u"20 TB"_s));

        // Back keeps the choices; a change there makes Review check again.
        m_wizard->back();
        QCOMPARE(m_wizard->currentId(), int(WizardShell::ServersPageId));
        QCOMPARE(combo(u"bridgeTypeComboBox"_s)->currentData().toString(), u"cx23"_s);
        QVERIFY(chooseByKeyboard(combo(u"bridgeTypeComboBox"_s), u"cx33"_s));
        QVERIFY(!m_wizard->state()->planCheck());
        m_wizard->next();
        waitForReview();
        QTRY_VERIFY(deploy->isEnabled());
        QCOMPARE(table->item(1, 1)->text(), u"cx33"_s);

        m_wizard->next(); // Deploy: the commit point
        QCOMPARE(m_wizard->currentId(), int(WizardShell::DeployPageId));
        QVERIFY(!m_wizard->button(QWizard::BackButton)->isEnabled());
    }

    void failingCheckDisablesDeploy()
    {
        m_sim->seedServer(u"unrelated"_s);
        openAt(WizardShell::ServersPageId);
        waitForServers();
        // The catalogue says available, but the plan is changed behind the page to a type sold out there (as when
        // a plan file was opened): the check names it and Deploy stays off.
        m_wizard->state()->updatePlan([](DeploymentPlan &plan) { plan.web = {u"cx53"_s, u"hel1"_s}; });
        m_wizard->setStartId(WizardShell::ReviewPageId);
        m_wizard->restart();
        waitForReview();
        QCOMPARE(m_wizard->reviewController()->status(), ReviewController::Status::Failed);
        QLabel *status = m_wizard->reviewPage()->findChild<QLabel *>(u"reviewStatusLabel"_s);
        QVERIFY2(status->text().contains(u"cx53"_s), qPrintable(status->text()));
        QVERIFY(status->text().contains(u"Go Back"_s));
        QVERIFY(!m_wizard->button(QWizard::CommitButton)->isEnabled());
        QVERIFY(m_wizard->reviewPage()->findChild<QPushButton *>(u"reviewRetryButton"_s)->isVisible());
        QVERIFY(!m_wizard->reviewPage()->findChild<QScrollArea *>(u"detailsScrollArea"_s)->isVisible());
        grab(u"wizard-review-failed.png"_s);
    }

    void apiErrorOnReviewLeadsBack()
    {
        Fault fault;
        fault.method = u"GET"_s;
        fault.pathPattern = u"^/servers$"_s; // read by the check only, not by the Servers page
        fault.status = 403;
        fault.code = u"forbidden"_s;
        fault.count = -1;
        m_sim->injectFault(fault);
        openAt(WizardShell::ServersPageId);
        waitForServers();
        QVERIFY(chooseByKeyboard(combo(u"bridgeTypeComboBox"_s), u"ccx13"_s));
        m_wizard->next();
        waitForReview();
        QCOMPARE(m_wizard->reviewController()->status(), ReviewController::Status::Failed);
        QVERIFY(!m_wizard->button(QWizard::CommitButton)->isEnabled());
        QVERIFY(m_wizard->reviewPage()
                        ->findChild<QLabel *>(u"reviewStatusLabel"_s)
                        ->text()
                        .contains(u"could not be checked"_s));
        QVERIFY(m_wizard->button(QWizard::BackButton)->isEnabled());
        m_wizard->back(); // nothing is lost
        QCOMPARE(m_wizard->currentId(), int(WizardShell::ServersPageId));
        QCOMPARE(combo(u"bridgeTypeComboBox"_s)->currentData().toString(), u"ccx13"_s);
        m_sim->clearFaults();
        m_wizard->next();
        waitForReview();
        QTRY_VERIFY(m_wizard->button(QWizard::CommitButton)->isEnabled());
    }

    void savePlanThroughTheDialog()
    {
        openAt(WizardShell::ServersPageId);
        waitForServers();
        m_wizard->next();
        waitForReview();
        QTemporaryDir dir;
        const QString path = dir.filePath(u"chosen.plan.json"_s);
        QTest::mouseClick(find<QPushButton>(u"savePlanButton"_s), Qt::LeftButton);
        QFileDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_wizard->findChild<QFileDialog *>(u"savePlanDialog"_s)) != nullptr);
        QVERIFY(dialog->selectedFiles().value(0).endsWith(u"meet-example-org.plan.json"_s));
        dialog->selectFile(path);
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept() is protected; the call dispatches to it
        QLabel *saved = find<QLabel>(u"saveStatusLabel"_s);
        QTRY_VERIFY_WITH_TIMEOUT(saved->isVisible(), 10000);
        QVERIFY2(saved->text().contains(u"Plan saved"_s), qPrintable(saved->text()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const Result<DeploymentPlan> loaded = DeploymentPlan::fromJsonText(file.readAll());
        QVERIFY2(loaded.ok(), qPrintable(loaded.error().message));
        QCOMPARE(loaded.value(), m_wizard->state()->plan());
    }

    void pagesRenderInEnglishAndGerman()
    {
        for (const bool german : {false, true}) {
            if (german) {
                QVERIFY(installTranslations(*qApp, QLocale(QLocale::German, QLocale::Germany)));
                QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany)); // prices with a decimal comma
            }
            const QString suffix = german ? u"-de"_s : QString();
            openAt(WizardShell::ServersPageId);
            waitForServers();
            QCOMPARE(m_wizard->size(), QSize(640, 480));
            grab(u"wizard-servers%1.png"_s.arg(suffix));
            // The location list open: the locations where cx33 cannot be ordered are greyed, not gone.
            QComboBox *locations = combo(u"locationComboBox"_s);
            locations->showPopup();
            QTRY_VERIFY(locations->view()->isVisible());
            save(locations->view()->window()->grab(), u"wizard-servers-locations%1.png"_s.arg(suffix));
            locations->hidePopup();
            m_wizard->next();
            waitForReview();
            QTRY_VERIFY(m_wizard->button(QWizard::CommitButton)->isEnabled());
            if (german)
                QCOMPARE(m_wizard->button(QWizard::CommitButton)->text(), u"Bereitstellen"_s);
            // The table shows every column in full at the minimum window size.
            QTableWidget *table = find<QTableWidget>(u"costTable"_s);
            int width = 0;
            for (int column = 0; column < table->columnCount(); ++column)
                width += table->columnWidth(column);
            QVERIFY2(width <= table->viewport()->width(),
                     qPrintable(u"%1 > %2"_s.arg(width).arg(table->viewport()->width())));
            grab(u"wizard-review%1.png"_s.arg(suffix));
            if (german)
                QVERIFY(table->item(1, MonthlyColumnForTest)->text().startsWith(u"7,1281\u00a0EUR"_s));
            // The part below the table, scrolled into view.
            QScrollArea *details = find<QScrollArea>(u"detailsScrollArea"_s);
            details->verticalScrollBar()->setValue(details->verticalScrollBar()->maximum());
            grab(u"wizard-review-lower%1.png"_s.arg(suffix));
            m_wizard.reset();
        }
        QLocale::setDefault(QLocale::c());
        for (QTranslator *translator : qApp->findChildren<QTranslator *>())
            QCoreApplication::removeTranslator(translator);
    }
};

QTEST_MAIN(TestServersPages)
#include "tst_serverspages.moc"
