#include "wizardshell.h"

#include "accountscontroller.h"
#include "addbridgescontroller.h"
#include "deploy/hostkeybroker.h"
#include "deploycontroller.h"
#include "deploymentcontroller.h"
#include "destroycontroller.h"
#include "dnscontroller.h"
#include "managecontroller.h"
#include "meetingtestcontroller.h"
#include "reviewcontroller.h"
#include "serverscontroller.h"
#include "ssh/passphrasebroker.h"
#include "sshkeycontroller.h"
#include "startcontroller.h"
#include "tokencontroller.h"
#include "verifiedcontroller.h"
#include "wizard_pages/addbridgespage.h"
#include "wizard_pages/deploymentpage.h"
#include "wizard_pages/deploypage.h"
#include "wizard_pages/destroypage.h"
#include "wizard_pages/dnspage.h"
#include "wizard_pages/drainchoicedialog.h"
#include "wizard_pages/hostkeydialog.h"
#include "wizard_pages/managepage.h"
#include "wizard_pages/meetingtestdialog.h"
#include "wizard_pages/removebridgepage.h"
#include "wizard_pages/reviewpage.h"
#include "wizard_pages/serverspage.h"
#include "wizard_pages/sshkeypage.h"
#include "wizard_pages/startpage.h"
#include "wizard_pages/tokenpage.h"
#include "wizard_pages/verifiedpage.h"
#include "wizard_pages/welcomepage.h"

#include <QFileInfo>
#include <QIcon>
#include <QInputDialog>
#include <QLineEdit>

using namespace Qt::StringLiterals;

// deployer_gui is a static library: unless something refers to its resources, the linker drops them.
static void initResources()
{
    Q_INIT_RESOURCE(resources);
}

WizardShell::WizardShell(QWidget *parent)
    : WizardShell(WizardState::Environment(), parent)
{ }

WizardShell::WizardShell(const WizardState::Environment &environment, QWidget *parent)
    : QWizard(parent)
    , m_state(new WizardState(environment, this))
    , m_welcomePage(new WelcomePage(this))
    , m_tokenPage(new TokenPage(this))
    , m_tokenController(new TokenController(this))
{
    static const bool resourcesReady = (initResources(), true);
    Q_UNUSED(resourcesReady);
    setObjectName(u"wizardShell"_s);
    setWindowTitle(tr("Jitsi Deployer"));
    const QIcon icon(u":/icons/jitsi-deployer.svg"_s);
    setWindowIcon(icon);
    setPixmap(QWizard::LogoPixmap, icon.pixmap(QSize(48, 48), devicePixelRatio()));
    // The same look on every platform keeps screenshots and documentation true everywhere.
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setMinimumSize(640, 480);

    setPage(WelcomePageId, m_welcomePage);
    setPage(TokenPageId, m_tokenPage);
    setupDeploymentPage();
    setupSshKeyPage();
    m_serversController = new ServersController(m_state, this);
    m_serversPage = new ServersPage(this);
    m_serversPage->setController(m_serversController);
    setPage(ServersPageId, m_serversPage);
    m_reviewController = new ReviewController(m_state, this);
    m_reviewPage = new ReviewPage(this);
    m_reviewPage->setController(m_reviewController);
    setPage(ReviewPageId, m_reviewPage);
    setUpDnsPage();
    setUpVerifiedPage();
    setStartId(WelcomePageId);

    m_deployController = new DeployController(m_state, this);
    m_deployPage = new DeployPage(m_state, m_deployController, this);
    setPage(DeployPageId, m_deployPage);
    connect(m_deployController, &DeployController::closeApproved, this, [this] { QWizard::reject(); });
    setUpManagePages();
    setUpMeetingTest();

    if (!environment.apiEndpoint.isEmpty())
        m_tokenController->setEndpoint(environment.apiEndpoint);
    connect(m_tokenPage, &TokenPage::checkRequested, m_tokenController, &TokenController::check);
    connect(m_tokenController, &TokenController::checkFinished, m_tokenPage, &TokenPage::showCheckResult);
    connect(m_tokenController, &TokenController::tokenFound, m_tokenPage, &TokenPage::prefill);
    // The steps after the token use the shared client with the token that passed.
    connect(m_tokenController, &TokenController::checkFinished, m_state, [this](bool ok) {
        if (!ok)
            return;
        m_state->setApiEndpoint(m_tokenController->endpoint());
        m_state->setToken(m_tokenController->acceptedToken());
    });
    connect(m_state->passphrases(), &PassphraseBroker::passphraseNeeded, this, &WizardShell::askPassphrase);
    connect(m_state->hostKeys(), &HostKeyBroker::confirmationNeeded, this, &WizardShell::askHostKey);
    connect(m_state, &WizardState::drainChoiceNeeded, this, &WizardShell::askDrainChoice);
    // A token given earlier is checked while the user still reads the welcome page.
    m_tokenController->findSavedToken();
}

