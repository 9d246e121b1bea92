#include "sshkeypage.h"

#include "statustext.h"
#include "ui_sshkeypage.h"

#include <QButtonGroup>
#include <QColor>
#include <QDir>
#include <QFileDialog>
#include <QInputDialog>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace {

enum Source { KeyFileSource = 0, AgentSource = 1, GenerateSource = 2 };

} // namespace

SshKeyPage::SshKeyPage(QWidget *parent)
    : QWizardPage(parent)
    , m_ui(std::make_unique<Ui::SshKeyPage>())
{
    m_ui->setupUi(this);
    setObjectName(u"sshKeyPage"_s);
    auto *sources = new QButtonGroup(this);
    sources->addButton(m_ui->keyFileRadioButton, KeyFileSource);
    sources->addButton(m_ui->agentRadioButton, AgentSource);
    sources->addButton(m_ui->generateRadioButton, GenerateSource);

    m_ui->keyFileRadioButton->setAccessibleName(tr("Use an existing key file"));
    m_ui->agentRadioButton->setAccessibleName(tr("Use a key from the ssh-agent"));
    m_ui->generateRadioButton->setAccessibleName(tr("Generate a new key"));
    m_ui->keyFileListWidget->setAccessibleName(tr("Key files found"));
    m_ui->keyFilePathLineEdit->setAccessibleName(tr("Key file"));
    m_ui->browseKeyFileButton->setAccessibleName(tr("Browse for a key file"));
    m_ui->agentKeyListWidget->setAccessibleName(tr("Keys held by the agent"));
    m_ui->newKeyPathLineEdit->setAccessibleName(tr("Save the new key as"));
    m_ui->browseNewKeyButton->setAccessibleName(tr("Browse for where to save the new key"));
    m_ui->newPassphraseLineEdit->setAccessibleName(tr("Passphrase for the new key"));
    m_ui->repeatPassphraseLineEdit->setAccessibleName(tr("Repeat the passphrase"));
    m_ui->generateKeyButton->setAccessibleName(tr("Generate the new key"));
    m_ui->retryKeyButton->setAccessibleName(tr("Retry"));
    m_ui->refreshKeysButton->setAccessibleName(tr("Refresh the key lists"));
    for (QLineEdit *secret : {m_ui->newPassphraseLineEdit, m_ui->repeatPassphraseLineEdit})
        secret->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_ui->retryKeyButton->hide();
    m_ui->agentStatusLabel->hide();
    m_ui->keyStatusLabel->hide();
    // The reason the agent is not usable sits under its choice, indented like the choice's text.
    m_ui->agentStatusLabel->setContentsMargins(24, 0, 0, 0);

    connect(sources, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (!checked)
            return;
        m_sourcePicked = true;
        sourceChanged();
    });
    connect(m_ui->keyFileListWidget, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        m_ui->keyFilePathLineEdit->setText(m_ui->keyFileListWidget->item(row)->data(Qt::UserRole).toString());
        chooseTypedKeyFile();
    });
    connect(m_ui->keyFilePathLineEdit, &QLineEdit::editingFinished, this, &SshKeyPage::chooseTypedKeyFile);
    connect(m_ui->browseKeyFileButton, &QPushButton::clicked, this, &SshKeyPage::browseKeyFile);
    connect(m_ui->agentKeyListWidget, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && m_ui->agentRadioButton->isChecked())
            Q_EMIT agentKeyChosen(row);
    });
    connect(m_ui->browseNewKeyButton, &QPushButton::clicked, this, &SshKeyPage::browseNewKeyFile);
    connect(m_ui->generateKeyButton, &QPushButton::clicked, this, &SshKeyPage::requestGenerate);
    connect(m_ui->repeatPassphraseLineEdit, &QLineEdit::returnPressed, this, &SshKeyPage::requestGenerate);
    connect(m_ui->retryKeyButton, &QPushButton::clicked, this, &SshKeyPage::retryRequested);
    connect(m_ui->refreshKeysButton, &QPushButton::clicked, this, &SshKeyPage::scanRequested);
}

SshKeyPage::~SshKeyPage() = default;

void SshKeyPage::initializePage()
{
    Q_EMIT scanRequested();
}

bool SshKeyPage::isComplete() const
{
    return m_complete;
}

void SshKeyPage::setDefaultNewKeyFile(const QString &path)
{
    if (m_ui->newKeyPathLineEdit->text().isEmpty())
        m_ui->newKeyPathLineEdit->setText(QDir::toNativeSeparators(path));
}

void SshKeyPage::render(const SshKeyController::View &view)
{
    fillList(m_ui->keyFileListWidget, view.keyFileLabels, view.keyFilePaths);
    if (view.agentKeyLabels != m_agentLabels) {
        m_agentLabels = view.agentKeyLabels;
        fillList(m_ui->agentKeyListWidget, view.agentKeyLabels, view.agentKeyLabels);
    }
    const bool agentUsable = view.agentProblem.isEmpty() && !view.agentKeyLabels.isEmpty();
    // Disabled with the reason beside it, not hidden: the user learns what would make it work.
    m_ui->agentRadioButton->setEnabled(agentUsable || m_ui->agentRadioButton->isChecked());
    m_ui->agentRadioButton->setToolTip(view.agentProblem);
    showStatusText(m_ui->agentStatusLabel, view.scanning ? QString() : view.agentProblem, false);
    m_ui->refreshKeysButton->setEnabled(!view.scanning);

    // After the first scan, start on the choice most people want: their key file, else the agent, else a new key.
    if (!m_sourcePicked && view.scanned) {
        m_sourcePicked = true;
        if (view.keyFilePaths.isEmpty())
            (agentUsable ? m_ui->agentRadioButton : m_ui->generateRadioButton)->setChecked(true);
    }
    showStatusText(m_ui->keyStatusLabel, view.statusMessage, view.statusError);
    m_ui->retryKeyButton->setVisible(view.canRetry);
    if (view.complete != m_complete) {
        m_complete = view.complete;
        Q_EMIT completeChanged();
    }
}

