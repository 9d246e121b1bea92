#include "deploypage.h"
#include "ui/wizardadvice.h"

#include "deploy/progressmodel.h"
#include "deploycleanupdialog.h"
#include "ui/consolepane.h"
#include "ui/deploycontroller.h"
#include "ui/hosttablemodel.h"
#include "ui/wizardshell.h"
#include "ui/wizardstate.h"

#include <QApplication>
#include <QDir>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace {

// The Step column as a progress bar with the step's name on it.
class StepProgressDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionProgressBar bar;
        bar.rect = option.rect.adjusted(2, 3, -2, -3);
        bar.minimum = 0;
        bar.maximum = 100;
        bar.progress = index.data(HostTableModel::ProgressRole).toInt();
        bar.text = index.data(Qt::DisplayRole).toString();
        bar.textVisible = true;
        bar.state = option.state | QStyle::State_Horizontal;
        bar.palette = option.palette;
        bar.fontMetrics = option.fontMetrics;
        const QWidget *widget = option.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
    }
};

constexpr std::array shownPhases{Phase::Resources, Phase::Hosts, Phase::Dns, Phase::Certificate, Phase::Verify};

QString phaseName(Phase phase)
{
    switch (phase) {
    case Phase::Resources:
        return DeployPage::tr("Cloud resources");
    case Phase::Hosts:
        return DeployPage::tr("Server installs");
    case Phase::Dns:
        return DeployPage::tr("DNS");
    case Phase::Certificate:
        return DeployPage::tr("Certificate");
    case Phase::Verify:
        return DeployPage::tr("Verification");
    case Phase::Validate:
    case Phase::Drain:
    case Phase::Delete:
    case Phase::Update:
    case Phase::Done:
        break;
    }
    return {};
}

} // namespace

