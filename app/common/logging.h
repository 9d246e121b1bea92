#pragma once

#include <QLoggingCategory>

// One category per subsystem (DESIGN.md §7).
Q_DECLARE_LOGGING_CATEGORY(lcHcloud)
Q_DECLARE_LOGGING_CATEGORY(lcSecrets)
Q_DECLARE_LOGGING_CATEGORY(lcCli)
Q_DECLARE_LOGGING_CATEGORY(lcSsh)
Q_DECLARE_LOGGING_CATEGORY(lcGui)
Q_DECLARE_LOGGING_CATEGORY(lcDeploy) // the engine: runs, their logs on disk
Q_DECLARE_LOGGING_CATEGORY(lcProvision) // rendering hosts' user-data and install files

// Routes every Qt log message through the Redactor before the default handler prints it.
void installRedactingMessageHandler();
