#include "deploymentlabels.h"

#include "hcloud/labelselector.h"
#include "model/deploymentplan.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;
using hcloud::Labels;

namespace {
QString key(const char *text)
{
    return QString::fromLatin1(text);
}
} // namespace

DeploymentLabels::DeploymentLabels(const DeploymentPlan &plan)
    : m_slug(plan.slug())
    , m_domain(plan.domain)
{ }

DeploymentLabels::DeploymentLabels(const QString &slug, const QString &domain)
    : m_slug(slug)
    , m_domain(domain)
{ }

QString DeploymentLabels::webServerName() const
{
    return m_slug + u"-web"_s;
}

QString DeploymentLabels::bridgeName(int n) const
{
    return m_slug + u"-jvb-"_s + QString::number(n);
}

QString DeploymentLabels::networkName() const
{
    return m_slug + u"-net"_s;
}

QString DeploymentLabels::webFirewallName() const
{
    return m_slug + u"-web"_s;
}

QString DeploymentLabels::bridgeFirewallName() const
{
    return m_slug + u"-bridges"_s;
}

Labels DeploymentLabels::common() const
{
    Labels labels{{key(managedByKey), key(managedByValue)}, {key(deploymentKey), m_slug}};
    if (const QString domain = domainLabelValue(m_domain); !domain.isEmpty())
        labels.insert(key(domainKey), domain);
    return labels;
}

Labels DeploymentLabels::webServer() const
{
    Labels labels = common();
    labels.insert(key(roleKey), key(webRole));
    return labels;
}

Labels DeploymentLabels::bridgeServer(int n) const
{
    Labels labels = common();
    labels.insert(key(roleKey), key(bridgeRole));
    labels.insert(key(bridgeNumberKey), QString::number(n));
    return labels;
}

Labels DeploymentLabels::network() const
{
    return common();
}

Labels DeploymentLabels::dnsRecord() const
{
    return common();
}

Labels DeploymentLabels::webFirewall() const
{
    return webServer();
}

Labels DeploymentLabels::bridgeFirewall() const
{
    Labels labels = common();
    labels.insert(key(roleKey), key(bridgeRole));
    return labels;
}

Labels DeploymentLabels::sshKey()
{
    return Labels{{key(managedByKey), key(managedByValue)}};
}

QString DeploymentLabels::managedSelector()
{
    return hcloud::selectorFor(sshKey());
}

QString DeploymentLabels::deploymentSelector() const
{
    return hcloud::selectorFor(Labels{{key(managedByKey), key(managedByValue)}, {key(deploymentKey), m_slug}});
}

QString DeploymentLabels::webServerSelector() const
{
    // Without the domain label, so a server created before the domain label existed is still covered.
    return hcloud::selectorFor(Labels{
            {key(managedByKey), key(managedByValue)}, {key(deploymentKey), m_slug}, {key(roleKey), key(webRole)}});
}

QString DeploymentLabels::bridgeServerSelector() const
{
    return hcloud::selectorFor(Labels{
            {key(managedByKey), key(managedByValue)}, {key(deploymentKey), m_slug}, {key(roleKey), key(bridgeRole)}});
}

bool DeploymentLabels::isManaged(const Labels &labels)
{
    return labels.value(key(managedByKey)) == key(managedByValue);
}

QString DeploymentLabels::domainLabelValue(const QString &domain)
{
    // reference/hetzner-cloud-api.md §4: at most 63 characters, alphanumeric at both ends, "-_." inside.
    static const QRegularExpression value(u"^[a-z0-9A-Z](?:[-_.a-z0-9A-Z]{0,61}[a-z0-9A-Z])?$"_s);
    const QString lower = domain.toLower();
    return value.match(lower).hasMatch() ? lower : QString();
}

QString DeploymentLabels::hostKeyLabelValue(const QString &sha256Fingerprint)
{
    static const QRegularExpression fingerprint(u"^SHA256:([A-Za-z0-9+/]{43})$"_s);
    const auto match = fingerprint.match(sha256Fingerprint.trimmed());
    if (!match.hasMatch())
        return {};
    QString digest = match.captured(1);
    digest.replace(u'+', u'-').replace(u'/', u'_');
    return u"SHA256."_s + digest;
}

QString DeploymentLabels::fingerprintFromLabelValue(const QString &value)
{
    static const QRegularExpression label(u"^SHA256\\.([A-Za-z0-9_-]{43})$"_s);
    const auto match = label.match(value);
    if (!match.hasMatch())
        return {};
    // 43 characters carry 258 bits: the last one's two low bits are padding and must be zero, as in a real digest.
    const QByteArray digest = QByteArray::fromBase64(match.captured(1).toLatin1(), QByteArray::Base64UrlEncoding);
    if (digest.size() != 32
        || QString::fromLatin1(digest.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals))
                   != match.captured(1))
        return {};
    return u"SHA256:"_s + QString::fromLatin1(digest.toBase64(QByteArray::OmitTrailingEquals));
}

Labels DeploymentLabels::withSetUpPending(Labels labels, bool pending)
{
    if (pending)
        labels.insert(key(setUpKey), key(setUpPendingValue));
    else
        labels.remove(key(setUpKey));
    return labels;
}

Labels DeploymentLabels::withMeetingAccess(Labels labels, const QString &access)
{
    labels.insert(key(meetingAccessKey), access);
    return labels;
}

QString DeploymentLabels::meetingAccess(const Labels &labels)
{
    return labels.value(key(meetingAccessKey));
}

bool DeploymentLabels::isSetUpPending(const Labels &labels)
{
    return labels.value(key(setUpKey)) == key(setUpPendingValue);
}

std::optional<int> DeploymentLabels::bridgeNumberFromName(const QString &name) const
{
    const QString prefix = m_slug + u"-jvb-"_s;
    if (!name.startsWith(prefix))
        return std::nullopt;
    const QString digits = name.mid(prefix.size());
    static const QRegularExpression canonical(u"^[1-9][0-9]{0,8}$"_s);
    if (!canonical.match(digits).hasMatch())
        return std::nullopt;
    return digits.toInt();
}
