#pragma once

#include <QJsonObject>

// What an attached testbed (TestbedHosts) learns about the project: the moments at which a real cloud would
// boot a machine, destroy it, or change what its DNS answers. Called on the simulator's thread when the change
// takes effect (actions complete lazily, just before a request is handled), never from a handler's middle.
class SimObserver
{
public:
    virtual ~SimObserver() = default;

    // start_server finished: the machine powers on. `server` is the stored object, including its user_data.
    virtual void serverStarted(const QJsonObject &server) = 0;
    // delete_server finished: the server is gone from the project.
    virtual void serverDeleted(const QJsonObject &server) = 0;
    // A zone or one of its record sets was created or changed.
    virtual void zonesChanged() = 0;
};
