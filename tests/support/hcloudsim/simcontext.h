#pragma once

#include "actionstore.h"
#include "catalogue.h"
#include "simobserver.h"
#include "statestore.h"

#include <QDateTime>
#include <QSet>
#include <QString>

// Everything the handlers share: the fixed catalogue, the project's state, its actions and the knobs tests
// turn. Owned by HcloudSim; handlers hold a reference.
struct SimContext
{
    Catalogue catalogue;
    StateStore store;
    ActionStore actions;
    bool emitDatacenter = true;
    QSet<QString> soldOut; // "<type>@<location>"
    int serverLimit = -1; // servers the project may have; -1 = unlimited
    SimObserver *observer = nullptr; // the testbed, when one is attached; not owned

    static QString timestamp() { return QDateTime::currentDateTimeUtc().toString(Qt::ISODate); }
};
