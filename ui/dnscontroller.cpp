#include "dnscontroller.h"
#include "wizardadvice.h"

#include "deploy/deploymentengine.h"
#include "deploy/progressmodel.h"
#include "wizardstate.h"

using namespace Qt::StringLiterals;

namespace {
// The one step of the web host's certificate task (ProvisionSteps).
const QString certificateStep = u"certificate"_s;
} // namespace

DnsController::DnsController(WizardState *state, QObject *parent)
    : QObject(parent)
    , m_state(state)
{
    update();
}

void DnsController::attach()
{
    DeploymentEngine *engine = m_state->engine();
    if (engine != m_engine) {
        if (m_engine)
            disconnect(m_engine, nullptr, this, nullptr);
        m_engine = engine;
        connect(engine, &DeploymentEngine::event, this, [this](const EngineEvent &event) {
            apply(event);
            update();
        });
        connect(engine, &DeploymentEngine::finished, this, [this](const Result<EngineOutcome> &result) {
            applyFinished(result);
            update();
        });
    }
    catchUp();
    update();
}

void DnsController::catchUp()
{
    // Everything the page missed before it opened: the records event, the latest check round, the certificate.
    m_view = DnsPageView();
    m_check.reset();
    m_dnsResolved = false;
    m_dnsGaveUp = false;
    m_running = m_engine && m_engine->isRunning();
    if (const std::optional<EngineEvent> &records = m_state->dnsRecordsEvent())
        apply(*records);
    else if (m_engine)
        m_view.records = m_engine->outcome().dnsRecords;
    m_check = m_state->progress()->dnsCheck();
    const HostProgress web = m_state->progress()->host(m_state->plan().webServerName());
    if (web.step == certificateStep && web.state) {
        EngineEvent step = EngineEvent::hostStep(web.host, web.step, *web.state);
        apply(step);
    }
    if (const std::optional<Phase> phase = m_state->progress()->phase())
        apply(EngineEvent::phaseChanged(*phase, {}));
    if (!m_running && m_state->lastResult())
        applyFinished(*m_state->lastResult());
}

void DnsController::apply(const EngineEvent &event)
{
    switch (event.kind) {
    case EngineEvent::Kind::Phase:
        if (event.phase == Phase::Validate) {
            // A new operation: what the last one said is history.
            m_view = DnsPageView();
            m_check.reset();
            m_dnsResolved = m_dnsGaveUp = m_continueRequested = false;
            m_running = true;
        } else if (event.phase == Phase::Certificate) {
            m_dnsResolved = true;
            setCertificate(DnsPageView::Certificate::Requesting);
        } else if (event.phase == Phase::Verify && !m_dnsResolved && !m_view.records.isEmpty()) {
            // Verification starts only after the DNS wait ended; without a certificate step, it ended unresolved.
            m_dnsGaveUp = true;
            setCertificate(DnsPageView::Certificate::SelfSigned);
        }
        break;
    case EngineEvent::Kind::DnsRecords:
        m_view.records = event.records;
        m_view.createdAutomatically = event.dnsPublication == DnsPublication::Created;
        m_running = true;
        break;
    case EngineEvent::Kind::DnsCheck:
        m_check = event.dnsCheck;
        break;
    case EngineEvent::Kind::HostStep:
        if (event.step != certificateStep)
            break;
        m_dnsResolved = true; // certbot only runs once the records resolve
        switch (event.hostState) {
        case HostState::Started:
        case HostState::Waiting:
            setCertificate(DnsPageView::Certificate::Requesting);
            break;
        case HostState::Succeeded:
        case HostState::Skipped:
            setCertificate(DnsPageView::Certificate::LetsEncrypt);
            break;
        case HostState::Failed:
            setCertificate(DnsPageView::Certificate::SelfSigned);
            break;
        }
        break;
    case EngineEvent::Kind::Resource:
    case EngineEvent::Kind::HostLog:
    case EngineEvent::Kind::Verification:
    case EngineEvent::Kind::Warning:
    case EngineEvent::Kind::Meeting:
        break;
    }
}

