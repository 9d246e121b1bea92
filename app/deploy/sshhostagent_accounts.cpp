// SshHostAgent::manageAccounts: the accounts of a moderated deployment, by resources/provision/web-accounts.sh.
#include "deploy/sshhostagent.h"

#include "provision/installbundle.h"

using namespace Qt::StringLiterals;

namespace {

QString quoted(const QString &text)
{
    QString q = text;
    q.replace(u"'"_s, u"'\\''"_s);
    return u'\'' + q + u'\'';
}

// web-accounts.sh's "@@error <code> <message>": the code picks the message the user reads (translated here, the
// script's English text goes to the detail).
Error accountError(const QStringList &err, const AccountRequest &request, const QString &server)
{
    QString code, detail;
    for (const QString &line : err) {
        if (line.startsWith(u"@@error "_s)) {
            code = line.section(u' ', 1, 1);
            detail = line.section(u' ', 2);
            break;
        }
    }
    if (detail.isEmpty() && !err.isEmpty())
        detail = err.last();
    auto error = [&](const QString &message) {
        return Error{u"host"_s, code.isEmpty() ? u"accounts_failed"_s : u"account_"_s + code, message, detail, {}, 0};
    };
    if (code == u"not_moderated"_s)
        return error(SshHostAgent::tr("Meetings on this deployment are open to everyone, so accounts have no effect. "
                                      "Deploy it again with meeting access \"moderated\" first."));
    if (code == u"exists"_s)
        return error(SshHostAgent::tr("The account %1 already exists. Remove it first to give it a new password, "
                                      "or choose another name.")
                             .arg(request.user));
    if (code == u"not_found"_s)
        return error(
                SshHostAgent::tr("There is no account %1; list the accounts to see their names.").arg(request.user));
    if (code == u"invalid_user"_s || code == u"invalid_password"_s)
        return error(SshHostAgent::tr("The web server refused the account: %1").arg(detail));
    return error(SshHostAgent::tr("The accounts on %1 could not be changed or read. Check that prosody runs there "
                                  "(systemctl status prosody), then try again.")
                         .arg(server));
}

AccountList parseAccounts(const QStringList &out)
{
    AccountList list;
    for (const QString &line : out) {
        if (line == u"@@access moderated"_s)
            list.moderated = true;
        else if (line.startsWith(u"@@account "_s))
            list.users.append(line.mid(10).trimmed());
    }
    list.users.sort();
    return list;
}

} // namespace

void SshHostAgent::manageAccounts(const AccountRequest &request, Done<AccountList> done)
{
    if (!checkConnected([&done](const Error &error) { done(error); }))
        return;
    if (auto valid = request.validate(); !valid.ok()) {
        done(valid.error());
        return;
    }
    const QList<InstallFile> scripts = InstallBundle::accountScripts();
    uploadFiles(scripts, [this, scripts, request, done = std::move(done)](Result<void> uploaded) {
        if (!uploaded) {
            done(uploaded.error());
            return;
        }
        QString command = m_options.remoteRoot.isEmpty()
                                  ? QString()
                                  : u"export JD_ROOT="_s + quoted(m_options.remoteRoot) + u"; "_s;
        command += quoted(remotePath(scripts.last().remotePath)) + u' ' + AccountRequest::actionName(request.action);
        if (request.action != AccountRequest::Action::List)
            command += u' ' + quoted(request.user); // validated: no shell meta characters, and no secret
        // The password only ever on stdin: one line, as the script reads it.
        const QByteArray input
                = request.action == AccountRequest::Action::Add ? request.password.toUtf8() + '\n' : QByteArray();
        run(
                command,
                [this, request, done](const CommandOutcome &outcome) {
                    if (!outcome.result || outcome.result.value() != 0) {
                        done(accountError(outcome.err, request, m_endpoint.serverName));
                        return;
                    }
                    done(parseAccounts(outcome.out));
                },
                input);
    });
}
