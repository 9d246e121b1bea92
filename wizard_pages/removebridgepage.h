#pragma once

#include <QPointer>
#include <QWizardPage>

class DeployController;
class ManageController;
class QCheckBox;
class QLabel;

// Remove one bridge: who is on it now (from the Manage page's last health reading), what removing does (drain,
// wait, delete, verify the rest), and a confirmation. Next hands engine removeBridge() to the Deploy page.
class RemoveBridgePage : public QWizardPage
{
    Q_OBJECT

public:
    RemoveBridgePage(ManageController *manage, DeployController *deploy, QWidget *parent = nullptr);

    // Set by the shell from the Manage page's selection before the page opens.
    void setBridge(const QString &slug, const QString &bridge);
    QString bridge() const { return m_bridge; }

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    int nextId() const override;

private:
    QPointer<ManageController> m_manage;
    QPointer<DeployController> m_deploy;
    QString m_slug;
    QString m_bridge;
    QLabel *m_occupancyLabel;
    QCheckBox *m_confirmCheck;
};
