#pragma once

#include "deploy/meetingstatus.h"

#include <QCoreApplication>
#include <QStringList>

// `test-meeting`'s text for one MeetingStatus: the room's link, which bridge carries the test now ("every bridge"),
// and a line per bridge with its figures. Translated.
class MeetingLines
{
    Q_DECLARE_TR_FUNCTIONS(MeetingLines)

public:
    static QStringList render(const MeetingStatus &status);
    // "3" or "-" (not read).
    template<typename T>
    static QString figure(const std::optional<T> &value)
    {
        return value ? QString::number(*value) : QStringLiteral("-");
    }
};
