#pragma once

#include "deploy/deploymenthealth.h"
#include "deploy/discovery.h"
#include "wizardstate.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <optional>

// Owns the Manage step (DESIGN.md §2 "Coming back"): one row per host of the WizardState's managed deployment
// (name, role, location, server state) with its live health and package versions, read from state through a
// HealthSource (WizardState::healthSource(), or one a test gives). Reads on demand and every 30 s while the page
// is shown, never two at once. Also says who is on a bridge before it is removed. No widgets.
class ManageController : public QObject
{
    Q_OBJECT

public:
    static constexpr int refreshIntervalMs = 30 * 1000;

    struct Row
    {
        QString name;
        QString role; // translated: "Web server", "Videobridge"
        QString location;
        QString serverState; // the API's status, translated
        QString health; // translated, plain: what the last reading says about this host
        bool problem = false; // the reading found something wrong with this host
        QString versions; // "jitsi-videobridge2 2.3-160, …"; empty when unknown
        bool isBridge = false;
    };

    struct View
    {
        QString title; // the domain
        QList<Row> rows;
        QString summary; // the last reading in one sentence, with its time; or why there is none
        bool summaryError = false;
        QString addBridgeHint;
        bool reading = false;
        bool canRefresh = false;
        bool canUpdate = false;
    };

    explicit ManageController(WizardState *state, QObject *parent = nullptr);

    // Replaces WizardState::healthSource() (tests).
    void setHealthSource(WizardState::HealthSource source);
    void setRefreshInterval(int ms) { m_timer.setInterval(ms); }

    View view() const;
    bool isReading() const { return m_reading; }
    int readCount() const { return m_readCount; } // readings started, for tests of the timer
    const std::optional<WizardState::HealthReading> &lastReading() const { return m_last; }

    // Who is on the bridge now, from the last reading: "2 conferences, 7 participants", or that it is unknown.
    QString occupancy(const QString &bridgeName) const;
    bool canUpdate() const;

public Q_SLOTS:
    // The page was shown (true) or hidden: the 30 s refresh runs only while it is shown; showing reads at once.
    void setActive(bool active);
    // Reads the health now unless a read is running (then its answer is fresh enough).
    void refresh();

Q_SIGNALS:
    void changed();

private:
    const BridgeHealth *bridgeHealth(const QString &name) const;
    Row webRow(const DiscoveredServer &server) const;
    Row bridgeRow(const DiscoveredServer &server) const;

    QPointer<WizardState> m_state;
    WizardState::HealthSource m_source;
    bool m_sourceSet = false;
    QTimer m_timer;
    bool m_active = false;
    bool m_reading = false;
    int m_readCount = 0;
    quint64 m_generation = 0;
    std::optional<WizardState::HealthReading> m_last;
    QString m_readError;
};
