#pragma once

#include "common/advice.h"

#include <QCoreApplication>
#include <QString>

struct Error;

// The wizard's words for the engine's advice (common/advice.h): the page or button that goes on, never a command
// (the CLI says those: app/cli/cliadvice.h). Every page that shows an engine message shows it through here.
class WizardAdvice
{
    Q_DECLARE_TR_FUNCTIONS(WizardAdvice)

public:
    static QString text(const Advice &advice); // empty for Advice::Kind::None
    static QString withAdvice(const QString &message, const Advice &advice); // message, then the advice
    static QString message(const Error &error); // error.message with its advice
};
