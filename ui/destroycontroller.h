#pragma once

#include "deploycontroller.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

class StartController;
class WizardState;

// Owns the Destroy step: every resource of the managed deployment that engine destroy() deletes (its servers,
// network and firewalls, found by label; the SSH key when no other deployment uses it), the monthly cost that
// stops, and the typed domain that must match before the button is enabled. No widgets.
class DestroyController : public QObject
{
    Q_OBJECT

public:
    // `start` gives the catalogue and prices it read with the list of deployments; not owned.
    DestroyController(WizardState *state, StartController *start, QObject *parent = nullptr);

    QString domain() const;
    QStringList resources() const; // translated lines, "Server meet-example-org-web (cx33, fsn1)"
    QString monthlySaved() const; // "21.38 EUR/month", or why it is not known
    QString dnsNote() const; // the DNS records are the user's to remove
    // The typed text is the domain (ignoring surrounding spaces and case): the button may be enabled.
    bool confirmed() const { return m_confirmed; }
    DeployController::Operation operation() const;

public Q_SLOTS:
    void setTypedDomain(const QString &typed);

Q_SIGNALS:
    void changed();

private:
    QPointer<WizardState> m_state;
    QPointer<StartController> m_start;
    bool m_confirmed = false;
};
