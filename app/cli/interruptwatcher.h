#pragma once

#include <QObject>

class QSocketNotifier;

// Turns the first Ctrl-C (SIGINT) into the signal interrupted() on the event loop, so a running operation can stop
// at a safe point. A second Ctrl-C ends the process at once (the default action is restored after the first).
// One instance at a time.
class InterruptWatcher : public QObject
{
    Q_OBJECT

public:
    explicit InterruptWatcher(QObject *parent = nullptr);
    ~InterruptWatcher() override;

Q_SIGNALS:
    void interrupted();

private:
    QSocketNotifier *m_notifier = nullptr;
};
