#include "deploymentcontroller.h"

#include "common/logging.h"
#include "deploy/discovery.h"
#include "hcloud/hetznerclient.h"
#include "model/deploymentplan.h"
#include "wizardstate.h"

using namespace Qt::StringLiterals;

DeploymentController::DeploymentController(WizardState *state, QObject *parent)
    : QObject(parent)
    , m_state(state)
    , m_discovery(new Discovery(state->client(), this))
{
    m_delay.setSingleShot(true);
    m_delay.setInterval(500);
    connect(&m_delay, &QTimer::timeout, this, &DeploymentController::startCheck);
}

DeploymentController::~DeploymentController() = default;

bool DeploymentController::isInternationalDomain() const
{
    return !m_asciiDomain.isEmpty() && m_asciiDomain != m_typedDomain.trimmed().toLower();
}

QString DeploymentController::slug() const
{
    if (!domainValid())
        return {};
    DeploymentPlan plan;
    plan.domain = m_asciiDomain;
    return plan.slug();
}

QStringList DeploymentController::serverNames() const
{
    if (!domainValid())
        return {};
    DeploymentPlan plan;
    plan.domain = m_asciiDomain;
    return {plan.webServerName(), plan.bridgeName(1), plan.bridgeName(2)};
}

bool DeploymentController::isComplete() const
{
    return domainValid() && emailValid() && m_checkState == CheckState::Done && m_checkedDomain == m_asciiDomain
           && !m_deploymentExists;
}

DeploymentController::View DeploymentController::view() const
{
    View view;
    if (!m_domainProblem.isEmpty()) {
        view.domainHint = m_domainProblem;
        view.domainError = true;
    } else if (isInternationalDomain()) {
        view.domainHint = tr("Will be registered as %1.").arg(m_asciiDomain);
    }
    view.emailHint = m_emailProblem;
    view.emailError = !m_emailProblem.isEmpty();
    const QStringList names = serverNames();
    view.serverNames = names.isEmpty() ? tr("(made from the domain)") : names.join(u", "_s) + u", \u2026"_s;
    view.checkMessage = m_checkMessage;
    view.checkError = m_checkState == CheckState::Failed || (m_checkState == CheckState::Done && m_deploymentExists);
    view.canManage = m_checkState == CheckState::Done && m_deploymentExists;
    view.canRetry = m_checkState == CheckState::Failed;
    view.complete = isComplete();
    view.moderated = m_state->plan().options.meetingAccess == DeploymentPlan::MeetingAccess::Moderated;
    return view;
}

void DeploymentController::setDomain(const QString &typed)
{
    const QString ascii = typed.trimmed().isEmpty() ? QString() : DeploymentPlan::asciiDomain(typed);
    const bool same = ascii == m_asciiDomain;
    m_typedDomain = typed;
    m_asciiDomain = ascii;
    m_domainProblem.clear();
    if (!ascii.isEmpty()) {
        if (const auto checked = DeploymentPlan::validateDomain(ascii, tr("The meeting domain")); !checked)
            m_domainProblem = checked.error().message;
    }
    const QString planDomain = domainValid() ? m_asciiDomain : QString();
    m_state->updatePlan([&planDomain](DeploymentPlan &plan) { plan.domain = planDomain; });
    // "Meet.Example.org" and "meet.example.org " are the same domain: its answers stay valid.
    if (!same || m_checkState == CheckState::Idle)
        scheduleCheck();
    Q_EMIT changed();
}

void DeploymentController::setEmail(const QString &typed)
{
    m_email = typed.trimmed();
    m_emailProblem.clear();
    if (!m_email.isEmpty()) {
        if (const auto checked = DeploymentPlan::validateEmail(m_email); !checked)
            m_emailProblem = checked.error().message;
    }
    const QString planEmail = emailValid() ? m_email : QString();
    m_state->updatePlan([&planEmail](DeploymentPlan &plan) { plan.email = planEmail; });
    Q_EMIT changed();
}

void DeploymentController::setModerated(bool moderated)
{
    const auto access = moderated ? DeploymentPlan::MeetingAccess::Moderated : DeploymentPlan::MeetingAccess::Open;
    m_state->updatePlan([access](DeploymentPlan &plan) { plan.options.meetingAccess = access; });
    Q_EMIT changed();
}

void DeploymentController::recheck()
{
    m_checkedDomain.clear();
    scheduleCheck();
    Q_EMIT changed();
}

