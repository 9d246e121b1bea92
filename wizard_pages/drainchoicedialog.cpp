#include "drainchoicedialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

DrainChoiceDialog::DrainChoiceDialog(const DrainQuestion &question, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"drainChoiceDialog"_s);
    setWindowTitle(tr("This bridge still has meetings"));
    setAccessibleName(tr("What to do with %1").arg(question.bridge));

    const bool removing = question.operation == u"remove-bridge"_s;
    QString situation
            = question.conferences > 0
                      ? tr("%n meeting(s) are still running on %1.", nullptr, question.conferences).arg(question.bridge)
                      : tr("%1 could not be confirmed free of meetings.").arg(question.bridge);
    if (!question.reason.isEmpty())
        situation += u' ' + tr("(%1)").arg(question.reason);
    const QString consequence = removing ? tr("If you go on, the bridge is deleted now and its participants are "
                                              "moved to the other bridges; their video stops for a few seconds.")
                                         : tr("If you go on, the bridge is updated and restarted now and its "
                                              "participants are moved to the other bridges; their video stops for a "
                                              "few seconds.");

    auto *text = new QLabel(situation + u"\n\n"_s + consequence, this);
    text->setObjectName(u"drainChoiceLabel"_s);
    text->setWordWrap(true);
    text->setTextFormat(Qt::PlainText);

    auto *buttons = new QDialogButtonBox(this);
    auto *proceed = buttons->addButton(removing ? tr("&Delete it now") : tr("&Update it now"),
                                       QDialogButtonBox::DestructiveRole);
    proceed->setObjectName(u"drainProceedButton"_s);
    proceed->setAccessibleName(proceed->text().remove(u'&'));
    auto *wait = buttons->addButton(tr("&Wait again"), QDialogButtonBox::ActionRole);
    wait->setObjectName(u"drainWaitButton"_s);
    wait->setAccessibleName(tr("Wait again"));
    wait->setToolTip(tr("Give the meetings another drain time to end"));
    auto *stop = buttons->addButton(tr("&Stop"), QDialogButtonBox::RejectRole);
    stop->setObjectName(u"drainStopButton"_s);
    stop->setAccessibleName(tr("Stop"));
    stop->setToolTip(removing ? tr("Keep the bridge; it takes new meetings again")
                              : tr("Stop the update here; the bridge takes new meetings again"));
    stop->setDefault(true);

    connect(proceed, &QPushButton::clicked, this, [this] {
        accept();
        Q_EMIT chosen(DrainChoice::Proceed);
    });
    connect(wait, &QPushButton::clicked, this, [this] {
        accept();
        Q_EMIT chosen(DrainChoice::WaitAgain);
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(this, &QDialog::rejected, this, [this] { Q_EMIT chosen(DrainChoice::Stop); });

    setMinimumWidth(fontMetrics().averageCharWidth() * 60);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(buttons);
}
