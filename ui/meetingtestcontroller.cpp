#include "ui/meetingtestcontroller.h"

#include "deploy/deploymentengine.h"
#include "deploy/meetingdrains.h"
#include "ui/qrcode.h"
#include "ui/wizardstate.h"

#include <QDesktopServices>

using namespace Qt::StringLiterals;

MeetingTestController::MeetingTestController(WizardState *state, QObject *parent)
    : QObject(parent)
    , m_state(state)
    , m_opener([](const QUrl &url) { return QDesktopServices::openUrl(url); })
{
    m_factory = [this](QObject *owner) -> DeploymentEngine * {
        if (!m_state)
            return nullptr;
        return new DeploymentEngine(m_state->client(), m_state->engineSettings(), owner);
    };
}

MeetingTestController::~MeetingTestController()
{
    // A test still running when the window goes: its drains must not outlive it. The engine's own end is
    // asynchronous; what it cannot finish stays recorded and is undone the next time (MeetingDrains).
    if (m_engine && m_engine->isRunning())
        m_engine->endMeetingTest();
}

DeploymentEngine *MeetingTestController::engine()
{
    if (m_engine)
        return m_engine;
    m_engine = m_factory ? m_factory(this) : nullptr;
    if (!m_engine)
        return nullptr;
    connect(m_engine, &DeploymentEngine::event, this, [this](const EngineEvent &event) {
        if (event.kind == EngineEvent::Kind::Meeting && event.meeting && !m_undoing)
            apply(*event.meeting);
    });
    connect(m_engine, &DeploymentEngine::finished, this, [this](const Result<EngineOutcome> &result) {
        if (std::exchange(m_undoing, false)) {
            // undoLeftovers(): its warnings are in the run log. A test asked for meanwhile starts now.
            if (const std::optional<bool> pending = std::exchange(m_pendingEveryBridge, std::nullopt))
                run(*pending);
            return;
        }
        engineFinished(result.ok(), result.ok() ? QString() : result.error().message,
                       result.ok() ? result.value().meeting : std::nullopt);
    });
    return m_engine;
}

void MeetingTestController::start()
{
    run(false);
}

void MeetingTestController::startEveryBridge()
{
    run(true);
}

void MeetingTestController::run(bool everyBridge)
{
    DeploymentEngine *e = engine();
    if (!e || m_slug.isEmpty())
        return;
    if (e->isRunning()) {
        // One operation per engine: the running test (or undo) ends, then this one starts.
        m_pendingEveryBridge = everyBridge;
        if (!m_undoing)
            e->endMeetingTest();
        return;
    }
    m_view.error.clear();
    m_view.running = true;
    m_view.everyBridge = everyBridge;
    m_view.headline = tr("Starting the test meeting…");
    m_status.reset();
    rebuild();
    e->testMeeting(m_slug, everyBridge);
}

void MeetingTestController::nextBridge()
{
    if (m_engine && m_view.canNext)
        m_engine->nextMeetingBridge();
}

void MeetingTestController::end()
{
    m_pendingEveryBridge.reset();
    if (m_engine && m_engine->isRunning() && !m_undoing)
        m_engine->endMeetingTest();
}

bool MeetingTestController::openRoom()
{
    return !m_view.roomUrl.isEmpty() && m_opener && m_opener(QUrl(m_view.roomUrl));
}

void MeetingTestController::undoLeftovers(const QString &slug)
{
    // Nothing recorded on this computer (the usual case): no engine run, no run log, no connection.
    if (!m_state || slug.isEmpty() || !MeetingDrains::anyIn(m_state->engineSettings().storeDirectory))
        return;
    DeploymentEngine *e = engine();
    if (!e || e->isRunning())
        return;
    m_undoing = true;
    e->undoMeetingDrains(slug);
}

void MeetingTestController::apply(const MeetingStatus &status)
{
    const bool newRoom = !status.finished && status.roomUrl != m_view.roomUrl;
    m_status = status;
    if (newRoom) {
        m_view.roomUrl = status.roomUrl;
        m_qr = QrCode::image(status.roomUrl, 4);
    }
    rebuild();
    // Each new room (one per bridge in "every bridge") opens in the browser, as the user asked for a test.
    if (newRoom)
        openRoom();
}

void MeetingTestController::engineFinished(bool ok, const QString &error, const std::optional<MeetingStatus> &last)
{
    m_view.running = false;
    if (last)
        m_status = last;
    m_view.error = ok ? QString() : error;
    if (const std::optional<bool> pending = std::exchange(m_pendingEveryBridge, std::nullopt)) {
        run(*pending);
        return;
    }
    rebuild();
    Q_EMIT finished(ok);
}

void MeetingTestController::rebuild()
{
    View &v = m_view;
    v.rows.clear();
    const bool every = m_status ? m_status->everyBridge : v.everyBridge;
    QString carrier;
    if (m_status) {
        carrier = m_status->carrier;
        for (const BridgeMeetingFigures &b : m_status->bridges) {
            Row row;
            row.bridge = b.bridge;
            auto figure = [&b](const auto &value) {
                return b.reachable && value ? QString::number(*value) : u"-"_s;
            };
            row.conferences = figure(b.conferences);
            row.endpoints = figure(b.endpoints);
            row.iceSucceeded = figure(b.iceSucceeded);
            row.dataChannelMessages = figure(b.dataChannelMessages);
            row.carrier = !carrier.isEmpty() && b.bridge == carrier;
            row.carried = b.carried;
            if (b.carried)
                row.state = tr("Carried the test meeting");
            else if (row.carrier)
                row.state = tr("Carries the test now");
            else if (b.skipped)
                row.state = tr("Skipped: no test meeting seen");
            else if (b.drainedByUser)
                row.state = tr("Drained by you: not tested");
            else if (b.drainedByTest)
                row.state = tr("Drained for the test");
            else if (!b.reachable)
                row.state = tr("Figures not readable");
            v.rows.append(row);
        }
    }
    if (!v.error.isEmpty())
        v.headline = tr("The meeting test stopped: %1").arg(v.error);
    else if (!v.running && m_status)
        v.headline = tr("The meeting test has ended; every bridge it drained is back in service.");
    else if (v.running && !carrier.isEmpty())
        v.headline = tr("Bridge %1 of %2 carries the test now: %3. Join the room (it opened in your browser; or scan "
                        "the code with a phone). The next bridge follows once the meeting shows on this one.")
                             .arg(m_status->turn)
                             .arg(m_status->turns)
                             .arg(carrier);
    else if (v.running && m_status && !every)
        v.headline = tr("Join the room with two or more devices (it opened in your browser; or scan the code with a "
                        "phone). The figures of every bridge follow every few seconds.");
    v.canStart = !v.running || v.everyBridge;
    v.canEveryBridge = !v.running || !v.everyBridge;
    v.canNext = v.running && !carrier.isEmpty();
    v.canEnd = v.running;
    Q_EMIT changed();
}
