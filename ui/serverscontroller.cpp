#include "serverscontroller.h"

#include "common/logging.h"
#include "hcloud/hetznerclient.h"
#include "wizardstate.h"

#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace hcloud;

namespace {
// The defaults, in order of preference, when the plan names no type yet. cx33 is what docs/examples/plan.json uses
// for both roles: four shared cores and 8 GB, the size the Jitsi handbook suggests, at a low price. ccx13 and the cpx
// line stand in where the cx line is not sold (outside the EU).
const QStringList preferredWebTypes{u"cx33"_s, u"cpx32"_s, u"cx23"_s, u"cpx22"_s, u"ccx13"_s};
const QStringList preferredBridgeTypes{u"cx33"_s, u"cpx32"_s, u"ccx13"_s, u"ccx23"_s, u"cpx22"_s};
const QString preferredLocation = u"fsn1"_s;
// The handbook's suggestion for a bridge and for the web host (reference/field-anchors.md §6).
constexpr int suggestedCores = 4;
constexpr double suggestedMemoryGb = 8;
} // namespace

ServersController::ServersController(WizardState *state, QObject *parent)
    : QObject(parent)
    , m_state(state)
{ }

ServersController::~ServersController() = default;

QDateTime ServersController::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
}

void ServersController::load()
{
    if (m_status == Status::Loading || m_status == Status::Ready || !m_state)
        return;
    const int generation = ++m_generation;
    m_status = Status::Loading;
    m_error.clear();
    m_firstError.reset();
    m_outstanding = 3;
    Q_EMIT statusChanged();

    // The three reads go out together; the last answer to arrive decides.
    const auto arrived = [this, generation](const std::optional<Error> &error) {
        if (generation != m_generation)
            return;
        if (error && !m_firstError)
            m_firstError = error;
        if (--m_outstanding > 0)
            return;
        if (m_firstError)
            return fail(*m_firstError);
        finishLoading();
    };
    HetznerClient *client = m_state->client();
    client->listLocations(this, [this, arrived](Result<QList<Location>> locations) {
        if (locations)
            m_locations = locations.value();
        arrived(locations ? std::nullopt : std::optional(locations.error()));
    });
    client->listServerTypes(this, [this, arrived](Result<QList<ServerType>> types) {
        if (types)
            m_types = types.value();
        arrived(types ? std::nullopt : std::optional(types.error()));
    });
    client->getPricing(this, [this, arrived](Result<Pricing> pricing) {
        if (pricing)
            m_pricing = pricing.value();
        arrived(pricing ? std::nullopt : std::optional(pricing.error()));
    });
}

void ServersController::fail(const Error &error)
{
    qCInfo(lcGui) << "could not read the server catalogue:" << error.toString();
    m_status = Status::Failed;
    m_error = tr("The list of locations, server types and prices could not be read from Hetzner Cloud. %1 Then "
                 "click Retry.")
                      .arg(error.message);
    Q_EMIT statusChanged();
    Q_EMIT choicesChanged();
}

void ServersController::finishLoading()
{
    std::sort(m_types.begin(), m_types.end(), [](const ServerType &a, const ServerType &b) {
        // Smallest first, as a price list reads; the name keeps the order stable.
        return std::tie(a.cores, a.memoryGb, a.name) < std::tie(b.cores, b.memoryGb, b.name);
    });
    chooseInitial();
    if (m_location.isEmpty()) {
        qCInfo(lcGui) << "no location offers an orderable server type";
        m_status = Status::Failed;
        m_error = tr("No location offers a server type that can be ordered now. Try again later, then click Retry.");
        Q_EMIT statusChanged();
        Q_EMIT choicesChanged();
        return;
    }
    m_status = Status::Ready;
    writePlan();
    Q_EMIT statusChanged();
    Q_EMIT choicesChanged();
}

const ServerType *ServersController::findType(const QString &name) const
{
    for (const ServerType &type : m_types)
        if (type.name == name)
            return &type;
    return nullptr;
}

bool ServersController::orderable(const QString &typeName, const QString &location) const
{
    const ServerType *type = findType(typeName);
    return type && type->isOrderableIn(location, now()) && type->priceIn(location).has_value();
}

