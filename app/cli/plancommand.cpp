#include "plancommand.h"

#include "cliapplication.h"
#include "clioutput.h"
#include "deploy/dryrunwriter.h"
#include "deploy/planpreview.h"
#include "hcloudcommands.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

PlanCommand::PlanCommand(hcloud::HetznerClient *client, CliOutput *output, bool json, QObject *parent)
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
    // The one plan check that deploy and the wizard's Review page make too: read requests only.
    auto *preview = new PlanPreview(m_client, this);
    preview->preview(plan, [this, preview, plan, outputDir, done](Result<PlanPreview::Check> check) {
        preview->deleteLater();
        if (!check)
            return done(fail(check.error()));
        const PlanSummary &summary = check->summary;
        // Fresh secrets only so the renderers check real-shaped values; the files get placeholders, and these are
        // forgotten when the command ends.
        const auto written = DryRunWriter::write(plan, summary, DeploymentSecrets::generate(), outputDir);
        if (!written)
            return done(fail(written.error()));
        if (m_json) {
            QJsonObject object = summary.toJson();
            object.insert(u"output_dir"_s, QDir(outputDir).absolutePath());
            object.insert(u"files"_s, QJsonArray::fromStringList(written.value()));
            m_output->json(object);
        } else {
            m_output->line(summary.toText());
            m_output->line(tr("Wrote %1 files to %2: each server's user-data.yaml, install.env (secrets as "
                              "<placeholders>) and install/, and summary.txt.")
                                   .arg(written->size())
                                   .arg(QDir(outputDir).absolutePath()));
        }
        done(CliApplication::Success);
    });
}
