#pragma once

#include "ui/deploymentcontroller.h"

#include <QWizardPage>

#include <memory>

namespace Ui {
class DeploymentPage;
}

// Asks for the meeting domain and the e-mail address for Let's Encrypt (DESIGN.md §2 step 2). Thin: it passes what
// is typed on and renders the DeploymentController's view; the shell connects the two.
class DeploymentPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit DeploymentPage(QWidget *parent = nullptr);
    ~DeploymentPage() override;

    QString domain() const;
    QString email() const;

    void initializePage() override;
    bool isComplete() const override;

Q_SIGNALS:
    void domainEdited(const QString &domain);
    void emailEdited(const QString &email);
    void retryRequested();
    // The meeting-access choice: true = only accounts may open a meeting (moderated), false = anyone (open).
    void moderatedChosen(bool moderated);
    // Reached with Next from an earlier page: the project (token) may be another one now.
    void entered();
    // "Manage it": the domain's deployment exists and the user wants to manage it.
    void manageRequested();

public Q_SLOTS:
    void render(const DeploymentController::View &view);

private:
    std::unique_ptr<Ui::DeploymentPage> m_ui;
    bool m_complete = false;
    class QPushButton *m_manageButton = nullptr;
};
