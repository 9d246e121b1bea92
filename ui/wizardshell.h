#pragma once

#include <QWizard>

class TokenController;
class TokenPage;
class WelcomePage;

// The wizard window. Pages only render the engine's state; no business logic here (DESIGN.md §3).
// Owns its pages and the controllers behind them, and wires each page to its controller.
class WizardShell : public QWizard
{
    Q_OBJECT

public:
    // Stable page ids: tests and the engine refer to pages by these, not by position.
    enum PageId { WelcomePageId = 0, TokenPageId = 10 };
    Q_ENUM(PageId)

    explicit WizardShell(QWidget *parent = nullptr);

    WelcomePage *welcomePage() const { return m_welcomePage; }
    TokenPage *tokenPage() const { return m_tokenPage; }
    TokenController *tokenController() const { return m_tokenController; }

private:
    WelcomePage *m_welcomePage = nullptr;
    TokenPage *m_tokenPage = nullptr;
    TokenController *m_tokenController = nullptr;
};
