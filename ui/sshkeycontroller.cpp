#include "sshkeycontroller.h"

#include "common/logging.h"
#include "hcloud/hetznerclient.h"
#include "ssh/keyfiles.h"
#include "ssh/passphrasebroker.h"
#include "ssh/sshagentkeys.h"
#include "wizardstate.h"

#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QPromise>
#include <QThreadPool>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

struct SshKeyController::KeyCheck
{
    std::optional<SshPublicKey> key;
    Error error;
};

struct SshKeyController::Scan
{
    QList<KeyFile> files;
    QList<SshPublicKey> agentKeys;
    QString agentProblem;
};

namespace {

// The key files OpenSSH itself would try (id_*), with what can be learnt without a passphrase. Worker thread.
QList<SshKeyController::KeyFile> listKeyFiles(const QString &folder)
{
    QList<SshKeyController::KeyFile> files;
    const QFileInfoList entries = QDir(folder).entryInfoList({u"id_*"_s}, QDir::Files, QDir::Name);
    for (const QFileInfo &entry : entries) {
        if (entry.fileName().endsWith(u".pub"_s))
            continue;
        SshKeyController::KeyFile file;
        file.path = entry.absoluteFilePath();
        // The .pub next to the key answers without opening the private key (and without its passphrase).
        Result<SshPublicKey> key = QFileInfo::exists(file.path + u".pub"_s)
                                           ? KeyFiles::readPublicKey(file.path + u".pub"_s)
                                           : KeyFiles::readPublicKey(file.path);
        if (key) {
            file.type = SshKeyController::typeName(key->algorithm());
            file.sha256Fingerprint = key->sha256Fingerprint();
        } else if (key.error().code == u"key_file_passphrase_cancelled"_s) {
            file.encrypted = true;
        } else {
            file.problem = key.error().message;
        }
        files.append(file);
    }
    return files;
}

} // namespace

SshKeyController::SshKeyController(WizardState *state, QObject *parent)
    : QObject(parent)
    , m_state(state)
    , m_sshFolder(QDir::home().filePath(u".ssh"_s))
    , m_agentSocket(SshAgentKeys::defaultSocket())
{ }

SshKeyController::~SshKeyController() = default;

QString SshKeyController::defaultNewKeyFile() const
{
    return QDir(m_sshFolder).filePath(u"jitsi-deployer_ed25519"_s);
}

bool SshKeyController::isComplete() const
{
    return m_status == Status::Ready;
}

QString SshKeyController::typeName(const QString &algorithm)
{
    if (algorithm == u"ssh-ed25519"_s)
        return u"ED25519"_s;
    if (algorithm.startsWith(u"ecdsa-"_s))
        return u"ECDSA"_s;
    if (algorithm == u"ssh-rsa"_s)
        return u"RSA"_s;
    return algorithm;
}

SshKeyController::View SshKeyController::view() const
{
    View view;
    for (const KeyFile &file : m_keyFiles) {
        const QString name = QFileInfo(file.path).fileName();
        QString label;
        if (!file.problem.isEmpty())
            label = tr("%1 \u2014 cannot be used as it is (choose it to see why)").arg(name);
        else if (file.sha256Fingerprint.isEmpty())
            label = tr("%1 \u2014 protected by a passphrase").arg(name);
        else
            label = u"%1 \u2014 %2 %3"_s.arg(name, file.type, file.sha256Fingerprint);
        view.keyFileLabels << label;
        view.keyFilePaths << file.path;
    }
    for (const SshPublicKey &key : m_agentKeys) {
        const QString comment = key.comment().isEmpty() ? tr("(no comment)") : key.comment();
        view.agentKeyLabels << u"%1 \u2014 %2 %3"_s.arg(comment, typeName(key.algorithm()), key.sha256Fingerprint());
    }
    view.agentProblem = m_agentProblem;
    view.scanning = m_scanning;
    view.scanned = m_scanned;
    view.statusMessage = m_statusMessage;
    view.statusError = m_status == Status::Failed;
    view.canRetry = m_status == Status::Failed && m_canRetry;
    view.complete = isComplete();
    return view;
}

template<typename T>
void SshKeyController::runInBackground(std::function<T()> work, std::function<void(const T &)> done)
{
    // The watcher belongs to this controller: when it goes first, the answer is dropped, never delivered to it.
    // (A promise on the global pool, as Verifier::verifyInBackground does, rather than a QtConcurrent dependency.)
    auto *watcher = new QFutureWatcher<T>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [watcher, done] {
        const T result = watcher->result();
        watcher->deleteLater();
        done(result);
    });
    auto promise = std::make_shared<QPromise<T>>();
    watcher->setFuture(promise->future());
    promise->start();
    QThreadPool::globalInstance()->start([work = std::move(work), promise] {
        promise->addResult(work());
        promise->finish();
    });
}