void SshKeyPage::fillList(QListWidget *list, const QStringList &labels, const QStringList &data)
{
    bool same = list->count() == labels.size();
    for (int i = 0; same && i < labels.size(); ++i)
        same = list->item(i)->text() == labels[i];
    if (same)
        return;
    const QSignalBlocker blocker(list); // refilling is not the user choosing
    const QString current = list->currentItem() ? list->currentItem()->data(Qt::UserRole).toString() : QString();
    list->clear();
    for (int i = 0; i < labels.size(); ++i) {
        auto *item = new QListWidgetItem(labels[i], list);
        item->setData(Qt::UserRole, data.value(i));
        item->setToolTip(data.value(i));
        if (!current.isEmpty() && data.value(i) == current)
            list->setCurrentItem(item);
    }
}

void SshKeyPage::askPassphrase(const QString &keyFile, const QString &problem)
{
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(u"keyPassphraseDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("SSH key passphrase"));
    QString text = tr("The SSH key %1 is protected by a passphrase. Enter it to use this key; it is kept in memory "
                      "until you close the window, never saved.")
                           .arg(QDir::toNativeSeparators(keyFile));
    if (!problem.isEmpty())
        text = problem + u"\n\n"_s + text;
    dialog->setLabelText(text);
    dialog->setTextEchoMode(QLineEdit::Password);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QInputDialog::textValueSelected, this, &SshKeyPage::passphraseEntered);
    connect(dialog, &QInputDialog::rejected, this, &SshKeyPage::passphraseCancelled);
    dialog->open();
    if (auto *edit = dialog->findChild<QLineEdit *>()) {
        edit->setObjectName(u"keyPassphraseLineEdit"_s);
        edit->setAccessibleName(tr("Passphrase"));
        edit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    }
}

void SshKeyPage::sourceChanged()
{
    const int source = m_ui->agentRadioButton->isChecked()      ? AgentSource
                       : m_ui->generateRadioButton->isChecked() ? GenerateSource
                                                                : KeyFileSource;
    m_ui->sourceStackedWidget->setCurrentIndex(source);
    m_lastChosenFile.clear();
    // The choice shown is the one that counts: what is selected under the new kind, or nothing yet.
    if (source == KeyFileSource && !m_ui->keyFilePathLineEdit->text().trimmed().isEmpty())
        chooseTypedKeyFile();
    else if (source == AgentSource && m_ui->agentKeyListWidget->currentRow() >= 0)
        Q_EMIT agentKeyChosen(m_ui->agentKeyListWidget->currentRow());
    else
        Q_EMIT choiceCleared();
}

void SshKeyPage::chooseTypedKeyFile()
{
    const QString path = m_ui->keyFilePathLineEdit->text().trimmed();
    if (path == m_lastChosenFile)
        return;
    m_lastChosenFile = path;
    if (path.isEmpty()) {
        Q_EMIT choiceCleared();
        return;
    }
    // "~/" as people write it in a terminal.
    Q_EMIT keyFileChosen(path.startsWith(u"~/"_s) ? QDir::home().filePath(path.mid(2)) : path);
}

void SshKeyPage::browseKeyFile()
{
    auto *dialog = new QFileDialog(this, tr("Choose a private SSH key"), QDir::home().filePath(u".ssh"_s));
    dialog->setObjectName(u"keyFileDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setFilter(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &file) {
        m_ui->keyFilePathLineEdit->setText(QDir::toNativeSeparators(file));
        chooseTypedKeyFile();
    });
    dialog->open();
}

void SshKeyPage::browseNewKeyFile()
{
    auto *dialog = new QFileDialog(this, tr("Save the new SSH key as"),
                                   QDir::fromNativeSeparators(m_ui->newKeyPathLineEdit->text()));
    dialog->setObjectName(u"newKeyFileDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    // Overwriting is refused anyway; the dialog must not suggest that it would happen.
    dialog->setOption(QFileDialog::DontConfirmOverwrite);
    connect(dialog, &QFileDialog::fileSelected, this,
            [this](const QString &file) { m_ui->newKeyPathLineEdit->setText(QDir::toNativeSeparators(file)); });
    dialog->open();
}

void SshKeyPage::requestGenerate()
{
    QString path = m_ui->newKeyPathLineEdit->text().trimmed();
    if (path.startsWith(u"~/"_s))
        path = QDir::home().filePath(path.mid(2));
    Q_EMIT generateRequested(path, m_ui->newPassphraseLineEdit->text(), m_ui->repeatPassphraseLineEdit->text());
}
