#pragma once

#include "deploy/engineevents.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <optional>

class DeploymentEngine;
class WizardState;

// What the DNS page shows (DESIGN.md §2 steps 7–8), ready to render: plain values, texts translated.
struct DnsPageView
{
    enum class Certificate {
        WaitingForDns, // self-signed while the records do not resolve yet
        Requesting, // the records resolve; Let's Encrypt is being asked
        LetsEncrypt, // the web host has its Let's Encrypt certificate
        SelfSigned, // the run ended (or goes on) without DNS, or Let's Encrypt failed: self-signed stays
    };
    struct CheckLine
    {
        QString record; // "meet.example.org A"
        QString answer; // what the resolver answered, in plain words
        bool ready = false;
    };

    QList<DnsRecord> records;
    QString zoneText; // every record as a zone-file line, what "Copy all" copies
    bool createdAutomatically = false; // the engine created them in the project's zone
    QString resolver; // "the system's resolver" or the nameserver's address; empty before the first round
    QList<CheckLine> checkLines; // one per record, from the latest round that was not complete
    QString checkStatus; // one line: round n, next try in s; or "they resolve"; or why the check stopped
    Certificate certificate = Certificate::WaitingForDns;
    QString certificateText;
    bool canContinueWithoutDns = false; // the run waits for DNS and the user has not asked to go on yet
    bool finished = false; // the engine's operation ended (Next may go on)
    QString finishedText; // how it ended, for the status line; empty while running
};

// The DNS page's logic, without widgets: follows the engine through WizardState (its events, its end) and makes
// the page's view from the DnsRecords event, the DNS check rounds and the certificate's progress. Pages opened
// after the records event catch up from WizardState (dnsRecordsEvent(), progress(), lastResult()).
class DnsController : public QObject
{
    Q_OBJECT

public:
    explicit DnsController(WizardState *state, QObject *parent = nullptr);

    // Follows the state's engine (the one running now) and catches up with what it said before. Idempotent;
    // the shell calls it when the page is shown.
    void attach();

    const DnsPageView &view() const { return m_view; }
    bool isComplete() const { return m_view.finished; }

    // What the copy buttons put on the clipboard: the record's value (what a provider's form asks for), and all
    // records as zone-file lines.
    QString recordText(int index) const;
    QString allRecordsText() const;

public Q_SLOTS:
    // The user goes on with the self-signed certificate: the engine stops waiting for DNS and verifies.
    void continueWithoutDns();

Q_SIGNALS:
    void viewChanged();
    void completeChanged();

private:
    void apply(const EngineEvent &event);
    void applyFinished(const Result<EngineOutcome> &result);
    void catchUp();
    void setCertificate(DnsPageView::Certificate certificate);
    void update();

    WizardState *m_state;
    QPointer<DeploymentEngine> m_engine;
    DnsPageView m_view;
    std::optional<DnsCheckProgress> m_check;
    bool m_dnsResolved = false;
    bool m_dnsGaveUp = false; // the wait ended without the records (timeout, or the user went on)
    bool m_continueRequested = false;
    bool m_running = false;
};