void SshKeyController::scan()
{
    if (m_scanning)
        return;
    m_scanning = true;
    Q_EMIT changed();
    const QString folder = m_sshFolder;
    const QString socket = m_agentSocket;
    runInBackground<Scan>(
            [folder, socket] {
                Scan scan;
                scan.files = listKeyFiles(folder);
                if (socket.isEmpty()) {
                    scan.agentProblem = tr("No ssh-agent is running (SSH_AUTH_SOCK is not set). Start ssh-agent and "
                                           "add your key with ssh-add, or use a key file.");
                } else if (auto keys = SshAgentKeys::list(socket)) {
                    scan.agentKeys = keys.value();
                    if (scan.agentKeys.isEmpty())
                        scan.agentProblem = tr("The ssh-agent holds no keys. Add one with ssh-add, then press "
                                               "Refresh list.");
                } else {
                    scan.agentProblem = keys.error().message;
                }
                return scan;
            },
            [this](const Scan &scan) {
                m_scanning = false;
                m_scanned = true;
                m_keyFiles = scan.files;
                m_agentKeys = scan.agentKeys;
                m_agentProblem = scan.agentProblem;
                Q_EMIT keysScanned();
                Q_EMIT changed();
            });
}

void SshKeyController::chooseKeyFile(const QString &path)
{
    const QString file = QDir::cleanPath(QDir::fromNativeSeparators(path.trimmed()));
    if (path.trimmed().isEmpty()) {
        clearChoice();
        return;
    }
    m_candidateFile = file;
    m_candidateFromAgent = false;
    m_passphrase.clear();
    checkKeyFile(file, QString());
}

void SshKeyController::checkKeyFile(const QString &path, const QString &passphrase)
{
    const quint64 attempt = ++m_attempt;
    m_candidate = SshPublicKey();
    setStatus(Status::Checking, tr("Checking the key %1\u2026").arg(QDir::toNativeSeparators(path)));
    runInBackground<KeyCheck>(
            [path, passphrase] {
                // A null passphrase gives up at an encrypted key, which is how we learn to ask for one.
                auto key = KeyFiles::validatePrivateKey(path, [passphrase](const QString &) { return passphrase; });
                KeyCheck check;
                if (key)
                    check.key = key.value();
                else
                    check.error = key.error();
                return check;
            },
            [this, attempt](const KeyCheck &check) { keyChecked(attempt, check); });
}

void SshKeyController::keyChecked(quint64 attempt, const KeyCheck &check)
{
    if (attempt != m_attempt)
        return;
    const QString file = QDir::toNativeSeparators(m_candidateFile);
    if (check.key) {
        m_candidate = *check.key;
        lookUp();
        return;
    }
    if (check.error.code == u"key_file_passphrase_cancelled"_s && m_passphrase.isNull()) {
        setStatus(Status::NeedsPassphrase,
                  tr("The key %1 is protected by a passphrase. Enter it in the dialog.").arg(file));
        Q_EMIT passphraseNeeded(m_candidateFile, QString());
        return;
    }
    if (check.error.code == u"key_file_wrong_passphrase"_s) {
        m_passphrase.clear();
        setStatus(Status::NeedsPassphrase,
                  tr("The key %1 is protected by a passphrase. Enter it in the dialog.").arg(file));
        Q_EMIT passphraseNeeded(m_candidateFile, tr("That passphrase does not open the key. Try again."));
        return;
    }
    qCInfo(lcGui) << "key file not usable:" << check.error.toString();
    setStatus(Status::Failed, check.error.message, true);
}

void SshKeyController::providePassphrase(const QString &passphrase)
{
    if (m_status != Status::NeedsPassphrase)
        return;
    m_passphrase = passphrase.isNull() ? u""_s : passphrase;
    checkKeyFile(m_candidateFile, m_passphrase);
}

void SshKeyController::cancelPassphrase()
{
    if (m_status != Status::NeedsPassphrase)
        return;
    m_passphrase.clear();
    setStatus(Status::Failed,
              tr("The key %1 is protected by a passphrase, and none was entered. Press Retry to enter it, or choose "
                 "another key.")
                      .arg(QDir::toNativeSeparators(m_candidateFile)),
              true);
}

