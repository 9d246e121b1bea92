#pragma once

#include <QWizard>

// The wizard window. Pages only render the engine's state; no business logic here (DESIGN.md §3).
class WizardShell : public QWizard
{
    Q_OBJECT

public:
    explicit WizardShell(QWidget *parent = nullptr);
};
