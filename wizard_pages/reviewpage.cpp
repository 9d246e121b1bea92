#include "reviewpage.h"

#include "ui/reviewcontroller.h"
#include "ui_reviewpage.h"

#include <QFileDialog>
#include <QHeaderView>
#include <QPalette>
#include <QScrollBar>
#include <QTableWidgetItem>

using namespace Qt::StringLiterals;

namespace {
enum Column { NameColumn, TypeColumn, LocationColumn, MonthlyColumn, HourlyColumn };
}

ReviewPage::ReviewPage(QWidget *parent)
    : QWizardPage(parent)
    , m_ui(std::make_unique<Ui::ReviewPage>())
{
    m_ui->setupUi(this);
    setObjectName(u"reviewPage"_s);
    // Deploy is the point of no return: from here on servers are created and billed.
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("Deploy"));
    m_ui->costTable->setAccessibleName(tr("Servers and costs"));
    m_ui->savePlanButton->setAccessibleName(tr("Save plan"));
    m_ui->reviewRetryButton->setAccessibleName(tr("Check again"));
    m_ui->reviewStatusLabel->setAccessibleName(tr("Status"));
    m_ui->costTable->setTextElideMode(Qt::ElideNone);
    QHeaderView *header = m_ui->costTable->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_ui->reviewRetryButton->hide();
    // The message beside it takes the width; the button stays as wide as its text.
    m_ui->reviewRetryButton->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_ui->saveStatusLabel->hide();
    // QWizard gives spare height to its own spacer unless the page expands when shown, and the details appear
    // only after the plan check: the page expands itself, so they get the height (at 200 % they need it).
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Expanding);
}

ReviewPage::~ReviewPage() = default;

void ReviewPage::setController(ReviewController *controller)
{
    m_controller = controller;
    connect(controller, &ReviewController::statusChanged, this, [this] {
        render();
        Q_EMIT completeChanged();
    });
    connect(controller, &ReviewController::planSaved, this, [this](bool ok, const QString &, const QString &message) {
        m_ui->savePlanButton->setEnabled(true);
        setMessage(m_ui->saveStatusLabel, message, !ok);
    });
    connect(m_ui->reviewRetryButton, &QPushButton::clicked, controller, &ReviewController::check);
    connect(m_ui->savePlanButton, &QPushButton::clicked, this, &ReviewPage::askWhereToSave);
    render();
}

void ReviewPage::initializePage()
{
    m_ui->saveStatusLabel->hide();
    if (m_controller)
        m_controller->check();
}

bool ReviewPage::isComplete() const
{
    return m_controller && m_controller->status() == ReviewController::Status::Ready;
}

void ReviewPage::askWhereToSave()
{
    if (!m_controller)
        return;
    // Window-modal and asynchronous: the wizard keeps running while the user picks a file.
    auto *dialog = new QFileDialog(this, tr("Save plan"), m_controller->suggestedPlanPath(), tr("Plan files (*.json)"));
    dialog->setObjectName(u"savePlanDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(u"json"_s);
    dialog->selectFile(m_controller->suggestedPlanPath());
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        if (!m_controller || path.isEmpty())
            return;
        m_ui->savePlanButton->setEnabled(false);
        m_controller->savePlan(path);
    });
    dialog->open();
}

void ReviewPage::setMessage(QLabel *label, const QString &text, bool error)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
    QPalette palette = this->palette();
    if (error) {
        // A red that stays readable on light and dark themes alike.
        const bool darkTheme = palette.color(QPalette::Window).lightness() < 128;
        palette.setColor(QPalette::WindowText, darkTheme ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20));
    }
    label->setPalette(palette);
    label->setProperty("error", error);
}

void ReviewPage::render()
{
    if (!m_controller)
        return;
    const ReviewController::Status status = m_controller->status();
    const bool ready = status == ReviewController::Status::Ready;
    const bool failed = status == ReviewController::Status::Failed;
    if (failed)
        setMessage(m_ui->reviewStatusLabel, m_controller->errorMessage(), true);
    else if (!ready)
        setMessage(m_ui->reviewStatusLabel, tr("Checking the plan with Hetzner Cloud\u2026"), false);
    else
        setMessage(m_ui->reviewStatusLabel, {}, false);
    m_ui->reviewRetryButton->setVisible(failed);
    m_ui->detailsScrollArea->setVisible(ready);
    m_ui->savePlanButton->setEnabled(true);
    if (!ready)
        return;

    renderTable();
    m_ui->vatNoteLabel->setText(m_controller->vatNote());
    QString created = u"<ul style=\"margin-left: 0px; -qt-list-indent: 1;\">"_s;
    for (const QString &line : m_controller->createdResources())
        created += u"<li>"_s + line.toHtmlEscaped() + u"</li>"_s;
    m_ui->createdResourcesLabel->setText(created + u"</ul>"_s);
    const QStringList warnings = m_controller->warnings();
    setMessage(m_ui->warningsLabel, warnings.isEmpty() ? QString() : tr("Warning: %1").arg(warnings.join(u"\n"_s)),
               !warnings.isEmpty());
    m_ui->notIncludedLabel->setText(m_controller->notIncluded());
}

void ReviewPage::renderTable()
{
    QTableWidget *table = m_ui->costTable;
    const QList<ReviewController::CostRow> rows = m_controller->costRows();
    table->setRowCount(int(rows.size()) + 1);
    const auto price = [](const QString &gross, const QString &net) {
        return tr("%1\nnet %2").arg(gross, net);
    };
    const auto put = [table](int row, int column, const QString &text, const QString &tip, bool bold) {
        auto *item = new QTableWidgetItem(text);
        item->setToolTip(tip);
        if (bold) {
            QFont font = item->font();
            font.setBold(true);
            item->setFont(font);
        }
        if (column >= MonthlyColumn)
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        table->setItem(row, column, item);
    };
    for (int i = 0; i < rows.size(); ++i) {
        const ReviewController::CostRow &r = rows[i];
        put(i, NameColumn, r.name + u'\n' + r.role, {}, false);
        put(i, TypeColumn, r.type, {}, false);
        put(i, LocationColumn, r.location, {}, false);
        put(i, MonthlyColumn, price(r.monthlyGross, r.monthlyNet),
            tr("%1 a month including VAT, %2 without").arg(r.monthlyGross, r.monthlyNet), false);
        put(i, HourlyColumn, price(r.hourlyGross, r.hourlyNet),
            tr("%1 an hour including VAT, %2 without").arg(r.hourlyGross, r.hourlyNet), false);
    }
    const ReviewController::CostRow total = m_controller->totalRow();
    const int last = int(rows.size());
    put(last, NameColumn, total.name, {}, true);
    put(last, TypeColumn, {}, {}, true);
    put(last, LocationColumn, {}, {}, true);
    put(last, MonthlyColumn, price(total.monthlyGross, total.monthlyNet), {}, true);
    put(last, HourlyColumn, price(total.hourlyGross, total.hourlyNet), {}, true);
    table->resizeColumnsToContents();
    table->resizeRowsToContents();
    // Every row visible without scrolling inside the table: the page's own scroll area scrolls instead.
    int height = table->horizontalHeader()->height() + 2 * table->frameWidth();
    for (int row = 0; row < table->rowCount(); ++row)
        height += table->rowHeight(row);
    if (table->horizontalScrollBar()->isVisible())
        height += table->horizontalScrollBar()->height();
    table->setFixedHeight(height);
}
