#include "managepage.h"

#include "accountsdialog.h"
#include "statustext.h"
#include "ui/accountscontroller.h"
#include "ui/managecontroller.h"
#include "ui/wizardshell.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
enum Column { NameColumn, RoleColumn, LocationColumn, StateColumn, HealthColumn, VersionsColumn, ColumnCount };
constexpr int bridgeRole = Qt::UserRole;
} // namespace

ManagePage::ManagePage(ManageController *controller, QWidget *parent)
    : QWizardPage(parent)
    , m_controller(controller)
{
    setObjectName(u"managePage"_s);
    setTitle(tr("Manage"));
    setSubTitle(tr("Each server's state, read from the servers themselves."));

    auto *tableLabel = new QLabel(tr("&Servers and their health:"), this);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(u"manageHostsTable"_s);
    m_table->setAccessibleName(tr("Servers of the deployment and their health"));
    m_table->setHorizontalHeaderLabels(
            {tr("Server"), tr("Role"), tr("Location"), tr("State"), tr("Health"), tr("Versions")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // The health text takes the room that is left and wraps; versions come one package a line.
    m_table->horizontalHeader()->setSectionResizeMode(HealthColumn, QHeaderView::Stretch);
    m_table->setWordWrap(true);
    tableLabel->setBuddy(m_table);

    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setObjectName(u"healthSummaryLabel"_s);
    m_summaryLabel->setWordWrap(true);
    m_hintLabel = new QLabel(this);
    m_hintLabel->setObjectName(u"addBridgeHintLabel"_s);
    m_hintLabel->setWordWrap(true);
    m_refreshButton = new QPushButton(tr("Re&fresh"), this);
    m_refreshButton->setObjectName(u"refreshButton"_s);
    m_addButton = new QPushButton(tr("&Add bridges…"), this);
    m_addButton->setObjectName(u"addBridgesButton"_s);
    m_removeButton = new QPushButton(tr("&Remove selected bridge…"), this);
    m_removeButton->setObjectName(u"removeBridgeButton"_s);
    m_updateButton = new QPushButton(tr("&Update Jitsi…"), this);
    m_updateButton->setObjectName(u"updateButton"_s);
    m_destroyButton = new QPushButton(tr("&Destroy…"), this);
    m_destroyButton->setObjectName(u"destroyButton"_s);
    m_testMeetingButton = new QPushButton(tr("&Test a meeting…"), this);
    m_testMeetingButton->setObjectName(u"manageTestMeetingButton"_s);
    m_testMeetingButton->setAccessibleName(tr("Test a meeting"));
    m_testMeetingButton->setToolTip(tr("A fresh room, and each bridge's figures while people are in it."));
    m_accountsButton = new QPushButton(tr("A&ccounts…"), this);
    m_accountsButton->setObjectName(u"accountsButton"_s);
    m_accountsButton->setAccessibleName(tr("Accounts that may open meetings"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tableLabel);
    layout->addWidget(m_table, 1);
    auto *summaryRow = new QHBoxLayout;
    summaryRow->addWidget(m_summaryLabel, 1);
    summaryRow->addWidget(m_refreshButton);
    layout->addLayout(summaryRow);
    layout->addWidget(m_hintLabel);
    auto *actions = new QHBoxLayout;
    for (QPushButton *button :
         {m_testMeetingButton, m_addButton, m_removeButton, m_updateButton, m_accountsButton, m_destroyButton})
        actions->addWidget(button);
    actions->addStretch(1);
    layout->addLayout(actions);

    connect(m_controller, &ManageController::changed, this, &ManagePage::render);
    connect(m_refreshButton, &QPushButton::clicked, m_controller, &ManageController::refresh);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ManagePage::render);
    connect(m_addButton, &QPushButton::clicked, this, [this] { go(Action::AddBridges); });
    connect(m_removeButton, &QPushButton::clicked, this, [this] {
        Q_EMIT removeBridgeChosen(selectedBridge());
        go(Action::RemoveBridge);
    });
    connect(m_updateButton, &QPushButton::clicked, this, &ManagePage::askUpdate);
    connect(m_destroyButton, &QPushButton::clicked, this, [this] { go(Action::Destroy); });
    connect(m_testMeetingButton, &QPushButton::clicked, this, &ManagePage::testMeetingRequested);
    connect(m_accountsButton, &QPushButton::clicked, this, [this] {
        if (!m_accounts)
            return;
        auto *dialog = new AccountsDialog(m_accounts, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowModality(Qt::WindowModal);
        dialog->open();
        m_accounts->refresh();
    });
    render();
}

void ManagePage::showEvent(QShowEvent *event)
{
    QWizardPage::showEvent(event);
    m_action = Action::None;
    // After the show has finished: a reading that answers at once re-renders (and shows) child widgets.
    QMetaObject::invokeMethod(
            this,
            [this] {
                if (isVisible())
                    m_controller->setActive(true);
            },
            Qt::QueuedConnection);
}

void ManagePage::hideEvent(QHideEvent *event)
{
    m_controller->setActive(false);
    QWizardPage::hideEvent(event);
}

QString ManagePage::selectedBridge() const
{
    const QList<QTableWidgetItem *> selected = m_table->selectedItems();
    if (selected.isEmpty())
        return {};
    const QTableWidgetItem *first = m_table->item(selected.first()->row(), NameColumn);
    return first->data(bridgeRole).toBool() ? first->text() : QString();
}

void ManagePage::render()
{
    const ManageController::View view = m_controller->view();
    setSubTitle(tr("%1: each server's state, read from the servers themselves.").arg(view.title));
    const QString keep = m_table->selectedItems().isEmpty()
                                 ? QString()
                                 : m_table->item(m_table->selectedItems().first()->row(), NameColumn)->text();
    {
        const QSignalBlocker blocker(m_table);
        m_table->setRowCount(int(view.rows.size()));
        for (int r = 0; r < view.rows.size(); ++r) {
            const ManageController::Row &row = view.rows.at(r);
            const QStringList cells{row.name, row.role, row.location, row.serverState, row.health, row.versions};
            for (int c = 0; c < ColumnCount; ++c) {
                auto *item = new QTableWidgetItem(cells.at(c));
                item->setToolTip(cells.at(c));
                if (c == HealthColumn && row.problem) {
                    QFont font = item->font();
                    font.setBold(true);
                    item->setFont(font);
                }
                m_table->setItem(r, c, item);
            }
            m_table->item(r, NameColumn)->setData(bridgeRole, row.isBridge);
            m_table->item(r, VersionsColumn)->setText(QString(row.versions).replace(u", "_s, u"\n"_s));
            if (row.name == keep)
                m_table->selectRow(r);
        }
    }
    m_table->resizeRowsToContents();
    showStatusText(m_summaryLabel, view.summary, view.summaryError);
    m_hintLabel->setText(view.addBridgeHint);
    m_hintLabel->setVisible(!view.addBridgeHint.isEmpty());
    m_refreshButton->setEnabled(view.canRefresh);
    int bridges = 0;
    for (const ManageController::Row &row : view.rows)
        bridges += row.isBridge ? 1 : 0;
    // The last bridge is not removed from here: without one no meeting has audio or video; destroy removes all.
    m_removeButton->setEnabled(!selectedBridge().isEmpty() && bridges > 1);
    m_removeButton->setToolTip(bridges > 1 ? tr("Select a bridge in the table first.")
                                           : tr("The last bridge cannot be removed; destroy removes everything."));
    const bool moderated = m_accounts && m_accounts->available();
    m_accountsButton->setEnabled(moderated);
    m_accountsButton->setToolTip(moderated ? tr("Who may open meetings on this deployment")
                                           : tr("Meetings on this deployment are open to everyone; accounts are for "
                                                "a deployment where only accounts may open meetings."));
    m_updateButton->setEnabled(view.canUpdate);
    m_updateButton->setToolTip(view.canUpdate ? QString()
                                              : tr("Updating from the window is not available in this version."));
}

void ManagePage::go(Action action)
{
    m_action = action;
    if (wizard())
        wizard()->next();
}

void ManagePage::askUpdate()
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Update Jitsi"),
                                tr("The bridges are updated one at a time: each is drained first, so running "
                                   "meetings move on. Then the web server is updated, and every meeting running "
                                   "then restarts: participants are disconnected for a moment and rejoin. Update "
                                   "when few people are in meetings."),
                                QMessageBox::Cancel, this);
    box->setObjectName(u"updateConfirmBox"_s);
    QPushButton *update = box->addButton(tr("&Update"), QMessageBox::AcceptRole);
    update->setObjectName(u"updateConfirmButton"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    connect(box, &QMessageBox::buttonClicked, this, [this, update](QAbstractButton *clicked) {
        if (clicked != update)
            return;
        Q_EMIT updateConfirmed();
        go(Action::Update);
    });
    box->open();
}

int ManagePage::nextId() const
{
    switch (m_action) {
    case Action::AddBridges:
        return WizardShell::AddBridgesPageId;
    case Action::RemoveBridge:
        return WizardShell::RemoveBridgePageId;
    case Action::Destroy:
        return WizardShell::DestroyPageId;
    case Action::Update:
        return WizardShell::DeployPageId;
    case Action::None:
        break;
    }
    return -1;
}

void ManagePage::setAccountsController(AccountsController *accounts)
{
    m_accounts = accounts;
    render();
}
