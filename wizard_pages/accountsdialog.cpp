#include "accountsdialog.h"

#include "statustext.h"
#include "ui/accountscontroller.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

AccountsDialog::AccountsDialog(AccountsController *controller, QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
{
    setObjectName(u"accountsDialog"_s);
    setWindowTitle(tr("Accounts"));

    auto *intro = new QLabel(tr("Only these accounts can open a meeting. Guests without an account join once someone "
                                "with an account has opened it."),
                             this);
    intro->setWordWrap(true);

    auto *listLabel = new QLabel(tr("A&ccounts:"), this);
    m_list = new QListWidget(this);
    m_list->setObjectName(u"accountsList"_s);
    m_list->setAccessibleName(tr("Accounts that may open meetings"));
    listLabel->setBuddy(m_list);
    m_removeButton = new QPushButton(tr("&Remove selected"), this);
    m_removeButton->setObjectName(u"removeAccountButton"_s);
    m_removeButton->setAccessibleName(tr("Remove the selected account"));

    m_userEdit = new QLineEdit(this);
    m_userEdit->setObjectName(u"accountUserEdit"_s);
    m_userEdit->setAccessibleName(tr("New account's user name"));
    m_userEdit->setPlaceholderText(tr("alice"));
    m_userEdit->setInputMethodHints(Qt::ImhNoAutoUppercase | Qt::ImhLowercaseOnly);
    auto *userLabel = new QLabel(tr("&User name:"), this);
    userLabel->setBuddy(m_userEdit);
    m_userHint = new QLabel(this);
    m_userHint->setObjectName(u"accountUserHint"_s);
    m_userHint->setWordWrap(true);

    m_passwordEdit = new QLineEdit(this);
    m_passwordEdit->setObjectName(u"accountPasswordEdit"_s);
    m_passwordEdit->setAccessibleName(tr("New account's password"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    auto *passwordLabel = new QLabel(tr("&Password:"), this);
    passwordLabel->setBuddy(m_passwordEdit);
    m_generateButton = new QPushButton(tr("&Generate"), this);
    m_generateButton->setObjectName(u"generatePasswordButton"_s);
    m_generateButton->setAccessibleName(tr("Generate a password"));
    m_generateButton->setToolTip(tr("A random password of 16 letters and digits, shown once after the account is "
                                    "added"));
    m_passwordHint = new QLabel(this);
    m_passwordHint->setObjectName(u"accountPasswordHint"_s);
    m_passwordHint->setWordWrap(true);
    m_addButton = new QPushButton(tr("&Add account"), this);
    m_addButton->setObjectName(u"addAccountButton"_s);
    m_addButton->setAccessibleName(tr("Add the account"));

    m_status = new QLabel(this);
    m_status->setObjectName(u"accountsStatusLabel"_s);
    m_status->setWordWrap(true);

    m_revealedLabel = new QLabel(this);
    m_revealedLabel->setObjectName(u"revealedPasswordLabel"_s);
    m_revealedLabel->setWordWrap(true);
    m_revealedEdit = new QLineEdit(this);
    m_revealedEdit->setObjectName(u"revealedPasswordEdit"_s);
    m_revealedEdit->setAccessibleName(tr("The new account's generated password"));
    m_revealedEdit->setReadOnly(true);
    m_revealedLabel->setBuddy(m_revealedEdit);
    m_copyButton = new QPushButton(tr("C&opy"), this);
    m_copyButton->setObjectName(u"copyPasswordButton"_s);
    m_copyButton->setAccessibleName(tr("Copy the generated password"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(listLabel);
    layout->addWidget(m_list, 1);
    auto *removeRow = new QHBoxLayout;
    removeRow->addStretch(1);
    removeRow->addWidget(m_removeButton);
    layout->addLayout(removeRow);
    auto *form = new QFormLayout;
    form->addRow(userLabel, m_userEdit);
    form->addRow(QString(), m_userHint);
    auto *passwordRow = new QHBoxLayout;
    passwordRow->addWidget(m_passwordEdit, 1);
    passwordRow->addWidget(m_generateButton);
    form->addRow(passwordLabel, passwordRow);
    form->addRow(QString(), m_passwordHint);
    layout->addLayout(form);
    auto *addRow = new QHBoxLayout;
    addRow->addStretch(1);
    addRow->addWidget(m_addButton);
    layout->addLayout(addRow);
    layout->addWidget(m_status);
    layout->addWidget(m_revealedLabel);
    auto *revealedRow = new QHBoxLayout;
    revealedRow->addWidget(m_revealedEdit, 1);
    revealedRow->addWidget(m_copyButton);
    layout->addLayout(revealedRow);
    layout->addWidget(buttons);
    setTabOrder(m_list, m_removeButton);
    setTabOrder(m_removeButton, m_userEdit);
    setTabOrder(m_userEdit, m_passwordEdit);
    setTabOrder(m_passwordEdit, m_generateButton);
    setTabOrder(m_generateButton, m_addButton);
    setTabOrder(m_addButton, m_revealedEdit);
    setTabOrder(m_revealedEdit, m_copyButton);

    connect(m_userEdit, &QLineEdit::textEdited, m_controller, &AccountsController::setUser);
    connect(m_passwordEdit, &QLineEdit::textEdited, m_controller, &AccountsController::setPassword);
    connect(m_generateButton, &QPushButton::clicked, m_controller, &AccountsController::generatePassword);
    connect(m_addButton, &QPushButton::clicked, m_controller, &AccountsController::add);
    connect(m_removeButton, &QPushButton::clicked, m_controller, &AccountsController::removeSelected);
    connect(m_userEdit, &QLineEdit::returnPressed, m_controller, &AccountsController::add);
    connect(m_passwordEdit, &QLineEdit::returnPressed, m_controller, &AccountsController::add);
    connect(m_list, &QListWidget::currentTextChanged, m_controller, &AccountsController::setSelected);
    connect(m_copyButton, &QPushButton::clicked, this, [this] {
        if (QClipboard *clipboard = QGuiApplication::clipboard())
            clipboard->setText(m_revealedEdit->text());
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_controller, &AccountsController::changed, this, &AccountsDialog::render);
    render();
}

void AccountsDialog::render()
{
    const AccountsController::View view = m_controller->view();
    setWindowTitle(view.title);
    const QString current = m_list->currentItem() ? m_list->currentItem()->text() : QString();
    if ([&] {
            QStringList shown;
            for (int i = 0; i < m_list->count(); ++i)
                shown << m_list->item(i)->text();
            return shown != view.users;
        }()) {
        const QSignalBlocker blocker(m_list);
        m_list->clear();
        m_list->addItems(view.users);
        const QList<QListWidgetItem *> again = m_list->findItems(current, Qt::MatchExactly);
        if (!again.isEmpty())
            m_list->setCurrentItem(again.first());
    }
    // After an account was added the controller starts the form over.
    if (m_userEdit->text().trimmed() != m_controller->user())
        m_userEdit->setText(m_controller->user());
    if (m_passwordEdit->text() != m_controller->password())
        m_passwordEdit->setText(m_controller->password());
    // A generated password is readable while it is in the field; a typed one stays hidden.
    m_passwordEdit->setEchoMode(m_controller->passwordGenerated() ? QLineEdit::Normal : QLineEdit::Password);
    showStatusText(m_userHint, view.userProblem, true);
    showStatusText(m_passwordHint, view.passwordProblem, true);
    showStatusText(m_status, view.status, view.statusError);
    m_addButton->setEnabled(view.canAdd);
    m_removeButton->setEnabled(view.canRemove);
    m_generateButton->setEnabled(!view.busy);
    const bool revealed = !view.revealedPassword.isEmpty();
    m_revealedLabel->setText(
            revealed ? tr("Password of %1 (shown only now; copy it and pass it on safely):").arg(view.revealedFor)
                     : QString());
    m_revealedLabel->setVisible(revealed);
    m_revealedEdit->setText(view.revealedPassword);
    m_revealedEdit->setVisible(revealed);
    m_copyButton->setVisible(revealed);
}

void AccountsDialog::done(int result)
{
    if (m_controller)
        m_controller->forgetSecrets();
    m_passwordEdit->clear();
    m_revealedEdit->clear();
    QDialog::done(result);
}