QString ServersController::fittingType(const QStringList &preferred, const QString &architecture,
                                       const QString &exclude) const
{
    for (const QString &name : preferred) {
        const ServerType *type = findType(name);
        if (name != exclude && type && orderable(name, m_location)
            && (architecture.isEmpty() || type->architecture == architecture))
            return name;
    }
    // Nothing preferred is sold here: the cheapest type with the suggested memory, else the cheapest at all.
    const QList<TypeChoice> offered = typesIn(m_location, architecture);
    const TypeChoice *best = nullptr;
    for (const TypeChoice &choice : offered) {
        const bool roomy = choice.memoryGb >= suggestedMemoryGb;
        const bool bestRoomy = best && best->memoryGb >= suggestedMemoryGb;
        if (!best || (roomy && !bestRoomy) || (roomy == bestRoomy && choice.monthly.gross < best->monthly.gross))
            best = &choice;
    }
    return best ? best->name : QString();
}

void ServersController::chooseInitial()
{
    const DeploymentPlan &plan = m_state->plan();
    // What the plan already says wins (Back and Next, or a plan opened earlier), as far as it can be ordered.
    QStringList candidates{plan.web.location, m_location, preferredLocation};
    for (const Location &location : std::as_const(m_locations))
        candidates << location.name;
    m_location.clear();
    for (const QString &candidate : std::as_const(candidates)) {
        const bool known = std::any_of(m_locations.begin(), m_locations.end(),
                                       [&candidate](const Location &l) { return l.name == candidate; });
        if (known && !typesIn(candidate, {}).isEmpty()) {
            m_location = candidate;
            break;
        }
    }
    if (m_location.isEmpty())
        return;

    const QString webFromPlan = plan.web.serverType.isEmpty() ? m_webType : plan.web.serverType;
    m_webType = orderable(webFromPlan, m_location) ? webFromPlan : fittingType(preferredWebTypes, {});
    const QString architecture = findType(m_webType) ? findType(m_webType)->architecture : QString();
    const QString bridgeFromPlan = plan.bridges.isEmpty() ? m_bridgeType : plan.bridges.first().serverType;
    const ServerType *planned = findType(bridgeFromPlan);
    m_bridgeType = planned && planned->architecture == architecture && orderable(bridgeFromPlan, m_location)
                           ? bridgeFromPlan
                           : fittingType(preferredBridgeTypes, architecture);
    if (!plan.bridges.isEmpty() && plan.bridges.size() <= DeploymentPlan::maxBridges)
        m_bridgeCount = int(plan.bridges.size());
    const QList<ImageChoice> offered = images();
    if (std::any_of(offered.begin(), offered.end(), [&plan](const ImageChoice &i) { return i.name == plan.image; }))
        m_image = plan.image;
    m_turnServer = plan.options.turnServer;
}

QList<ServersController::TypeChoice> ServersController::typesIn(const QString &location,
                                                                const QString &architecture) const
{
    QList<TypeChoice> choices;
    for (const ServerType &type : m_types) {
        if (!architecture.isEmpty() && type.architecture != architecture)
            continue;
        const std::optional<ServerTypePrice> price = type.priceIn(location);
        if (!price || !type.isOrderableIn(location, now()))
            continue;
        TypeChoice choice;
        choice.name = type.name;
        choice.cores = type.cores;
        choice.memoryGb = type.memoryGb;
        choice.diskGb = type.diskGb;
        choice.dedicatedCpu = type.cpuType == u"dedicated"_s;
        choice.architecture = type.architecture;
        choice.monthly = price->monthly;
        choice.hourly = price->hourly;
        const QString cpu
                = choice.dedicatedCpu ? tr("%1 dedicated vCPU").arg(type.cores) : tr("%1 shared vCPU").arg(type.cores);
        const QString arm = type.architecture == u"arm"_s ? tr(", Arm") : QString();
        choice.label = tr("%1 \u2013 %2%3, %4 GB RAM, %5 GB disk \u2013 %6 a month")
                               .arg(type.name, cpu, arm, QLocale().toString(type.memoryGb))
                               .arg(type.diskGb)
                               .arg(formatMoney(price->monthly.gross, m_pricing.currency));
        choices << choice;
    }
    return choices;
}

