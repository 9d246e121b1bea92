#include "deploy/meetingstatus.h"

#include <QJsonArray>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

const BridgeMeetingFigures *MeetingStatus::find(const QString &bridge) const
{
    for (const BridgeMeetingFigures &figures : bridges) {
        if (figures.bridge == bridge)
            return &figures;
    }
    return nullptr;
}

namespace {
template<typename T>
QJsonValue optional(const std::optional<T> &value)
{
    return value ? QJsonValue(double(*value)) : QJsonValue(QJsonValue::Null);
}
} // namespace

QJsonObject MeetingStatus::toJson() const
{
    QJsonArray list;
    for (const BridgeMeetingFigures &b : bridges)
        list.append(QJsonObject{{u"server"_s, b.bridge},
                                {u"reachable"_s, b.reachable},
                                {u"conferences"_s, optional(b.conferences)},
                                {u"endpoints"_s, optional(b.endpoints)},
                                {u"ice_succeeded"_s, optional(b.iceSucceeded)},
                                {u"data_channel_messages_received"_s, optional(b.dataChannelMessages)},
                                {u"drained_by_test"_s, b.drainedByTest},
                                {u"drained_by_user"_s, b.drainedByUser},
                                {u"carried"_s, b.carried},
                                {u"skipped"_s, b.skipped}});
    QJsonObject json{{u"room_url"_s, roomUrl},
                     {u"every_bridge"_s, everyBridge},
                     {u"finished"_s, finished},
                     {u"bridges"_s, list}};
    if (everyBridge) {
        json.insert(u"carrier"_s, carrier.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(carrier));
        json.insert(u"turn"_s, turn);
        json.insert(u"turns"_s, turns);
    }
    return json;
}

QString MeetingStatus::newRoomName()
{
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    QString room = u"test-"_s;
    for (int i = 0; i < 20; ++i)
        room += QLatin1Char(alphabet[QRandomGenerator::system()->bounded(36)]);
    return room;
}