DeployPage::DeployPage(WizardState *state, DeployController *controller, QWidget *parent)
    : QWizardPage(parent)
    , m_state(state)
    , m_controller(controller)
    , m_hostModel(new HostTableModel(state->progress(), this))
{
    setObjectName(u"deployPage"_s);
    setTitle(tr("Deploying"));
    setSubTitle(tr("The servers are created and installed in parallel; this takes a few minutes. You can cancel at "
                   "any time and choose then whether to keep or delete what was created."));
    // Nothing after this page can go back to it: the servers exist now.
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Next"));

    auto *phases = new QHBoxLayout;
    for (Phase phase : shownPhases) {
        auto *label = new QLabel(phaseName(phase), this);
        label->setObjectName(u"phaseLabel_"_s + toJsonName(phase));
        m_phaseLabels << label;
        phases->addWidget(label);
    }
    phases->addStretch(1);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(u"deployStatusLabel"_s);
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *tableLabel = new QLabel(tr("&Servers:"), this);
    tableLabel->setObjectName(u"hostTableLabel"_s);
    m_hostTable = new QTableView(this);
    m_hostTable->setObjectName(u"hostTableView"_s);
    m_hostTable->setAccessibleName(tr("Servers and their progress"));
    m_hostTable->setModel(m_hostModel);
    m_hostTable->setItemDelegateForColumn(HostTableModel::StepColumn, new StepProgressDelegate(m_hostTable));
    m_hostTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_hostTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_hostTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Tab leaves the table (the rows are read with the arrow keys): with Qt's default, Tab moved from cell to cell
    // and wrapped around, a trap for anyone without a mouse (tst_keyboardflow).
    m_hostTable->setTabKeyNavigation(false);
    m_hostTable->verticalHeader()->hide();
    // A row as tall as its wrapped text: a long waiting reason (German ones are) is read in full, not elided.
    m_hostTable->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_hostTable->verticalHeader()->setMinimumSectionSize(m_hostTable->verticalHeader()->defaultSectionSize());
    m_hostTable->setWordWrap(true);
    m_hostTable->horizontalHeader()->setStretchLastSection(true);
    m_hostTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_hostTable->horizontalHeader()->setSectionResizeMode(HostTableModel::StepColumn, QHeaderView::Interactive);
    m_hostTable->setColumnWidth(HostTableModel::StepColumn, 220);
    tableLabel->setBuddy(m_hostTable);

    m_failureFrame = new QFrame(this);
    m_failureFrame->setObjectName(u"failureFrame"_s);
    m_failureFrame->setFrameShape(QFrame::StyledPanel);
    m_failureLabel = new QLabel(m_failureFrame);
    m_failureLabel->setObjectName(u"failureLabel"_s);
    m_failureLabel->setWordWrap(true);
    m_failureLabel->setTextFormat(Qt::PlainText);
    m_failureLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // QWizard lays its pages out without height-for-width, so a wrapped message would get one line; the label asks
    // for its wrapped height whenever its width changes (eventFilter).
    m_failureLabel->installEventFilter(this);
    m_lastLinesLabel = new QLabel(tr("&Last lines of its log:"), m_failureFrame);
    m_lastLinesLabel->setObjectName(u"lastLinesLabel"_s);
    m_lastLinesEdit = new QPlainTextEdit(m_failureFrame);
    m_lastLinesEdit->setObjectName(u"lastLinesEdit"_s);
    m_lastLinesEdit->setAccessibleName(tr("Last lines of the failed server's log"));
    m_lastLinesEdit->setReadOnly(true);
    m_lastLinesEdit->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_lastLinesEdit->setMaximumHeight(fontMetrics().lineSpacing() * 6);
    m_lastLinesLabel->setBuddy(m_lastLinesEdit);
    m_retryButton = new QPushButton(tr("&Retry"), m_failureFrame);
    m_retryButton->setObjectName(u"deployRetryButton"_s);
    m_retryButton->setToolTip(tr("Runs the deployment again: it resumes where it stopped and creates nothing twice"));
    auto *failureLayout = new QVBoxLayout(m_failureFrame);
    failureLayout->addWidget(m_failureLabel);
    failureLayout->addWidget(m_lastLinesLabel);
    failureLayout->addWidget(m_lastLinesEdit);
    auto *retryRow = new QHBoxLayout;
    retryRow->addStretch(1);
    retryRow->addWidget(m_retryButton);
    failureLayout->addLayout(retryRow);
    m_failureFrame->hide();

    m_console = new ConsolePane(this);

    // The table and the failure report take what they need (the table is as tall as its rows); the console the rest.
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(phases);
    layout->addWidget(m_statusLabel);
    layout->addWidget(tableLabel);
    layout->addWidget(m_hostTable);
    layout->addWidget(m_failureFrame);
    layout->addWidget(m_console, 1);

    m_elapsedTimer = new QTimer(this);
    m_elapsedTimer->setInterval(1000);
    connect(m_elapsedTimer, &QTimer::timeout, m_hostModel, &HostTableModel::refreshElapsed);

    connect(state->progress(), &ProgressModel::phaseChanged, this, &DeployPage::updatePhases);
    connect(controller, &DeployController::hostLog, m_console, &ConsolePane::appendLines);
    connect(controller, &DeployController::completeChanged, this, &QWizardPage::completeChanged);
    // isComplete() also depends on whether the engine still runs.
    connect(controller, &DeployController::statusChanged, this, &QWizardPage::completeChanged);
    connect(controller, &DeployController::statusChanged, this, &DeployPage::updateStatus);
    connect(controller, &DeployController::failed, this, &DeployPage::showFailure);
    connect(controller, &DeployController::cleanupQuestion, this, &DeployPage::askCleanup);
    connect(controller, &DeployController::deletionFinished, this,
            [this](bool, const QString &message) { m_statusLabel->setText(message); });
    connect(m_retryButton, &QPushButton::clicked, controller, &DeployController::retry);
    // Selecting a server shows its log.
    connect(m_hostTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { m_console->showHost(m_hostModel->hostAt(current.row())); });
    // A row that grew (a waiting reason wrapped to more lines) keeps every row in view.
    // Queued: the header resizes its rows one after the other; the height is summed once they all have theirs.
    connect(m_hostTable->verticalHeader(), &QHeaderView::sectionResized, this, &DeployPage::fitTableHeight,
            Qt::QueuedConnection);
}

DeployPage::~DeployPage() = default;

