#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

class Discovery;
class WizardState;

// Owns the wizard's Deployment step (DESIGN.md §2 step 2): checks the meeting domain and the e-mail address as the
// plan file's checks do (DeploymentPlan::validateDomain/validateEmail), shows an international domain's punycode
// form, and asks the Hetzner project two things about a valid domain: is its DNS zone there (the engine then
// creates the records), and is there already a deployment for it (then no second one may be created). Valid
// values are written into the WizardState's plan. Holds no widgets; everything is asynchronous on the GUI thread.
class DeploymentController : public QObject
{
    Q_OBJECT

public:
    enum class CheckState {
        Idle, // no valid domain to check
        Checking, // waiting for the typing pause or for the API's answers
        Done,
        Failed, // the API could not be asked; retry() asks again
    };
    Q_ENUM(CheckState)

    // `state` is not owned and must outlive the controller.
    explicit DeploymentController(WizardState *state, QObject *parent = nullptr);
    ~DeploymentController() override;

    // How long typing must pause before the project is asked (not one request burst per keystroke); tests use 0.
    void setCheckDelay(int ms) { m_delay.setInterval(ms); }

    QString typedDomain() const { return m_typedDomain; }
    QString asciiDomain() const { return m_asciiDomain; } // what the plan stores (punycode for an IDN)
    bool isInternationalDomain() const; // the plan's form differs from what was typed (beyond case)
    bool domainValid() const { return m_domainProblem.isEmpty() && !m_asciiDomain.isEmpty(); }
    QString domainProblem() const { return m_domainProblem; } // translated; empty when valid or nothing typed

    QString email() const { return m_email; }
    bool emailValid() const { return m_emailProblem.isEmpty() && !m_email.isEmpty(); }
    QString emailProblem() const { return m_emailProblem; } // translated; empty when valid or nothing typed

    // The names the domain leads to (DeploymentPlan's naming): slug, web server, first two bridges.
    QString slug() const;
    QStringList serverNames() const;

    CheckState checkState() const { return m_checkState; }
    QString checkMessage() const { return m_checkMessage; } // translated; what the checks found, or why they failed
    bool deploymentExists() const { return m_deploymentExists; }
    bool zoneInProject() const { return m_zoneInProject; }

    // Both fields valid, the checks done for this domain, and no deployment for it yet.
    bool isComplete() const;

    // What the page shows, all text translated: the page only renders this.
    struct View
    {
        QString domainHint; // the problem with the domain, or its punycode form
        bool domainError = false;
        QString emailHint;
        bool emailError = false;
        QString serverNames; // "<slug>-web, <slug>-jvb-1, <slug>-jvb-2, …"
        QString checkMessage;
        bool checkError = false; // the check failed, or found a deployment for this domain
        bool canRetry = false;
        bool canManage = false; // a deployment for the domain exists: offer to manage it
        bool complete = false;
        bool moderated = false; // meeting access: only accounts may open a meeting
    };
    View view() const;

public Q_SLOTS:
    void setDomain(const QString &typed);
    void setEmail(const QString &typed);
    // Who may open a meeting (the plan's options.meetingAccess): true = moderated, false = open.
    void setModerated(bool moderated);
    // Asks the project again (after a failure, or when the page is entered again: the token may have changed).
    void recheck();

Q_SIGNALS:
    // Any of the getters above may have changed.
    void changed();

private:
    void scheduleCheck();
    void startCheck();
    void finishCheckIfAnswered(quint64 generation);
    void fail(const QString &message);

    WizardState *m_state;
    Discovery *m_discovery;
    QTimer m_delay;

    QString m_typedDomain;
    QString m_asciiDomain;
    QString m_domainProblem;
    QString m_email;
    QString m_emailProblem;

    CheckState m_checkState = CheckState::Idle;
    QString m_checkMessage;
    QString m_checkedDomain; // the domain the current answers are about
    quint64 m_generation = 0; // answers for an older generation are for a domain no longer typed
    // The two answers of the running check.
    bool m_zoneAnswered = false;
    bool m_discoveryAnswered = false;
    QString m_zoneName;
    QString m_zoneMode;
    QStringList m_existingServers;
    bool m_deploymentExists = false;
    bool m_zoneInProject = false;
};
