#pragma once

#include <QDialog>

struct HostKeyQuestion;

// "Is this your server?" for a server whose host key this computer cannot check by itself (deployed from another
// computer, no host-key label): its name and the fingerprint, in plain words what to compare it with, and two
// answers. Only asks; the HostKeyBroker and the engine decide what trusting means. Esc and the close box say Stop.
class HostKeyDialog : public QDialog
{
    Q_OBJECT

public:
    explicit HostKeyDialog(const HostKeyQuestion &question, QWidget *parent = nullptr);

Q_SIGNALS:
    void trusted();
    void stopped();
};
