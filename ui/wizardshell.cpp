#include "wizardshell.h"

#include "tokencontroller.h"
#include "wizard_pages/tokenpage.h"
#include "wizard_pages/welcomepage.h"

#include <QIcon>

using namespace Qt::StringLiterals;

// deployer_gui is a static library: unless something refers to its resources, the linker drops them.
static void initResources()
{
    Q_INIT_RESOURCE(resources);
}

WizardShell::WizardShell(QWidget *parent)
    : QWizard(parent)
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
    setStartId(WelcomePageId);

    connect(m_tokenPage, &TokenPage::checkRequested, m_tokenController, &TokenController::check);
    connect(m_tokenController, &TokenController::checkFinished, m_tokenPage, &TokenPage::showCheckResult);
    connect(m_tokenController, &TokenController::tokenFound, m_tokenPage, &TokenPage::prefill);
    // A token given earlier is checked while the user still reads the welcome page.
    m_tokenController->findSavedToken();
}
