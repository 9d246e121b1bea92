#pragma once

#include "deploy/drainquestion.h"

#include <QDialog>

// "This bridge still has meetings": the engine could not confirm a bridge drained during Remove or Update Jitsi
// (meetings still running when the drain time ran out, or the bridge did not answer). Three answers; Esc and the
// close box say Stop, which is also the default, so Enter never cuts meetings off.
class DrainChoiceDialog : public QDialog
{
    Q_OBJECT

public:
    explicit DrainChoiceDialog(const DrainQuestion &question, QWidget *parent = nullptr);

Q_SIGNALS:
    void chosen(DrainChoice choice);
};
