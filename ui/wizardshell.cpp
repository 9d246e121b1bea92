#include "wizardshell.h"

WizardShell::WizardShell(QWidget *parent)
    : QWizard(parent)
{
    setObjectName(QStringLiteral("wizardShell"));
    setWindowTitle(tr("Jitsi Deployer"));
}
