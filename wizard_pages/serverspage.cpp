#include "serverspage.h"

#include "ui/serverscontroller.h"
#include "ui_serverspage.h"

#include <QColor>
#include <QPalette>
#include <QSignalBlocker>
#include <QStandardItemModel>

using namespace Qt::StringLiterals;

ServersPage::ServersPage(QWidget *parent)
    : QWizardPage(parent)
    , m_ui(std::make_unique<Ui::ServersPage>())
{
    m_ui->setupUi(this);
    setObjectName(u"serversPage"_s);
    m_ui->locationComboBox->setAccessibleName(tr("Location"));
    m_ui->webTypeComboBox->setAccessibleName(tr("Web server type"));
    m_ui->bridgeTypeComboBox->setAccessibleName(tr("Bridge server type"));
    m_ui->bridgeCountSpinBox->setAccessibleName(tr("Number of bridges"));
    m_ui->imageComboBox->setAccessibleName(tr("Operating system"));
    m_ui->turnCheckBox->setAccessibleName(tr("Relay for blocked networks (TURN)"));
    m_ui->turnHintLabel->setText(ServersController::turnServerHint());
    m_ui->turnCheckBox->setAccessibleDescription(ServersController::turnServerHint());
    m_ui->serversRetryButton->setAccessibleName(tr("Retry"));
    m_ui->serversStatusLabel->setAccessibleName(tr("Status"));
    m_ui->serversRetryButton->hide();
    // The message beside it takes the width; the button stays as wide as its text.
    m_ui->serversRetryButton->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    // A two-digit number needs no full-width field.
    m_ui->bridgeCountSpinBox->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_ui->bridgeCountSpinBox->setMinimumWidth(m_ui->bridgeCountSpinBox->sizeHint().width() + 24);
    // Aligned, the fixed field does not cap its column's width (which the type lists need).
    m_ui->choicesLayout->setAlignment(m_ui->bridgeCountSpinBox, Qt::AlignLeft);
}

ServersPage::~ServersPage() = default;

void ServersPage::setController(ServersController *controller)
{
    m_controller = controller;
    connect(controller, &ServersController::statusChanged, this, [this] {
        renderStatus();
        Q_EMIT completeChanged();
    });
    connect(controller, &ServersController::choicesChanged, this, [this] {
        render();
        Q_EMIT completeChanged();
    });
    connect(m_ui->serversRetryButton, &QPushButton::clicked, controller, &ServersController::load);
    connect(m_ui->locationComboBox, &QComboBox::activated, this,
            [this] { pick(m_ui->locationComboBox, &ServersController::setLocation); });
    connect(m_ui->webTypeComboBox, &QComboBox::activated, this,
            [this] { pick(m_ui->webTypeComboBox, &ServersController::setWebType); });
    connect(m_ui->bridgeTypeComboBox, &QComboBox::activated, this,
            [this] { pick(m_ui->bridgeTypeComboBox, &ServersController::setBridgeType); });
    connect(m_ui->imageComboBox, &QComboBox::activated, this,
            [this] { pick(m_ui->imageComboBox, &ServersController::setImage); });
    connect(m_ui->turnCheckBox, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_rendering && m_controller)
            m_controller->setTurnServer(on);
    });
    connect(m_ui->bridgeCountSpinBox, &QSpinBox::valueChanged, this, [this](int count) {
        if (!m_rendering && m_controller)
            m_controller->setBridgeCount(count);
    });
    renderStatus();
    render();
}

void ServersPage::initializePage()
{
    if (m_controller)
        m_controller->load();
}

bool ServersPage::isComplete() const
{
    return m_controller && m_controller->isComplete();
}

void ServersPage::pick(QComboBox *combo, bool (ServersController::*set)(const QString &))
{
    if (m_rendering || !m_controller)
        return;
    // A refused pick (a disabled location typed into) puts the controller's choice back on screen.
    if (!(m_controller->*set)(combo->currentData().toString()))
        render();
}

void ServersPage::renderStatus()
{
    if (!m_controller)
        return;
    const ServersController::Status status = m_controller->status();
    const bool failed = status == ServersController::Status::Failed;
    QString text;
    if (status == ServersController::Status::Loading || status == ServersController::Status::Idle)
        text = tr("Reading locations, server types and prices from Hetzner Cloud\u2026");
    else if (failed)
        text = m_controller->errorMessage();
    m_ui->serversStatusLabel->setText(text);
    m_ui->serversStatusLabel->setVisible(!text.isEmpty());
    m_ui->serversRetryButton->setVisible(failed);
    QPalette palette = this->palette();
    if (failed) {
        // A red that stays readable on light and dark themes alike.
        const bool darkTheme = palette.color(QPalette::Window).lightness() < 128;
        palette.setColor(QPalette::WindowText, darkTheme ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20));
    }
    m_ui->serversStatusLabel->setPalette(palette);
    m_ui->choicesScrollArea->setEnabled(status == ServersController::Status::Ready);
}

void ServersPage::render()
{
    if (!m_controller)
        return;
    m_rendering = true;
    const ServersController &c = *m_controller;

    // Disabled locations stay listed, greyed, with the reason beside them and in their tooltip.
    QComboBox *locations = m_ui->locationComboBox;
    locations->clear();
    // A combo box's own model is a QStandardItemModel, whose items can be disabled one by one.
    auto *model = qobject_cast<QStandardItemModel *>(locations->model());
    for (const ServersController::LocationChoice &choice : c.locations()) {
        locations->addItem(choice.enabled ? choice.label : tr("%1 \u2013 not available").arg(choice.label),
                           choice.name);
        locations->setItemData(locations->count() - 1, choice.enabled ? choice.label : choice.reason, Qt::ToolTipRole);
        if (model && !choice.enabled)
            model->item(locations->count() - 1)->setEnabled(false);
    }
    m_ui->locationComboBox->setCurrentIndex(m_ui->locationComboBox->findData(c.location()));

    const auto fillTypes
            = [](QComboBox *combo, const QList<ServersController::TypeChoice> &types, const QString &current) {
                  combo->clear();
                  for (const ServersController::TypeChoice &type : types) {
                      combo->addItem(type.label, type.name);
                      combo->setItemData(combo->count() - 1, type.label, Qt::ToolTipRole);
                  }
                  combo->setCurrentIndex(combo->findData(current));
              };
    fillTypes(m_ui->webTypeComboBox, c.webTypes(), c.webType());
    fillTypes(m_ui->bridgeTypeComboBox, c.bridgeTypes(), c.bridgeType());

    m_ui->imageComboBox->clear();
    for (const ServersController::ImageChoice &image : ServersController::images())
        m_ui->imageComboBox->addItem(image.label, image.name);
    m_ui->imageComboBox->setCurrentIndex(m_ui->imageComboBox->findData(c.image()));

    m_ui->bridgeCountSpinBox->setValue(c.bridgeCount());
    m_ui->turnCheckBox->setChecked(c.turnServer());
    const bool ready = c.status() == ServersController::Status::Ready;
    m_ui->webHintLabel->setText(ready ? c.webSizingHint() : QString());
    m_ui->bridgeHintLabel->setText(ready ? c.bridgeSizingHint() : QString());
    m_ui->priceNoteLabel->setText(ready ? c.priceNote() : QString());
    m_rendering = false;
}
