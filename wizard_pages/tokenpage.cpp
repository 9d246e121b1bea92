#include "tokenpage.h"

#include "ui_tokenpage.h"

#include <QColor>
#include <QPalette>

using namespace Qt::StringLiterals;

TokenPage::TokenPage(QWidget *parent)
    : QWizardPage(parent)
    , m_ui(std::make_unique<Ui::TokenPage>())
{
    m_ui->setupUi(this);
    setObjectName(u"tokenPage"_s);
    m_ui->tokenLineEdit->setAccessibleName(tr("API token"));
    // The token must not end up in the clipboard history or an input method's dictionary.
    m_ui->tokenLineEdit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);

    connect(m_ui->tokenLineEdit, &QLineEdit::textChanged, this, [this] {
        // Any edit invalidates an earlier verdict.
        const bool wasComplete = isComplete();
        m_checkedOk = false;
        if (!m_checking)
            setStatus({}, false);
        updateCheckButton();
        if (wasComplete)
            Q_EMIT completeChanged();
    });
    connect(m_ui->tokenLineEdit, &QLineEdit::returnPressed, this, &TokenPage::requestCheck);
    connect(m_ui->checkTokenButton, &QPushButton::clicked, this, &TokenPage::requestCheck);
    updateCheckButton();
}

TokenPage::~TokenPage() = default;

QString TokenPage::token() const
{
    return m_ui->tokenLineEdit->text().trimmed();
}

bool TokenPage::isComplete() const
{
    return m_checkedOk && !m_checking;
}

void TokenPage::showCheckResult(bool ok, const QString &message)
{
    m_checking = false;
    m_checkedOk = ok;
    setStatus(message.isEmpty() ? (ok ? tr("The token works.") : tr("The token was not accepted.")) : message, !ok);
    m_ui->tokenLineEdit->setReadOnly(false);
    updateCheckButton();
    Q_EMIT completeChanged();
}

void TokenPage::prefill(const QString &token)
{
    if (m_checking || !m_ui->tokenLineEdit->text().isEmpty())
        return;
    m_ui->tokenLineEdit->setText(token);
    requestCheck();
}

void TokenPage::updateCheckButton()
{
    m_ui->checkTokenButton->setEnabled(!m_checking && !token().isEmpty());
}

void TokenPage::requestCheck()
{
    if (m_checking || token().isEmpty())
        return;
    m_checking = true;
    m_checkedOk = false;
    m_ui->tokenLineEdit->setReadOnly(true);
    setStatus(tr("Checking the token with Hetzner Cloud\u2026"), false);
    updateCheckButton();
    Q_EMIT completeChanged();
    Q_EMIT checkRequested(token());
}

void TokenPage::setStatus(const QString &text, bool error)
{
    m_ui->tokenStatusLabel->setText(text);
    QPalette palette = this->palette();
    if (error) {
        // A red that stays readable on light and dark themes alike.
        const bool darkTheme = palette.color(QPalette::Window).lightness() < 128;
        palette.setColor(QPalette::WindowText, darkTheme ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20));
    }
    m_ui->tokenStatusLabel->setPalette(palette);
    m_ui->tokenStatusLabel->setProperty("error", error);
}
