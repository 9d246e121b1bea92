#include "verifiedpage.h"

#include <QClipboard>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFrame>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPalette>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
QLabel *wrappingLabel(const QString &name, QWidget *parent = nullptr)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString mark(bool ok)
{
    return ok ? u"\u2714"_s : u"\u2716"_s;
}

// The evidence's own words first, then where it was found (smaller), so the eye reads the verdict.
QString evidenceHtml(const VerifiedPageView::Evidence &evidence)
{
    QStringList place;
    if (!evidence.where.isEmpty())
        place << evidence.where.toHtmlEscaped();
    if (!evidence.time.isEmpty())
        place << evidence.time.toHtmlEscaped();
    QString html = mark(evidence.ok) + u' ' + evidence.headline.toHtmlEscaped();
    if (!place.isEmpty())
        html += u" <small>(%1)</small>"_s.arg(place.join(u", "_s));
    return html;
}
} // namespace

VerifiedPage::VerifiedPage(QWidget *parent)
    : QWizardPage(parent)
{
    setObjectName(u"verifiedPage"_s);
    setTitle(tr("Verified"));
    setSubTitle(tr("What the deployment's own logs and health checks say about every bridge."));
    setFinalPage(true);

    auto *layout = new QVBoxLayout(this);
    m_summaryLabel = wrappingLabel(u"verifiedSummaryLabel"_s, this);
    m_summaryLabel->setAccessibleName(tr("Verification summary"));
    QFont bold = m_summaryLabel->font();
    bold.setBold(true);
    m_summaryLabel->setFont(bold);
    layout->addWidget(m_summaryLabel);

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(u"bridgeRowsScrollArea"_s);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *rows = new QWidget(scroll);
    rows->setObjectName(u"bridgeRowsWidget"_s);
    m_rowsLayout = new QVBoxLayout(rows);
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    m_loginsLabel = wrappingLabel(u"loginsLabel"_s, rows);
    m_loginsLabel->setAccessibleName(tr("Bridge logins in prosody.log"));
    m_problemsLabel = wrappingLabel(u"deploymentProblemsLabel"_s, rows);
    m_problemsLabel->setAccessibleName(tr("Problems of the deployment"));
    scroll->setWidget(rows);
    layout->addWidget(scroll, 1);

    m_meetingLinkLabel = wrappingLabel(u"meetingLinkLabel"_s, this);
    m_meetingLinkLabel->setAccessibleName(tr("Meeting link"));
    layout->addWidget(m_meetingLinkLabel);
    auto *buttons = new QHBoxLayout;
    m_openMeetingButton = new QPushButton(tr("&Open meeting"), this);
    m_openMeetingButton->setObjectName(u"openMeetingButton"_s);
    m_openMeetingButton->setAccessibleName(tr("Open the meeting in the browser"));
    m_copyLinkButton = new QPushButton(tr("&Copy link"), this);
    m_copyLinkButton->setObjectName(u"copyLinkButton"_s);
    m_copyLinkButton->setAccessibleName(tr("Copy the meeting link"));
    m_openLogButton = new QPushButton(tr("Open the &log"), this);
    m_openLogButton->setObjectName(u"openLogButton"_s);
    m_openLogButton->setAccessibleName(tr("Open the deployment's log"));
    m_openLogButton->setToolTip(tr("Every step of this deployment, in the viewer your desktop uses for text files."));
    m_showPlanButton = new QPushButton(tr("Show the &plan"), this);
    m_showPlanButton->setObjectName(u"showPlanButton"_s);
    m_showPlanButton->setAccessibleName(tr("Show the saved plan"));
    m_showPlanButton->setToolTip(tr("The plan this deployment was made from, as the command line tool reads it."));
    m_testMeetingButton = new QPushButton(tr("&Test a meeting…"), this);
    m_testMeetingButton->setObjectName(u"verifiedTestMeetingButton"_s);
    m_testMeetingButton->setAccessibleName(tr("Test a meeting"));
    m_testMeetingButton->setToolTip(tr("A fresh room, and each bridge's figures while people are in it."));
    for (QPushButton *button :
         {m_openMeetingButton, m_copyLinkButton, m_testMeetingButton, m_openLogButton, m_showPlanButton})
        buttons->addWidget(button);
    buttons->addStretch();
    layout->addLayout(buttons);
    m_feedbackLabel = wrappingLabel(u"verifiedFeedbackLabel"_s, this);
    layout->addWidget(m_feedbackLabel);

    connect(m_openMeetingButton, &QPushButton::clicked, this, &VerifiedPage::openMeetingRequested);
    connect(m_openLogButton, &QPushButton::clicked, this, &VerifiedPage::openLogRequested);
    connect(m_testMeetingButton, &QPushButton::clicked, this, &VerifiedPage::testMeetingRequested);
    connect(m_copyLinkButton, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_view.meetingUrl);
        m_feedbackLabel->setText(tr("The meeting link %1 was copied.").arg(m_view.meetingUrl));
    });
    connect(m_showPlanButton, &QPushButton::clicked, this, &VerifiedPage::showPlan);
    render(m_view);
}

void VerifiedPage::initializePage()
{
    Q_EMIT shown();
}

