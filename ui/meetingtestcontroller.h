#pragma once

#include "deploy/meetingstatus.h"

#include <QImage>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

class DeploymentEngine;
class WizardState;

// The meeting test's logic (DESIGN.md §2 step 9, "Test a meeting"), without widgets: runs DeploymentEngine::
// testMeeting on an engine of its own (so the wizard's deploy engine, its progress and last result stay untouched),
// opens each new room in the browser through a replaceable opener, makes the QR code of the link, and turns the
// engine's MeetingStatus into the dialog's rows. "Test every bridge" ends a running plain test first (one operation
// per engine). Closing ends the test normally: every drain undone. undoLeftovers() runs the engine's
// undoMeetingDrains() for a deployment being opened.
class MeetingTestController : public QObject
{
    Q_OBJECT

public:
    using UrlOpener = std::function<bool(const QUrl &)>;
    using EngineFactory = std::function<DeploymentEngine *(QObject *parent)>;

    struct Row
    {
        QString bridge;
        QString conferences, endpoints, iceSucceeded, dataChannelMessages; // "-" when not read
        QString state; // translated: "carries the test now", "drained for the test", "carried the test meeting", …
        bool carrier = false; // "every bridge": the bridge the room lands on now
        bool carried = false;
    };
    struct View
    {
        QString roomUrl; // empty before the test started
        QString headline; // translated: what to do now / which bridge carries the test
        QString error; // translated; empty when none
        QList<Row> rows;
        bool running = false;
        bool everyBridge = false;
        bool canStart = true; // a plain test can be (re)started
        bool canEveryBridge = true;
        bool canNext = false;
        bool canEnd = false;
    };

    explicit MeetingTestController(WizardState *state, QObject *parent = nullptr);
    ~MeetingTestController() override;

    void setDeployment(const QString &slug) { m_slug = slug; }
    QString deployment() const { return m_slug; }
    void setUrlOpener(UrlOpener opener) { m_opener = std::move(opener); }
    void setEngineFactory(EngineFactory factory) { m_factory = std::move(factory); } // tests

    const View &view() const { return m_view; }
    QImage qrCode() const { return m_qr; } // of view().roomUrl; null before the test started
    const std::optional<MeetingStatus> &status() const { return m_status; }

public Q_SLOTS:
    void start(); // a plain test: one room, figures of every bridge
    void startEveryBridge();
    void nextBridge();
    void end();
    bool openRoom();
    // A deployment is being opened (Manage): bridges a killed test left drained go back into service.
    void undoLeftovers(const QString &slug);

Q_SIGNALS:
    void changed();
    void finished(bool ok); // the test ended (normally, or with view().error)

private:
    DeploymentEngine *engine();
    void run(bool everyBridge);
    void apply(const MeetingStatus &status);
    void engineFinished(bool ok, const QString &error, const std::optional<MeetingStatus> &last);
    void rebuild();

    QPointer<WizardState> m_state;
    DeploymentEngine *m_engine = nullptr;
    EngineFactory m_factory;
    UrlOpener m_opener;
    QString m_slug;
    View m_view;
    QImage m_qr;
    std::optional<MeetingStatus> m_status;
    std::optional<bool> m_pendingEveryBridge; // started once the running test has ended
    bool m_undoing = false;
};
