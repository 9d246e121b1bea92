#include "deploymentpage.h"

#include "ui_deploymentpage.h"

#include <QColor>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace {

// `text` in `label`, hidden when empty, in a red readable on light and dark themes when it is an error.
void showStatusText(QLabel *label, const QString &text, bool error)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
    QPalette palette = label->parentWidget() ? label->parentWidget()->palette() : label->palette();
    if (error) {
        const bool darkTheme = palette.color(QPalette::Window).lightness() < 128;
        palette.setColor(QPalette::WindowText, darkTheme ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20));
    }
    label->setPalette(palette);
    label->setProperty("error", error);
}

} // namespace

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
    m_ui->retryCheckButton->hide();
    m_ui->domainHintLabel->hide();
    m_ui->emailHintLabel->hide();

    connect(m_ui->domainLineEdit, &QLineEdit::textChanged, this, &DeploymentPage::domainEdited);
    connect(m_ui->emailLineEdit, &QLineEdit::textChanged, this, &DeploymentPage::emailEdited);
    connect(m_ui->retryCheckButton, &QPushButton::clicked, this, &DeploymentPage::retryRequested);
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
    if (view.complete != m_complete) {
        m_complete = view.complete;
        Q_EMIT completeChanged();
    }
}
