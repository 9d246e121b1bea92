#pragma once

#include <QDialog>
#include <QPointer>

class AccountsController;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

// The Manage page's "Accounts…" (a moderated deployment): the accounts that may open meetings, a form to add one
// with a typed or generated password, and removing the selected one. A generated password is shown once after the
// account was added, with a copy button. Thin: renders AccountsController's view and passes what is typed on.
class AccountsDialog : public QDialog
{
    Q_OBJECT

public:
    AccountsDialog(AccountsController *controller, QWidget *parent = nullptr);

protected:
    void done(int result) override; // forgets the passwords shown or typed

private:
    void render();

    QPointer<AccountsController> m_controller;
    QListWidget *m_list;
    QLineEdit *m_userEdit;
    QLineEdit *m_passwordEdit;
    QLabel *m_userHint;
    QLabel *m_passwordHint;
    QLabel *m_status;
    QLabel *m_revealedLabel;
    QLineEdit *m_revealedEdit;
    QPushButton *m_copyButton;
    QPushButton *m_generateButton;
    QPushButton *m_addButton;
    QPushButton *m_removeButton;
};
