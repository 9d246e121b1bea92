#pragma once

#include "common/result.h"
#include "provision/hostinputs.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

// Renders one host's cloud-init user-data (DESIGN.md §4, issue 4). The document is built as a
// QJsonObject and serialised by QJsonDocument: JSON is valid YAML, so no user value is ever spliced into
// YAML text. It carries only what must be there before the first SSH connection: the host key pair made
// by the app, the deployer's authorized key, the metadata guard, and secret-free apt preparation. The
// deployment secrets and the e-mail address travel later, over the pinned SSH session.
class UserDataRenderer
{
    Q_DECLARE_TR_FUNCTIONS(UserDataRenderer)

public:
    // Hetzner Cloud refuses user-data above 32 KiB.
    static constexpr qsizetype maxSize = 32768;

    enum class PrivateKey {
        Include, // the real private host key: for the server that is about to be created
        Placeholder, // privateKeyPlaceholder() instead: for dry-run output written to disk
    };

    // "#cloud-config\n" followed by the indented JSON document. Errors: "invalid_host_input" (a missing or
    // malformed key, an unsupported image) and "user_data_too_large" (with the size in the message).
    // With PrivateKey::Placeholder, host.hostKey.privateKey is not read and may be empty.
    static Result<QByteArray> render(const DeploymentPlan &plan, const HostInputs &host,
                                     PrivateKey privateKey = PrivateKey::Include);

    // The document before serialisation, for callers and tests that want to inspect it. Assumes the
    // inputs passed the checks render() makes.
    static QJsonObject document(const DeploymentPlan &plan, const HostInputs &host,
                                PrivateKey privateKey = PrivateKey::Include);

    // Serialises a document and enforces maxSize.
    static Result<QByteArray> serialize(const QJsonObject &document);

    static QString privateKeyPlaceholder();

    // Where the files written by the user-data end up on the server (the install script relies on them).
    static QString prepareScriptPath(); // downloads the role's packages after adding the Jitsi repository
    static QString metadataGuardScriptPath(); // re-applies the 169.254.169.254 rule
};