void DnsController::applyFinished(const Result<EngineOutcome> &result)
{
    m_running = false;
    m_view.finished = true;
    const EngineOutcome outcome = result.ok() ? result.value() : (m_engine ? m_engine->outcome() : EngineOutcome());
    if (outcome.dnsReady)
        m_dnsResolved = true;
    if (m_view.certificate != DnsPageView::Certificate::LetsEncrypt)
        setCertificate(DnsPageView::Certificate::SelfSigned);
    if (result.ok())
        m_view.finishedText = tr("The deployment has finished. Go on to see the evidence that every bridge works.");
    else
        m_view.finishedText = tr("The deployment stopped: %1").arg(WizardAdvice::message(result.error()));
    Q_EMIT completeChanged();
}

void DnsController::setCertificate(DnsPageView::Certificate certificate)
{
    // Let's Encrypt, once there, stays for the rest of the run.
    if (m_view.certificate == DnsPageView::Certificate::LetsEncrypt)
        return;
    m_view.certificate = certificate;
}

void DnsController::update()
{
    DnsPageView &v = m_view;
    v.checkLines.clear();
    v.resolver.clear();
    if (m_check) {
        v.resolver = m_check->resolver.isEmpty() ? tr("your computer's resolver") : m_check->resolver;
        for (const DnsAnswer &answer : std::as_const(m_check->answers))
            v.checkLines.append({answer.record.name + u' ' + answer.record.type, answer.description, answer.ready});
    }

    using C = DnsPageView::Certificate;
    if (v.certificate == C::LetsEncrypt || v.certificate == C::Requesting || m_dnsResolved) {
        v.checkStatus = tr("The records resolve to the web host.");
        v.checkLines.clear(); // the last unfinished round no longer says what is true
    } else if (m_continueRequested) {
        v.checkStatus = tr("No longer waiting for DNS: the deployment goes on with the self-signed certificate.");
    } else if (m_dnsGaveUp || (v.finished && !v.records.isEmpty())) {
        v.checkStatus = tr("The records did not resolve in time; the web host keeps its self-signed certificate.");
    } else if (m_check) {
        const int seconds = (m_check->nextTryMs + 999) / 1000;
        v.checkStatus = tr("Check %1: not every record points at the web host yet. Next check in %2 s.")
                                .arg(m_check->round)
                                .arg(seconds);
    } else if (!v.records.isEmpty()) {
        v.checkStatus = tr("Checking whether the records resolve\u2026");
    } else {
        v.checkStatus = tr("The records are known once the web server exists.");
    }

    switch (v.certificate) {
    case C::WaitingForDns:
        v.certificateText = tr("Self-signed for now. It switches to Let's Encrypt as soon as the records resolve.");
        break;
    case C::Requesting:
        v.certificateText = tr("The records resolve: getting the Let's Encrypt certificate\u2026");
        break;
    case C::LetsEncrypt:
        v.certificateText = tr("Let's Encrypt: browsers trust the meeting's address.");
        break;
    case C::SelfSigned:
        v.certificateText = tr("Self-signed: browsers warn about it. Once the records resolve, run the deployment "
                               "again (same domain) and it gets the Let's Encrypt certificate.");
        break;
    }
    v.zoneText = allRecordsText();
    v.canContinueWithoutDns = m_running && !v.finished && !m_continueRequested && !m_dnsResolved && !m_dnsGaveUp
                              && !v.records.isEmpty();
    Q_EMIT viewChanged();
}

QString DnsController::recordText(int index) const
{
    if (index < 0 || index >= m_view.records.size())
        return {};
    return m_view.records.at(index).value;
}

QString DnsController::allRecordsText() const
{
    QString text;
    for (const DnsRecord &record : m_view.records)
        text += record.toZoneLine() + u'\n';
    return text;
}

void DnsController::continueWithoutDns()
{
    if (!m_view.canContinueWithoutDns || !m_engine)
        return;
    m_continueRequested = true;
    m_engine->continueWithoutDns();
    update();
}
