#include "logging.h"

#include "redactor.h"

Q_LOGGING_CATEGORY(lcHcloud, "deployer.hcloud", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecrets, "deployer.secrets", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCli, "deployer.cli", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSsh, "deployer.ssh", QtInfoMsg)
Q_LOGGING_CATEGORY(lcGui, "deployer.gui", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDeploy, "deployer.deploy", QtInfoMsg)
Q_LOGGING_CATEGORY(lcProvision, "deployer.provision", QtInfoMsg)

namespace {
QtMessageHandler previousHandler = nullptr;

void redactingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (previousHandler)
        previousHandler(type, context, Redactor::instance().redact(message));
}
} // namespace

void installRedactingMessageHandler()
{
    static bool installed = false;
    if (installed)
        return;
    installed = true;
    previousHandler = qInstallMessageHandler(redactingHandler);
}
