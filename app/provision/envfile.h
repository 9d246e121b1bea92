#pragma once

#include "common/result.h"
#include "model/deploymentplan.h"
#include "provision/hostinputs.h"

#include <QByteArray>
#include <QFileDevice>
#include <QHash>
#include <QString>

// The parameters of one host's install script (resources/provision/*.sh): a shell file of JD_* variables
// that the scripts source. It is the only place the deployment's secrets reach a server, so it is
// uploaded over the pinned SSH session to remotePath() with mode 0600, owned by root, and the scripts
// refuse to read it with any other mode. Every value is checked against a narrow character set before it
// is single-quoted, so nothing in it can break out of the quotes, a HOCON string or a debconf line.
class EnvFile
{
public:
    enum class Mode {
        Real, // the values the server needs
        Placeholders, // the dry run: secrets and not-yet-known addresses replaced by <placeholders>
    };

    static constexpr QFileDevice::Permissions permissions = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    static constexpr int unixMode = 0600;
    static QString remotePath(); // /etc/jitsi-deployer/provision.env

    static Result<QByteArray> render(const DeploymentPlan &plan, const DeploymentSecrets &secrets,
                                     const HostInputs &host, Mode mode = Mode::Real);
    // The one reader of that format (the engine recovers lost secrets from the web host's copy): empty and
    // "#" lines, and NAME='value' lines as render() writes them; a name set twice has its last value, as
    // when the scripts source the file. Anything else means the file is not one render() wrote, and is
    // refused rather than guessed at. Errors: code "invalid_env_file".
    static Result<QHash<QString, QString>> parse(const QByteArray &bytes);

    // The checks render() applies, usable on their own for early, field-level messages.
    static bool isSafeDomain(const QString &domain); // lower-case ASCII FQDN (IDNs in punycode)
    static bool isSafeEmail(const QString &email);
    static bool isSafeSecret(const QString &secret); // alphanumeric, at least 24 characters
};
