#pragma once

#include "ui/sshkeycontroller.h"

#include <QWizardPage>

#include <memory>

namespace Ui {
class SshKeyPage;
}

// Chooses the SSH key the deployer logs in with (DESIGN.md §2 step 3): a key file, a key held by the ssh-agent, or a
// new ed25519 key. Thin: it passes the choice on and renders the SshKeyController's view, and shows the passphrase
// dialog when asked to; the shell connects the two.
class SshKeyPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit SshKeyPage(QWidget *parent = nullptr);
    ~SshKeyPage() override;

    void initializePage() override;
    bool isComplete() const override;

    // Prefills where a new key is saved (the controller's default), unless the user has typed something there.
    void setDefaultNewKeyFile(const QString &path);

Q_SIGNALS:
    void scanRequested();
    void keyFileChosen(const QString &path);
    void agentKeyChosen(int index);
    void generateRequested(const QString &path, const QString &passphrase, const QString &repeated);
    void choiceCleared();
    void passphraseEntered(const QString &passphrase);
    void passphraseCancelled();
    void retryRequested();

public Q_SLOTS:
    void render(const SshKeyController::View &view);
    // Opens the passphrase dialog (window-modal, never blocking); its answer comes back as passphraseEntered() or
    // passphraseCancelled(). `problem` is shown above the field, e.g. why the last passphrase did not work.
    void askPassphrase(const QString &keyFile, const QString &problem);

private:
    void sourceChanged();
    void chooseTypedKeyFile();
    void browseKeyFile();
    void browseNewKeyFile();
    void requestGenerate();
    void fillList(class QListWidget *list, const QStringList &labels, const QStringList &data);

    std::unique_ptr<Ui::SshKeyPage> m_ui;
    bool m_complete = false;
    bool m_sourcePicked = false; // a kind of key was chosen (by the user, or once after the first scan)
    QString m_lastChosenFile; // the file last passed on, so leaving the field does not check it twice
    QStringList m_agentLabels;
};
