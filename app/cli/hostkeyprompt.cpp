#include "hostkeyprompt.h"

#include "clioutput.h"
#include "deploy/hostkeybroker.h"
#include "terminal.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

HostKeyPrompt::HostKeyPrompt(CliOutput *output, QObject *parent)
    : QObject(parent)
    , m_output(output)
    , m_broker(new HostKeyBroker(this))
{
    connect(m_broker, &HostKeyBroker::confirmationNeeded, this, &HostKeyPrompt::ask);
}

void HostKeyPrompt::ask(const HostKeyQuestion &question)
{
    const QString shown
            = tr("The server %1 (%2) of %3 has no host-key label, so this computer cannot check by itself that it "
                 "is your server. Its host key fingerprint is:\n  %4\nCompare it with the output of `ssh-keygen -lf "
                 "/etc/ssh/ssh_host_ed25519_key.pub` in the server's console (Hetzner Console).")
                      .arg(question.serverName, question.address, question.deployment, question.fingerprint);
    if (!Terminal::stdinIsTerminal()) {
        m_output->error(shown + u'\n'
                        + tr("No terminal to confirm it on: if it matches, run the command again with --host-key "
                             "%1=%2")
                                  .arg(question.serverName, question.fingerprint));
        m_broker->decline();
        return;
    }
    m_output->error(shown);
    auto *prompt = new LinePrompt(this);
    prompt->ask(tr("Type yes if it matches and you trust this server: "), [this, prompt](const QString &line) {
        prompt->deleteLater();
        if (line.trimmed().compare(u"yes"_s, Qt::CaseInsensitive) == 0)
            m_broker->confirm();
        else
            m_broker->decline();
    });
}

Result<QMap<QString, QString>> HostKeyPrompt::parseOptions(const QStringList &values)
{
    static const QRegularExpression form(u"^([a-z0-9][a-z0-9.-]*)=(SHA256:[A-Za-z0-9+/]{43})$"_s);
    QMap<QString, QString> fingerprints;
    for (const QString &value : values) {
        const auto match = form.match(value.trimmed());
        if (!match.hasMatch())
            return Error{u"input"_s,
                         u"host_key_option_invalid"_s,
                         tr("--host-key needs a server name and its fingerprint as ssh-keygen -l prints it, such as "
                            "--host-key meet-example-org-web=SHA256:%1; \"%2\" is not that.")
                                 .arg(QString(43, u'A'), value),
                         {},
                         {},
                         0};
        fingerprints.insert(match.captured(1), match.captured(2));
    }
    return fingerprints;
}
