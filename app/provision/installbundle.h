#pragma once

#include "common/result.h"
#include "provision/hostinputs.h"

#include <QByteArray>
#include <QList>
#include <QString>

// The files the app uploads to a host before it starts the install (besides the env file, EnvFile), and
// the commands that start it. The texts come from resources/provision/; they hold no user value and no
// secret, so they are the same for every deployment of a role.
struct InstallFile
{
    QString remotePath;
    QByteArray content;
    int mode = 0644; // Unix permission bits
};

class InstallBundle
{
public:
    static InstallBundle forRole(HostRole role);

    HostRole role() const { return m_role; }
    QList<InstallFile> files() const; // scripts under scriptDirectory(), units under /etc/systemd/system
    QString mainScriptPath() const; // what the unit runs

    // Run over SSH after the upload. The unit survives the SSH session; the app follows logPath().
    QString startCommand() const;
    // Web host only, each run as a transient unit so that it too survives a dropped connection: the
    // firewall step alone (after the env file was uploaded with new bridge addresses) and the
    // certificate step (once DNS points at the host). Like startCommand(), they return at once.
    static QString firewallCommand();
    static QString certificateCommand();

    static QString unitName(); // jitsi-deployer-provision.service
    static QString firewallUnitName(); // jitsi-deployer-firewall-update.service (transient)
    static QString certificateUnitName(); // jitsi-deployer-certificate.service (transient)
    static QString scriptDirectory(); // /usr/local/lib/jitsi-deployer
    static QString logPath(); // /var/log/jitsi-deployer/provision.log, format in provision-lib.sh
    static QString statePath(); // /var/lib/jitsi-deployer/provision.state
    // Where the web host keeps prosody's auth.<domain> certificate, which the bridges must trust.
    static QString prosodyAuthCertificatePath(const QString &domain);

    // Scripts the host agent uploads and runs itself, outside the install (so they also work on a host whose
    // bundle is older): host key rotation, and a bridge's drain before its server is deleted.
    static InstallFile hostKeyInstallScript(); // host-key-install.sh in scriptDirectory()
    static InstallFile bridgeDrainScript(); // bridge-drain.sh in scriptDirectory()
    static InstallFile packagesScript(); // jitsi-packages.sh in scriptDirectory(): versions, upgrade
    // web-accounts.sh with the two scripts it sources (provision-lib.sh, web-meeting-access.sh), in scriptDirectory().
    static QList<InstallFile> accountScripts();
    // Where the agent stages a new host key pair for hostKeyInstallScript() (private 0600, public "<path>.pub"):
    // /etc/ssh/jitsi-deployer-new-host-key-<tag>, the tag derived from the public key, so a rotation left
    // waiting by a killed run never installs another run's files.
    static QString hostKeyStagingPath(const QString &publicKey);

    // The text of one resource, e.g. "provision-lib.sh"; empty if there is no such file.
    static QByteArray resource(const QString &name);

private:
    explicit InstallBundle(HostRole role)
        : m_role(role)
    { }

    HostRole m_role;
};
