#pragma once

#include <QWizardPage>

#include <memory>

namespace Ui {
class TokenPage;
}

// Asks for the Hetzner Cloud API token. Thin by design: it only says "check this token" and shows
// the verdict it is given; whoever owns the check (the engine) connects to both ends.
class TokenPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit TokenPage(QWidget *parent = nullptr);
    ~TokenPage() override;

    QString token() const;

    // Next is allowed once the token in the field has been checked successfully.
    bool isComplete() const override;

Q_SIGNALS:
    // The user asked to check this token (surrounding whitespace removed).
    void checkRequested(const QString &token);

public Q_SLOTS:
    // The outcome of the check last requested; message is shown to the user as is.
    void showCheckResult(bool ok, const QString &message);
    // A token found elsewhere (environment, keychain): fills the field and asks for its check, unless
    // the user has already started typing.
    void prefill(const QString &token);

private:
    void updateCheckButton();
    void requestCheck();
    void setStatus(const QString &text, bool error);

    std::unique_ptr<Ui::TokenPage> m_ui;
    bool m_checking = false;
    bool m_checkedOk = false;
};
