#include "verifiedcontroller.h"
#include "wizardadvice.h"

#include "deploy/deploymentengine.h"
#include "wizardstate.h"

#include <QDesktopServices>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {
const QString prosodySource = u"prosody.log"_s;
const QString jicofoSource = u"jicofo.log"_s;
const QString healthSource = u"/about/health"_s;
const QString loginMarker = u"Authenticated as "_s;
const QString addedMarker = u"Added new videobridge"_s;

// The time a log line starts with: prosody's "Jun 01 12:00:05", jicofo's and jvb's "2026-06-01 12:00:05.123".
QString lineTime(const QString &text)
{
    static const QRegularExpression time(
            u"(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})|^([A-Z][a-z]{2} \\d{1,2} \\d{2}:\\d{2}:\\d{2})"_s);
    const QRegularExpressionMatch match = time.match(text);
    if (!match.hasMatch())
        return {};
    return match.captured(1).isEmpty() ? match.captured(2) : match.captured(1);
}

const EvidenceLine *findLine(const QList<EvidenceLine> &lines, const QString &source, const QString &marker)
{
    for (const EvidenceLine &line : lines) {
        // A login line may come from a rotated file (prosody.log.1, prosody.log.2.gz): same log, older part.
        if ((line.source == source || line.source.startsWith(source + u'.')) && line.text.contains(marker))
            return &line;
    }
    return nullptr;
}

bool hasCause(const BridgeVerdict &verdict, std::initializer_list<VerifyCause> causes)
{
    for (const VerifyProblem &problem : verdict.problems) {
        if (std::find(causes.begin(), causes.end(), problem.cause) != causes.end())
            return true;
    }
    return false;
}

QString where(const EvidenceLine &line)
{
    return line.line > 0 ? VerifiedController::tr("%1 line %2").arg(line.source).arg(line.line) : line.source;
}
} // namespace

VerifiedController::VerifiedController(WizardState *state, QObject *parent)
    : QObject(parent)
    , m_state(state)
    , m_opener([](const QUrl &url) { return QDesktopServices::openUrl(url); })
{ }

void VerifiedController::attach()
{
    DeploymentEngine *engine = m_state->engine();
    if (engine != m_engine) {
        if (m_engine)
            disconnect(m_engine, nullptr, this, nullptr);
        m_engine = engine;
        connect(engine, &DeploymentEngine::finished, this, [this] { readOutcome(); });
    }
    readOutcome();
}

void VerifiedController::readOutcome()
{
    const EngineOutcome outcome = m_engine ? m_engine->outcome() : EngineOutcome();
    QString error;
    if (const auto &result = m_state->lastResult(); result && !result->ok())
        error = WizardAdvice::message(result->error());
    else if (m_engine && m_engine->isRunning())
        error = tr("The deployment is still running.");
    show(outcome.verification, outcome, error);
}

