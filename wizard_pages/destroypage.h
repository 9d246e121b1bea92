#pragma once

#include <QPointer>
#include <QWizardPage>

class DeployController;
class DestroyController;
class QLabel;
class QLineEdit;
class QListWidget;

// Destroy the managed deployment: every resource that goes, the monthly cost that stops, and the domain typed
// to enable the button. Thin: renders DestroyController; Next hands engine destroy() to the Deploy page.
class DestroyPage : public QWizardPage
{
    Q_OBJECT

public:
    DestroyPage(DestroyController *controller, DeployController *deploy, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    int nextId() const override;

private:
    void showResources();

    QPointer<DestroyController> m_controller;
    QPointer<DeployController> m_deploy;
    QListWidget *m_resourcesList;
    QLabel *m_savedLabel;
    QLabel *m_dnsLabel;
    QLabel *m_typeLabel;
    QLineEdit *m_domainEdit;
};
