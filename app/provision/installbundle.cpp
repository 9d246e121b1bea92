#include "provision/installbundle.h"

#include <QCryptographicHash>
#include <QFile>

using namespace Qt::StringLiterals;

namespace {

QString roleScript(HostRole role)
{
    return role == HostRole::Web ? u"provision-web.sh"_s : u"provision-bridge.sh"_s;
}

} // namespace

InstallBundle InstallBundle::forRole(HostRole role)
{
    return InstallBundle(role);
}

QByteArray InstallBundle::resource(const QString &name)
{
    QFile file(u":/provision/"_s + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QList<InstallFile> InstallBundle::files() const
{
    const QString dir = scriptDirectory() + u'/';
    QStringList scripts{u"provision-lib.sh"_s, roleScript(m_role)};
    if (m_role == HostRole::Web)
        scripts << u"web-firewall.sh"_s << u"web-certificate.sh"_s << u"web-turn.sh"_s;
    if (m_role == HostRole::Web)
        scripts << u"web-meeting-access.sh"_s;

    QList<InstallFile> result;
    for (const QString &script : std::as_const(scripts))
        result.append({dir + script, resource(script), 0755});

    QByteArray unit = resource(unitName());
    unit.replace("@SCRIPT@", roleScript(m_role).toUtf8());
    result.append({u"/etc/systemd/system/"_s + unitName(), unit, 0644});
    if (m_role == HostRole::Web)
        result.append({u"/etc/systemd/system/jitsi-deployer-firewall.service"_s,
                       resource(u"jitsi-deployer-firewall.service"_s), 0644});
    return result;
}

QString InstallBundle::mainScriptPath() const
{
    return scriptDirectory() + u'/' + roleScript(m_role);
}

QString InstallBundle::startCommand() const
{
    // --no-block: the command returns at once; progress is read from the log, not from this session.
    return u"systemctl daemon-reload && systemctl reset-failed "_s + unitName()
           + u" 2>/dev/null; systemctl start --no-block "_s + unitName();
}

namespace {

// --no-block: systemd-run otherwise waits for the start job, which for a oneshot unit lasts the whole run.
// reset-failed first: a failed transient unit of the same name would block the new one until collected.
QString transientCommand(const QString &unit, const QString &script)
{
    return u"systemctl reset-failed "_s + unit + u" 2>/dev/null; systemd-run --no-block --unit="_s + unit
           + u" --collect --property=Type=oneshot "_s + InstallBundle::scriptDirectory() + u'/' + script;
}

} // namespace

QString InstallBundle::firewallCommand()
{
    return transientCommand(firewallUnitName(), u"web-firewall.sh"_s);
}

QString InstallBundle::certificateCommand()
{
    return transientCommand(certificateUnitName(), u"web-certificate.sh"_s);
}

QString InstallBundle::firewallUnitName()
{
    return u"jitsi-deployer-firewall-update.service"_s;
}

QString InstallBundle::certificateUnitName()
{
    return u"jitsi-deployer-certificate.service"_s;
}

InstallFile InstallBundle::hostKeyInstallScript()
{
    return {scriptDirectory() + u"/host-key-install.sh"_s, resource(u"host-key-install.sh"_s), 0755};
}

InstallFile InstallBundle::bridgeDrainScript()
{
    return {scriptDirectory() + u"/bridge-drain.sh"_s, resource(u"bridge-drain.sh"_s), 0755};
}

InstallFile InstallBundle::packagesScript()
{
    return {scriptDirectory() + u"/jitsi-packages.sh"_s, resource(u"jitsi-packages.sh"_s), 0755};
}

QList<InstallFile> InstallBundle::accountScripts()
{
    QList<InstallFile> files;
    for (const QString &name : {u"provision-lib.sh"_s, u"web-meeting-access.sh"_s, u"web-accounts.sh"_s})
        files.append({scriptDirectory() + u'/' + name, resource(name), 0755});
    return files;
}

QString InstallBundle::hostKeyStagingPath(const QString &publicKey)
{
    const QByteArray keyData = publicKey.section(u' ', 1, 1).toLatin1(); // the base64 field, without any comment
    const QByteArray tag = QCryptographicHash::hash(keyData, QCryptographicHash::Sha256).toHex().left(12);
    return u"/etc/ssh/jitsi-deployer-new-host-key-"_s + QString::fromLatin1(tag);
}

QString InstallBundle::unitName()
{
    return u"jitsi-deployer-provision.service"_s;
}

QString InstallBundle::scriptDirectory()
{
    return u"/usr/local/lib/jitsi-deployer"_s;
}

QString InstallBundle::logPath()
{
    return u"/var/log/jitsi-deployer/provision.log"_s;
}

QString InstallBundle::statePath()
{
    return u"/var/lib/jitsi-deployer/provision.state"_s;
}

QString InstallBundle::prosodyAuthCertificatePath(const QString &domain)
{
    return u"/var/lib/prosody/auth."_s + domain + u".crt"_s;
}