void VerifiedController::show(const std::optional<VerificationReport> &report, const EngineOutcome &outcome,
                              const QString &error)
{
    VerifiedPageView v;
    const QString domain = outcome.domain.isEmpty() ? m_state->plan().domain : outcome.domain;
    v.meetingUrl
            = outcome.meetingUrl.isEmpty() && !domain.isEmpty() ? u"https://"_s + domain + u'/' : outcome.meetingUrl;
    v.logPath = m_engine ? m_engine->runLogPath() : QString();
    v.planJson = QString::fromUtf8(QJsonDocument(m_state->plan().toJson()).toJson(QJsonDocument::Indented));
    v.planFile = m_state->savedPlanPath();
    v.hasReport = report.has_value();

    if (!report) {
        v.summary = error.isEmpty() ? tr("The deployment has not been verified yet.")
                                    : tr("The deployment was not verified: %1").arg(error);
        m_view = v;
        Q_EMIT viewChanged();
        return;
    }

    v.ok = report->ok();
    const QString account = u"jvb@auth."_s + domain;
    QStringList failing;
    for (const BridgeVerdict &verdict : report->bridges) {
        VerifiedPageView::Bridge row;
        row.serverName = verdict.serverName;
        row.nickname = verdict.nickname;
        row.ok = verdict.ok();

        // Condition 1. Prosody names the bridge of a login only when it logs peer addresses; otherwise the live
        // logins are counted against the bridges, and the list below the table is the evidence.
        if (const EvidenceLine *login = findLine(verdict.evidence, prosodySource, loginMarker)) {
            const bool live = !hasCause(verdict, {VerifyCause::SessionDisconnected});
            row.prosody = {login->text.mid(login->text.indexOf(loginMarker)), where(*login), lineTime(login->text),
                           login->text, live};
            if (!live)
                row.prosody.headline = tr("Logged in as %1, disconnected since").arg(account);
        } else if (verdict.login == LoginEvidence::LiveSession) {
            row.prosody = {tr("Live session as %1 (its login line was rotated away)").arg(account),
                           u"prosodyctl shell"_s,
                           {},
                           verdict.proofs.value(0),
                           true};
        } else if (hasCause(verdict, {VerifyCause::NoProsodySession, VerifyCause::SessionDisconnected})) {
            row.prosody = {tr("No live login as %1").arg(account), prosodySource, {}, {}, false};
        } else if (row.ok) {
            row.prosody = {
                    tr("Counted among the live logins as %1 (listed below)").arg(account), prosodySource, {}, {}, true};
        } else {
            row.prosody = {tr("Not confirmed: prosody.log does not say which bridge each login came from"),
                           prosodySource,
                           {},
                           {},
                           false};
        }

        // Condition 2.
        const bool inJicofo = !hasCause(
                verdict, {VerifyCause::NotInJicofo, VerifyCause::RemovedFromJicofo, VerifyCause::DuplicateNickname});
        // jicofo's bridge view decides; its log line, while not rotated away, adds when jicofo took the bridge.
        const EvidenceLine *addedLine = findLine(verdict.evidence, jicofoSource, addedMarker);
        if (verdict.inJicofoView && !addedLine) {
            row.jicofo = {tr("Operational in jicofo"), u"127.0.0.1:8888/debug"_s, {}, {}, true};
        } else if (const EvidenceLine *added = addedLine) {
            row.jicofo = {inJicofo ? tr("Operational in jicofo") : tr("Added by jicofo, not operational now"),
                          where(*added), lineTime(added->text), added->text, inJicofo};
        } else {
            row.jicofo = {inJicofo ? tr("Operational in jicofo") : tr("Not in jicofo's bridge list"),
                          jicofoSource,
                          {},
                          {},
                          inJicofo};
        }

        // Condition 3.
        if (const EvidenceLine *health = findLine(verdict.evidence, healthSource, {})) {
            const bool healthy = health->text == u"HTTP 200"_s;
            row.health = {healthy ? tr("Healthy") : tr("Unhealthy"),
                          healthSource + u": "_s + (health->text.isEmpty() ? tr("no answer") : health->text),
                          {},
                          {},
                          healthy};
        }

        if (!verdict.ok()) {
            const VerifyProblem &first = verdict.problems.constFirst();
            row.causeName = causeName(first.cause);
            row.cause = first.message;
            for (const EvidenceLine &line : first.evidence)
                row.causeEvidence.append(line.toString());
            failing.append(verdict.serverName);
        }
        v.bridges.append(row);
    }

    for (const EvidenceLine &line : report->evidence) {
        if (line.source == prosodySource && line.text.contains(loginMarker)) {
            const QString time = lineTime(line.text);
            v.logins.append((time.isEmpty() ? QString() : time + u"  "_s)
                            + line.text.mid(line.text.indexOf(loginMarker)));
        }
    }
    if (report->operationalBridges >= 0)
        v.jicofoCount = tr("Operational bridges in jicofo's statistics (127.0.0.1:8888/stats): %1")
                                .arg(report->operationalBridges);
    for (const VerifyProblem &problem : report->problems)
        v.problems.append(problem.message);

    const int total = int(report->bridges.size());
    if (v.ok)
        v.summary = tr("Every bridge works (%1 of %1): each is logged in to prosody, operational in jicofo and "
                       "healthy.")
                            .arg(total);
    else if (!failing.isEmpty())
        v.summary = tr("Not every bridge works: %1 of %2 failed (%3).")
                            .arg(failing.size())
                            .arg(total)
                            .arg(failing.join(u", "_s));
    else
        v.summary = tr("The bridges look fine on their own, but the deployment as a whole is not verified (see "
                       "below).");
    m_view = v;
    Q_EMIT viewChanged();
}

QString VerifiedController::causeName(VerifyCause cause)
{
    switch (cause) {
    case VerifyCause::WrongSecret:
        return tr("Wrong jvb secret");
    case VerifyCause::DuplicateNickname:
        return tr("Duplicate bridge nickname");
    case VerifyCause::XmppUnreachable:
        return tr("Cannot reach the web host on port 5222");
    case VerifyCause::CertificateRejected:
        return tr("The web host's certificate was rejected");
    case VerifyCause::SessionDisconnected:
        return tr("Disconnected from prosody");
    case VerifyCause::NoProsodySession:
        return tr("No login in prosody");
    case VerifyCause::ExtraProsodySessions:
        return tr("More bridge logins than bridges");
    case VerifyCause::NotInJicofo:
        return tr("Not added by jicofo");
    case VerifyCause::RemovedFromJicofo:
        return tr("Removed by jicofo");
    case VerifyCause::JicofoCountMismatch:
        return tr("Jicofo counts a different number of bridges");
    case VerifyCause::JicofoStatsUnavailable:
        return tr("Jicofo's statistics unavailable");
    case VerifyCause::HealthFailed:
        return tr("Health check failed");
    case VerifyCause::HealthUnreachable:
        return tr("Health check not answering");
    case VerifyCause::MucNotJoined:
        return tr("Not in the bridge room yet");
    case VerifyCause::JvbLogEmpty:
        return tr("The bridge's log is empty");
    case VerifyCause::ProsodyLogEmpty:
        return tr("Prosody's log is empty");
    case VerifyCause::JicofoLogEmpty:
        return tr("Jicofo's log is empty");
    case VerifyCause::NotOperationalInJicofo:
        return tr("Not operational in jicofo");
    }
    return {};
}

bool VerifiedController::openMeeting()
{
    if (m_view.meetingUrl.isEmpty())
        return false;
    return m_opener(QUrl(m_view.meetingUrl));
}

bool VerifiedController::openLog()
{
    if (m_view.logPath.isEmpty())
        return false;
    return m_opener(QUrl::fromLocalFile(m_view.logPath));
}
