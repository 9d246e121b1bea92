#include "sshagentkeys.h"

#include "ssherrors.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QLocalSocket>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace {

// Message numbers of the agent protocol.
constexpr char requestIdentities = 11;
constexpr char identitiesAnswer = 12;
constexpr char failure = 5;
// A reply larger than this is not from an agent (each key is at most a few kilobytes).
constexpr quint32 maxReplySize = 256 * 1024;

Error error(const char *code, const QString &message, const QString &detail = {})
{
    return Error{u"ssh"_s, QString::fromLatin1(code), message, detail, {}, 0};
}

Error protocolError(const QString &socketPath, const QString &detail)
{
    return error("agent_protocol",
                 SshAgentKeys::tr("The ssh-agent at %1 gave an answer that is not a list of keys. Restart the agent "
                                  "or choose a key file instead.")
                         .arg(QDir::toNativeSeparators(socketPath)),
                 detail);
}

bool readExactly(QLocalSocket &socket, char *buffer, qint64 size, const QDeadlineTimer &deadline)
{
    qint64 done = 0;
    while (done < size) {
        if (socket.bytesAvailable() == 0 && !socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
            return false;
        const qint64 got = socket.read(buffer + done, size - done);
        if (got < 0)
            return false;
        done += got;
    }
    return true;
}

// One length-prefixed string of the reply; false when the reply ends inside it.
bool takeString(const QByteArray &reply, qsizetype &position, QByteArray &out)
{
    if (reply.size() - position < 4)
        return false;
    const quint32 length = qFromBigEndian<quint32>(reply.constData() + position);
    position += 4;
    if (quint64(reply.size() - position) < length)
        return false;
    out = reply.mid(position, qsizetype(length));
    position += qsizetype(length);
    return true;
}

} // namespace

QString SshAgentKeys::defaultSocket()
{
    return qEnvironmentVariable("SSH_AUTH_SOCK");
}

Result<QList<SshPublicKey>> SshAgentKeys::list(const QString &socketPath, int timeoutMs)
{
    const QString path = socketPath.isEmpty() ? defaultSocket() : socketPath;
    if (path.isEmpty())
        return SshErrors::agentUnavailable();

    const QDeadlineTimer deadline(timeoutMs);
    QLocalSocket socket;
    socket.connectToServer(path);
    if (!socket.waitForConnected(timeoutMs)) {
        return error("agent_unreachable",
                     tr("No ssh-agent answers at %1 (SSH_AUTH_SOCK). Start ssh-agent and add your key with ssh-add, "
                        "or choose a key file instead.")
                             .arg(QDir::toNativeSeparators(path)),
                     socket.errorString());
    }
    const char request[] = {0, 0, 0, 1, requestIdentities};
    socket.write(request, sizeof request);
    while (socket.bytesToWrite() > 0)
        if (!socket.waitForBytesWritten(int(qMax<qint64>(1, deadline.remainingTime()))))
            return protocolError(path, u"write: "_s + socket.errorString());

    char header[4];
    if (!readExactly(socket, header, 4, deadline))
        return protocolError(path, u"no reply: "_s + socket.errorString());
    const quint32 length = qFromBigEndian<quint32>(header);
    if (length == 0 || length > maxReplySize)
        return protocolError(path, u"reply length %1"_s.arg(length));
    QByteArray reply(qsizetype(length), Qt::Uninitialized);
    if (!readExactly(socket, reply.data(), length, deadline))
        return protocolError(path, u"short reply: "_s + socket.errorString());
    socket.disconnectFromServer();

    if (reply.at(0) == failure)
        return protocolError(path, u"SSH_AGENT_FAILURE"_s);
    if (reply.at(0) != identitiesAnswer || reply.size() < 5)
        return protocolError(path, u"message type %1"_s.arg(int(reply.at(0))));
    const quint32 count = qFromBigEndian<quint32>(reply.constData() + 1);
    qsizetype position = 5;
    QList<SshPublicKey> keys;
    for (quint32 i = 0; i < count; ++i) {
        QByteArray blob;
        QByteArray comment;
        if (!takeString(reply, position, blob) || !takeString(reply, position, comment))
            return protocolError(path, u"key %1 of %2 cut off"_s.arg(i + 1).arg(count));
        // A key type libssh does not know (a certificate, a security key) cannot log in from here; leave it out.
        if (auto key = SshPublicKey::fromBlob(blob, QString::fromUtf8(comment)))
            keys.append(key.value());
    }
    return keys;
}
