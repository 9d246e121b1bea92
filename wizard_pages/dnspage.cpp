#include "dnspage.h"

#include "ui/wizardshell.h"

#include <QClipboard>
#include <QFontDatabase>
#include <QGridLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
QLabel *wrappingLabel(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

void clearLayout(QLayout *layout)
{
    while (QLayoutItem *item = layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
}
} // namespace

DnsPage::DnsPage(QWidget *parent)
    : QWizardPage(parent)
{
    setObjectName(u"dnsPage"_s);
    setTitle(tr("DNS records"));
    setSubTitle(tr("Point your domain at the web server. The deployment continues as soon as the records resolve."));

    auto *layout = new QVBoxLayout(this);
    m_introLabel = wrappingLabel(u"dnsIntroLabel"_s, this);
    layout->addWidget(m_introLabel);

    auto *recordsGroup = new QGroupBox(tr("Records"), this);
    recordsGroup->setObjectName(u"recordsGroupBox"_s);
    auto *recordsLayout = new QVBoxLayout(recordsGroup);
    m_recordsGrid = new QGridLayout;
    m_recordsGrid->setColumnStretch(4, 1); // the copy buttons stay next to their values
    recordsLayout->addLayout(m_recordsGrid);
    auto *copyAllRow = new QHBoxLayout;
    m_copyAllButton = new QPushButton(tr("Copy &all as zone-file lines"), recordsGroup);
    m_copyAllButton->setObjectName(u"copyAllButton"_s);
    m_copyAllButton->setAccessibleName(tr("Copy all records"));
    m_copyAllButton->setToolTip(tr("Copies every record as a line of a zone file, e.g. for a DNS provider that "
                                   "imports zone files."));
    copyAllRow->addWidget(m_copyAllButton);
    copyAllRow->addStretch();
    recordsLayout->addLayout(copyAllRow);
    layout->addWidget(recordsGroup);

    auto *checkGroup = new QGroupBox(tr("What DNS answers now"), this);
    checkGroup->setObjectName(u"checkGroupBox"_s);
    auto *checkLayout = new QVBoxLayout(checkGroup);
    m_resolverLabel = wrappingLabel(u"resolverLabel"_s, checkGroup);
    checkLayout->addWidget(m_resolverLabel);
    m_answersLayout = new QVBoxLayout;
    checkLayout->addLayout(m_answersLayout);
    m_checkStatusLabel = wrappingLabel(u"dnsCheckStatusLabel"_s, checkGroup);
    m_checkStatusLabel->setAccessibleName(tr("DNS check status"));
    checkLayout->addWidget(m_checkStatusLabel);
    layout->addWidget(checkGroup);

    auto *certificateGroup = new QGroupBox(tr("Certificate"), this);
    certificateGroup->setObjectName(u"certificateGroupBox"_s);
    auto *certificateLayout = new QVBoxLayout(certificateGroup);
    m_certificateLabel = wrappingLabel(u"certificateLabel"_s, certificateGroup);
    m_certificateLabel->setAccessibleName(tr("Certificate state"));
    certificateLayout->addWidget(m_certificateLabel);
    layout->addWidget(certificateGroup);

    auto *continueRow = new QHBoxLayout;
    m_continueButton = new QPushButton(tr("Continue with a &self-signed certificate"), this);
    m_continueButton->setObjectName(u"continueWithoutDnsButton"_s);
    m_continueButton->setAccessibleName(tr("Continue with a self-signed certificate"));
    m_continueButton->setToolTip(tr("Stops waiting for DNS: the deployment is verified now and keeps its "
                                    "self-signed certificate."));
    continueRow->addWidget(m_continueButton);
    continueRow->addStretch();
    layout->addLayout(continueRow);
    m_continueLabel = wrappingLabel(u"continueExplanationLabel"_s, this);
    m_continueLabel->setText(tr("You can come back later: once the records resolve, run the deployment again with "
                                "the same domain and it gets the Let's Encrypt certificate. Nothing is created "
                                "twice."));
    layout->addWidget(m_continueLabel);
    m_feedbackLabel = wrappingLabel(u"dnsFeedbackLabel"_s, this);
    m_feedbackLabel->setAccessibleName(tr("Deployment status"));
    layout->addWidget(m_feedbackLabel);
    layout->addStretch();

    connect(m_copyAllButton, &QPushButton::clicked, this,
            [this] { copy(m_view.zoneText, tr("All records were copied as zone-file lines.")); });
    connect(m_continueButton, &QPushButton::clicked, this, &DnsPage::continueWithoutDnsRequested);
    render(m_view);
}

void DnsPage::initializePage()
{
    Q_EMIT shown();
}

bool DnsPage::isComplete() const
{
    return m_view.finished;
}

int DnsPage::nextId() const
{
    return WizardShell::VerifiedPageId;
}

void DnsPage::copy(const QString &text, const QString &what)
{
    QGuiApplication::clipboard()->setText(text);
    m_feedbackLabel->setText(what);
}

void DnsPage::render(const DnsPageView &view)
{
    const bool wasComplete = isComplete();
    const bool recordsChanged = view.records != m_view.records;
    m_view = view;

    if (view.records.isEmpty())
        m_introLabel->setText(tr("The records are shown as soon as the web server has its addresses."));
    else if (view.createdAutomatically)
        m_introLabel->setText(tr("The domain's zone is in your Hetzner project, so these records were created "
                                 "automatically. Nothing to do but wait until they resolve."));
    else
        m_introLabel->setText(tr("Create these records at your DNS provider (where your domain's zone is managed). "
                                 "Use a TTL of 300 seconds or less if the provider asks."));

    if (recordsChanged || m_recordsGrid->count() == 0) {
        clearLayout(m_recordsGrid);
        const QStringList headers{tr("Name"), tr("Type"), tr("Value")};
        for (int column = 0; column < headers.size(); ++column) {
            auto *header = new QLabel(u"<b>%1</b>"_s.arg(headers.at(column).toHtmlEscaped()));
            header->setObjectName(u"recordHeaderLabel_%1"_s.arg(column));
            m_recordsGrid->addWidget(header, 0, column);
        }
        const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        QWidget *previousButton = nullptr;
        for (int i = 0; i < view.records.size(); ++i) {
            const DnsRecord &record = view.records.at(i);
            const QStringList cells{record.name, record.type, record.value};
            for (int column = 0; column < cells.size(); ++column) {
                auto *cell = new QLabel(cells.at(column));
                cell->setObjectName(u"record%1Label_%2"_s.arg(column).arg(i));
                cell->setFont(mono);
                cell->setTextInteractionFlags(Qt::TextSelectableByMouse);
                m_recordsGrid->addWidget(cell, i + 1, column);
            }
            auto *button = new QPushButton(tr("Copy"));
            button->setObjectName(u"copyRecordButton_%1"_s.arg(i));
            button->setAccessibleName(tr("Copy the %1 record's value").arg(record.type));
            button->setToolTip(
                    tr("Copies %1, the value of the %2 record for %3.").arg(record.value, record.type, record.name));
            const QString value = record.value;
            const QString done = tr("The %1 record's value was copied.").arg(record.type);
            connect(button, &QPushButton::clicked, this, [this, value, done] { copy(value, done); });
            m_recordsGrid->addWidget(button, i + 1, 3);
            if (previousButton)
                setTabOrder(previousButton, button);
            previousButton = button;
        }
        // Keyboard order as read: each record's Copy, then "copy all", then going on without DNS (the buttons made
        // here would else come after everything else on the page).
        if (previousButton)
            setTabOrder(previousButton, m_copyAllButton);
        setTabOrder(m_copyAllButton, m_continueButton);
    }
    m_copyAllButton->setEnabled(!view.records.isEmpty());

    m_resolverLabel->setText(view.resolver.isEmpty() ? QString() : tr("Resolver asked: %1").arg(view.resolver));
    m_resolverLabel->setVisible(!view.resolver.isEmpty());
    clearLayout(m_answersLayout);
    for (int i = 0; i < view.checkLines.size(); ++i) {
        const DnsPageView::CheckLine &line = view.checkLines.at(i);
        auto *label = wrappingLabel(u"checkAnswerLabel_%1"_s.arg(i), this);
        label->setText((line.ready ? u"\u2714 "_s : u"\u2716 "_s) + line.answer);
        label->setAccessibleName(tr("Answer for %1").arg(line.record));
        m_answersLayout->addWidget(label);
    }
    m_checkStatusLabel->setText(view.checkStatus);
    m_certificateLabel->setText(view.certificateText);

    m_continueButton->setEnabled(view.canContinueWithoutDns);
    m_continueButton->setVisible(!view.createdAutomatically || view.canContinueWithoutDns);
    m_continueLabel->setVisible(m_continueButton->isVisible());
    if (!view.finishedText.isEmpty())
        m_feedbackLabel->setText(view.finishedText);

    if (wasComplete != isComplete())
        Q_EMIT completeChanged();
}