void DeploymentController::scheduleCheck()
{
    ++m_generation; // whatever is still on its way is about another domain now
    m_delay.stop();
    m_deploymentExists = false;
    m_zoneInProject = false;
    m_checkedDomain.clear();
    if (!domainValid()) {
        m_checkState = CheckState::Idle;
        m_checkMessage.clear();
        return;
    }
    m_checkState = CheckState::Checking;
    m_checkMessage = tr("Checking your Hetzner project for %1\u2026").arg(m_asciiDomain);
    m_delay.start();
}

void DeploymentController::startCheck()
{
    if (!domainValid())
        return;
    if (!m_state->hasToken()) {
        fail(tr("There is no API token yet. Go back to the token page and check your token."));
        return;
    }
    const quint64 generation = ++m_generation;
    const QString domain = m_asciiDomain;
    m_zoneAnswered = false;
    m_discoveryAnswered = false;
    m_zoneName.clear();
    m_zoneMode.clear();
    m_existingServers.clear();
    qCDebug(lcGui) << "checking the project for" << domain;

    m_state->client()->findZoneForDomain(domain, this, [this, generation](Result<std::optional<hcloud::Zone>> zone) {
        if (generation != m_generation)
            return;
        if (!zone) {
            fail(zone.error().message);
            return;
        }
        if (zone->has_value()) {
            m_zoneName = zone->value().name;
            m_zoneMode = zone->value().mode;
        }
        m_zoneAnswered = true;
        finishCheckIfAnswered(generation);
    });
    m_discovery->discover(this, [this, generation, domain](Result<Inventory> inventory) {
        if (generation != m_generation)
            return;
        if (!inventory) {
            fail(inventory.error().message);
            return;
        }
        if (const DiscoveredDeployment *found = inventory->find(domain)) {
            m_deploymentExists = true;
            if (found->web)
                m_existingServers << found->web->name;
            for (const DiscoveredServer &bridge : found->bridges)
                m_existingServers << bridge.name;
        }
        m_discoveryAnswered = true;
        finishCheckIfAnswered(generation);
    });
}

void DeploymentController::finishCheckIfAnswered(quint64 generation)
{
    if (generation != m_generation || !m_zoneAnswered || !m_discoveryAnswered)
        return;
    m_checkState = CheckState::Done;
    m_checkedDomain = m_asciiDomain;
    // A secondary zone copies its records from another server; the API refuses changes to it (as DnsCheck knows).
    m_zoneInProject = !m_zoneName.isEmpty() && m_zoneMode != u"secondary"_s;
    m_state->setDnsZoneInProject(m_zoneInProject);

    if (m_deploymentExists) {
        const QString servers = m_existingServers.isEmpty()
                                        ? tr("no servers are left")
                                        : m_existingServers.mid(0, 3).join(u", "_s)
                                                  + (m_existingServers.size() > 3 ? u", \u2026"_s : u""_s);
        m_checkMessage = tr("A deployment for %1 already exists in this project (%2). Manage it (add or remove "
                            "bridges, update, destroy) with the button below; to create a new deployment, enter "
                            "another domain.")
                                 .arg(m_asciiDomain, servers);
    } else if (m_zoneInProject) {
        m_checkMessage = tr("The DNS zone %1 is in this Hetzner project: the DNS records for %2 will be created "
                            "automatically.")
                                 .arg(m_zoneName, m_asciiDomain);
    } else if (!m_zoneName.isEmpty()) {
        m_checkMessage = tr("The DNS zone %1 in this project is a secondary zone, which Hetzner cannot change: you "
                            "will create two DNS records for %2 yourself later, at your primary DNS server. The "
                            "wizard shows them.")
                                 .arg(m_zoneName, m_asciiDomain);
    } else {
        m_checkMessage = tr("%1 is not in a DNS zone of this Hetzner project: you will create two DNS records (A and "
                            "AAAA) yourself later, where your domain's DNS is managed. The wizard shows them.")
                                 .arg(m_asciiDomain);
    }
    Q_EMIT changed();
}

void DeploymentController::fail(const QString &message)
{
    ++m_generation; // the other answer of this check no longer matters
    m_checkState = CheckState::Failed;
    m_checkMessage
            = tr("Your Hetzner project could not be checked: %1 What you typed is kept; press Retry.").arg(message);
    qCInfo(lcGui) << "project check failed:" << message;
    Q_EMIT changed();
}
