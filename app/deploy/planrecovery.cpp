#include "planrecovery.h"

#include "deploy/deploymentlabels.h"
#include "provision/envfile.h"
#include "ssh/sshpublickey.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace {
Error recoveryError(const QString &message, const QString &detail = {})
{
    return Error{u"deploy"_s, u"plan_not_recoverable"_s, message, detail, {}, 0};
}

// The first public key in an authorized_keys file; a line may start with options (no-pty,command="…").
QString firstKey(const QByteArray &authorizedKeys)
{
    for (const QByteArray &raw : authorizedKeys.split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const QStringList fields = line.split(u' ', Qt::SkipEmptyParts);
        for (qsizetype i = 0; i + 1 < fields.size(); ++i) {
            const auto key = SshPublicKey::fromLine(fields.at(i) + u' ' + fields.at(i + 1));
            if (key.ok())
                return key->keyText();
        }
    }
    return {};
}
} // namespace

Result<DeploymentPlan> PlanRecovery::rebuild(const DiscoveredDeployment &found, const QByteArray &webEnvFile,
                                             const QByteArray &authorizedKeys)
{
    if (!found.web)
        return recoveryError(tr("The deployment has no web host, so its settings cannot be read back on this "
                                "computer. Deploy it again with its plan to repair it."));
    const auto env = EnvFile::parse(webEnvFile);
    if (!env.ok())
        return recoveryError(tr("The web host's parameter file could not be read; deploy the deployment again from "
                                "its plan file on this computer."),
                             env.error().detail);
    DeploymentPlan plan;
    plan.domain = env->value(u"JD_DOMAIN"_s);
    if (plan.domain.isEmpty() || plan.slug() != found.slug)
        return recoveryError(tr("The web host %1 names the domain \"%2\", which is not the domain of deployment %3. "
                                "Nothing was changed; check the server in the Hetzner Console.")
                                     .arg(found.web->name, plan.domain, found.slug));
    plan.email = env->value(u"JD_EMAIL"_s);
    plan.options.turnServer = env->value(u"JD_TURN_SERVER"_s) == u"true"_s;
    plan.options.acmeDirectoryUrl = env->value(u"JD_ACME_DIRECTORY_URL"_s);
    // A web host from before meeting access existed has no such line: it is open.
    plan.options.meetingAccess = DeploymentPlan::meetingAccessFromName(env->value(u"JD_MEETING_ACCESS"_s))
                                         .value_or(DeploymentPlan::MeetingAccess::Open);
    if (!found.web->image.isEmpty())
        plan.image = found.web->image;
    plan.web = HostSpec{found.web->serverType, found.web->location};
    for (const DiscoveredServer &bridge : found.bridges)
        plan.bridges.append(HostSpec{bridge.serverType, bridge.location});
    plan.sshPublicKey = firstKey(authorizedKeys);
    if (plan.sshPublicKey.isEmpty())
        return recoveryError(tr("The web host %1 has no SSH key in root's authorized_keys, so new servers could "
                                "not be given one. Add your public key there, then try again.")
                                     .arg(found.web->name));
    for (const DiscoveredFirewall &firewall : found.firewalls) {
        if (firewall.role != QLatin1String(DeploymentLabels::webRole))
            continue;
        const QSet<QString> sources(firewall.sshSources.cbegin(), firewall.sshSources.cend());
        if (!sources.isEmpty() && sources != QSet<QString>{u"0.0.0.0/0"_s, u"::/0"_s})
            plan.options.sshSourceCidrs = firewall.sshSources;
    }
    if (auto valid = plan.validate(); !valid.ok())
        return recoveryError(tr("The settings read back from the project and the web host are not a valid plan: %1")
                                     .arg(valid.error().message),
                             valid.error().detail);
    return plan;
}
