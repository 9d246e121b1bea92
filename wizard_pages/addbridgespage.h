#pragma once

#include <QPointer>
#include <QWizardPage>

class AddBridgesController;
class DeployController;
class QComboBox;
class QLabel;
class QSpinBox;
class WizardState;

// Add bridges to the managed deployment: how many, which type, where, and the monthly total before and after.
// Thin: renders AddBridgesController; Next hands its operation to the Deploy page.
class AddBridgesPage : public QWizardPage
{
    Q_OBJECT

public:
    AddBridgesPage(WizardState *state, AddBridgesController *controller, DeployController *deploy,
                   QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    int nextId() const override;

private:
    void render();

    QPointer<WizardState> m_state;
    QPointer<AddBridgesController> m_controller;
    QPointer<DeployController> m_deploy;
    QLabel *m_statusLabel;
    QSpinBox *m_countSpin;
    QComboBox *m_locationCombo;
    QComboBox *m_typeCombo;
    QLabel *m_namesLabel;
    QLabel *m_costLabel;
};
