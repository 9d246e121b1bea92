#pragma once

#include "deploy/engineevents.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>

class DeploymentEngine;
class WizardState;

// What the Verified page shows (DESIGN.md §2 step 9, §5): per bridge the evidence the verification found, and for a
// bridge that fails what failed and why. Only what the VerificationReport holds; texts translated.
struct VerifiedPageView
{
    struct Evidence
    {
        QString headline; // "Authenticated as jvb@auth.meet.example.org", "Operational in jicofo", ...
        QString where; // "prosody.log line 12"; empty when the headline says it all
        QString time; // the time the log line carries, as logged; empty for HTTP answers and counts
        QString line; // the full log line, for a tooltip; empty when none
        bool ok = false;
    };
    struct Bridge
    {
        QString serverName;
        QString nickname;
        bool ok = false;
        Evidence prosody; // condition 1: its live login
        Evidence jicofo; // condition 2: jicofo sees it operational
        Evidence health; // condition 3: its own health check
        QString causeName; // short, e.g. "Wrong jvb secret"; empty when ok
        QString cause; // plain words with the fix; empty when ok
        QStringList causeEvidence; // the lines that show it
    };

    bool hasReport = false;
    bool ok = false;
    QString summary; // one sentence: all verified, or which bridges do not work
    QList<Bridge> bridges;
    QStringList logins; // live "Authenticated as jvb@…" lines of prosody.log: "<time>  <text>"
    QString jicofoCount; // "Jicofo counts 2 operational bridges (/stats)"; empty when unknown
    QStringList problems; // deployment-level problems, plain words
    QString meetingUrl;
    QString logPath; // the run's log file; empty when none was written
    QString planJson; // the plan as indented JSON (no secrets in it)
    QString planFile; // the plan file the user saved; empty when none
};

// The Verified page's logic, without widgets: reads the engine's last outcome (its VerificationReport, meeting
// URL, run log) from WizardState and turns it into the page's view; opens the meeting and the log with the
// desktop's handlers (replaceable for tests).
class VerifiedController : public QObject
{
    Q_OBJECT

public:
    using UrlOpener = std::function<bool(const QUrl &)>;

    explicit VerifiedController(WizardState *state, QObject *parent = nullptr);

    // Follows the state's engine and reads its outcome. Idempotent; the shell calls it when the page is shown.
    void attach();
    // Builds the view from a report directly (the page's tests, screenshots).
    void show(const std::optional<VerificationReport> &report, const EngineOutcome &outcome, const QString &error = {});

    const VerifiedPageView &view() const { return m_view; }
    void setUrlOpener(UrlOpener opener) { m_opener = std::move(opener); }

    // Plain words for a cause, e.g. "Wrong jvb secret".
    static QString causeName(VerifyCause cause);

public Q_SLOTS:
    bool openMeeting();
    bool openLog();

Q_SIGNALS:
    void viewChanged();

private:
    void readOutcome();

    WizardState *m_state;
    QPointer<DeploymentEngine> m_engine;
    VerifiedPageView m_view;
    UrlOpener m_opener;
};
