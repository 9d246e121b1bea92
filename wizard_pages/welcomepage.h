#pragma once

#include <QWizardPage>

class QLabel;

// First page: what the tool does, the steps ahead, and that nothing is created before Review.
class WelcomePage : public QWizardPage
{
    Q_OBJECT

public:
    explicit WelcomePage(QWidget *parent = nullptr);

private:
    QLabel *m_introLabel = nullptr;
    QLabel *m_stepsLabel = nullptr;
    QLabel *m_costNoteLabel = nullptr;
};
