#include "provision/installbundle.h"

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
        scripts << u"web-firewall.sh"_s << u"web-certificate.sh"_s;

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

QString InstallBundle::firewallCommand()
{
    return u"systemd-run --unit=jitsi-deployer-firewall-update --collect --property=Type=oneshot "_s + scriptDirectory()
           + u"/web-firewall.sh"_s;
}

QString InstallBundle::certificateCommand()
{
    return u"systemd-run --unit=jitsi-deployer-certificate --collect --property=Type=oneshot "_s + scriptDirectory()
           + u"/web-certificate.sh"_s;
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
