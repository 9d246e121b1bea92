#pragma once

#include "common/result.h"
#include "deploy/engineevents.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>

class DeploymentEngine;

class WizardState;

// Owns the Deploy step (DESIGN.md §2 step 6): runs WizardState::engine()->deploy() on the wizard's plan, and
// decides what Cancel, closing the window, Retry and "delete what this run created" may do. No widgets; the Deploy
// page renders WizardState::progress() and asks its questions when told to.
//
// Cancel and close: while the engine runs, requestClose() stops it at its next safe point (engine->cancel()) and
// refuses the close; when the engine has stopped, cleanupQuestion() asks the page to let the user choose between
// keepServers() and deleteCreated(). Deletion runs engine->destroy(slug), which removes everything labelled for the
// deployment; so it is allowed only when every server of the deployment was created by this wizard's runs (a
// deployment that existed before is never deleted from here: deleteCreated() refuses and says what it would
// have deleted). After the choice, closeApproved() lets the shell close the window.
class DeployController : public QObject
{
    Q_OBJECT

public:
    enum class Status {
        Idle, // nothing started yet
        Running,
        Cancelling, // cancel() was called; the engine stops at its next safe point
        Succeeded,
        Failed, // the run ended with an error; retry() resumes
        Cancelled, // stopped by the user; the cleanup question is (or was) asked
        Deleting, // destroy() of what this run created
        Deleted,
        DeleteFailed,
    };
    Q_ENUM(Status)

    // A server this wizard's runs created, and what it costs a month (gross, from the Review page's plan check;
    // empty when the check is not known).
    struct CreatedServer
    {
        QString name;
        QString monthlyCost;
    };

    explicit DeployController(WizardState *state, QObject *parent = nullptr);

    Status status() const { return m_status; }
    bool isBusy() const; // Running, Cancelling or Deleting
    // The page may go on: the run finished, or it is still running and the user must now create DNS records
    // by hand (the DNS page shows them while the engine waits for them).
    bool isComplete() const;
    // The records are the user's to create and did not resolve yet (the DNS page comes next).
    bool needsDnsPage() const;
    bool dnsRecordsManual() const { return m_dnsManual; }
    QList<DnsRecord> dnsRecords() const { return m_dnsRecords; }

    // The last failure (Failed or DeleteFailed): its message names the fix.
    Error lastError() const { return m_error; }
    // The host whose step failed, when a host's step did; empty otherwise.
    QString failedHost() const { return m_failedHost; }
    EngineOutcome outcome() const { return m_outcome; }
    QString runLogPath() const;

    // Servers this wizard's runs created (for the cleanup question), with their monthly cost.
    QList<CreatedServer> createdServers() const;
    QString createdMonthlyTotal() const; // empty when a cost is unknown
    // True when every server of the deployment seen by this wizard's runs was created by them, so destroy()
    // deletes nothing that existed before.
    bool deploymentIsNew() const;
    // What engine->destroy() would remove: every server of the deployment known to the runs.
    QStringList serversDestroyWouldDelete() const;

    // The engine call start() makes instead of deploy(WizardState::plan()): the Manage page's add bridges, remove a
    // bridge or destroy, which the Deploy page then shows with the same rows and console. `title` replaces the
    // page's "Deploying". Resets a finished run so that start() runs the operation; nothing while one runs.
    using Operation = std::function<void(DeploymentEngine *engine)>;
    void prepare(Operation operation, const QString &title);
    QString operationTitle() const { return m_operationTitle; }
    bool isDestroy() const { return m_operationIsDestroy; }
    void setOperationIsDestroy(bool destroy) { m_operationIsDestroy = destroy; }

public Q_SLOTS:
    // Starts the deploy of WizardState::plan(); nothing when one is running or the run already succeeded.
    void start();
    // Runs deploy again after a failure or a cancel: the engine resumes, nothing is created twice.
    void retry();
    // Stops the run at the next safe point; cleanupQuestion() follows once it stopped.
    void cancel();
    // The window wants to close (Cancel button, Esc, the close box): true when it may close now. While the
    // engine runs it cancels it and returns false; closeApproved() follows once the user has decided.
    bool requestClose();
    // The user's answers to cleanupQuestion().
    void keepServers();
    // False (and nothing deleted) unless deploymentIsNew() and this wizard's runs created something.
    bool deleteCreated();

Q_SIGNALS:
    void statusChanged(DeployController::Status status);
    void completeChanged();
    void dnsRecordsChanged();
    // The run failed; lastError() and failedHost() say how.
    void failed();
    // The engine stopped after cancel(): ask keep or delete (createdServers(), deploymentIsNew()).
    void cleanupQuestion();
    // deleteCreated() finished; message is for the user.
    void deletionFinished(bool ok, const QString &message);
    // The window may close now (after requestClose() returned false).
    void closeApproved();
    // A batch of a host's install log, as the engine sent it (HostLog), for the console.
    void hostLog(const QString &host, const QStringList &lines);

private:
    void setStatus(Status status);
    void connectEngine();
    void onEvent(const EngineEvent &event);
    void onFinished(const Result<EngineOutcome> &result);

    QPointer<WizardState> m_state;
    bool m_connected = false;
    Status m_status = Status::Idle;
    bool m_destroying = false;
    bool m_closeWhenDecided = false;
    bool m_dnsManual = false;
    QList<DnsRecord> m_dnsRecords;
    Error m_error;
    QString m_failedHost;
    EngineOutcome m_outcome;
    QStringList m_created; // servers created by this wizard's runs, in order
    QSet<QString> m_existedBefore; // servers of the deployment found existing, not created by these runs
    Operation m_operation;
    QString m_operationTitle;
    bool m_operationIsDestroy = false;
};
