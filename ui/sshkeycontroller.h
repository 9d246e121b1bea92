#pragma once

#include "common/result.h"
#include "ssh/sshpublickey.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

class WizardState;

// Owns the wizard's SSH key step (DESIGN.md §2 step 3): lists the user's key files (~/.ssh/id_*) and the keys the
// running ssh-agent holds, checks a chosen key file (asking for its passphrase when it is encrypted), generates a
// new ed25519 key on request, and asks the Hetzner project whether the key is already there (by MD5 fingerprint).
// A usable key becomes the WizardState's SSH identity, and a passphrase typed here goes to its PassphraseBroker so
// the deploy does not ask again. Holds no widgets; file and key work runs on worker threads (QtConcurrent), the
// API calls asynchronously: the GUI thread never waits.
class SshKeyController : public QObject
{
    Q_OBJECT

public:
    enum class Status {
        None, // nothing chosen
        Checking, // reading, decrypting or generating the key
        NeedsPassphrase, // passphraseNeeded() was emitted; providePassphrase() or cancelPassphrase() answers it
        LookingUp, // asking the Hetzner project for the key
        Ready, // a usable key; it is the WizardState's SSH identity
        Failed, // statusMessage() says why; canRetry() when asking again may help
    };
    Q_ENUM(Status)

    // A private key file found in the SSH folder.
    struct KeyFile
    {
        QString path;
        QString type; // "ED25519", "ECDSA", "RSA"; empty when unknown (encrypted, no .pub next to it)
        QString sha256Fingerprint; // "SHA256:…" as ssh-keygen -l shows it; empty when unknown
        bool encrypted = false; // known only when there is no .pub and the key had to be opened
        QString problem; // translated; why the key cannot be read (its check says it again when chosen)
    };

    // `state` is not owned and must outlive the controller.
    explicit SshKeyController(WizardState *state, QObject *parent = nullptr);
    ~SshKeyController() override;

    // Where key files are listed; default ~/.ssh.
    void setSshFolder(const QString &folder) { m_sshFolder = folder; }
    QString sshFolder() const { return m_sshFolder; }
    // The agent asked; default SSH_AUTH_SOCK.
    void setAgentSocket(const QString &socketPath) { m_agentSocket = socketPath; }
    QString agentSocket() const { return m_agentSocket; }
    // Where a new key goes unless the user chooses otherwise: ~/.ssh/jitsi-deployer_ed25519.
    QString defaultNewKeyFile() const;

    bool isScanning() const { return m_scanning; }
    QList<KeyFile> keyFiles() const { return m_keyFiles; }
    QList<SshPublicKey> agentKeys() const { return m_agentKeys; }
    // Why the agent cannot be used (none running, none answering, no keys in it); empty when it can.
    QString agentProblem() const { return m_agentProblem; }

    Status status() const { return m_status; }
    QString statusMessage() const { return m_statusMessage; } // translated
    bool canRetry() const { return m_canRetry; }
    SshPublicKey chosenKey() const { return m_candidate; }
    bool inProject() const { return m_inProject; }
    bool isComplete() const;

    static QString typeName(const QString &algorithm); // "ssh-ed25519" -> "ED25519"

    // What the page shows, all text translated: the page only renders this.
    struct View
    {
        QStringList keyFileLabels; // "id_ed25519 — ED25519 SHA256:…", one per keyFiles() entry
        QStringList keyFilePaths;
        QStringList agentKeyLabels; // "ED25519 SHA256:… — comment", one per agentKeys() entry
        QString agentProblem;
        bool scanning = false;
        bool scanned = false; // the lists are filled (a scan finished at least once)
        QString statusMessage;
        bool statusError = false;
        bool canRetry = false;
        bool complete = false;
    };
    View view() const;

public Q_SLOTS:
    // Lists the key files and the agent's keys; keysScanned() follows.
    void scan();
    void chooseKeyFile(const QString &path);
    void chooseAgentKey(int index);
    // Makes a new ed25519 key pair at `path` (+ ".pub"), encrypted when `passphrase` is not empty; `repeated` must
    // be the same. An existing file is never overwritten.
    void generateKey(const QString &path, const QString &passphrase, const QString &repeated);
    void providePassphrase(const QString &passphrase);
    void cancelPassphrase();
    // Forgets the choice (the user switched to another kind of key): not complete until a new one is made.
    void clearChoice();
    // Repeats what failed: the project lookup, or the check of the key file.
    void retry();

Q_SIGNALS:
    void keysScanned();
    // Ask the user for `keyFile`'s passphrase; `problem` (translated) is empty the first time, else why the last
    // one did not work.
    void passphraseNeeded(const QString &keyFile, const QString &problem);
    // Any of the getters above may have changed.
    void changed();

private:
    struct KeyCheck; // one key file check's outcome, made on a worker thread
    struct Scan;
    template<typename T>
    void runInBackground(std::function<T()> work, std::function<void(const T &)> done);

    void checkKeyFile(const QString &path, const QString &passphrase);
    void keyChecked(quint64 attempt, const KeyCheck &check);
    void lookUp();
    void setStatus(Status status, const QString &message, bool canRetry = false);

    WizardState *m_state;
    QString m_sshFolder;
    QString m_agentSocket;

    bool m_scanning = false;
    bool m_scanned = false;
    QList<KeyFile> m_keyFiles;
    QList<SshPublicKey> m_agentKeys;
    QString m_agentProblem;

    Status m_status = Status::None;
    QString m_statusMessage;
    bool m_canRetry = false;
    quint64 m_attempt = 0; // answers for an older attempt are about a key no longer chosen

    // The key being chosen: file (empty for the agent), its public half, and the passphrase that opened it (given
    // to the WizardState's broker once the key is accepted, then dropped here).
    QString m_candidateFile;
    bool m_candidateFromAgent = false;
    SshPublicKey m_candidate;
    QString m_passphrase;
    bool m_inProject = false;
};
