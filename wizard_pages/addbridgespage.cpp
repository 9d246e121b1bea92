#include "addbridgespage.h"

#include "statustext.h"
#include "ui/addbridgescontroller.h"
#include "ui/deploycontroller.h"
#include "ui/wizardshell.h"
#include "ui/wizardstate.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

AddBridgesPage::AddBridgesPage(WizardState *state, AddBridgesController *controller, DeployController *deploy,
                               QWidget *parent)
    : QWizardPage(parent)
    , m_state(state)
    , m_controller(controller)
    , m_deploy(deploy)
{
    setObjectName(u"addBridgesPage"_s);
    setTitle(tr("Add bridges"));
    setSubTitle(tr("Each bridge carries the audio and video of its conferences; jicofo spreads new conferences over "
                   "all of them. A new bridge runs the same Jitsi version as the others."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Add"));

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(u"addBridgesStatusLabel"_s);
    m_statusLabel->setWordWrap(true);
    m_countSpin = new QSpinBox(this);
    m_countSpin->setObjectName(u"newBridgeCountSpinBox"_s);
    m_countSpin->setAccessibleName(tr("Number of new bridges"));
    m_locationCombo = new QComboBox(this);
    m_locationCombo->setObjectName(u"newBridgeLocationComboBox"_s);
    m_locationCombo->setAccessibleName(tr("Location of the new bridges"));
    m_typeCombo = new QComboBox(this);
    m_typeCombo->setObjectName(u"newBridgeTypeComboBox"_s);
    m_typeCombo->setAccessibleName(tr("Server type of the new bridges"));
    m_namesLabel = new QLabel(this);
    m_namesLabel->setObjectName(u"newBridgeNamesLabel"_s);
    m_namesLabel->setWordWrap(true);
    m_costLabel = new QLabel(this);
    m_costLabel->setObjectName(u"newMonthlyTotalLabel"_s);
    m_costLabel->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Number of new bridges:"), m_countSpin);
    form->addRow(tr("&Location:"), m_locationCombo);
    form->addRow(tr("Server &type:"), m_typeCombo);
    form->addRow(tr("New servers:"), m_namesLabel);
    form->addRow(tr("Monthly cost:"), m_costLabel);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_statusLabel);
    layout->addLayout(form);
    layout->addStretch(1);

    connect(m_controller, &AddBridgesController::changed, this, &AddBridgesPage::render);
    connect(m_countSpin, &QSpinBox::valueChanged, m_controller, &AddBridgesController::setCount);
    connect(m_locationCombo, &QComboBox::activated, this,
            [this](int index) { m_controller->catalogue()->setLocation(m_locationCombo->itemData(index).toString()); });
    connect(m_typeCombo, &QComboBox::activated, this,
            [this](int index) { m_controller->catalogue()->setBridgeType(m_typeCombo->itemData(index).toString()); });
    render();
}

void AddBridgesPage::initializePage()
{
    m_controller->load();
    render();
}

void AddBridgesPage::render()
{
    ServersController *catalogue = m_controller->catalogue();
    switch (catalogue->status()) {
    case ServersController::Status::Idle:
    case ServersController::Status::Loading:
        showStatusText(m_statusLabel, tr("Reading the server types and prices…"), false);
        break;
    case ServersController::Status::Failed:
        showStatusText(m_statusLabel, catalogue->errorMessage(), true);
        break;
    case ServersController::Status::Ready:
        showStatusText(m_statusLabel,
                       m_controller->maxNewBridges() == 0
                               ? tr("The deployment has the most bridges one web server can serve well.")
                               : tr("Bridges the deployment has now: %1.").arg(m_controller->existingBridges()),
                       m_controller->maxNewBridges() == 0);
        break;
    }
    {
        const QSignalBlocker blockSpin(m_countSpin);
        m_countSpin->setRange(1, std::max(1, m_controller->maxNewBridges()));
        m_countSpin->setValue(m_controller->count());
    }
    {
        const QSignalBlocker blockLocation(m_locationCombo);
        m_locationCombo->clear();
        for (const ServersController::LocationChoice &location : catalogue->locations()) {
            if (location.enabled)
                m_locationCombo->addItem(location.label, location.name);
        }
        m_locationCombo->setCurrentIndex(m_locationCombo->findData(catalogue->location()));
    }
    {
        const QSignalBlocker blockType(m_typeCombo);
        m_typeCombo->clear();
        for (const ServersController::TypeChoice &type : catalogue->bridgeTypes())
            m_typeCombo->addItem(type.label, type.name);
        m_typeCombo->setCurrentIndex(m_typeCombo->findData(catalogue->bridgeType()));
    }
    m_namesLabel->setText(m_controller->newBridgeNames().join(u", "_s));
    const QString now = m_controller->currentMonthly();
    const QString after = m_controller->newMonthly();
    m_costLabel->setText(now.isEmpty() || after.isEmpty() ? tr("not known yet")
                                                          : tr("%1 now, %2 with the new bridges").arg(now, after));
    Q_EMIT completeChanged();
}

bool AddBridgesPage::isComplete() const
{
    return m_controller->isComplete();
}

bool AddBridgesPage::validatePage()
{
    if (!m_controller->isComplete())
        return false;
    const DeploymentPlan planned = m_controller->plannedDeployment();
    m_state->updatePlan([&planned](DeploymentPlan &plan) { plan = planned; });
    m_deploy->prepare(m_controller->operation(), tr("Adding bridges"));
    return true;
}

int AddBridgesPage::nextId() const
{
    return WizardShell::DeployPageId;
}
