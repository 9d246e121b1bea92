#pragma once

#include "deploycontroller.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

class StartController;
class WizardState;

// Owns the Destroy step: every resource of the managed deployment that engine destroy() deletes (its servers,
// network and firewalls, found by label; the DNS records it created; the SSH key when no other deployment uses it),
// the monthly cost that stops, and the typed domain that must match before the button is enabled. No widgets.
class DestroyController : public QObject
{
    Q_OBJECT

public:
    // `start` gives the catalogue and prices it read with the list of deployments; not owned.
    DestroyController(WizardState *state, StartController *start, QObject *parent = nullptr);

    QString domain() const;
    QStringList resources() const; // translated lines, "Server meet-example-org-web (cx33, fsn1)"
    QString monthlySaved() const; // "21.38 EUR/month", or why it is not known
    // The DNS records Jitsi Deployer created for the deployment (labelled for it), which destroy deletes too; read
    // by loadDnsRecords(). The user's own records are never among them.
    enum class DnsStatus { Idle, Loading, Ready, Failed };
    DnsStatus dnsStatus() const { return m_dnsStatus; }
    QStringList dnsRecords() const { return m_dnsRecords; } // "meet.example.org A 198.51.100.7"
    QString dnsNote() const; // what happens to DNS, in plain words for the current status
    // The typed text is the domain (ignoring surrounding spaces and case): the button may be enabled.
    bool confirmed() const { return m_confirmed; }
    DeployController::Operation operation() const;

public Q_SLOTS:
    void setTypedDomain(const QString &typed);
    // Reads the deployment's DNS records (again); changed() follows. An older load's answer is dropped.
    void loadDnsRecords();

Q_SIGNALS:
    void changed();

private:
    QPointer<WizardState> m_state;
    QPointer<StartController> m_start;
    bool m_confirmed = false;
    DnsStatus m_dnsStatus = DnsStatus::Idle;
    QStringList m_dnsRecords;
    QString m_dnsError;
    QPointer<QObject> m_dnsLoad; // the running load; replaced by a newer one
};
