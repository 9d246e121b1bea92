#pragma once

#include "common/advice.h"

#include <QCoreApplication>
#include <QString>

struct Error;

// The CLI's words for the engine's advice (common/advice.h): the command that goes on. The wizard says the same
// advice as a button to press (ui/wizardadvice.h).
class CliAdvice
{
    Q_DECLARE_TR_FUNCTIONS(CliAdvice)

public:
    static QString text(const Advice &advice); // empty for Advice::Kind::None
    static QString withAdvice(const QString &message, const Advice &advice); // message, then the advice
    static QString message(const Error &error); // error.message with its advice
};
