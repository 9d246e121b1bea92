#include "plancommand.h"

#include "cliapplication.h"
#include "clioutput.h"
#include "deploy/dryrunwriter.h"
#include "deploy/plansummary.h"
#include "hcloud/hetznerclient.h"
#include "hcloudcommands.h"
#include "ssh/sshpublickey.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using namespace hcloud;

PlanCommand::PlanCommand(HetznerClient *client, CliOutput *output, bool json, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_output(output)
    , m_json(json)
{ }

int PlanCommand::fail(const Error &error)
{
    m_output->failure(error, m_json);
    return HcloudCommands::exitCodeFor(error);
}

void PlanCommand::run(const DeploymentPlan &plan, const QString &outputDir, Done done)
{
    // Read requests only, one after the other: the dry run's load on the rate limit stays at four requests.
    m_client->getPricing(this, [this, plan, outputDir, done](Result<Pricing> pricing) {
        if (!pricing)
            return done(fail(pricing.error()));
        m_client->listLocations(this, [this, plan, outputDir, done, pricing](Result<QList<Location>> locations) {
            if (!locations)
                return done(fail(locations.error()));
            m_client->listServerTypes(
                    this, [this, plan, outputDir, done, pricing, locations](Result<QList<ServerType>> types) {
                        if (!types)
                            return done(fail(types.error()));
                        const auto key = SshPublicKey::fromLine(plan.sshPublicKey);
                        const QString fingerprint = key ? key->md5Fingerprint() : QString();
                        m_client->findSshKeyByFingerprint(
                                fingerprint, this,
                                [this, plan, outputDir, done, pricing, locations,
                                 types](Result<std::optional<SshKey>> existing) {
                                    if (!existing)
                                        return done(fail(existing.error()));
                                    const auto summary = PlanSummary::build(plan, types.value(), locations.value(),
                                                                            pricing.value(), existing.value());
                                    if (!summary)
                                        return done(fail(summary.error()));
                                    // Fresh secrets only so the renderers check real-shaped values; the files get
                                    // placeholders, and these are forgotten when the command ends.
                                    const auto written = DryRunWriter::write(plan, summary.value(),
                                                                             DeploymentSecrets::generate(), outputDir);
                                    if (!written)
                                        return done(fail(written.error()));
                                    if (m_json) {
                                        QJsonObject object = summary->toJson();
                                        object.insert(u"output_dir"_s, QDir(outputDir).absolutePath());
                                        object.insert(u"files"_s, QJsonArray::fromStringList(written.value()));
                                        m_output->json(object);
                                    } else {
                                        m_output->line(summary->toText());
                                        m_output->line(tr("Wrote %1 files to %2: each server's user-data.yaml, "
                                                          "install.env (secrets as <placeholders>) and install/, and "
                                                          "summary.txt.")
                                                               .arg(written->size())
                                                               .arg(QDir(outputDir).absolutePath()));
                                    }
                                    done(CliApplication::Success);
                                });
                    });
        });
    });
}