QWidget *VerifiedPage::bridgeRow(const VerifiedPageView::Bridge &bridge)
{
    auto *row = new QFrame;
    row->setObjectName(u"bridgeRow_"_s + bridge.serverName);
    row->setFrameShape(QFrame::StyledPanel);
    auto *grid = new QGridLayout(row);
    grid->setColumnStretch(1, 1);

    auto *name = wrappingLabel(u"bridgeNameLabel"_s, row);
    name->setText(u"<b>%1</b> &nbsp; %2"_s.arg(bridge.serverName.toHtmlEscaped(),
                                               bridge.ok ? tr("works") : tr("does not work")));
    grid->addWidget(name, 0, 0, 1, 2);

    const struct
    {
        QString label;
        QString objectName;
        const VerifiedPageView::Evidence &evidence;
    } parts[] = {
            {tr("Prosody:"), u"prosodyEvidenceLabel"_s, bridge.prosody},
            {tr("Jicofo:"), u"jicofoEvidenceLabel"_s, bridge.jicofo},
            {tr("Health:"), u"healthEvidenceLabel"_s, bridge.health},
    };
    int line = 1;
    for (const auto &part : parts) {
        auto *value = wrappingLabel(part.objectName, row);
        value->setText(evidenceHtml(part.evidence));
        value->setToolTip(part.evidence.line);
        auto *label = new QLabel(part.label, row);
        label->setBuddy(value);
        value->setAccessibleName(part.label.chopped(1) + u' ' + bridge.serverName);
        grid->addWidget(label, line, 0, Qt::AlignTop);
        grid->addWidget(value, line, 1);
        ++line;
    }
    if (!bridge.ok) {
        auto *cause = wrappingLabel(u"causeLabel"_s, row);
        cause->setText(u"<b>%1</b>: %2"_s.arg(bridge.causeName.toHtmlEscaped(), bridge.cause.toHtmlEscaped()));
        cause->setAccessibleName(tr("What failed on %1").arg(bridge.serverName));
        QPalette palette = cause->palette();
        const bool darkTheme = palette.color(QPalette::Window).lightness() < 128;
        palette.setColor(QPalette::WindowText, darkTheme ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20));
        cause->setPalette(palette);
        grid->addWidget(cause, line++, 0, 1, 2);
        if (!bridge.causeEvidence.isEmpty()) {
            auto *evidence = wrappingLabel(u"causeEvidenceLabel"_s, row);
            evidence->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
            evidence->setText(bridge.causeEvidence.join(u'\n'));
            evidence->setAccessibleName(tr("Log lines showing it"));
            grid->addWidget(evidence, line++, 0, 1, 2);
        }
    }
    return row;
}

void VerifiedPage::render(const VerifiedPageView &view)
{
    m_view = view;
    m_summaryLabel->setText(view.summary);

    // The rows are rebuilt; the logins and problems labels stay (they are reparented to the end).
    while (QLayoutItem *item = m_rowsLayout->takeAt(0)) {
        if (item->widget() != m_loginsLabel && item->widget() != m_problemsLabel)
            delete item->widget();
        delete item;
    }
    for (const VerifiedPageView::Bridge &bridge : view.bridges)
        m_rowsLayout->addWidget(bridgeRow(bridge));

    QStringList logins;
    if (!view.logins.isEmpty()) {
        logins << tr("Live bridge logins in prosody.log:");
        for (const QString &login : view.logins)
            logins << u"  "_s + login;
    }
    if (!view.jicofoCount.isEmpty())
        logins << view.jicofoCount;
    m_loginsLabel->setText(logins.join(u'\n'));
    m_loginsLabel->setVisible(!logins.isEmpty());
    m_rowsLayout->addWidget(m_loginsLabel);
    m_problemsLabel->setText(view.problems.join(u"\n"_s));
    m_problemsLabel->setVisible(!view.problems.isEmpty());
    m_rowsLayout->addWidget(m_problemsLabel);
    m_rowsLayout->addStretch();

    m_meetingLinkLabel->setText(view.meetingUrl.isEmpty() ? QString() : tr("Meeting link: %1").arg(view.meetingUrl));
    m_openMeetingButton->setEnabled(!view.meetingUrl.isEmpty());
    m_testMeetingButton->setEnabled(!view.meetingUrl.isEmpty());
    m_openMeetingButton->setToolTip(view.meetingUrl);
    m_copyLinkButton->setEnabled(!view.meetingUrl.isEmpty());
    m_openLogButton->setEnabled(!view.logPath.isEmpty());
    m_showPlanButton->setEnabled(!view.planJson.isEmpty());
}

void VerifiedPage::showPlan()
{
    auto *dialog = new QDialog(this);
    dialog->setObjectName(u"planDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Deployment plan"));
    auto *layout = new QVBoxLayout(dialog);
    auto *where = wrappingLabel(u"planFileLabel"_s, dialog);
    where->setText(m_view.planFile.isEmpty() ? tr("The plan this deployment was made from (not saved to a file):")
                                             : tr("The plan, saved as %1:").arg(m_view.planFile));
    layout->addWidget(where);
    auto *text = new QPlainTextEdit(dialog);
    text->setObjectName(u"planTextEdit"_s);
    text->setReadOnly(true);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    text->setPlainText(m_view.planJson);
    text->setAccessibleName(tr("Deployment plan"));
    where->setBuddy(text);
    layout->addWidget(text);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog->resize(560, 420);
    dialog->open();
}
