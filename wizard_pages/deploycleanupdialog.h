#pragma once

#include <QDialog>

class QLabel;
class QPushButton;

// The question after a cancelled deploy: keep the servers (a later run resumes) or delete what this run created,
// each server named with its monthly cost. Only asks; the DeployController decides what may be deleted.
class DeployCleanupDialog : public QDialog
{
    Q_OBJECT

public:
    struct Server
    {
        QString name;
        QString monthlyCost; // empty when unknown
    };

    DeployCleanupDialog(const QList<Server> &servers, const QString &monthlyTotal, QWidget *parent = nullptr);

Q_SIGNALS:
    void keepChosen();
    void deleteChosen();
};