void WizardShell::setupDeploymentPage()
{
    m_deploymentPage = new DeploymentPage(this);
    m_deploymentController = new DeploymentController(m_state, this);
    setPage(DeploymentPageId, m_deploymentPage);
    DeploymentPage *page = m_deploymentPage;
    DeploymentController *controller = m_deploymentController;
    connect(page, &DeploymentPage::domainEdited, controller, &DeploymentController::setDomain);
    connect(page, &DeploymentPage::emailEdited, controller, &DeploymentController::setEmail);
    connect(page, &DeploymentPage::moderatedChosen, controller, &DeploymentController::setModerated);
    connect(page, &DeploymentPage::retryRequested, controller, &DeploymentController::recheck);
    connect(page, &DeploymentPage::entered, controller, &DeploymentController::recheck);
    connect(controller, &DeploymentController::changed, page, [page, controller] { page->render(controller->view()); });
    page->render(controller->view());
}

void WizardShell::setupSshKeyPage()
{
    m_sshKeyPage = new SshKeyPage(this);
    m_sshKeyController = new SshKeyController(m_state, this);
    setPage(SshKeyPageId, m_sshKeyPage);
    SshKeyPage *page = m_sshKeyPage;
    SshKeyController *controller = m_sshKeyController;
    page->setDefaultNewKeyFile(controller->defaultNewKeyFile());
    connect(page, &SshKeyPage::scanRequested, controller, &SshKeyController::scan);
    connect(page, &SshKeyPage::keyFileChosen, controller, &SshKeyController::chooseKeyFile);
    connect(page, &SshKeyPage::agentKeyChosen, controller, &SshKeyController::chooseAgentKey);
    connect(page, &SshKeyPage::generateRequested, controller, &SshKeyController::generateKey);
    connect(page, &SshKeyPage::choiceCleared, controller, &SshKeyController::clearChoice);
    connect(page, &SshKeyPage::passphraseEntered, controller, &SshKeyController::providePassphrase);
    connect(page, &SshKeyPage::passphraseCancelled, controller, &SshKeyController::cancelPassphrase);
    connect(page, &SshKeyPage::retryRequested, controller, &SshKeyController::retry);
    connect(controller, &SshKeyController::passphraseNeeded, page, &SshKeyPage::askPassphrase);
    connect(controller, &SshKeyController::changed, page, [page, controller] { page->render(controller->view()); });
    page->render(controller->view());
}

void WizardShell::reject()
{
    // QDialog::closeEvent() comes here too, so the close box is covered; a refused close leaves the window open.
    if (m_deployController && !m_deployController->requestClose())
        return;
    QWizard::reject();
}

