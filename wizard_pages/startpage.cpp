#include "startpage.h"

#include "statustext.h"
#include "ui/startcontroller.h"
#include "ui/wizardshell.h"

#include <QApplication>
#include <QButtonGroup>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
enum Column { DomainColumn, HostsColumn, LocationColumn, CostColumn, StateColumn, ColumnCount };
constexpr int slugRole = Qt::UserRole;
constexpr int interruptedRole = Qt::UserRole + 1;
} // namespace

StartPage::StartPage(StartController *controller, QWidget *parent)
    : QWizardPage(parent)
    , m_controller(controller)
{
    setObjectName(u"startPage"_s);
    setTitle(tr("Your deployments"));
    setSubTitle(tr("The Jitsi deployments in this Hetzner project. Manage one, resume one whose run was interrupted, "
                   "or start a new one."));

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(u"startStatusLabel"_s);
    m_statusLabel->setWordWrap(true);
    m_retryButton = new QPushButton(tr("&Try again"), this);
    m_retryButton->setObjectName(u"startRetryButton"_s);

    auto *tableLabel = new QLabel(tr("&Deployments:"), this);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(u"deploymentsTable"_s);
    m_table->setAccessibleName(tr("Deployments in the project"));
    m_table->setHorizontalHeaderLabels({tr("Domain"), tr("Servers"), tr("Location"), tr("Monthly cost"), tr("State")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(true);
    tableLabel->setBuddy(m_table);

    m_manageRadio = new QRadioButton(tr("&Manage the selected deployment"), this);
    m_manageRadio->setObjectName(u"manageRadioButton"_s);
    m_resumeRadio = new QRadioButton(tr("&Resume the selected deployment's interrupted run"), this);
    m_resumeRadio->setObjectName(u"resumeRadioButton"_s);
    m_newRadio = new QRadioButton(tr("&New deployment"), this);
    m_newRadio->setObjectName(u"newDeploymentRadioButton"_s);
    auto *group = new QButtonGroup(this);
    for (QRadioButton *radio : {m_manageRadio, m_resumeRadio, m_newRadio})
        group->addButton(radio);

    auto *layout = new QVBoxLayout(this);
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_statusLabel, 1);
    statusRow->addWidget(m_retryButton);
    layout->addLayout(statusRow);
    layout->addWidget(tableLabel);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_manageRadio);
    layout->addWidget(m_resumeRadio);
    layout->addWidget(m_newRadio);

    connect(m_retryButton, &QPushButton::clicked, m_controller, &StartController::load);
    connect(m_controller, &StartController::changed, this, &StartPage::render);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        if (!selectedSlug().isEmpty() && m_newRadio->isChecked())
            (selectedInterrupted() ? m_resumeRadio : m_manageRadio)->setChecked(true);
        render();
    });
    for (QRadioButton *radio : {m_manageRadio, m_resumeRadio, m_newRadio})
        connect(radio, &QRadioButton::toggled, this, &StartPage::completeChanged);
    render();
}

void StartPage::initializePage()
{
    m_controller->load();
}

QString StartPage::selectedSlug() const
{
    const QList<QTableWidgetItem *> selected = m_table->selectedItems();
    return selected.isEmpty() ? QString() : m_table->item(selected.first()->row(), 0)->data(slugRole).toString();
}

bool StartPage::selectedInterrupted() const
{
    const QList<QTableWidgetItem *> selected = m_table->selectedItems();
    return !selected.isEmpty() && m_table->item(selected.first()->row(), 0)->data(interruptedRole).toBool();
}

void StartPage::render()
{
    const QString keep = selectedSlug();
    const StartController::Status status = m_controller->status();
    const QList<StartController::Row> rows = m_controller->rows();
    QString message;
    bool error = false;
    switch (status) {
    case StartController::Status::Idle:
    case StartController::Status::Loading:
        message = tr("Looking for deployments in the project…");
        break;
    case StartController::Status::Failed:
        message = m_controller->errorMessage();
        error = true;
        break;
    case StartController::Status::Ready:
        if (!m_controller->errorMessage().isEmpty()) {
            message = m_controller->errorMessage();
            error = true;
        } else {
            message = rows.isEmpty() ? tr("The project has no deployment yet.")
                                     : tr("Deployments found: %1.").arg(rows.size());
        }
        break;
    }
    showStatusText(m_statusLabel, message, error);
    m_retryButton->setVisible(status == StartController::Status::Failed);

    if (status == StartController::Status::Ready) {
        const QSignalBlocker blocker(m_table);
        m_table->setRowCount(int(rows.size()));
        for (int r = 0; r < rows.size(); ++r) {
            const StartController::Row &row = rows.at(r);
            const QStringList cells{row.domain, row.hosts, row.location, row.monthlyCost, row.stateText};
            for (int c = 0; c < ColumnCount; ++c) {
                auto *item = new QTableWidgetItem(cells.at(c));
                item->setToolTip(cells.at(c));
                m_table->setItem(r, c, item);
            }
            m_table->item(r, 0)->setData(slugRole, row.slug);
            m_table->item(r, 0)->setData(interruptedRole, row.state == StartController::DeploymentState::Interrupted);
            if (row.slug == keep || (keep.isEmpty() && r == 0))
                m_table->selectRow(r);
        }
        if (rows.isEmpty() || (!m_manageRadio->isChecked() && !m_resumeRadio->isChecked()))
            (rows.isEmpty() ? m_newRadio : (selectedInterrupted() ? m_resumeRadio : m_manageRadio))->setChecked(true);
    }
    const bool hasSelection = !selectedSlug().isEmpty();
    m_table->setEnabled(!rows.isEmpty());
    m_manageRadio->setEnabled(hasSelection);
    m_resumeRadio->setEnabled(hasSelection && selectedInterrupted());
    if (m_resumeRadio->isChecked() && !m_resumeRadio->isEnabled())
        (hasSelection ? m_manageRadio : m_newRadio)->setChecked(true);
    // Disabling the control that had the focus (the table of an empty project) leaves the keyboard nowhere: give it
    // to the table when it lists something, else to the chosen option.
    QWidget *focus = QApplication::focusWidget();
    if (isVisible() && (!focus || !focus->isEnabled())) {
        if (m_table->isEnabled())
            m_table->setFocus();
        else if (m_newRadio->isChecked())
            m_newRadio->setFocus();
    }
    Q_EMIT completeChanged();
}

bool StartPage::isComplete() const
{
    if (m_newRadio->isChecked())
        return true;
    if (m_controller->status() != StartController::Status::Ready || selectedSlug().isEmpty())
        return false;
    return m_manageRadio->isChecked() || (m_resumeRadio->isChecked() && selectedInterrupted());
}

bool StartPage::validatePage()
{
    if (m_newRadio->isChecked()) {
        m_controller->chooseNew();
        return true;
    }
    if (m_resumeRadio->isChecked())
        return m_controller->chooseResume(selectedSlug());
    return m_controller->chooseManage(selectedSlug());
}

int StartPage::nextId() const
{
    // Managing and resuming log in to the servers: the SSH key comes first.
    return m_newRadio->isChecked() ? WizardShell::DeploymentPageId : WizardShell::SshKeyPageId;
}
