#include "reviewcontroller.h"
#include "wizardadvice.h"

#include "common/logging.h"
#include "serverscontroller.h"
#include "wizardstate.h"

#include <QFutureWatcher>
#include <QJsonDocument>
#include <QPromise>
#include <QSaveFile>
#include <QStandardPaths>
#include <QThreadPool>

using namespace Qt::StringLiterals;

namespace {
Money sum(const Money &a, const Money &b)
{
    // PlanSummary treats an overflowing sum as missing, so a zero here is never a wrong price in a real plan.
    return a.plus(b).value_or(Money());
}

// An amount of bytes as the price list says it: whole terabytes (binary, as Hetzner counts them), else gigabytes.
QString trafficAmount(qint64 bytes)
{
    constexpr qint64 tib = 1099511627776LL;
    constexpr qint64 gib = 1073741824LL;
    if (bytes % tib == 0)
        return ReviewController::tr("%1 TB").arg(bytes / tib);
    return ReviewController::tr("%1 GB").arg(bytes / gib);
}
} // namespace

ReviewController::ReviewController(WizardState *state, QObject *parent)
    : QObject(parent)
    , m_state(state)
{
    // A plan changed on an earlier page makes the last answer stale; WizardState drops its copy at the same time.
    connect(state, &WizardState::planChanged, this, [this] {
        if (m_status == Status::Idle)
            return;
        delete m_preview;
        m_preview = nullptr;
        m_check.reset();
        m_status = Status::Idle;
        Q_EMIT statusChanged();
    });
}

ReviewController::~ReviewController() = default;

void ReviewController::check()
{
    if (!m_state)
        return;
    delete m_preview; // its callback dies with it
    m_preview = new PlanPreview(m_state->client(), this);
    m_status = Status::Checking;
    m_error.clear();
    m_check.reset();
    Q_EMIT statusChanged();
    m_preview->preview(m_state->plan(), [this](Result<PlanPreview::Check> result) { finish(result); });
}

void ReviewController::finish(const Result<PlanPreview::Check> &result)
{
    m_preview->deleteLater();
    m_preview = nullptr;
    if (!result) {
        const Error &error = result.error();
        qCInfo(lcGui) << "the plan check failed:" << error.toString();
        m_status = Status::Failed;
        // The plan's and the catalogue's errors name the field; the wizard's user fixes them on an earlier page.
        m_error = error.domain == u"input"_s ? tr("%1 Go Back to change your choice.").arg(WizardAdvice::message(error))
                                             : tr("The plan could not be checked with Hetzner Cloud. %1")
                                                       .arg(WizardAdvice::message(error));
        Q_EMIT statusChanged();
        return;
    }
    m_check = result.value();
    m_status = Status::Ready;
    m_state->setPlanCheck(*m_check);
    Q_EMIT statusChanged();
}

QString ReviewController::money(const Money &amount) const
{
    return ServersController::formatMoney(amount, m_check ? m_check->summary.currency : QString());
}

QList<ReviewController::CostRow> ReviewController::costRows() const
{
    QList<CostRow> rows;
    if (!m_check)
        return rows;
    int bridge = 0;
    for (const PlanSummary::Server &server : m_check->summary.servers) {
        CostRow row;
        row.name = server.name;
        row.role = server.role == u"web"_s ? tr("Web server") : tr("Bridge %1").arg(++bridge);
        row.type = server.spec.serverType;
        row.location = server.spec.location;
        row.monthlyGross = money(server.totalMonthlyGross);
        row.monthlyNet = money(sum(server.monthly.net, server.ipv4Monthly.net));
        row.hourlyGross = money(server.totalHourlyGross);
        row.hourlyNet = money(sum(server.hourly.net, server.ipv4Hourly.net));
        rows << row;
    }
    return rows;
}

ReviewController::CostRow ReviewController::totalRow() const
{
    CostRow total;
    if (!m_check)
        return total;
    total.name = tr("Total");
    Money monthlyNet;
    Money hourlyNet;
    for (const PlanSummary::Server &server : m_check->summary.servers) {
        monthlyNet = sum(monthlyNet, sum(server.monthly.net, server.ipv4Monthly.net));
        hourlyNet = sum(hourlyNet, sum(server.hourly.net, server.ipv4Hourly.net));
    }
    total.monthlyGross = money(m_check->summary.totalMonthlyGross);
    total.monthlyNet = money(monthlyNet);
    total.hourlyGross = money(m_check->summary.totalHourlyGross);
    total.hourlyNet = money(hourlyNet);
    return total;
}

