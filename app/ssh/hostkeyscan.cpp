#include "hostkeyscan.h"

#include "ssherrors.h"
#include "sshinterrupt.h"
#include "tcpconnector.h"

#include <QPointer>
#include <QThreadPool>

#include <libssh/libssh.h>

using namespace Qt::StringLiterals;

Result<SshPublicKey> HostKeyScan::scanBlocking(const QString &host, quint16 port, int timeoutMs,
                                               const QString &algorithm, SshInterrupt *interrupt)
{
    const Result<qintptr> socket = TcpConnector::connectTo(host, port, timeoutMs, interrupt);
    if (interrupt && interrupt->triggered()) {
        if (socket)
            TcpConnector::closeSocket(socket.value());
        return SshErrors::cancelled();
    }
    if (!socket)
        return socket.error();
    // From here a trigger shuts this socket down, which makes libssh's blocking key exchange fail at once.
    if (interrupt)
        interrupt->setSocket(socket.value());
    ssh_session session = ssh_new();
    const QByteArray hostName = host.toUtf8();
    const QByteArray algorithms = algorithm.toLatin1();
    const unsigned int portNumber = port;
    const auto fd = socket_t(socket.value());
    const int verbosity = SSH_LOG_NOLOG;
    const int no = 0;
    const long seconds = qMax(1, timeoutMs / 1000);
    ssh_options_set(session, SSH_OPTIONS_LOG_VERBOSITY, &verbosity);
    // As for every session: no ~/.ssh/config, no known_hosts (the label or the user decides, DESIGN.md §4).
    ssh_options_set(session, SSH_OPTIONS_PROCESS_CONFIG, &no);
    ssh_options_set(session, SSH_OPTIONS_KNOWNHOSTS, "/dev/null");
    ssh_options_set(session, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, "/dev/null");
    ssh_options_set(session, SSH_OPTIONS_HOST, hostName.constData());
    ssh_options_set(session, SSH_OPTIONS_PORT, &portNumber);
    ssh_options_set(session, SSH_OPTIONS_FD, &fd);
    ssh_options_set(session, SSH_OPTIONS_HOSTKEYS, algorithms.constData());
    ssh_options_set(session, SSH_OPTIONS_TIMEOUT, &seconds);
    ssh_set_blocking(session, 1);

    Result<SshPublicKey> result = SshErrors::handshakeFailed(host, u"no host key"_s);
    if (interrupt && interrupt->triggered()) {
        result = SshErrors::cancelled();
    } else if (ssh_connect(session) != SSH_OK) {
        const QString detail = QString::fromUtf8(ssh_get_error(session));
        result = detail.contains("host key"_L1, Qt::CaseInsensitive)
                                 || detail.contains("hostkey"_L1, Qt::CaseInsensitive)
                         ? SshErrors::hostKeyTypeNotOffered(host, detail)
                         : SshErrors::handshakeFailed(host, detail);
    } else {
        ssh_key key = nullptr;
        char *base64 = nullptr;
        if (ssh_get_server_publickey(session, &key) == SSH_OK && key
            && ssh_pki_export_pubkey_base64(key, &base64) == SSH_OK) {
            const QByteArray blob = QByteArray::fromBase64(QByteArray(base64));
            result = SshPublicKey::fromBlob(blob);
        }
        if (base64)
            ssh_string_free_char(base64);
        if (key)
            ssh_key_free(key);
        ssh_disconnect(session);
    }
    if (interrupt) {
        interrupt->setSocket(-1); // before the close: a late trigger must not hit a reused descriptor number
        if (interrupt->triggered())
            result = SshErrors::cancelled();
    }
    ssh_free(session); // also closes the socket handed over
    return result;
}

std::shared_ptr<SshInterrupt> HostKeyScan::scan(const QString &host, quint16 port, int timeoutMs, QObject *context,
                                                Done done)
{
    auto interrupt = std::make_shared<SshInterrupt>();
    QThreadPool::globalInstance()->start(
            [host, port, timeoutMs, context = QPointer<QObject>(context), done, interrupt] {
                Result<SshPublicKey> result
                        = scanBlocking(host, port, timeoutMs, QStringLiteral("ssh-ed25519"), interrupt.get());
                if (!context || interrupt->triggered())
                    return;
                // Queued into the context's thread; dropped by Qt when the context is destroyed before it runs.
                QMetaObject::invokeMethod(
                        context.data(),
                        [done, result, interrupt] {
                            if (!interrupt->triggered())
                                done(result);
                        },
                        Qt::QueuedConnection);
            });
    return interrupt;
}
