#include "cli/cliadvice.h"

#include "common/result.h"

using namespace Qt::StringLiterals;

QString CliAdvice::text(const Advice &advice)
{
    switch (advice.kind) {
    case Advice::Kind::None:
        return {};
    case Advice::Kind::RetrySameOperation:
        return tr("Run the same command again: it continues where it stopped, completed steps are not repeated.");
    case Advice::Kind::RetryOnceDnsResolves:
        return tr("Run the same command again once DNS resolves to get the Let's Encrypt certificate.");
    case Advice::Kind::ListDeployments:
        return tr("`jitsi-deployer status` lists the deployments the project has.");
    case Advice::Kind::RemoveBridge:
        return advice.subject.isEmpty()
                       ? tr("\"jitsi-deployer remove-bridge\" removes a bridge (drained first).")
                       : tr("\"jitsi-deployer remove-bridge %1\" removes it (drained first).").arg(advice.subject);
    case Advice::Kind::ListServerTypes:
        return advice.subject.isEmpty()
                       ? tr("\"jitsi-deployer hcloud server-types\" lists what can be ordered.")
                       : tr("\"jitsi-deployer hcloud server-types --location %1\" lists what can be ordered there.")
                                 .arg(advice.subject);
    case Advice::Kind::UpdateJitsi:
        return tr("`jitsi-deployer update` brings every host to the current version, one bridge at a time.");
    case Advice::Kind::RetryOrForce:
        return tr("Run the same command again when its meetings have ended, or add --force to go on anyway.");
    }
    return {};
}

QString CliAdvice::withAdvice(const QString &message, const Advice &advice)
{
    const QString advised = text(advice);
    if (advised.isEmpty())
        return message;
    return message.isEmpty() ? advised : message + u' ' + advised;
}

QString CliAdvice::message(const Error &error)
{
    return withAdvice(error.message, error.advice);
}
