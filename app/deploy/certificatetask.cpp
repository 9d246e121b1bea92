#include "certificatetask.h"

#include "deploy/deploymentlabels.h"
#include "deploy/dnscheck.h"
#include "deploy/enginerun.h"

using namespace Qt::StringLiterals;

CertificateTask::CertificateTask(EngineRun &run, QObject *parent)
    : QObject(parent)
    , m_run(run)
{ }

void CertificateTask::waitForDns(std::function<void()> done)
{
    const EngineSettings &settings = m_run.settings();
    auto *dns = new DnsCheck(m_run.client(), this);
    if (!settings.dnsNameserver.isNull())
        dns->setNameserver(settings.dnsNameserver);
    dns->setPollIntervalMs(settings.dnsPollIntervalMs);
    dns->setRecordLabels(DeploymentLabels(m_run.state().plan).dnsRecord());
    const hcloud::Server &web = m_run.state().web;
    const QList<DnsRecord> records = DnsCheck::requiredRecords(m_run.state().plan.domain, web.ipv4, web.ipv6Address());
    m_run.mutableOutcome().dnsRecords = records;
    dns->publish(records, [this, dns, records, done](Result<bool> published) {
        if (m_run.done())
            return;
        const bool created = published.ok() && published.value();
        m_run.emitEvent(EngineEvent::dnsRecords(
                records, created ? DnsPublication::Created : DnsPublication::Manual,
                created ? tr("The DNS records were created in the project's zone.")
                        : tr("Create these DNS records at your DNS provider; the certificate follows once they "
                             "resolve.")));
        if (!published.ok())
            m_run.warn(published.error().message);
        dns->waitForResolution(
                records, m_run.settings().dnsTimeoutMs,
                [this](const DnsCheckProgress &round) {
                    if (m_run.done())
                        return;
                    m_run.emitEvent(EngineEvent::dnsCheckRound(round));
                },
                [this, done](Result<void> resolved) {
                    if (m_run.done())
                        return;
                    m_run.mutableOutcome().dnsReady = resolved.ok();
                    if (!resolved.ok())
                        m_run.warn(resolved.error().message
                                           + tr(" The web host keeps its self-signed certificate for now."),
                                   {Advice::Kind::RetryOnceDnsResolves, {}});
                    done();
                });
    });
}

void CertificateTask::obtain(std::function<void()> done)
{
    HostConnection *web = m_run.existingConnection(m_run.state().web.name);
    m_run.runTask(web, HostRole::Web, ProvisionTask::Certificate, {}, [this, done](Result<void> result) {
        if (!result.ok()) {
            // The meeting works with the self-signed certificate; a failed certificate is not a failed deployment.
            m_run.warn(result.error().message);
        }
        done();
    });
}
