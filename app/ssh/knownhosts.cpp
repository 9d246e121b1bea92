#include "knownhosts.h"

#include "common/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageAuthenticationCode>
#include <QSaveFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace {

Error writeFailed(const QString &path, const QString &detail)
{
    return Error{u"ssh"_s,
                 u"known_hosts_write_failed"_s,
                 KnownHosts::tr("The list of trusted server keys (%1) could not be saved. Check that the folder is "
                                "writable and the disk is not full.")
                         .arg(QDir::toNativeSeparators(path)),
                 detail,
                 {},
                 0};
}

// OpenSSH's hashed host names: "|1|base64(salt)|base64(HMAC-SHA1(salt, name))".
bool hashedNameMatches(const QString &entry, const QString &pattern)
{
    const QStringList parts = entry.split(u'|');
    if (parts.size() != 4 || parts.at(1) != u"1"_s)
        return false;
    const QByteArray salt = QByteArray::fromBase64(parts.at(2).toLatin1());
    const QByteArray expected = QByteArray::fromBase64(parts.at(3).toLatin1());
    return QMessageAuthenticationCode::hash(pattern.toUtf8(), salt, QCryptographicHash::Sha1) == expected;
}

} // namespace

// One line of the file as it was read; `text` is written back unchanged unless we edit the host list.
struct KnownHosts::Line
{
    QString text;
    QStringList hosts; // empty for comments, blank, marker and damaged lines: never matched, kept verbatim
    QString keyFields; // "algorithm base64 [comment]" when hosts is not empty
    SshPublicKey key;

