#include "dryrunwriter.h"

#include "provision/envfile.h"
#include "provision/hostinputs.h"
#include "provision/installbundle.h"
#include "provision/userdatarenderer.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMap>
#include <QSaveFile>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
struct OutputFile
{
    QByteArray content;
    QFileDevice::Permissions permissions;
};

constexpr QFileDevice::Permissions readWrite
        = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther;
constexpr QFileDevice::Permissions executable
        = readWrite | QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther;

Error writeFailed(const QString &path, const QString &reason)
{
    return Error{u"cli"_s,
                 u"write_failed"_s,
                 DryRunWriter::tr("Could not write %1: %2. Check that the output directory is writable and the disk "
                                  "has space.")
                         .arg(path, reason),
                 {},
                 {},
                 0};
}
} // namespace

Result<void> DryRunWriter::checkDirectory(const QString &directory)
{
    const QFileInfo info(directory);
    if (directory.isEmpty())
        return Error{u"input"_s, u"output_dir_invalid"_s, tr("--output-dir needs a directory name."), {}, {}, 0};
    if (info.exists() && !info.isDir())
        return Error{u"input"_s,
                     u"output_dir_invalid"_s,
                     tr("%1 exists and is not a directory; choose a new or empty directory for --output-dir.")
                             .arg(directory),
                     {},
                     {},
                     0};
    if (info.exists()
        && !QDir(directory).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System))
        return Error{u"input"_s,
                     u"output_dir_invalid"_s,
                     tr("%1 is not empty; choose a new or empty directory for --output-dir, so no file of an earlier "
                        "plan is mistaken for this one.")
                             .arg(directory),
                     {},
                     {},
                     0};
    return {};
}

Result<QStringList> DryRunWriter::write(const DeploymentPlan &plan, const PlanSummary &summary,
                                        const DeploymentSecrets &secrets, const QString &directory)
{
    if (auto checked = checkDirectory(directory); !checked)
        return checked.error();

    // Render everything first, keyed by relative path.
    QMap<QString, OutputFile> files;
    const int hostCount = int(plan.bridges.size()) + 1;
    for (int index = 0; index < hostCount; ++index) {
        HostInputs host;
        host.role = index == 0 ? HostRole::Web : HostRole::Bridge;
        host.bridgeNumber = index;
        host.serverName = index == 0 ? plan.webServerName() : plan.bridgeName(index);
        host.acmeDirectoryUrl = plan.options.acmeDirectoryUrl;
        if (host.role == HostRole::Bridge) {
            // Same zone: reaches prosody over the network; else over the web host's public address.
            const bool privateNetwork = index < summary.servers.size() && summary.servers[index].onPrivateNetwork;
            if (privateNetwork)
                host.webPrivateIp = u"<web-private-ip>"_s;
            else
                host.webPublicIp = u"<web-public-ip>"_s;
        }
        // No key is generated: the real one is made when the server is created, so a key here would only be
        // a secret to leak. The renderer wants the shape of a private key and writes its own placeholder.
        host.hostKey.type = u"ed25519"_s;
        host.hostKey.privateKey = u"-----BEGIN OPENSSH PRIVATE KEY-----\n-----END OPENSSH PRIVATE KEY-----\n"_s;
        host.hostKey.publicKey = u"<public SSH host key, generated when the server is created>"_s;

        const auto userData = UserDataRenderer::render(plan, host, UserDataRenderer::PrivateKey::Placeholder);
        if (!userData)
            return userData.error();
        const auto env = EnvFile::render(plan, secrets, host, EnvFile::Mode::Placeholders);
        if (!env)
            return env.error();

        const QString hostDir = host.serverName + u'/';
        files.insert(hostDir + u"user-data.yaml"_s, {userData.value(), readWrite});
        files.insert(hostDir + u"install.env"_s, {env.value(), EnvFile::permissions});
        for (const InstallFile &file : InstallBundle::forRole(host.role).files())
            files.insert(hostDir + u"install/"_s + QFileInfo(file.remotePath).fileName(),
                         {file.content, (file.mode & 0111) ? executable : readWrite});
    }
    files.insert(u"summary.txt"_s, {summary.toText().toUtf8(), readWrite});
    files.insert(u"summary.json"_s, {QJsonDocument(summary.toJson()).toJson(QJsonDocument::Indented), readWrite});

    QDir root(directory);
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        const QString path = root.filePath(it.key());
        if (!QDir().mkpath(QFileInfo(path).absolutePath()))
            return writeFailed(QFileInfo(path).absolutePath(), tr("the directory could not be created"));
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(it->content) != it->content.size()
            || !file.setPermissions(it->permissions) || !file.commit())
            return writeFailed(path, file.errorString());
    }
    return files.keys();
}
