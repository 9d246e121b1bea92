#include "deploycleanupdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

DeployCleanupDialog::DeployCleanupDialog(const QList<Server> &servers, const QString &monthlyTotal, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"deployCleanupDialog"_s);
    setWindowTitle(tr("Deployment stopped"));
    auto *text = new QLabel(this);
    text->setObjectName(u"cleanupTextLabel"_s);
    text->setWordWrap(true);
    text->setTextFormat(Qt::PlainText);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QString body;
    if (servers.isEmpty()) {
        body = tr("The deployment stopped before any server was created; nothing of it costs money.");
    } else {
        body = tr("The deployment stopped. This run created these servers; they cost money until they are deleted:")
               + u"\n\n"_s;
        for (const Server &server : servers) {
            body += server.monthlyCost.isEmpty() ? u"  \u2022 %1\n"_s.arg(server.name)
                                                 : u"  \u2022 %1 \u2014 %2\n"_s.arg(server.name, server.monthlyCost);
        }
        if (!monthlyTotal.isEmpty())
            body += u"\n"_s + tr("Together: %1.").arg(monthlyTotal) + u"\n"_s;
        body += u"\n"_s
                + tr("Keep them to resume later (running the wizard again with the same domain goes on where this "
                     "run stopped), or delete them now.");
    }
    text->setText(body);

    auto *buttons = new QDialogButtonBox(this);
    auto *keep = buttons->addButton(servers.isEmpty() ? tr("&Close") : tr("&Keep the servers"),
                                    QDialogButtonBox::AcceptRole);
    keep->setObjectName(u"keepServersButton"_s);
    keep->setToolTip(tr("Nothing is deleted; a later run resumes the deployment"));
    if (!servers.isEmpty()) {
        auto *remove = buttons->addButton(tr("&Delete them"), QDialogButtonBox::DestructiveRole);
        remove->setObjectName(u"deleteServersButton"_s);
        remove->setToolTip(tr("Deletes the servers, network and firewalls this run created"));
        connect(remove, &QPushButton::clicked, this, [this] {
            accept();
            Q_EMIT deleteChosen();
        });
    }
    connect(keep, &QPushButton::clicked, this, [this] {
        accept();
        Q_EMIT keepChosen();
    });
    // Esc or the close box keeps the servers: never delete on an unclear answer.
    connect(this, &QDialog::rejected, this, &DeployCleanupDialog::keepChosen);
    keep->setDefault(true);

    setMinimumWidth(fontMetrics().averageCharWidth() * 70);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(buttons);
}