QString ServersController::formatMoney(const Money &amount, const QString &currency)
{
    QString digits = amount.toString();
    digits.replace(u'.', QLocale().decimalPoint());
    return currency.isEmpty() ? digits : digits + u'\u00a0' + currency;
}

QString ServersController::locationLabel(const Location &location) const
{
    // The API gives ISO country codes; the few Hetzner uses are named in the user's language.
    static const QMap<QString, const char *> countries{
            {u"DE"_s, QT_TR_NOOP("Germany")},
            {u"FI"_s, QT_TR_NOOP("Finland")},
            {u"US"_s, QT_TR_NOOP("United States")},
            {u"SG"_s, QT_TR_NOOP("Singapore")},
    };
    QString country = location.country;
    if (const auto it = countries.constFind(location.country); it != countries.cend())
        country = tr(it.value());
    else if (const QLocale::Territory territory = QLocale::codeToTerritory(location.country);
             territory != QLocale::AnyTerritory)
        country = QLocale::territoryToString(territory);
    const QString city = location.city.isEmpty() ? location.description : location.city;
    // "Singapore, Singapore" says nothing twice.
    if (city == country || country.isEmpty())
        return tr("%1 (%2)").arg(city, location.name);
    return tr("%1, %2 (%3)").arg(city, country, location.name);
}

QList<ServersController::LocationChoice> ServersController::locations() const
{
    QList<LocationChoice> choices;
    for (const Location &location : m_locations) {
        LocationChoice choice;
        choice.name = location.name;
        choice.label = locationLabel(location);
        QStringList missing;
        for (const QString &type : {m_webType, m_bridgeType})
            if (!type.isEmpty() && !missing.contains(type) && !orderable(type, location.name))
                missing << type;
        if (!missing.isEmpty()) {
            choice.enabled = false;
            QStringList there;
            for (const TypeChoice &type : typesIn(location.name, {}))
                there << type.name;
            choice.reason = there.isEmpty()
                                    ? tr("No server type can be ordered here now.")
                                    : tr("%1 cannot be ordered here. To use this location, first choose types that "
                                         "can, such as %2.")
                                              .arg(missing.join(u", "_s), there.mid(0, 4).join(u", "_s));
        }
        choices << choice;
    }
    return choices;
}

QList<ServersController::TypeChoice> ServersController::webTypes() const
{
    return typesIn(m_location, {});
}

QList<ServersController::TypeChoice> ServersController::bridgeTypes() const
{
    const ServerType *web = findType(m_webType);
    // PlanPreview refuses a plan that mixes Arm and x86: one image serves every server.
    return typesIn(m_location, web ? web->architecture : QString());
}

QList<ServersController::ImageChoice> ServersController::images()
{
    // The same names, in the same order, as DeploymentPlan::supportedImages() (tst_serverscontroller checks).
    return {{u"debian-13"_s, tr("Debian 13 (recommended)")},
            {u"debian-12"_s, tr("Debian 12")},
            {u"ubuntu-24.04"_s, tr("Ubuntu 24.04")}};
}

bool ServersController::setLocation(const QString &name)
{
    if (m_status != Status::Ready)
        return false;
    const QList<LocationChoice> all = locations();
    const auto it = std::find_if(all.begin(), all.end(), [&name](const LocationChoice &c) { return c.name == name; });
    if (it == all.end() || !it->enabled)
        return false;
    if (name != m_location) {
        m_location = name;
        writePlan();
    }
    Q_EMIT choicesChanged();
    return true;
}

bool ServersController::setWebType(const QString &name)
{
    if (m_status != Status::Ready || !orderable(name, m_location))
        return false;
    m_webType = name;
    const QString architecture = findType(name)->architecture;
    if (findType(m_bridgeType) && findType(m_bridgeType)->architecture != architecture)
        m_bridgeType = fittingType(preferredBridgeTypes, architecture);
    writePlan();
    Q_EMIT choicesChanged();
    return true;
}