    bool matches(const QString &pattern, const QString &alternative) const
    {
        for (const QString &host : hosts) {
            if (host.startsWith(u'|') ? hashedNameMatches(host, pattern) || hashedNameMatches(host, alternative)
                                      : host.compare(pattern, Qt::CaseInsensitive) == 0
                                                || host.compare(alternative, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }

    // Removes the host from a line listing several ("a,[b]:2222 key"); false when none remain.
    bool dropHost(const QString &pattern, const QString &alternative)
    {
        QStringList others;
        for (const QString &name : std::as_const(hosts)) {
            Line single;
            single.hosts = {name};
            if (!single.matches(pattern, alternative))
                others.append(name);
        }
        if (others.isEmpty())
            return false;
        text = others.join(u',') + u' ' + keyFields;
        hosts = others;
        return true;
    }
};

KnownHosts::KnownHosts(const QString &filePath)
    : m_filePath(filePath)
{ }

QString KnownHosts::defaultFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/known_hosts"_s;
}

QString KnownHosts::hostPattern(const QString &host, quint16 port)
{
    const QString name = host.trimmed().toLower();
    return port == 22 ? name : u"[%1]:%2"_s.arg(name).arg(port);
}

QList<KnownHosts::Line> KnownHosts::read(bool *ok, QString *errorText) const
{
    m_warnings.clear();
    *ok = true;
    QList<Line> lines;
    QFile file(m_filePath);
    if (!file.exists())
        return lines;
    if (!file.open(QIODevice::ReadOnly)) {
        *ok = false;
        *errorText = file.errorString();
        return lines;
    }
    int number = 0;
    while (!file.atEnd()) {
        ++number;
        Line line;
        line.text = QString::fromUtf8(file.readLine());
        if (line.text.endsWith(u'\n'))
            line.text.chop(1);
        if (line.text.endsWith(u'\r'))
            line.text.chop(1);
        const QString trimmed = line.text.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(u'#') || trimmed.startsWith(u'@')) {
            lines.append(line);
            continue;
        }
        const QStringList fields = trimmed.split(u' ', Qt::SkipEmptyParts);
        const auto key = fields.size() >= 3 ? SshPublicKey::fromLine(fields.mid(1).join(u' '))
                                            : Result<SshPublicKey>(Error{u"ssh"_s,
                                                                         u"public_key_invalid"_s,
                                                                         {},
                                                                         u"expected 'hosts algorithm base64'"_s,
                                                                         {},
                                                                         0});
        if (!key) {
            const QString warning = u"%1:%2: %3"_s.arg(m_filePath).arg(number).arg(key.error().detail);
            m_warnings.append(warning);
            qCWarning(lcSsh) << "ignoring damaged known_hosts line" << warning;
            lines.append(line);
            continue;
        }
        line.hosts = fields.at(0).split(u',', Qt::SkipEmptyParts);
        line.keyFields = fields.mid(1).join(u' ');
        line.key = key.value();
        lines.append(line);
    }
    return lines;
}

Result<void> KnownHosts::write(const QList<Line> &lines) const
{
    const QFileInfo info(m_filePath);
    if (!info.absoluteDir().exists()) {
        if (!QDir().mkpath(info.absolutePath()))
            return writeFailed(m_filePath, u"cannot create "_s + info.absolutePath());
        QFile::setPermissions(info.absolutePath(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly))
        return writeFailed(m_filePath, file.errorString());
    // QSaveFile would keep an existing file's mode or create 0644; ours is always owner-only.
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    for (const Line &line : lines)
        file.write(line.text.toUtf8() + '\n');
    if (!file.commit())
        return writeFailed(m_filePath, file.errorString());
    return {};
}

std::optional<SshPublicKey> KnownHosts::lookup(const QString &host, quint16 port) const
{
    bool ok = false;
    QString errorText;
    const QList<Line> lines = read(&ok, &errorText);
    if (!ok)
        qCWarning(lcSsh) << "cannot read" << m_filePath << errorText;
    const QString pattern = hostPattern(host, port);
    const QString alternative = u"[%1]:%2"_s.arg(host.trimmed().toLower()).arg(port);
    for (const Line &line : lines) {
        if (line.matches(pattern, alternative))
            return line.key;
    }
    return std::nullopt;
}

Result<void> KnownHosts::pin(const QString &host, quint16 port, const SshPublicKey &key)
{
    if (key.isNull())
        return writeFailed(m_filePath, u"refusing to pin an empty key"_s);
    bool ok = false;
    QString errorText;
    QList<Line> lines = read(&ok, &errorText);
    if (!ok)
        return writeFailed(m_filePath, errorText); // never overwrite a file we could not read
    const QString pattern = hostPattern(host, port);
    const QString alternative = u"[%1]:%2"_s.arg(host.trimmed().toLower()).arg(port);

    // Replace in place: the first entry for this host gets the new key; any further ones are dropped, so
    // exactly one key is pinned. Other hosts sharing a line keep theirs.
    bool placed = false;
    QList<Line> result;
    for (Line line : std::as_const(lines)) {
        if (!line.matches(pattern, alternative)) {
            result.append(line);
            continue;
        }
        if (line.dropHost(pattern, alternative))
            result.append(line);
        if (!placed) {
            Line pinned;
            pinned.hosts = {pattern};
            pinned.key = key;
            pinned.keyFields = key.line();
            pinned.text = pattern + u' ' + key.line();
            result.append(pinned);
            placed = true;
        }
    }
    if (!placed) {
        Line pinned;
        pinned.text = pattern + u' ' + key.line();
        result.append(pinned);
    }
    const auto written = write(result);
    if (written)
        qCInfo(lcSsh) << "pinned host key for" << pattern << key.sha256Fingerprint();
    return written;
}

Result<void> KnownHosts::remove(const QString &host, quint16 port)
{
    bool ok = false;
    QString errorText;
    const QList<Line> lines = read(&ok, &errorText);
    if (!ok)
        return writeFailed(m_filePath, errorText);
    const QString pattern = hostPattern(host, port);
    const QString alternative = u"[%1]:%2"_s.arg(host.trimmed().toLower()).arg(port);
    QList<Line> result;
    bool changed = false;
    for (Line line : lines) {
        if (!line.matches(pattern, alternative)) {
            result.append(line);
            continue;
        }
        changed = true;
        if (line.dropHost(pattern, alternative))
            result.append(line);
    }
    if (!changed)
        return {};
    return write(result);
}
