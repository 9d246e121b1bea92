#pragma once

#include "common/result.h"
#include "hcloud/hcloudtypes.h"
#include "model/deploymentplan.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

class WizardState;

// Owns the wizard's servers step (DESIGN.md §2 step 4): where the deployment runs, which server types the web host
// and the bridges get, how many bridges, and the image. It reads the catalogue (locations, server types, pricing)
// from the API through WizardState::client(), offers only what can be ordered, and writes every choice into the
// shared plan at once, so Back/Next and the Review page see the same plan. No widgets: the Servers page renders
// what this class lists and forwards the user's picks.
//
// One location holds the web host and all bridges: the bridges then reach the web host over the private network,
// and the user has one choice less to get wrong.
class ServersController : public QObject
{
    Q_OBJECT

public:
    enum class Status { Idle, Loading, Ready, Failed };
    Q_ENUM(Status)

    // A location as the page lists it. A location where a chosen type cannot be ordered stays in the list,
    // disabled, with the reason, so the user learns why it cannot be picked instead of wondering where it went.
    struct LocationChoice
    {
        QString name; // fsn1
        QString label; // "Falkenstein, Germany (fsn1)"
        bool enabled = true;
        QString reason; // translated; why it is disabled, empty when enabled
    };

    // A server type orderable in the chosen location, with its size and its gross monthly price there.
    struct TypeChoice
    {
        QString name; // cx33
        QString label; // "cx33 – 4 shared vCPU, 8 GB RAM, 80 GB disk – 6.5331 EUR/month"
        int cores = 0;
        double memoryGb = 0;
        int diskGb = 0;
        bool dedicatedCpu = false;
        QString architecture; // x86, arm
        hcloud::Price monthly; // exact, as the API gives it
        hcloud::Price hourly;
    };

    struct ImageChoice
    {
        QString name; // debian-13
        QString label;
    };

    explicit ServersController(WizardState *state, QObject *parent = nullptr);
    ~ServersController() override;

    Status status() const { return m_status; }
    QString errorMessage() const { return m_error; } // translated, with the fix; set when Failed

    QList<LocationChoice> locations() const;
    QList<TypeChoice> webTypes() const; // orderable in location()
    QList<TypeChoice> bridgeTypes() const; // orderable in location(), same architecture as the web type
    static QList<ImageChoice> images();

    QString location() const { return m_location; }
    QString webType() const { return m_webType; }
    QString bridgeType() const { return m_bridgeType; }
    int bridgeCount() const { return m_bridgeCount; }
    QString image() const { return m_image; }
    // TURN on the web host (DeploymentPlan::Options::turnServer): a relay for participants whose network blocks
    // UDP. On unless the plan says otherwise.
    bool turnServer() const { return m_turnServer; }
    static QString turnServerHint();

    QString currency() const { return m_pricing.currency; }
    QString vatRate() const { return m_pricing.vatRate; }

    // Plain-language sizing guidance for the current choice (reference/field-anchors.md §6, in our own words).
    QString webSizingHint() const;
    QString bridgeSizingHint() const;
    // What the prices shown mean (gross, VAT rate, the IPv4 address billed on top).
    QString priceNote() const;

    // The choices are complete and written into the plan.
    bool isComplete() const;

    // An amount for display: the API's exact decimal digits, with the locale's decimal separator.
    static QString formatMoney(const Money &amount, const QString &currency);

    // Fixed "now" for the orderable checks (tests); invalid = the current time.
    void setNow(const QDateTime &now) { m_now = now; }

    // Off: the choices are only offered and checked, not written into the wizard's plan (Add bridges reuses the
    // catalogue logic for new bridges of a running deployment, whose plan stays as it is).
    void setWritesPlan(bool writes) { m_writesPlan = writes; }
    // The catalogue as loaded (empty before Ready), for pricing a plan with PlanSummary.
    const QList<hcloud::Location> &catalogueLocations() const { return m_locations; }
    const QList<hcloud::ServerType> &catalogueTypes() const { return m_types; }
    const hcloud::Pricing &cataloguePricing() const { return m_pricing; }

public Q_SLOTS:
    // Reads the catalogue unless it is loaded or loading; after a failure it tries again (the Retry button).
    void load();

    // Each returns false and changes nothing when the choice is not offered (an unknown or disabled location, a
    // type not orderable there, a bridge count outside 1..DeploymentPlan::maxBridges, an unknown image).
    bool setLocation(const QString &name);
    bool setWebType(const QString &name);
    bool setBridgeType(const QString &name);
    bool setBridgeCount(int count);
    bool setImage(const QString &name);
    void setTurnServer(bool on);

Q_SIGNALS:
    void statusChanged();
    // The lists or the current picks changed: the page re-renders.
    void choicesChanged();

private:
    void finishLoading();
    void fail(const Error &error);
    void chooseInitial();
    QString fittingType(const QStringList &preferred, const QString &architecture, const QString &exclude = {}) const;
    bool orderable(const QString &type, const QString &location) const;
    const hcloud::ServerType *findType(const QString &name) const;
    QList<TypeChoice> typesIn(const QString &location, const QString &architecture) const;
    QString locationLabel(const hcloud::Location &location) const;
    void writePlan();
    QDateTime now() const;

    QPointer<WizardState> m_state;
    Status m_status = Status::Idle;
    QString m_error;
    int m_generation = 0; // answers of an abandoned load are ignored
    int m_outstanding = 0;
    std::optional<Error> m_firstError;

    QList<hcloud::Location> m_locations;
    QList<hcloud::ServerType> m_types;
    hcloud::Pricing m_pricing;

    QString m_location;
    QString m_webType;
    QString m_bridgeType;
    int m_bridgeCount = 2;
    QString m_image = DeploymentPlan::defaultImage();
    bool m_turnServer = true;
    QDateTime m_now;
    bool m_writesPlan = true;
};
