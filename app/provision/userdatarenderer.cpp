#include "userdatarenderer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

const QString ubuntuImage = u"ubuntu-24.04"_s;

// The templates are compiled in (app/provision/sources.cmake); a missing one is a build defect, not a
// runtime condition, hence the assert.
QString resourceText(const QString &name)
{
    QFile file(u":/provision/"_s + name);
    const bool opened = file.open(QIODevice::ReadOnly);
    Q_ASSERT_X(opened, "UserDataRenderer", "provisioning template missing from the resources");
    return opened ? QString::fromUtf8(file.readAll()) : QString();
}

QString roleName(HostRole role)
{
    return role == HostRole::Web ? u"web"_s : u"bridge"_s;
}

bool isOneLine(const QString &text)
{
    return !text.isEmpty() && !text.contains(u'\n') && !text.contains(u'\r');
}

Error inputError(const QString &message, const QString &detail)
{
    return Error{u"provision"_s, u"invalid_host_input"_s, message, detail, {}, 0};
}

Result<void> check(const DeploymentPlan &plan, const HostInputs &host, UserDataRenderer::PrivateKey privateKey)
{
    if (!DeploymentPlan::supportedImages().contains(plan.image)) {
        return inputError(UserDataRenderer::tr("The image \"%1\" is not supported. Choose debian-13, debian-12 or "
                                               "ubuntu-24.04.")
                                  .arg(plan.image),
                          u"unsupported image"_s);
    }
    if (!isOneLine(plan.sshPublicKey.trimmed())) {
        return inputError(UserDataRenderer::tr("The deployer's SSH public key is missing or spans several "
                                               "lines. Select a single OpenSSH public key."),
                          u"sshPublicKey empty or multi-line"_s);
    }
    static const QRegularExpression keyType(u"^(ecdsa|ed25519|rsa)$"_s);
    const HostKeyText &key = host.hostKey;
    // A dry run has no private key yet, and needs none: the placeholder stands in for it.
    const bool privateKeyNeeded = privateKey == UserDataRenderer::PrivateKey::Include;
    if (!keyType.match(key.type).hasMatch() || !isOneLine(key.publicKey.trimmed())
        || (privateKeyNeeded && !key.privateKey.trimmed().startsWith(u"-----BEGIN "_s))) {
        // Never the key text itself in the detail: the private half is a secret.
        return inputError(UserDataRenderer::tr("The SSH host key for %1 is missing or malformed. Start the "
                                               "deployment again so that a new key pair is generated.")
                                  .arg(host.serverName),
                          u"host key type \"%1\", public key %2, private key %3"_s.arg(
                                  key.type, key.publicKey.isEmpty() ? u"empty"_s : u"present"_s,
                                  key.privateKey.isEmpty() ? u"empty"_s : u"present"_s));
    }
    return {};
}

QJsonObject writeFile(const QString &path, const QString &content, const QString &permissions)
{
    return QJsonObject{
            {u"path"_s, path},
            {u"content"_s, content},
            {u"owner"_s, u"root:root"_s},
            {u"permissions"_s, permissions},
    };
}

} // namespace

QString UserDataRenderer::privateKeyPlaceholder()
{
    return u"<private SSH host key, generated when the server is created>"_s;
}

QString UserDataRenderer::prepareScriptPath()
{
    return u"/usr/local/sbin/jitsi-deployer-prepare"_s;
}

QString UserDataRenderer::metadataGuardScriptPath()
{
    return u"/usr/local/sbin/jitsi-deployer-metadata-guard"_s;
}

