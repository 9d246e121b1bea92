#pragma once

#include "deploy/planpreview.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

class WizardState;

// Owns the wizard's review step (DESIGN.md §2 step 5): runs PlanPreview, the one plan check that `jitsi-deployer
// plan` and `deploy` use too, on the wizard's plan, keeps its answer in WizardState::setPlanCheck, and words it for
// the Review page: every resource that will be created, the costs per server and in total (the API's exact decimal
// prices, gross and net), the warnings, and what the prices leave out. It also saves the plan as the file the CLI
// accepts. No widgets.
class ReviewController : public QObject
{
    Q_OBJECT

public:
    enum class Status { Idle, Checking, Ready, Failed };
    Q_ENUM(Status)

    // One line of the cost table, already formatted (exact decimals, the locale's separator, the currency).
    struct CostRow
    {
        QString name; // the server's name, or "Total"
        QString role; // translated: "Web server", "Bridge 2"
        QString type;
        QString location;
        QString monthlyGross; // server + its IPv4 address
        QString monthlyNet;
        QString hourlyGross;
        QString hourlyNet;
    };

    explicit ReviewController(WizardState *state, QObject *parent = nullptr);
    ~ReviewController() override;

    Status status() const { return m_status; }
    // Translated, plain language, with the fix; set when Failed. The fix usually is on an earlier page.
    QString errorMessage() const { return m_error; }

    // Valid when Ready.
    QList<CostRow> costRows() const; // web first, then the bridges
    CostRow totalRow() const;
    QStringList createdResources() const; // network, firewalls, SSH key, DNS records: one sentence each
    QStringList warnings() const;
    QString vatNote() const; // how gross and net relate, with the API's VAT rate
    QString meetingAccessLine() const; // who may open a meeting; also the last line of createdResources()
    QString notIncluded() const; // traffic beyond the included amount, and what else is not in the price
    // Where "Save plan…" proposes to write: <Documents>/<slug>.plan.json.
    QString suggestedPlanPath() const;

public Q_SLOTS:
    // Checks the wizard's current plan; a check still running is abandoned, its answer ignored. Ends with
    // statusChanged() to Ready or Failed, always later (never inside this call).
    void check();
    // Writes the plan file (DeploymentPlan::toJson, docs/plan-format.md) off the GUI thread; ends with exactly one
    // planSaved().
    void savePlan(const QString &path);

Q_SIGNALS:
    void statusChanged();
    // message is for the user, translated.
    void planSaved(bool ok, const QString &path, const QString &message);

private:
    void finish(const Result<PlanPreview::Check> &result);
    QString money(const Money &amount) const;

    QPointer<WizardState> m_state;
    PlanPreview *m_preview = nullptr; // one per check, so an abandoned check can never answer
    Status m_status = Status::Idle;
    QString m_error;
    std::optional<PlanPreview::Check> m_check;
};
