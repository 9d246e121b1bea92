#pragma once

#include "ui/meetingtestcontroller.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTableWidget;

// "Test a meeting" (DESIGN.md §2 step 9): the room's link and a QR code for a phone, a row per bridge with its
// live figures (conferences, endpoints, ICE succeeded, data-channel messages), which bridge carries the test now,
// and the buttons Open in browser, Test every bridge, Next bridge, End test. Thin: renders the
// MeetingTestController's view and passes the clicks on. Closing it ends the test (every drain undone).
class MeetingTestDialog : public QDialog
{
    Q_OBJECT

public:
    explicit MeetingTestDialog(MeetingTestController *controller, QWidget *parent = nullptr);

public Q_SLOTS:
    void render();

protected:
    void done(int result) override;

private:
    MeetingTestController *m_controller;
    QLabel *m_headlineLabel;
    QLabel *m_linkLabel;
    QLabel *m_qrLabel;
    QTableWidget *m_table;
    QPushButton *m_openButton;
    QPushButton *m_startButton;
    QPushButton *m_everyBridgeButton;
    QPushButton *m_nextButton;
    QPushButton *m_endButton;
    QPushButton *m_closeButton;
};