bool ServersController::setBridgeType(const QString &name)
{
    const ServerType *web = findType(m_webType);
    const ServerType *type = findType(name);
    if (m_status != Status::Ready || !type || !orderable(name, m_location)
        || (web && type->architecture != web->architecture))
        return false;
    m_bridgeType = name;
    writePlan();
    Q_EMIT choicesChanged();
    return true;
}

bool ServersController::setBridgeCount(int count)
{
    if (count < 1 || count > DeploymentPlan::maxBridges)
        return false;
    m_bridgeCount = count;
    if (m_status == Status::Ready)
        writePlan();
    Q_EMIT choicesChanged();
    return true;
}

bool ServersController::setImage(const QString &name)
{
    const QList<ImageChoice> all = images();
    if (std::none_of(all.begin(), all.end(), [&name](const ImageChoice &i) { return i.name == name; }))
        return false;
    m_image = name;
    if (m_status == Status::Ready)
        writePlan();
    Q_EMIT choicesChanged();
    return true;
}

void ServersController::setTurnServer(bool on)
{
    if (m_turnServer == on)
        return;
    m_turnServer = on;
    if (m_status == Status::Ready)
        writePlan();
    Q_EMIT choicesChanged();
}

QString ServersController::turnServerHint()
{
    return tr("Participants whose network blocks the media ports (common in schools and companies) join through a "
              "relay on the web server (coturn). It opens ports 3478/udp and 5349/tcp there.");
}

bool ServersController::isComplete() const
{
    return m_status == Status::Ready && orderable(m_webType, m_location) && orderable(m_bridgeType, m_location)
           && m_bridgeCount >= 1 && m_bridgeCount <= DeploymentPlan::maxBridges;
}

void ServersController::writePlan()
{
    if (!m_state || !m_writesPlan)
        return;
    const HostSpec web{m_webType, m_location};
    const HostSpec bridge{m_bridgeType, m_location};
    const int count = m_bridgeCount;
    const QString image = m_image;
    const bool turn = m_turnServer;
    m_state->updatePlan([&](DeploymentPlan &plan) {
        plan.web = web;
        plan.bridges = QList<HostSpec>(count, bridge);
        plan.image = image;
        plan.options.turnServer = turn;
    });
}

QString ServersController::webSizingHint() const
{
    QString hint = tr("The web server runs the meeting website and the signalling between the participants. The Jitsi "
                      "handbook calls 4 cores and 8 GB of RAM plenty for it; its XMPP server uses a single core.");
    if (const ServerType *type = findType(m_webType);
        type && (type->cores < suggestedCores || type->memoryGb < suggestedMemoryGb))
        hint += u' ' + tr("%1 is smaller than that: enough to try things out, tight for daily use.").arg(type->name);
    return hint;
}

QString ServersController::bridgeSizingHint() const
{
    QString hint = tr("The bridges carry the audio and video. As a rough guide from published load tests: a bridge "
                      "with 4 cores handled one meeting of about 15 people all sending HD video and reached its "
                      "limit at about 25, while many small meetings of around 10 people each can add up to a few "
                      "hundred people on one bridge. Bandwidth, and how many videos each person receives, matter "
                      "more than cores. One meeting stays on one bridge: more bridges allow more meetings at once, "
                      "not larger ones.");
    if (const ServerType *type = findType(m_bridgeType);
        type && (type->cores < suggestedCores || type->memoryGb < suggestedMemoryGb))
        hint += u' '
                + tr("The Jitsi handbook suggests 4 or 8 cores and 8 GB of RAM per bridge; %1 has %2 cores and %3 GB.")
                          .arg(type->name)
                          .arg(type->cores)
                          .arg(QLocale().toString(type->memoryGb));
    return hint;
}

QString ServersController::priceNote() const
{
    if (m_pricing.vatRate.isEmpty())
        return tr("Prices are per server and month, as Hetzner bills them. Each server's IPv4 address costs extra; "
                  "the next page shows it and the total.");
    return tr("Prices are per server and month including %1 % VAT, as Hetzner bills them. Each server's IPv4 "
              "address costs extra; the next page shows it and the total.")
            .arg(m_pricing.vatRate);
}
