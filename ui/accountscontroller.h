#pragma once

#include "deploy/accounts.h"
#include "deploy/discovery.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class DeploymentEngine;
class WizardState;

// Owns the Manage page's Accounts dialog (issue 15, "Who may open a meeting"): lists, adds and removes the accounts
// that may open meetings on the managed deployment when it is moderated, through the engine's manageAccounts (one
// command on the web host over its pinned session). Checks the name and the password as they are typed; a password
// is typed or generated, and a generated one is revealed once, after it was added, for copying. Holds no widgets.
class AccountsController : public QObject
{
    Q_OBJECT

public:
    using Source = std::function<void(const QString &slug, const AccountRequest &request, QObject *context,
                                      std::function<void(Result<AccountList>)> done)>;

    explicit AccountsController(WizardState *state, QObject *parent = nullptr);
    ~AccountsController() override;

    // Replaces the engine (tests).
    void setSource(Source source) { m_source = std::move(source); }

    // Whether the managed deployment is moderated, from its web server's meeting-access label (set by a verified
    // deploy), so the Manage page knows without reaching the host; the host's own answer wins once it came.
    static bool isModerated(const DiscoveredDeployment &deployment);
    bool available() const;

    struct View
    {
        QString title; // "Accounts of meet.example.org"
        QStringList users;
        QString status; // what the last answer said, or what is running; translated
        bool statusError = false;
        bool busy = false;
        QString userProblem; // translated; empty when fine or empty
        QString passwordProblem;
        bool canAdd = false;
        bool canRemove = false; // an account is selected and nothing runs
        // After an added account whose password was generated: that password, shown once for copying; cleared by the
        // next change.
        QString revealedPassword;
        QString revealedFor; // the account's name
    };
    View view() const;
    QString user() const { return m_user; }
    QString password() const { return m_password; } // as typed or generated, for the password field
    bool passwordGenerated() const { return m_generated; }

public Q_SLOTS:
    void refresh(); // lists the accounts
    void setUser(const QString &typed);
    void setPassword(const QString &typed); // typed by the user: not "generated" any more
    void generatePassword();
    void setSelected(const QString &user);
    void add();
    void removeSelected();
    // The dialog closed: the revealed password and the typed one are forgotten.
    void forgetSecrets();

Q_SIGNALS:
    void changed();

private:
    void run(const AccountRequest &request, const QString &runningMessage);
    void finished(const AccountRequest &request, const Result<AccountList> &result);
    QString slug() const;
    QString domain() const;

    QPointer<WizardState> m_state;
    Source m_source;
    DeploymentEngine *m_engine = nullptr; // own one, so a health reading on the Manage page never makes it busy
    std::optional<AccountList> m_list;
    QString m_user;
    QString m_password;
    bool m_generated = false;
    QString m_selected;
    bool m_busy = false;
    QString m_status;
    bool m_statusError = false;
    QString m_revealed;
    QString m_revealedFor;
    quint64 m_generation = 0; // answers for an earlier deployment or a forgotten dialog are dropped
};