void SshKeyController::chooseAgentKey(int index)
{
    if (index < 0 || index >= m_agentKeys.size()) {
        clearChoice();
        return;
    }
    ++m_attempt;
    m_candidateFile.clear();
    m_candidateFromAgent = true;
    m_passphrase.clear();
    m_candidate = m_agentKeys.at(index);
    lookUp();
}

void SshKeyController::generateKey(const QString &path, const QString &passphrase, const QString &repeated)
{
    const quint64 attempt = ++m_attempt;
    m_candidate = SshPublicKey();
    m_candidateFile.clear();
    m_candidateFromAgent = false;
    m_passphrase.clear();
    const QString file = QDir::cleanPath(QDir::fromNativeSeparators(path.trimmed()));
    if (path.trimmed().isEmpty()) {
        setStatus(Status::Failed, tr("Choose where to save the new key."));
        return;
    }
    if (!QDir::isAbsolutePath(file)) {
        setStatus(Status::Failed,
                  tr("Give the new key's full path, such as %1.").arg(QDir::toNativeSeparators(defaultNewKeyFile())));
        return;
    }
    if (passphrase != repeated) {
        setStatus(Status::Failed,
                  tr("The two passphrases are not the same. Type the same passphrase in both fields, or leave both "
                     "empty for a key without a passphrase."));
        return;
    }
    setStatus(Status::Checking, tr("Generating a new key in %1\u2026").arg(QDir::toNativeSeparators(file)));
    runInBackground<KeyCheck>(
            [file, passphrase] {
                auto key = KeyFiles::generateKeyPair(file, passphrase);
                KeyCheck check;
                if (key)
                    check.key = key.value();
                else
                    check.error = key.error();
                return check;
            },
            [this, attempt, file, passphrase](const KeyCheck &check) {
                if (attempt != m_attempt)
                    return;
                if (!check.key) {
                    qCInfo(lcGui) << "key generation failed:" << check.error.toString();
                    setStatus(Status::Failed, check.error.message);
                    return;
                }
                m_candidateFile = file;
                m_candidate = *check.key;
                if (!passphrase.isEmpty())
                    m_passphrase = passphrase;
                lookUp();
            });
}

void SshKeyController::clearChoice()
{
    ++m_attempt;
    m_candidate = SshPublicKey();
    m_candidateFile.clear();
    m_candidateFromAgent = false;
    m_passphrase.clear();
    setStatus(Status::None, {});
}

void SshKeyController::retry()
{
    if (m_status != Status::Failed || !m_canRetry)
        return;
    if (!m_candidate.isNull()) {
        ++m_attempt;
        lookUp();
    } else if (!m_candidateFile.isEmpty()) {
        m_passphrase.clear();
        checkKeyFile(m_candidateFile, QString());
    }
}

void SshKeyController::lookUp()
{
    const quint64 attempt = m_attempt;
    m_inProject = false;
    setStatus(Status::LookingUp, tr("Looking for this key in your Hetzner project\u2026"));
    const QString fingerprint = m_candidate.md5Fingerprint();
    m_state->client()->findSshKeyByFingerprint(
            fingerprint, this, [this, attempt](Result<std::optional<hcloud::SshKey>> found) {
                if (attempt != m_attempt)
                    return;
                if (!found) {
                    setStatus(Status::Failed,
                              tr("Your Hetzner project could not be asked whether it has this key: %1 Press Retry.")
                                      .arg(found.error().message),
                              true);
                    return;
                }
                m_inProject = found->has_value();
                WizardState::SshIdentity identity;
                identity.keyFile = m_candidateFromAgent ? QString() : m_candidateFile;
                identity.agentSocket = m_candidateFromAgent ? m_agentSocket : QString();
                identity.publicKey = m_candidate.line();
                identity.md5Fingerprint = m_candidate.md5Fingerprint();
                identity.comment = m_candidate.comment();
                identity.inProject = m_inProject;
                // The identity first: choosing another key makes the broker forget an earlier answer.
                m_state->setSshIdentity(identity);
                if (!m_passphrase.isNull())
                    m_state->passphrases()->provide(m_passphrase);
                m_passphrase.clear();

                const QString key
                        = tr("%1 key %2").arg(typeName(m_candidate.algorithm()), m_candidate.sha256Fingerprint());
                setStatus(Status::Ready,
                          m_inProject
                                  ? tr("%1 is already in your Hetzner project and will be used from there.").arg(key)
                                  : tr("%1 is not in your Hetzner project yet; it will be uploaded when you "
                                       "deploy.")
                                            .arg(key));
            });
}

void SshKeyController::setStatus(Status status, const QString &message, bool canRetry)
{
    m_status = status;
    m_statusMessage = message;
    m_canRetry = canRetry;
    Q_EMIT changed();
}
