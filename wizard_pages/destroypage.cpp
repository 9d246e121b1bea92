#include "destroypage.h"

#include "ui/deploycontroller.h"
#include "ui/destroycontroller.h"
#include "ui/wizardshell.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

DestroyPage::DestroyPage(DestroyController *controller, DeployController *deploy, QWidget *parent)
    : QWizardPage(parent)
    , m_controller(controller)
    , m_deploy(deploy)
{
    setObjectName(u"destroyPage"_s);
    setTitle(tr("Destroy the deployment"));
    setSubTitle(tr("Delete every resource of the deployment."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Destroy"));

    auto *listLabel = new QLabel(tr("&What will be deleted:"), this);
    m_resourcesList = new QListWidget(this);
    m_resourcesList->setObjectName(u"destroyResourcesList"_s);
    m_resourcesList->setAccessibleName(tr("Resources that will be deleted"));
    listLabel->setBuddy(m_resourcesList);
    m_savedLabel = new QLabel(this);
    m_savedLabel->setObjectName(u"destroySavedLabel"_s);
    m_savedLabel->setWordWrap(true);
    m_dnsLabel = new QLabel(this);
    m_dnsLabel->setObjectName(u"destroyDnsLabel"_s);
    m_dnsLabel->setWordWrap(true);
    m_typeLabel = new QLabel(this);
    m_typeLabel->setWordWrap(true);
    m_domainEdit = new QLineEdit(this);
    m_domainEdit->setObjectName(u"confirmDomainLineEdit"_s);
    m_domainEdit->setAccessibleName(tr("Type the domain to confirm"));
    m_typeLabel->setBuddy(m_domainEdit);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(listLabel);
    layout->addWidget(m_resourcesList, 1);
    layout->addWidget(m_savedLabel);
    layout->addWidget(m_dnsLabel);
    layout->addWidget(m_typeLabel);
    layout->addWidget(m_domainEdit);
    connect(m_domainEdit, &QLineEdit::textChanged, m_controller, &DestroyController::setTypedDomain);
    connect(m_controller, &DestroyController::changed, this, &DestroyPage::completeChanged);
    connect(m_controller, &DestroyController::changed, this, &DestroyPage::showResources);
}

void DestroyPage::showResources()
{
    m_resourcesList->clear();
    m_resourcesList->addItems(m_controller->resources());
    m_dnsLabel->setText(m_controller->dnsNote());
}

void DestroyPage::initializePage()
{
    setSubTitle(tr("Everything of %1 is deleted for good; meetings end at once. This cannot be undone.")
                        .arg(m_controller->domain()));
    m_savedLabel->setText(tr("Monthly cost that stops: %1").arg(m_controller->monthlySaved()));
    m_typeLabel->setText(tr("To confirm, &type the domain %1:").arg(m_controller->domain()));
    m_domainEdit->clear();
    showResources();
    m_controller->loadDnsRecords();
}

bool DestroyPage::isComplete() const
{
    return m_controller->confirmed();
}

bool DestroyPage::validatePage()
{
    if (!m_controller->confirmed())
        return false;
    m_deploy->prepare(m_controller->operation(), tr("Destroying %1").arg(m_controller->domain()));
    m_deploy->setOperationIsDestroy(true);
    return true;
}

int DestroyPage::nextId() const
{
    return WizardShell::DeployPageId;
}