// Asked whenever a host's SSH session needs the key's passphrase; window-modal but never blocking: the sessions
// wait on their own threads until it is answered.
void WizardShell::askPassphrase(const QString &keyFile)
{
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(u"passphraseDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("SSH key passphrase"));
    dialog->setLabelText(tr("The SSH key %1 is protected by a passphrase. Enter it so Jitsi Deployer can log in "
                            "to your servers; it is kept in memory until you close the window, never saved.")
                                 .arg(QFileInfo(keyFile).fileName()));
    dialog->setTextEchoMode(QLineEdit::Password);
    dialog->setWindowModality(Qt::WindowModal);
    PassphraseBroker *broker = m_state->passphrases();
    connect(dialog, &QInputDialog::textValueSelected, broker, &PassphraseBroker::provide);
    connect(dialog, &QInputDialog::rejected, broker, &PassphraseBroker::refuse);
    dialog->open();
    if (auto *edit = dialog->findChild<QLineEdit *>())
        edit->setAccessibleName(tr("Passphrase"));
}

// Asked when a server deployed elsewhere has no host-key label (issue 14): window-modal, never blocking; the run
// waits for the broker's answer. Withdrawn when the run ends first (then closed without an answer).
void WizardShell::askHostKey(const HostKeyQuestion &question)
{
    auto *dialog = new HostKeyDialog(question, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    HostKeyBroker *broker = m_state->hostKeys();
    connect(dialog, &HostKeyDialog::trusted, broker, &HostKeyBroker::confirm);
    connect(dialog, &HostKeyDialog::stopped, broker, &HostKeyBroker::decline);
    connect(broker, &HostKeyBroker::questionWithdrawn, dialog, [dialog, broker] {
        dialog->disconnect(broker);
        dialog->close();
    });
    dialog->open();
}

// Asked when Remove or Update Jitsi cannot confirm a bridge drained (issue 14): window-modal, never blocking; the
// engine waits for the answer. Closed (its answer then ignored) when the operation ends first.
void WizardShell::askDrainChoice(const DrainQuestion &question)
{
    auto *dialog = new DrainChoiceDialog(question, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    DeploymentEngine *engine = m_state->engine();
    connect(dialog, &DrainChoiceDialog::chosen, engine, &DeploymentEngine::answerUndrained);
    connect(engine, &DeploymentEngine::finished, dialog, [dialog, engine] {
        dialog->disconnect(engine);
        dialog->close();
    });
    dialog->open();
}

void WizardShell::setUpDnsPage()
{
    m_dnsPage = new DnsPage(this);
    m_dnsController = new DnsController(m_state, this);
    setPage(DnsPageId, m_dnsPage);
    connect(m_dnsPage, &DnsPage::shown, m_dnsController, &DnsController::attach);
    connect(m_dnsPage, &DnsPage::continueWithoutDnsRequested, m_dnsController, &DnsController::continueWithoutDns);
    connect(m_dnsController, &DnsController::viewChanged, m_dnsPage,
            [this] { m_dnsPage->render(m_dnsController->view()); });
}

void WizardShell::setUpVerifiedPage()
{
    m_verifiedPage = new VerifiedPage(this);
    m_verifiedController = new VerifiedController(m_state, this);
    setPage(VerifiedPageId, m_verifiedPage);
    connect(m_verifiedPage, &VerifiedPage::shown, m_verifiedController, &VerifiedController::attach);
    connect(m_verifiedPage, &VerifiedPage::openMeetingRequested, m_verifiedController,
            &VerifiedController::openMeeting);
    connect(m_verifiedPage, &VerifiedPage::openLogRequested, m_verifiedController, &VerifiedController::openLog);
    connect(m_verifiedController, &VerifiedController::viewChanged, m_verifiedPage,
            [this] { m_verifiedPage->render(m_verifiedController->view()); });
}

void WizardShell::setUpManagePages()
{
    m_startController = new StartController(m_state, this);
    m_startPage = new StartPage(m_startController, this);
    setPage(StartPageId, m_startPage);
    m_manageController = new ManageController(m_state, this);
    m_managePage = new ManagePage(m_manageController, this);
    m_managePage->setAccountsController(new AccountsController(m_state, this));
    setPage(ManagePageId, m_managePage);
    m_addBridgesController = new AddBridgesController(m_state, this);
    m_addBridgesPage = new AddBridgesPage(m_state, m_addBridgesController, m_deployController, this);
    setPage(AddBridgesPageId, m_addBridgesPage);
    m_removeBridgePage = new RemoveBridgePage(m_manageController, m_deployController, this);
    setPage(RemoveBridgePageId, m_removeBridgePage);
    m_destroyController = new DestroyController(m_state, m_startController, this);
    m_destroyPage = new DestroyPage(m_destroyController, m_deployController, this);
    setPage(DestroyPageId, m_destroyPage);

    connect(m_managePage, &ManagePage::updateConfirmed, this, [this] {
        const auto update = m_state->updateOperation();
        if (!update || !m_state->managedDeployment())
            return;
        const QString slug = m_state->managedDeployment()->slug;
        m_deployController->prepare([update, slug](DeploymentEngine *engine) { update(engine, slug); },
                                    tr("Updating Jitsi"));
    });
    connect(m_managePage, &ManagePage::removeBridgeChosen, this, [this](const QString &bridge) {
        if (m_state->managedDeployment())
            m_removeBridgePage->setBridge(m_state->managedDeployment()->slug, bridge);
    });
    // The Deployment page found the domain's deployment: manage it (after the SSH key, which logs in to it).
    connect(m_deploymentPage, &DeploymentPage::manageRequested, this, [this] {
        const QString slug = m_deploymentController->slug();
        auto manage = [this, slug] {
            if (m_startController->chooseManage(slug))
                next();
        };
        if (m_startController->status() == StartController::Status::Ready && m_startController->chooseManage(slug)) {
            next();
            return;
        }
        auto *once = new QObject(this);
        connect(m_startController, &StartController::changed, once, [this, once, manage] {
            if (m_startController->status() == StartController::Status::Loading)
                return;
            once->deleteLater();
            manage();
        });
        m_startController->load();
    });
    connect(m_deploymentPage, &DeploymentPage::domainEdited, this, [this] {
        if (m_state->mode() != WizardState::Mode::New)
            m_startController->chooseNew();
    });
}

// "Test a meeting" (issue 15): one controller for the window's lifetime, its own engine; a bridge a killed test left
// drained is taken back into service when its deployment is opened on the Manage page.
void WizardShell::setUpMeetingTest()
{
    m_meetingTestController = new MeetingTestController(m_state, this);
    connect(m_verifiedPage, &VerifiedPage::testMeetingRequested, this,
            [this] { openMeetingTest(m_state->plan().slug()); });
    connect(m_managePage, &ManagePage::testMeetingRequested, this, [this] {
        if (m_state->managedDeployment())
            openMeetingTest(m_state->managedDeployment()->slug);
    });
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        if (id != ManagePageId || !m_state->managedDeployment())
            return;
        const QString slug = m_state->managedDeployment()->slug;
        if (m_drainsUndoneFor.contains(slug))
            return;
        m_drainsUndoneFor.append(slug);
        m_meetingTestController->undoLeftovers(slug);
    });
}

void WizardShell::openMeetingTest(const QString &slug)
{
    m_meetingTestController->setDeployment(slug);
    auto *dialog = new MeetingTestDialog(m_meetingTestController, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    m_meetingTestController->start();
}

int WizardShell::nextId() const
{
    const WizardState::Mode mode = m_state->mode();
    switch (currentId()) {
    case DeploymentPageId:
        if (mode == WizardState::Mode::Manage)
            return SshKeyPageId;
        break;
    case SshKeyPageId:
        if (mode == WizardState::Mode::Manage)
            return ManagePageId;
        if (mode == WizardState::Mode::Resume)
            return ReviewPageId;
        break;
    default:
        break;
    }
    return QWizard::nextId();
}
