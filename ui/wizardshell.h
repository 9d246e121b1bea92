#pragma once

#include "wizardstate.h"

#include <QWizard>

struct DrainQuestion;
struct HostKeyQuestion;
class DeploymentController;
class DeploymentPage;
class SshKeyController;
class SshKeyPage;
class ReviewController;
class ReviewPage;
class ServersController;
class ServersPage;
class DeployController;
class DeployPage;
class DnsController;
class DnsPage;
class TokenController;
class TokenPage;
class VerifiedController;
class VerifiedPage;
class WelcomePage;
class StartController;
class StartPage;
class ManageController;
class MeetingTestController;
class ManagePage;
class AddBridgesController;
class AddBridgesPage;
class RemoveBridgePage;
class DestroyController;
class DestroyPage;

// The wizard window. Pages only render the engine's state; no business logic here (DESIGN.md §3).
// Owns the shared WizardState, its pages and the controllers behind them, and wires each page to its controller.
class WizardShell : public QWizard
{
    Q_OBJECT

public:
    // Stable page ids, in the order of the path (DESIGN.md §2): tests and the engine refer to pages by these,
    // not by position. Gaps leave room for pages in between.
    enum PageId {
        WelcomePageId = 0,
        TokenPageId = 10,
        StartPageId = 15,
        DeploymentPageId = 20,
        SshKeyPageId = 30,
        ServersPageId = 40,
        ReviewPageId = 50,
        DeployPageId = 60,
        DnsPageId = 70,
        VerifiedPageId = 80,
        ManagePageId = 90,
        AddBridgesPageId = 100,
        RemoveBridgePageId = 105,
        DestroyPageId = 110,
    };
    Q_ENUM(PageId)

    explicit WizardShell(QWidget *parent = nullptr);
    // Runs against `environment` (tests: hcloud-sim and fake hosts) instead of Hetzner and SSH.
    explicit WizardShell(const WizardState::Environment &environment, QWidget *parent = nullptr);

    WizardState *state() const { return m_state; }
    WelcomePage *welcomePage() const { return m_welcomePage; }
    TokenPage *tokenPage() const { return m_tokenPage; }
    TokenController *tokenController() const { return m_tokenController; }
    DeploymentPage *deploymentPage() const { return m_deploymentPage; }
    DeploymentController *deploymentController() const { return m_deploymentController; }
    SshKeyPage *sshKeyPage() const { return m_sshKeyPage; }
    SshKeyController *sshKeyController() const { return m_sshKeyController; }
    ServersPage *serversPage() const { return m_serversPage; }
    ServersController *serversController() const { return m_serversController; }
    ReviewPage *reviewPage() const { return m_reviewPage; }
    ReviewController *reviewController() const { return m_reviewController; }
    DeployPage *deployPage() const { return m_deployPage; }
    DeployController *deployController() const { return m_deployController; }

    StartPage *startPage() const { return m_startPage; }
    StartController *startController() const { return m_startController; }
    ManagePage *managePage() const { return m_managePage; }
    ManageController *manageController() const { return m_manageController; }
    AddBridgesPage *addBridgesPage() const { return m_addBridgesPage; }
    AddBridgesController *addBridgesController() const { return m_addBridgesController; }
    RemoveBridgePage *removeBridgePage() const { return m_removeBridgePage; }
    DestroyPage *destroyPage() const { return m_destroyPage; }
    DestroyController *destroyController() const { return m_destroyController; }

    // Routes the coming-back paths (WizardState::mode()) through the shared pages: the SSH key step leads to the
    // Manage page (manage) or the Review page (resume); the Deployment page's "Manage it" leads to the SSH key.
    int nextId() const override;

    // Cancel, Esc and the close box: while a deployment runs, they stop it and ask first (DeployController).
    void reject() override;
    DnsPage *dnsPage() const { return m_dnsPage; }
    DnsController *dnsController() const { return m_dnsController; }
    VerifiedPage *verifiedPage() const { return m_verifiedPage; }
    VerifiedController *verifiedController() const { return m_verifiedController; }
    MeetingTestController *meetingTestController() const { return m_meetingTestController; }
    // "Test a meeting" of the Verified and Manage pages: the MeetingTestDialog for this deployment, test started.
    void openMeetingTest(const QString &slug);

private:
    void setupDeploymentPage();
    void setupSshKeyPage();
    void askPassphrase(const QString &keyFile);
    void askHostKey(const HostKeyQuestion &question);
    void askDrainChoice(const DrainQuestion &question);
    void setUpDnsPage();
    void setUpVerifiedPage();
    void setUpManagePages();
    void setUpMeetingTest();

    WizardState *m_state = nullptr;
    WelcomePage *m_welcomePage = nullptr;
    TokenPage *m_tokenPage = nullptr;
    TokenController *m_tokenController = nullptr;
    DeploymentPage *m_deploymentPage = nullptr;
    DeploymentController *m_deploymentController = nullptr;
    SshKeyPage *m_sshKeyPage = nullptr;
    SshKeyController *m_sshKeyController = nullptr;
    ServersPage *m_serversPage = nullptr;
    ServersController *m_serversController = nullptr;
    ReviewPage *m_reviewPage = nullptr;
    ReviewController *m_reviewController = nullptr;
    DeployController *m_deployController = nullptr;
    DeployPage *m_deployPage = nullptr;
    DnsPage *m_dnsPage = nullptr;
    DnsController *m_dnsController = nullptr;
    VerifiedPage *m_verifiedPage = nullptr;
    VerifiedController *m_verifiedController = nullptr;
    StartPage *m_startPage = nullptr;
    StartController *m_startController = nullptr;
    ManagePage *m_managePage = nullptr;
    ManageController *m_manageController = nullptr;
    AddBridgesPage *m_addBridgesPage = nullptr;
    AddBridgesController *m_addBridgesController = nullptr;
    RemoveBridgePage *m_removeBridgePage = nullptr;
    DestroyPage *m_destroyPage = nullptr;
    DestroyController *m_destroyController = nullptr;
    MeetingTestController *m_meetingTestController = nullptr;
    QStringList m_drainsUndoneFor; // deployments whose leftover test drains were undone when opened
};
