#pragma once

#include "common/result.h"
#include "deploy/discovery.h"
#include "hcloud/hcloudtypes.h"
#include "model/deploymentplan.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

class WizardState;

// Owns the Start step (DESIGN.md §2 "Coming back"): with a known token it lists the deployments Discovery finds by
// label in the project (only managed-by=jitsi-deployer resources, so a foreign server is never listed), each with
// its hosts, location, monthly cost (PlanSummary over the API's catalogue and prices) and state, and records the
// user's choice — a new deployment, managing one, or resuming an interrupted one — in the WizardState. No widgets.
class StartController : public QObject
{
    Q_OBJECT

public:
    enum class Status { Idle, Loading, Ready, Failed };
    Q_ENUM(Status)
    enum class DeploymentState { Healthy, Degraded, Interrupted };
    Q_ENUM(DeploymentState)

    struct Row
    {
        QString slug;
        QString domain; // the domain label, else the slug
        QString hosts; // "web + 2 bridges"
        QString location; // "fsn1" or "fsn1, nbg1"
        QString monthlyCost; // "21.38 EUR/month"; "unknown" with the reason when it cannot be priced
        DeploymentState state = DeploymentState::Healthy;
        QString stateText; // translated, says why when not healthy
    };

    // `state` is not owned and must outlive the controller.
    explicit StartController(WizardState *state, QObject *parent = nullptr);

    Status status() const { return m_status; }
    QString errorMessage() const { return m_error; }
    QList<Row> rows() const { return m_rows; }
    const Inventory &inventory() const { return m_inventory; }
    // The catalogue read with the list, for pricing later choices (Add bridges, Destroy); empty before Ready.
    const QList<hcloud::ServerType> &serverTypes() const { return m_types; }
    const QList<hcloud::Location> &locations() const { return m_locations; }
    const hcloud::Pricing &pricing() const { return m_pricing; }

    // The plan the deployment runs with, as far as it can be known: the one this computer stored when it deployed
    // (domain, e-mail, image, options) with the servers the project has now, else rebuilt from the project alone
    // (no e-mail: that lives only on the computer that deployed it).
    static DeploymentPlan planFor(const DiscoveredDeployment &found, const std::optional<DeploymentPlan> &stored);
    // What Resume runs: planFor(), which must be complete enough for deploy (an e-mail for the certificate).
    static Result<DeploymentPlan> resumePlan(const DiscoveredDeployment &found,
                                             const std::optional<DeploymentPlan> &stored);
    // The gross monthly cost of the plan's servers (with their IPv4), or the reason it cannot be priced.
    static Result<Money> monthlyCost(const DeploymentPlan &plan, const QList<hcloud::ServerType> &types,
                                     const QList<hcloud::Location> &locations, const hcloud::Pricing &pricing);
    QString formatCost(const Money &amount) const;
    // A deployment's row: its state from what the project shows (interrupted, servers not running, inconsistent).
    static Row rowFor(const DiscoveredDeployment &found, const QString &monthlyCost);

    // Fixed "now" for the orderable checks in pricing (tests); invalid = the current time.
    void setNow(const QDateTime &now) { m_now = now; }

public Q_SLOTS:
    // Reads the project (again); answers of an older load are dropped.
    void load();
    // The user's choice. Each returns false (and says why in errorMessage()) when it cannot be made.
    void chooseNew();
    bool chooseManage(const QString &slug);
    bool chooseResume(const QString &slug);

Q_SIGNALS:
    void changed();

private:
    void finish();
    std::optional<DeploymentPlan> storedPlan(const QString &slug) const;
    const DiscoveredDeployment *find(const QString &slug) const;

    QPointer<WizardState> m_state;
    Status m_status = Status::Idle;
    QString m_error;
    int m_generation = 0;
    int m_outstanding = 0;
    std::optional<Error> m_firstError;
    Inventory m_inventory;
    QList<hcloud::ServerType> m_types;
    QList<hcloud::Location> m_locations;
    hcloud::Pricing m_pricing;
    QMap<QString, DeploymentPlan> m_storedPlans; // by slug: what this computer's DeploymentStore holds
    QList<Row> m_rows;
    QDateTime m_now;
};
