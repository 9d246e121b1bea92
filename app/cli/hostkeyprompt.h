#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QMap>
#include <QObject>
#include <QStringList>

class CliOutput;
class HostKeyBroker;
struct HostKeyQuestion;

// The CLI's side of HostKeyBroker: shows a server's host-key fingerprint and asks on the terminal whether it is
// the user's server; without a terminal it declines and says how to pass the fingerprint (--host-key).
class HostKeyPrompt : public QObject
{
    Q_DECLARE_TR_FUNCTIONS(HostKeyPrompt)

public:
    HostKeyPrompt(CliOutput *output, QObject *parent);
    HostKeyBroker *broker() const { return m_broker; }

    // --host-key NAME=SHA256:… values (repeatable) -> server name -> fingerprint; a malformed one is a usage error.
    static Result<QMap<QString, QString>> parseOptions(const QStringList &values);

private:
    void ask(const HostKeyQuestion &question);

    CliOutput *m_output;
    HostKeyBroker *m_broker;
};
