#pragma once

#include <QPointer>
#include <QWizardPage>

#include <memory>

class ServersController;
class QComboBox;

namespace Ui {
class ServersPage;
}

// The servers step: location, server types, number of bridges and image. Thin by design: it renders what its
// ServersController lists and hands every pick to it; the controller checks the pick and writes the plan.
class ServersPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ServersPage(QWidget *parent = nullptr);
    ~ServersPage() override;

    // The controller this page renders; not owned. Set once, before the page is shown.
    void setController(ServersController *controller);

    void initializePage() override;
    bool isComplete() const override;

private:
    void render();
    void renderStatus();
    void pick(QComboBox *combo, bool (ServersController::*set)(const QString &));

    std::unique_ptr<Ui::ServersPage> m_ui;
    QPointer<ServersController> m_controller;
    bool m_rendering = false; // filling the widgets must not echo back as picks
};