QStringList ReviewController::createdResources() const
{
    if (!m_check || !m_state)
        return {};
    const PlanSummary &summary = m_check->summary;
    const QString sshFrom = summary.sshSourceCidrs.isEmpty() ? tr("anywhere") : summary.sshSourceCidrs.join(u", "_s);
    QStringList lines;
    lines << tr("Servers: the ones listed above, running %1, each with a public IPv4 and IPv6 address.")
                     .arg(summary.image)
          << tr("Private network %1 (zone %2) connecting the web server and the bridges.")
                     .arg(summary.networkName, summary.networkZone)
          << tr("Firewall %1 for the web server: web traffic (ports 80 and 443) from anywhere, SSH from %2, the "
                "bridges' connection (port 5222) from the bridges only.")
                     .arg(summary.webFirewallName, sshFrom)
          << tr("Firewall %1 for the bridges: media (UDP port 10000) from anywhere, SSH from %2.")
                     .arg(summary.bridgeFirewallName, sshFrom)
          << (summary.turnServer ? tr("TURN relay on the web server (coturn) for networks that block UDP: ports "
                                      "3478 (UDP) and 5349 (TCP, TLS) open from anywhere.")
                                 : tr("No TURN relay: participants whose network blocks UDP cannot join."))
          << (summary.sshKeyExists ? tr("SSH key: your key %1 (%2) is already in the project and is reused.")
                                             .arg(summary.sshKeyName, summary.sshKeyFingerprint)
                                   : tr("SSH key: your public key is uploaded to the project as %1 (%2).")
                                             .arg(summary.sshKeyName, summary.sshKeyFingerprint))
          << (m_state->dnsZoneInProject()
                      ? tr("DNS: A and AAAA records for %1 pointing to the web server, created in your Hetzner DNS "
                           "zone.")
                                .arg(summary.domain)
                      : tr("DNS: nothing is created. After the servers are up, the wizard shows the A and AAAA "
                           "records for %1 to add where your domain's DNS is managed.")
                                .arg(summary.domain));
    lines << meetingAccessLine();
    return lines;
}

QString ReviewController::meetingAccessLine() const
{
    if (!m_state)
        return {};
    if (m_state->plan().options.meetingAccess == DeploymentPlan::MeetingAccess::Moderated)
        return tr("Meetings: only accounts you create may open one (on the Manage page, after the deployment); guests "
                  "join without an account once it runs.");
    return tr("Meetings: anyone with the link may open one.");
}

QStringList ReviewController::warnings() const
{
    return m_check ? m_check->summary.warnings : QStringList();
}

QString ReviewController::vatNote() const
{
    if (!m_check)
        return {};
    const PlanSummary &summary = m_check->summary;
    if (summary.vatRate.isEmpty())
        return tr("Gross prices are what Hetzner bills; net prices are without VAT. Each server's price includes its "
                  "IPv4 address.");
    return tr("Gross prices include %1 % VAT, as Hetzner bills them; net prices are without it. Each server's price "
              "includes its IPv4 address.")
            .arg(summary.vatRate);
}

QString ReviewController::notIncluded() const
{
    if (!m_check)
        return {};
    // Included traffic is per server; when every server has the same allowance, one figure says it.
    QList<qint64> allowances;
    for (const PlanSummary::Server &server : m_check->summary.servers)
        if (!allowances.contains(server.includedTrafficBytes))
            allowances << server.includedTrafficBytes;
    QString traffic;
    if (allowances.size() == 1 && allowances.first() > 0)
        traffic = tr("Outgoing traffic beyond the %1 each server includes a month is billed extra per TB; video "
                     "meetings use most of it on the bridges.")
                          .arg(trafficAmount(allowances.first()));
    else
        traffic = tr("Outgoing traffic beyond what each server type includes is billed extra per TB; video meetings "
                     "use most of it on the bridges.");
    return traffic + u' '
           + tr("Backups, snapshots and extra volumes are not part of this plan. Your domain's registration is not "
                "included.");
}

QString ReviewController::suggestedPlanPath() const
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString slug = m_state ? m_state->plan().slug() : QString();
    return folder + u'/' + (slug.isEmpty() ? u"jitsi-deployer"_s : slug) + u".plan.json"_s;
}

void ReviewController::savePlan(const QString &path)
{
    if (!m_state)
        return;
    const QByteArray text = QJsonDocument(m_state->plan().toJson()).toJson(QJsonDocument::Indented);
    // A watcher owned by this controller reports on the GUI thread; the file is written on a pool thread.
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] {
        const QString problem = watcher->result();
        watcher->deleteLater();
        if (!problem.isEmpty()) {
            qCInfo(lcGui) << "could not save the plan to" << path << ":" << problem;
            Q_EMIT planSaved(false, path,
                             tr("The plan could not be saved to %1: %2. Choose another folder and try again.")
                                     .arg(path, problem));
            return;
        }
        Q_EMIT planSaved(true, path,
                         tr("Plan saved to %1. \"jitsi-deployer deploy --plan-file %1\" deploys it without the wizard.")
                                 .arg(path));
    });
    auto promise = std::make_shared<QPromise<QString>>();
    watcher->setFuture(promise->future());
    promise->start();
    QThreadPool::globalInstance()->start([path, text, promise] {
        QSaveFile file(path);
        QString problem;
        if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit())
            problem = file.errorString();
        promise->addResult(problem);
        promise->finish();
    });
}
