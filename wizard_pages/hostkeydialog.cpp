#include "hostkeydialog.h"

#include "deploy/hostkeybroker.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

HostKeyDialog::HostKeyDialog(const HostKeyQuestion &question, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"hostKeyDialog"_s);
    setWindowTitle(tr("Is this your server?"));
    setAccessibleName(tr("Confirm the host key of %1").arg(question.serverName));

    auto *intro = new QLabel(this);
    intro->setObjectName(u"hostKeyIntroLabel"_s);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    intro->setText(tr("The server %1 (%2) of %3 has no host-key label, so this computer cannot check by itself that "
                      "it is your server and not an impostor. It shows this fingerprint:")
                           .arg(question.serverName, question.address, question.deployment));

    auto *fingerprint = new QLabel(question.fingerprint, this);
    fingerprint->setObjectName(u"hostKeyFingerprintLabel"_s);
    fingerprint->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    fingerprint->setTextFormat(Qt::PlainText);
    fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    fingerprint->setFocusPolicy(Qt::StrongFocus); // a screen reader user can reach and read it
    fingerprint->setAccessibleName(tr("Host key fingerprint of %1").arg(question.serverName));

    auto *how = new QLabel(this);
    how->setObjectName(u"hostKeyHowLabel"_s);
    how->setWordWrap(true);
    how->setTextFormat(Qt::PlainText);
    how->setTextInteractionFlags(Qt::TextSelectableByMouse);
    how->setText(tr("Compare it with the fingerprint you noted on the computer that deployed it, or open the "
                    "server's console in the Hetzner Console and run:\n  ssh-keygen -lf "
                    "/etc/ssh/ssh_host_ed25519_key.pub\nTrust the key only if both are exactly the same. If you "
                    "stop, nothing is changed."));

    auto *buttons = new QDialogButtonBox(this);
    auto *trust = buttons->addButton(tr("&Trust this key"), QDialogButtonBox::AcceptRole);
    trust->setObjectName(u"trustHostKeyButton"_s);
    trust->setAccessibleName(tr("Trust this key"));
    trust->setToolTip(tr("The fingerprints are the same: pin this key and go on"));
    auto *stop = buttons->addButton(tr("&Stop"), QDialogButtonBox::RejectRole);
    stop->setObjectName(u"stopHostKeyButton"_s);
    stop->setAccessibleName(tr("Stop"));
    stop->setToolTip(tr("Do not trust this server; nothing is changed"));
    // Stop is the default: Enter on an unread question must not trust a key.
    stop->setDefault(true);
    connect(trust, &QPushButton::clicked, this, [this] {
        accept();
        Q_EMIT trusted();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(this, &QDialog::rejected, this, &HostKeyDialog::stopped); // Stop, Esc and the close box

    setMinimumWidth(fontMetrics().averageCharWidth() * 70);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(fingerprint);
    layout->addWidget(how);
    layout->addWidget(buttons);
}