void DeployPage::initializePage()
{
    const DeploymentPlan plan = m_state->plan();
    if (!m_controller->operationTitle().isEmpty())
        setTitle(m_controller->operationTitle());
    m_controller->start();
    m_hostModel->setPlan(plan);
    fitTableHeight();
    for (int row = 0; row < m_hostModel->rowCount(); ++row)
        m_console->addHost(m_hostModel->hostAt(row));
    m_console->setFullLogPath(m_controller->runLogPath());
    updatePhases();
    updateStatus();
}

bool DeployPage::isComplete() const
{
    if (!m_controller || !m_controller->isComplete())
        return false;
    // Going on while the engine still runs needs a page to go on to: Finish would close the window mid-run.
    return nextId() != -1 || !m_controller->isBusy();
}

int DeployPage::nextId() const
{
    // After destroying a deployment there is nothing left to verify.
    if (m_controller && m_controller->isDestroy())
        return -1;
    const int next
            = m_controller && m_controller->needsDnsPage() ? WizardShell::DnsPageId : WizardShell::VerifiedPageId;
    // The pages after this one may not be in this window (yet): then this page is the last.
    return wizard() && wizard()->page(next) ? next : -1;
}

// The table as tall as its rows (up to a screenful of them), so the console below gets the rest of the page.
void DeployPage::fitTableHeight()
{
    constexpr int maxVisibleRows = 8;
    const int rows = std::min(m_hostModel->rowCount(), maxVisibleRows);
    int rowsHeight = 0;
    for (int row = 0; row < rows; ++row)
        rowsHeight += m_hostTable->rowHeight(row); // rows grow with their wrapped text
    const int frame = 2 * m_hostTable->frameWidth();
    const int header = m_hostTable->horizontalHeader()->sizeHint().height();
    // Every row visible up to maxVisibleRows (a scroll bar beyond), never squeezed by the failure report.
    m_hostTable->setFixedHeight(header + rowsHeight + frame);
}

void DeployPage::updatePhases()
{
    const std::optional<Phase> current = m_state->progress()->phase();
    const bool done = current == Phase::Done;
    for (qsizetype i = 0; i < m_phaseLabels.size(); ++i) {
        const Phase phase = shownPhases.at(size_t(i));
        QLabel *label = m_phaseLabels.at(i);
        const bool isCurrent = !done && current == phase;
        // Phases before the current one are done: the engine goes through them in the enum's order.
        const bool finished = done || (current && int(*current) > int(phase) && int(*current) <= int(Phase::Verify));
        QString state;
        if (isCurrent)
            state = tr("in progress");
        else if (finished)
            state = tr("done");
        else
            state = tr("to do");
        const QString marker = isCurrent ? u"\u25b6 "_s : finished ? u"\u2713 "_s : u"\u25cb "_s;
        label->setText(marker + phaseName(phase));
        label->setAccessibleName(tr("%1: %2").arg(phaseName(phase), state));
        QFont font = label->font();
        font.setBold(isCurrent);
        label->setFont(font);
        label->setEnabled(isCurrent || finished);
    }
}

void DeployPage::updateStatus()
{
    const DeployController::Status status = m_controller->status();
    m_failureFrame->setVisible(status == DeployController::Status::Failed);
    if (m_controller->isBusy() && !m_elapsedTimer->isActive())
        m_elapsedTimer->start();
    if (!m_controller->isBusy())
        m_elapsedTimer->stop();
    m_hostModel->reload();
    m_console->setFullLogPath(m_controller->runLogPath());
    switch (status) {
    case DeployController::Status::Idle:
        m_statusLabel->clear();
        break;
    case DeployController::Status::Running:
        if (!m_controller->operationTitle().isEmpty())
            m_statusLabel->setText(m_controller->operationTitle() + u"\u2026"_s);
        else
            m_statusLabel->setText(tr("Deploying %1\u2026").arg(m_state->plan().domain));
        break;
    case DeployController::Status::Cancelling:
        m_statusLabel->setText(tr("Stopping at the next safe point\u2026"));
        break;
    case DeployController::Status::Succeeded:
        if (m_controller->isDestroy())
            m_statusLabel->setText(
                    tr("%1 is destroyed: nothing of it costs money any more.").arg(m_state->plan().domain));
        else if (!m_controller->operationTitle().isEmpty())
            m_statusLabel->setText(tr("%1: done. Next shows what was verified.").arg(m_controller->operationTitle()));
        else
            m_statusLabel->setText(tr("%1 is deployed. Next shows what was verified.").arg(m_state->plan().domain));
        break;
    case DeployController::Status::Failed:
        m_statusLabel->setText(tr("The deployment stopped with an error."));
        break;
    case DeployController::Status::Cancelled:
        m_statusLabel->setText(tr("Stopped. What was created stays until you delete it; Retry goes on where "
                                  "the deployment stopped."));
        m_failureFrame->show();
        m_failureLabel->setText(m_statusLabel->text());
        fitFailureLabel();
        m_lastLinesEdit->clear();
        m_lastLinesEdit->hide();
        m_lastLinesLabel->hide();
        break;
    case DeployController::Status::Deleting:
        m_statusLabel->setText(tr("Deleting what this run created\u2026"));
        break;
    case DeployController::Status::Deleted:
        break; // deletionFinished() says it
    case DeployController::Status::DeleteFailed:
        break;
    }
}

