#include "meetingtestdialog.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

MeetingTestDialog::MeetingTestDialog(MeetingTestController *controller, QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
{
    setObjectName(u"meetingTestDialog"_s);
    setWindowTitle(tr("Test a meeting"));
    setAccessibleName(tr("Test a meeting"));

    m_headlineLabel = new QLabel(this);
    m_headlineLabel->setObjectName(u"meetingHeadlineLabel"_s);
    m_headlineLabel->setWordWrap(true);
    m_headlineLabel->setTextFormat(Qt::PlainText);
    m_headlineLabel->setAccessibleName(tr("What to do now"));

    auto *linkCaption = new QLabel(tr("Meeting &link:"), this);
    m_linkLabel = new QLabel(this);
    m_linkLabel->setObjectName(u"meetingLinkLabel"_s);
    m_linkLabel->setTextFormat(Qt::PlainText);
    m_linkLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_linkLabel->setFocusPolicy(Qt::StrongFocus);
    m_linkLabel->setAccessibleName(tr("Meeting link"));
    linkCaption->setBuddy(m_linkLabel);

    m_qrLabel = new QLabel(this);
    m_qrLabel->setObjectName(u"meetingQrLabel"_s);
    m_qrLabel->setAccessibleName(tr("QR code of the meeting link, for a phone"));
    m_qrLabel->setMinimumSize(120, 120);

    auto *tableCaption = new QLabel(tr("&Bridges:"), this);
    m_table = new QTableWidget(0, 6, this);
    m_table->setObjectName(u"meetingFiguresTable"_s);
    m_table->setAccessibleName(tr("Figures of each bridge"));
    m_table->setHorizontalHeaderLabels({tr("Bridge"), tr("Conferences"), tr("Endpoints"), tr("ICE succeeded"),
                                        tr("Data-channel messages"), tr("State")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    tableCaption->setBuddy(m_table);

    auto button = [this](const QString &text, const QString &name, const QString &accessible, const QString &tip) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(name);
        b->setAccessibleName(accessible);
        b->setToolTip(tip);
        b->setAutoDefault(false);
        return b;
    };
    m_openButton = button(tr("&Open in browser"), u"openRoomButton"_s, tr("Open in browser"),
                          tr("Open the test room in your web browser"));
    m_startButton = button(tr("&Test a meeting"), u"startMeetingButton"_s, tr("Test a meeting"),
                           tr("A fresh room; the figures of every bridge while people are in it"));
    m_everyBridgeButton = button(tr("Test &every bridge"), u"everyBridgeButton"_s, tr("Test every bridge"),
                                 tr("All bridges but one are drained in turn, so each carries the test meeting once; "
                                    "every drain is undone at the end"));
    m_nextButton = button(tr("&Next bridge"), u"nextBridgeButton"_s, tr("Next bridge"),
                          tr("End this bridge's turn now, without a meeting seen on it"));
    m_endButton = button(tr("En&d test"), u"endTestButton"_s, tr("End test"),
                         tr("End the test; the bridges it drained go back into service"));
    m_closeButton = button(tr("&Close"), u"closeMeetingTestButton"_s, tr("Close"), tr("End the test and close"));

    auto *linkRow = new QHBoxLayout;
    auto *linkColumn = new QVBoxLayout;
    linkColumn->addWidget(linkCaption);
    linkColumn->addWidget(m_linkLabel);
    linkColumn->addWidget(m_openButton, 0, Qt::AlignLeft);
    linkColumn->addStretch();
    linkRow->addLayout(linkColumn, 1);
    linkRow->addWidget(m_qrLabel);
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_startButton, m_everyBridgeButton, m_nextButton, m_endButton})
        buttons->addWidget(b);
    buttons->addStretch();
    buttons->addWidget(m_closeButton);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_headlineLabel);
    layout->addLayout(linkRow);
    layout->addWidget(tableCaption);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    resize(760, 520);

    connect(m_openButton, &QPushButton::clicked, m_controller, &MeetingTestController::openRoom);
    connect(m_startButton, &QPushButton::clicked, m_controller, &MeetingTestController::start);
    connect(m_everyBridgeButton, &QPushButton::clicked, m_controller, &MeetingTestController::startEveryBridge);
    connect(m_nextButton, &QPushButton::clicked, m_controller, &MeetingTestController::nextBridge);
    connect(m_endButton, &QPushButton::clicked, m_controller, &MeetingTestController::end);
    connect(m_closeButton, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_controller, &MeetingTestController::changed, this, &MeetingTestDialog::render);
    render();
}

void MeetingTestDialog::render()
{
    const MeetingTestController::View &v = m_controller->view();
    m_headlineLabel->setText(v.headline);
    m_linkLabel->setText(v.roomUrl.isEmpty() ? tr("(the room is made when the test starts)") : v.roomUrl);
    const QImage qr = m_controller->qrCode();
    if (qr.isNull())
        m_qrLabel->clear();
    else
        m_qrLabel->setPixmap(QPixmap::fromImage(qr));
    m_table->setRowCount(int(v.rows.size()));
    for (int i = 0; i < v.rows.size(); ++i) {
        const MeetingTestController::Row &row = v.rows.at(i);
        const QStringList cells{row.bridge,       row.conferences,         row.endpoints,
                                row.iceSucceeded, row.dataChannelMessages, row.state};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            QFont font = item->font();
            font.setBold(row.carrier); // which bridge carries the test now, not by colour alone
            item->setFont(font);
            m_table->setItem(i, c, item);
        }
    }
    m_openButton->setEnabled(!v.roomUrl.isEmpty() && v.running);
    m_startButton->setEnabled(v.canStart);
    m_everyBridgeButton->setEnabled(v.canEveryBridge);
    m_nextButton->setEnabled(v.canNext);
    m_endButton->setEnabled(v.canEnd);
}

void MeetingTestDialog::done(int result)
{
    m_controller->end(); // closing never leaves a bridge drained
    QDialog::done(result);
}
