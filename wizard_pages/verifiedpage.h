#pragma once

#include "ui/verifiedcontroller.h"

#include <QWizardPage>

class QLabel;
class QPushButton;
class QVBoxLayout;

// The last step (DESIGN.md §2 step 9): one row per bridge with the evidence that it works (§5), or what failed
// and why; the meeting link, the run's log and the plan. Thin: renders the VerifiedController's view; opening
// things is asked of the controller, copying the link and showing the plan happen here.
class VerifiedPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit VerifiedPage(QWidget *parent = nullptr);

    void initializePage() override;
    int nextId() const override { return -1; }

public Q_SLOTS:
    void render(const VerifiedPageView &view);
    void showPlan();

Q_SIGNALS:
    void shown(); // the page opened: its controller should read the engine's outcome
    void openMeetingRequested();
    void openLogRequested();
    void testMeetingRequested(); // "Test a meeting": the shell opens the MeetingTestDialog

private:
    QWidget *bridgeRow(const VerifiedPageView::Bridge &bridge);

    VerifiedPageView m_view;
    QLabel *m_summaryLabel;
    QVBoxLayout *m_rowsLayout;
    QLabel *m_loginsLabel;
    QLabel *m_problemsLabel;
    QLabel *m_meetingLinkLabel;
    QPushButton *m_openMeetingButton;
    QPushButton *m_copyLinkButton;
    QPushButton *m_openLogButton;
    QPushButton *m_showPlanButton;
    QPushButton *m_testMeetingButton;
    QLabel *m_feedbackLabel;
};