void DeployPage::showFailure()
{
    const Error error = m_controller->lastError();
    const QString host = m_controller->failedHost();
    // The engine's messages usually name the host already; its advice is said as this page's Retry.
    const QString message = WizardAdvice::message(error);
    QString text = host.isEmpty() || error.message.contains(host) ? message : tr("%1: %2").arg(host, message);
    if (const QString log = m_controller->runLogPath(); !log.isEmpty())
        text += u"\n"_s + tr("The full log of this run: %1").arg(QDir::toNativeSeparators(log));
    m_failureLabel->setText(text);
    fitFailureLabel();
    const QStringList lines = host.isEmpty() ? QStringList() : m_state->progress()->lastLogLines(host);
    m_lastLinesEdit->setPlainText(lines.join(u'\n'));
    m_lastLinesEdit->setVisible(!lines.isEmpty());
    m_lastLinesLabel->setVisible(!lines.isEmpty());
    m_failureFrame->show();
    if (!host.isEmpty())
        m_console->showHost(host);
    m_retryButton->setFocus();
}

void DeployPage::askCleanup()
{
    QList<DeployCleanupDialog::Server> servers;
    for (const DeployController::CreatedServer &server : m_controller->createdServers())
        servers << DeployCleanupDialog::Server{server.name, server.monthlyCost};
    // On the window, not the page: the question also comes when the user has gone on to the DNS page.
    auto *dialog = new DeployCleanupDialog(servers, m_controller->createdMonthlyTotal(), window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &DeployCleanupDialog::keepChosen, m_controller, &DeployController::keepServers);
    connect(dialog, &DeployCleanupDialog::deleteChosen, this, [this] {
        if (!m_controller->deleteCreated())
            refuseDeletion();
    });
    dialog->open();
}

// The deployment existed before this run: deleting "what this run created" would delete all of it.
void DeployPage::refuseDeletion()
{
    auto *box = new QMessageBox(
            QMessageBox::Warning, tr("Not deleted"),
            tr("This deployment existed before this run. Deleting here would delete all of it, "
               "also the servers it had before: %1. Jitsi Deployer does not do that from here; "
               "nothing was deleted. To remove the whole deployment on purpose, destroy %2 on its Manage page.")
                    .arg(m_controller->serversDestroyWouldDelete().join(u", "_s), m_state->plan().domain),
            QMessageBox::Ok, this);
    box->setObjectName(u"deletionRefusedBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    // Then the question again, whose only safe answer now is to keep them.
    connect(box, &QMessageBox::finished, this, &DeployPage::askCleanup);
    box->open();
}

bool DeployPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_failureLabel && event->type() == QEvent::Resize)
        fitFailureLabel();
    return QWizardPage::eventFilter(watched, event);
}

void DeployPage::fitFailureLabel()
{
    const int wanted = m_failureLabel->heightForWidth(m_failureLabel->width());
    if (wanted > 0 && wanted != m_failureLabel->minimumHeight())
        m_failureLabel->setMinimumHeight(wanted);
}