QJsonObject UserDataRenderer::document(const DeploymentPlan &plan, const HostInputs &host, PrivateKey privateKey)
{
    const HostKeyText &key = host.hostKey;
    QString privateText = privateKey == PrivateKey::Include ? key.privateKey : privateKeyPlaceholder();
    // sshd wants the key file to end with a line break; generated keys already do.
    if (!privateText.endsWith(u'\n'))
        privateText += u'\n';

    QJsonObject config;

    // Host identity without trust on first use: the image's own keys are deleted and only the app's pair
    // is installed (cloud-init generates no other type once ssh_keys is given), so the pinned key is the
    // only one sshd can offer.
    config.insert(u"ssh_deletekeys"_s, true);
    config.insert(u"ssh_keys"_s, QJsonObject{
                                         {key.type + u"_private"_s, privateText},
                                         {key.type + u"_public"_s, key.publicKey.trimmed()},
                                 });

    // Hetzner's Debian and Ubuntu images log in as root; with disable_root false cloud-init adds the keys
    // to root's authorized_keys instead of a "please log in as ..." stub.
    config.insert(u"disable_root"_s, false);
    config.insert(u"ssh_pwauth"_s, false);
    config.insert(u"ssh_authorized_keys"_s, QJsonArray{plan.sshPublicKey.trimmed()});

    // bootcmd runs at every boot and before write_files, so the guard travels inline there and as a file
    // for the runcmd pass once nftables is installed.
    const QString guard = resourceText(u"userdata-metadata-guard.sh"_s);
    config.insert(u"bootcmd"_s,
                  QJsonArray{QJsonArray{u"sh"_s, u"-c"_s, guard, u"jitsi-deployer-metadata-guard"_s, u"boot"_s}});
    config.insert(u"write_files"_s,
                  QJsonArray{
                          writeFile(metadataGuardScriptPath(), guard, u"0755"_s),
                          writeFile(prepareScriptPath(), resourceText(u"userdata-prepare.sh"_s), u"0755"_s),
                  });

    // Base packages only; the Jitsi packages are downloaded by the prepare script and installed, with
    // their debconf answers, by the install script.
    QJsonArray packages{u"ca-certificates"_s, u"curl"_s, u"gnupg"_s, u"debconf-utils"_s, u"nftables"_s};
    if (host.role == HostRole::Bridge)
        packages.append(u"ruby-hocon"_s); // the hocon CLI that edits jvb.conf
    config.insert(u"package_update"_s, true);
    config.insert(u"package_upgrade"_s, false);
    config.insert(u"packages"_s, packages);

    if (plan.image == ubuntuImage) {
        // prosody, ruby-hocon and the lua modules live in universe. The image's own source list stays as it
        // is (the provider's mirror); cloud-init fills in $MIRROR, $SECURITY and $RELEASE.
        config.insert(u"apt"_s,
                      QJsonObject{
                              {u"preserve_sources_list"_s, true},
                              {u"sources"_s,
                               QJsonObject{
                                       {u"jitsi-deployer-universe"_s,
                                        QJsonObject{{u"source"_s, u"deb $MIRROR $RELEASE universe"_s}}},
                                       {u"jitsi-deployer-universe-updates"_s,
                                        QJsonObject{{u"source"_s, u"deb $MIRROR $RELEASE-updates universe"_s}}},
                                       {u"jitsi-deployer-universe-security"_s,
                                        QJsonObject{{u"source"_s, u"deb $SECURITY $RELEASE-security universe"_s}}},
                               }},
                      });
    }

    // runcmd executes in cloud-init's final stage, after the packages above are installed.
    config.insert(u"runcmd"_s, QJsonArray{
                                       QJsonArray{metadataGuardScriptPath(), u"final"_s},
                                       QJsonArray{prepareScriptPath(), roleName(host.role)},
                               });
    return config;
}

Result<QByteArray> UserDataRenderer::serialize(const QJsonObject &document)
{
    const QByteArray data = "#cloud-config\n" + QJsonDocument(document).toJson(QJsonDocument::Indented);
    if (data.size() > maxSize) {
        return Error{u"provision"_s,
                     u"user_data_too_large"_s,
                     tr("The server's cloud-init user-data is %1 bytes, more than the %2 bytes Hetzner Cloud "
                        "accepts. Use a shorter SSH public key.")
                             .arg(data.size())
                             .arg(maxSize),
                     u"user-data %1 bytes, limit %2"_s.arg(data.size()).arg(maxSize),
                     {},
                     0};
    }
    return data;
}

Result<QByteArray> UserDataRenderer::render(const DeploymentPlan &plan, const HostInputs &host, PrivateKey privateKey)
{
    if (const Result<void> checked = check(plan, host, privateKey); !checked)
        return checked.error();
    return serialize(document(plan, host, privateKey));
}
