#include "deploymentpage.h"

#include "statustext.h"
#include "ui_deploymentpage.h"

#include <QColor>
#include <QPalette>
#include <QPushButton>
#include <QRadioButton>

using namespace Qt::StringLiterals;

DeploymentPage::DeploymentPage(QWidget *parent)
    : QWizardPage(parent)
    , m_ui(std::make_unique<Ui::DeploymentPage>())
{
    m_ui->setupUi(this);
    setObjectName(u"deploymentPage"_s);
    m_ui->domainLineEdit->setAccessibleName(tr("Meeting domain"));
    m_ui->emailLineEdit->setAccessibleName(tr("E-mail for Let's Encrypt"));
    m_ui->emailLineEdit->setInputMethodHints(Qt::ImhEmailCharactersOnly | Qt::ImhNoAutoUppercase);
    m_ui->domainLineEdit->setInputMethodHints(Qt::ImhUrlCharactersOnly | Qt::ImhNoAutoUppercase);
    m_ui->serverNamesLabel->setAccessibleName(tr("Server names"));
    m_ui->retryCheckButton->setAccessibleName(tr("Retry the project check"));
    m_ui->openAccessRadio->setAccessibleName(tr("Anyone with the link may open a meeting"));
    m_ui->moderatedAccessRadio->setAccessibleName(tr("Only accounts you create may open a meeting"));
    connect(m_ui->moderatedAccessRadio, &QRadioButton::toggled, this, &DeploymentPage::moderatedChosen);
    m_ui->retryCheckButton->hide();
    m_ui->domainHintLabel->hide();
    m_ui->emailHintLabel->hide();

    connect(m_ui->domainLineEdit, &QLineEdit::textChanged, this, &DeploymentPage::domainEdited);
    connect(m_ui->emailLineEdit, &QLineEdit::textChanged, this, &DeploymentPage::emailEdited);
    connect(m_ui->retryCheckButton, &QPushButton::clicked, this, &DeploymentPage::retryRequested);
    m_manageButton = new QPushButton(tr("&Manage this deployment"), this);
    m_manageButton->setObjectName(u"manageExistingButton"_s);
    m_manageButton->hide();
    m_ui->retryRowLayout->insertWidget(1, m_manageButton);
    connect(m_manageButton, &QPushButton::clicked, this, &DeploymentPage::manageRequested);
}

DeploymentPage::~DeploymentPage() = default;

QString DeploymentPage::domain() const
{
    return m_ui->domainLineEdit->text();
}

QString DeploymentPage::email() const
{
    return m_ui->emailLineEdit->text();
}

void DeploymentPage::initializePage()
{
    Q_EMIT entered();
}

bool DeploymentPage::isComplete() const
{
    return m_complete;
}

void DeploymentPage::render(const DeploymentController::View &view)
{
    showStatusText(m_ui->domainHintLabel, view.domainHint, view.domainError);
    showStatusText(m_ui->emailHintLabel, view.emailHint, view.emailError);
    m_ui->serverNamesLabel->setText(view.serverNames);
    showStatusText(m_ui->checkStatusLabel, view.checkMessage, view.checkError);
    m_ui->retryCheckButton->setVisible(view.canRetry);
    if (m_ui->moderatedAccessRadio->isChecked() != view.moderated)
        (view.moderated ? m_ui->moderatedAccessRadio : m_ui->openAccessRadio)->setChecked(true);
    m_manageButton->setVisible(view.canManage);
    if (view.complete != m_complete) {
        m_complete = view.complete;
        Q_EMIT completeChanged();
    }
}
