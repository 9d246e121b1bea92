#pragma once

#include <QPointer>
#include <QWizardPage>

class ConsolePane;
class DeployController;
class HostTableModel;
class QFrame;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTimer;
class WizardState;

// Step 6: the deployment running (OBS's long-running page: a commit page, Next gated by isComplete()). Renders
// only WizardState::progress() (the host table, the phases) and the engine's log batches (the console), which its
// DeployController forwards; asks the cleanup question when the controller says so. Starts the deploy when
// entered.
class DeployPage : public QWizardPage
{
    Q_OBJECT

public:
    DeployPage(WizardState *state, DeployController *controller, QWidget *parent = nullptr);
    ~DeployPage() override;

    void initializePage() override;
    bool isComplete() const override;
    int nextId() const override;

    ConsolePane *console() const { return m_console; }
    HostTableModel *hostModel() const { return m_hostModel; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fitFailureLabel();
    void fitTableHeight();
    void updatePhases();
    void updateStatus();
    void showFailure();
    void askCleanup();
    void refuseDeletion();

    QPointer<WizardState> m_state;
    QPointer<DeployController> m_controller;
    HostTableModel *m_hostModel = nullptr;
    QList<QLabel *> m_phaseLabels;
    QLabel *m_statusLabel = nullptr;
    QTableView *m_hostTable = nullptr;
    QFrame *m_failureFrame = nullptr;
    QLabel *m_failureLabel = nullptr;
    QLabel *m_lastLinesLabel = nullptr;
    QPlainTextEdit *m_lastLinesEdit = nullptr;
    QPushButton *m_retryButton = nullptr;
    ConsolePane *m_console = nullptr;
    QTimer *m_elapsedTimer = nullptr;
};
