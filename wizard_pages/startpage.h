#pragma once

#include <QPointer>
#include <QWizardPage>

class QLabel;
class QPushButton;
class QRadioButton;
class QTableWidget;
class StartController;

// Coming back (DESIGN.md §2): the deployments found in the project, and what to do — manage one, resume an
// interrupted one, or start a new one. Thin: renders the StartController's rows and hands it the choice.
class StartPage : public QWizardPage
{
    Q_OBJECT

public:
    StartPage(StartController *controller, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    int nextId() const override;

private:
    void render();
    QString selectedSlug() const;
    bool selectedInterrupted() const;

    QPointer<StartController> m_controller;
    QLabel *m_statusLabel;
    QTableWidget *m_table;
    QRadioButton *m_manageRadio;
    QRadioButton *m_resumeRadio;
    QRadioButton *m_newRadio;
    QPushButton *m_retryButton;
};
