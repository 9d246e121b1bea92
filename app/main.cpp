#include "ui/wizardshell.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    WizardShell wizard;
    wizard.show();
    return app.exec();
}
