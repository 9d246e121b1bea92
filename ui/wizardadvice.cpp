#include "wizardadvice.h"

#include "common/result.h"

using namespace Qt::StringLiterals;

QString WizardAdvice::text(const Advice &advice)
{
    switch (advice.kind) {
    case Advice::Kind::None:
        return {};
    case Advice::Kind::RetrySameOperation:
        return tr("Press Retry to continue where it stopped: completed steps are not repeated.");
    case Advice::Kind::RetryOnceDnsResolves:
        return tr("Once the records resolve, press Retry to get the Let's Encrypt certificate.");
    case Advice::Kind::ListDeployments:
        return tr("The Deployment page shows the deployments this project has.");
    case Advice::Kind::RemoveBridge:
        return advice.subject.isEmpty()
                       ? tr("The deployment's Manage page removes a bridge (drained first).")
                       : tr("The deployment's Manage page removes %1 (drained first).").arg(advice.subject);
    case Advice::Kind::ListServerTypes:
        return advice.subject.isEmpty()
                       ? tr("The Servers page offers only the types that can be ordered.")
                       : tr("The Servers page offers only the types that can be ordered in %1.").arg(advice.subject);
    case Advice::Kind::UpdateJitsi:
        return tr("\"Update Jitsi\" on the deployment's Manage page brings every host to the current version, one "
                  "bridge at a time.");
    case Advice::Kind::RetryOrForce:
        return tr("Press Retry when its meetings have ended; when asked again, you can choose to go on anyway.");
    }
    return {};
}

QString WizardAdvice::withAdvice(const QString &message, const Advice &advice)
{
    const QString advised = text(advice);
    if (advised.isEmpty())
        return message;
    return message.isEmpty() ? advised : message + u' ' + advised;
}

QString WizardAdvice::message(const Error &error)
{
    return withAdvice(error.message, error.advice);
}
