#include "removebridgepage.h"

#include "deploy/deploymentengine.h"
#include "ui/deploycontroller.h"
#include "ui/managecontroller.h"
#include "ui/wizardshell.h"

#include <QCheckBox>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

RemoveBridgePage::RemoveBridgePage(ManageController *manage, DeployController *deploy, QWidget *parent)
    : QWizardPage(parent)
    , m_manage(manage)
    , m_deploy(deploy)
{
    setObjectName(u"removeBridgePage"_s);
    setTitle(tr("Remove a bridge"));
    setSubTitle(tr("Drain one bridge and delete it."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Remove"));

    m_occupancyLabel = new QLabel(this);
    m_occupancyLabel->setObjectName(u"occupancyLabel"_s);
    m_occupancyLabel->setWordWrap(true);
    auto *steps = new QLabel(tr("Jitsi Deployer drains the bridge (jicofo starts no new conference on it), waits for "
                                "its conferences to end, deletes the server and checks that the other bridges still "
                                "work. The server stops costing money once it is deleted."),
                             this);
    steps->setWordWrap(true);
    m_confirmCheck = new QCheckBox(this);
    m_confirmCheck->setObjectName(u"confirmRemoveCheckBox"_s);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_occupancyLabel);
    layout->addWidget(steps);
    layout->addWidget(m_confirmCheck);
    layout->addStretch(1);
    connect(m_confirmCheck, &QCheckBox::toggled, this, &RemoveBridgePage::completeChanged);
}

void RemoveBridgePage::setBridge(const QString &slug, const QString &bridge)
{
    m_slug = slug;
    m_bridge = bridge;
}

void RemoveBridgePage::initializePage()
{
    setSubTitle(tr("Remove %1 from the deployment.").arg(m_bridge));
    m_occupancyLabel->setText(m_manage->occupancy(m_bridge));
    m_confirmCheck->setText(tr("&Yes, drain and delete %1").arg(m_bridge));
    m_confirmCheck->setChecked(false);
}

bool RemoveBridgePage::isComplete() const
{
    return !m_bridge.isEmpty() && m_confirmCheck->isChecked();
}

bool RemoveBridgePage::validatePage()
{
    if (!isComplete())
        return false;
    const QString slug = m_slug;
    const QString bridge = m_bridge;
    m_deploy->prepare([slug, bridge](DeploymentEngine *engine) { engine->removeBridge(slug, bridge); },
                      tr("Removing %1").arg(bridge));
    return true;
}

int RemoveBridgePage::nextId() const
{
    return WizardShell::DeployPageId;
}
