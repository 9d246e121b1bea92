#pragma once

#include <QPointer>
#include <QWizardPage>

#include <memory>

class ReviewController;

namespace Ui {
class ReviewPage;
}

// The review step, the wizard's commit point: what Deploy will create and what it costs, from the plan check its
// ReviewController runs when the page is shown. Deploy (the commit button) is enabled only when the check passed;
// a failed check shows the reason and the fix, and Back leads to the choice to change. Thin by design.
class ReviewPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ReviewPage(QWidget *parent = nullptr);
    ~ReviewPage() override;

    // The controller this page renders; not owned. Set once, before the page is shown.
    void setController(ReviewController *controller);

    void initializePage() override;
    bool isComplete() const override;

private:
    void render();
    void renderTable();
    void askWhereToSave();
    void setMessage(class QLabel *label, const QString &text, bool error);

    std::unique_ptr<Ui::ReviewPage> m_ui;
    QPointer<ReviewController> m_controller;
};
