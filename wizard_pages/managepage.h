#pragma once

#include <QPointer>
#include <QWizardPage>

class AccountsController;
class ManageController;
class QLabel;
class QPushButton;
class QTableWidget;

// Coming back: one row per host of the chosen deployment with its live health and versions, the add-bridge hint,
// and what can be done to it — add bridges, remove the selected bridge, update Jitsi, destroy. Each action opens
// its own step (or, for the update, asks first). Thin: renders ManageController's view; the health is read while
// the page is shown (every 30 s, and on demand).
class ManagePage : public QWizardPage
{
    Q_OBJECT

public:
    enum class Action { None, AddBridges, RemoveBridge, Update, Destroy };

    ManagePage(ManageController *controller, QWidget *parent = nullptr);

    void initializePage() override { render(); }
    int nextId() const override;
    bool isComplete() const override { return true; }
    QString selectedBridge() const;
    Action chosenAction() const { return m_action; }
    // "Accounts…" (enabled for a moderated deployment) opens the AccountsDialog on this controller; not owned.
    void setAccountsController(AccountsController *accounts);

Q_SIGNALS:
    // The user confirmed the update warning: the shell prepares the Deploy page with the update and goes there.
    void updateConfirmed();
    // Remove was clicked with this bridge selected; the Remove page opens next.
    void removeBridgeChosen(const QString &bridge);
    // "Test a meeting": the shell opens the MeetingTestDialog for the managed deployment.
    void testMeetingRequested();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void render();
    void go(Action action);
    void askUpdate();

    QPointer<ManageController> m_controller;
    Action m_action = Action::None;
    QTableWidget *m_table;
    QLabel *m_summaryLabel;
    QLabel *m_hintLabel;
    QPushButton *m_refreshButton;
    QPushButton *m_addButton;
    QPushButton *m_removeButton;
    QPushButton *m_updateButton;
    QPushButton *m_destroyButton;
    QPushButton *m_testMeetingButton;
    QPointer<AccountsController> m_accounts;
    QPushButton *m_accountsButton;
};
