#include "cli/meetinglines.h"

using namespace Qt::StringLiterals;

QStringList MeetingLines::render(const MeetingStatus &status)
{
    QStringList out;
    if (status.finished) {
        out << tr("    Meeting test ended; every bridge it drained is back in service.");
    } else {
        out << tr("    Test meeting: %1").arg(status.roomUrl);
        if (status.everyBridge && !status.carrier.isEmpty())
            out << tr("    Testing bridge %1 of %2: %3 (the others are drained for new meetings); join the room now.")
                            .arg(status.turn)
                            .arg(status.turns)
                            .arg(status.carrier);
    }
    for (const BridgeMeetingFigures &b : status.bridges) {
        QString state;
        if (b.carried)
            state = tr("carried the test meeting");
        else if (b.skipped)
            state = tr("skipped: no test meeting seen");
        else if (b.drainedByUser)
            state = tr("drained by you, not tested");
        else if (b.drainedByTest)
            state = tr("drained for the test");
        else if (!status.carrier.isEmpty() && b.bridge == status.carrier)
            state = tr("carries the test now");
        const QString figures = b.reachable
                                        ? tr("%1 conferences, %2 endpoints, ICE succeeded %3, data-channel messages %4")
                                                  .arg(figure(b.conferences), figure(b.endpoints),
                                                       figure(b.iceSucceeded), figure(b.dataChannelMessages))
                                        : tr("figures not readable");
        out << (state.isEmpty() ? u"      %1: %2"_s.arg(b.bridge, figures)
                                : u"      %1: %2 (%3)"_s.arg(b.bridge, figures, state));
    }
    return out;
}
