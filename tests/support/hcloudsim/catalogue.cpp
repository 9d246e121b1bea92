#include "catalogue.h"

#include <QStringList>

using namespace Qt::StringLiterals;

// The figures below (ids, specs, prices, traffic) are invented. They are shaped like the real API's
// answers (reference §2.8–2.11: decimal strings with 10/16 places, per-location prices, per-location
// deprecation) so the client meets the same structure, not the same numbers. Only the location list, the
// type and image names and the cx22/cpx11 deprecation dates follow the reference.

namespace {
const QString kDeprecationAnnounced = u"2025-10-16T06:00:00Z"_s;
const QString kUnavailableAfter = u"2025-12-31T23:59:59Z"_s;
const QStringList kEuLocations = {u"fsn1"_s, u"nbg1"_s, u"hel1"_s};
const QStringList kAllLocations = {u"fsn1"_s, u"nbg1"_s, u"hel1"_s, u"ash"_s, u"hil"_s, u"sin"_s};
constexpr qint64 kVatPercent = 19;

// Money in ten-thousandths of a euro, so that net and gross stay exact decimal strings.
QString decimal(qint64 tenThousandths, int places)
{
    QString text = QString::number(tenThousandths / 10000) + u'.'
                   + QString::number(tenThousandths % 10000).rightJustified(4, u'0');
    return text + QString(places - 4, u'0');
}

QJsonObject price(qint64 netTenThousandths)
{
    const qint64 gross = (netTenThousandths * (100 + kVatPercent) + 50) / 100;
    return {{u"net"_s, decimal(netTenThousandths, 10)}, {u"gross"_s, decimal(gross, 16)}};
}

bool isEu(const QString &location)
{
    return kEuLocations.contains(location);
}

struct TypeSpec
{
    int id;
    QString name;
    QString category;
    QString cpuType;
    QString architecture;
    int cores;
    double memory;
    int disk;
    qint64 monthlyEu; // net, ten-thousandths of a euro
    QStringList locations;
    QStringList deprecatedIn; // locations where the type is deprecated (unavailable after kUnavailableAfter)
};

const QList<TypeSpec> &typeSpecs()
{
    static const QList<TypeSpec> specs = {
            {22, u"cpx11"_s, u"regular_purpose"_s, u"shared"_s, u"x86"_s, 2, 2, 40, 4'4900, kAllLocations.mid(0, 5),
             kEuLocations},
            {23, u"cpx21"_s, u"regular_purpose"_s, u"shared"_s, u"x86"_s, 3, 4, 80, 8'0900, kAllLocations.mid(0, 5),
             kEuLocations},
            {45, u"cax11"_s, u"cost_optimized"_s, u"shared"_s, u"arm"_s, 2, 4, 40, 3'9900, kEuLocations, {}},
            {93, u"cax21"_s, u"cost_optimized"_s, u"shared"_s, u"arm"_s, 4, 8, 80, 6'9900, kEuLocations, {}},
            {94, u"cax31"_s, u"cost_optimized"_s, u"shared"_s, u"arm"_s, 8, 16, 160, 13'4900, kEuLocations, {}},
            {95, u"cax41"_s, u"cost_optimized"_s, u"shared"_s, u"arm"_s, 16, 32, 320, 25'9900, kEuLocations, {}},
            {96, u"ccx13"_s, u"dedicated"_s, u"dedicated"_s, u"x86"_s, 2, 8, 80, 14'4900, kAllLocations, {}},
            {97, u"ccx23"_s, u"dedicated"_s, u"dedicated"_s, u"x86"_s, 4, 16, 160, 28'4900, kAllLocations, {}},
            {98, u"ccx33"_s, u"dedicated"_s, u"dedicated"_s, u"x86"_s, 8, 32, 240, 56'4900, kAllLocations, {}},
            {104, u"cx22"_s, u"cost_optimized"_s, u"shared"_s, u"x86"_s, 2, 4, 40, 3'2900, kEuLocations, kEuLocations},
            {108, u"cpx12"_s, u"regular_purpose"_s, u"shared"_s, u"x86"_s, 1, 2, 40, 5'4900, kAllLocations, {}},
            {109, u"cpx22"_s, u"regular_purpose"_s, u"shared"_s, u"x86"_s, 2, 4, 80, 8'9900, kAllLocations, {}},
            {110, u"cpx32"_s, u"regular_purpose"_s, u"shared"_s, u"x86"_s, 4, 8, 160, 15'9900, kAllLocations, {}},
            {111, u"cpx42"_s, u"regular_purpose"_s, u"shared"_s, u"x86"_s, 8, 16, 320, 29'9900, kAllLocations, {}},
            {112, u"cpx52"_s, u"regular_purpose"_s, u"shared"_s, u"x86"_s, 12, 24, 480, 44'9900, kAllLocations, {}},
            {114, u"cx23"_s, u"cost_optimized"_s, u"shared"_s, u"x86"_s, 2, 4, 40, 3'4900, kEuLocations, {}},
            {115, u"cx33"_s, u"cost_optimized"_s, u"shared"_s, u"x86"_s, 4, 8, 80, 5'4900, kEuLocations, {}},
            {116, u"cx43"_s, u"cost_optimized"_s, u"shared"_s, u"x86"_s, 8, 16, 160, 9'4900, kEuLocations, {}},
            {117, u"cx53"_s, u"cost_optimized"_s, u"shared"_s, u"x86"_s, 16, 32, 320, 17'4900, kEuLocations, {}},
    };
    return specs;
}

// A current type that is temporarily not orderable somewhere (locations[].available == false).
bool unavailableIn(const QString &type, const QString &location)
{
    return type == u"cx53"_s && location == u"hel1"_s;
}

QJsonObject deprecationInfo()
{
    return {{u"announced"_s, kDeprecationAnnounced}, {u"unavailable_after"_s, kUnavailableAfter}};
}

QJsonObject typePrice(const TypeSpec &spec, const QString &location)
{
    // Outside the EU the same machine costs more and comes with less traffic, as on the real price list.
    const qint64 monthly = isEu(location) ? spec.monthlyEu : spec.monthlyEu * 6 / 5;
    const qint64 hourly = std::max<qint64>(1, monthly / 660);
    const qint64 includedTb = isEu(location) ? 20 : 1;
    return {{u"location"_s, location},
            {u"price_hourly"_s, price(hourly)},
            {u"price_monthly"_s, price(monthly)},
            {u"included_traffic"_s, includedTb * 1099511627776LL},
            {u"price_per_tb_traffic"_s, price(isEu(location) ? 1'0000 : 7'4000)}};
}
} // namespace

Catalogue::Catalogue()
{
    buildLocations();
    buildServerTypes();
    buildImages();
    buildPricing();
}

void Catalogue::buildLocations()
{
    struct L
    {
        int id;
        QString name, description, country, city;
        double latitude, longitude;
        QString zone;
    };
    const QList<L> all = {
            {1, u"fsn1"_s, u"Falkenstein DC Park 1"_s, u"DE"_s, u"Falkenstein"_s, 50.47612, 12.370071, u"eu-central"_s},
            {2, u"nbg1"_s, u"Nuremberg DC Park 1"_s, u"DE"_s, u"Nuremberg"_s, 49.452102, 11.076665, u"eu-central"_s},
            {3, u"hel1"_s, u"Helsinki DC Park 1"_s, u"FI"_s, u"Helsinki"_s, 60.169855, 24.938379, u"eu-central"_s},
            {4, u"ash"_s, u"Ashburn, VA"_s, u"US"_s, u"Ashburn, VA"_s, 39.045821, -77.487073, u"us-east"_s},
            {5, u"hil"_s, u"Hillsboro, OR"_s, u"US"_s, u"Hillsboro, OR"_s, 45.54222, -122.951924, u"us-west"_s},
            {6, u"sin"_s, u"Singapore"_s, u"SG"_s, u"Singapore"_s, 1.283333, 103.833333, u"ap-southeast"_s},
    };
    for (const L &l : all) {
        m_locations.append(QJsonObject{{u"id"_s, l.id},
                                       {u"name"_s, l.name},
                                       {u"description"_s, l.description},
                                       {u"country"_s, l.country},
                                       {u"city"_s, l.city},
                                       {u"latitude"_s, l.latitude},
                                       {u"longitude"_s, l.longitude},
                                       {u"network_zone"_s, l.zone}});
    }
}

void Catalogue::buildServerTypes()
{
    for (const TypeSpec &spec : typeSpecs()) {
        QJsonArray prices;
        QJsonArray locations;
        for (const QString &name : spec.locations) {
            prices.append(typePrice(spec, name));
            const bool deprecated = spec.deprecatedIn.contains(name);
            locations.append(QJsonObject{{u"id"_s, location(name).value(u"id"_s)},
                                         {u"name"_s, name},
                                         {u"deprecation"_s, deprecated ? QJsonValue(deprecationInfo()) : QJsonValue()},
                                         {u"available"_s, !deprecated && !unavailableIn(spec.name, name)},
                                         {u"recommended"_s, !deprecated && !unavailableIn(spec.name, name)
                                                                    && spec.category != u"dedicated"_s}});
        }
        // The type-level flag is the deprecated aggregate: true only when deprecated everywhere it is sold.
        const bool deprecatedEverywhere = !spec.deprecatedIn.isEmpty() && spec.deprecatedIn == spec.locations;
        m_serverTypes.append(QJsonObject{
                {u"id"_s, spec.id},
                {u"name"_s, spec.name},
                {u"description"_s, spec.name.toUpper()},
                {u"category"_s, spec.category},
                {u"cores"_s, spec.cores},
                {u"memory"_s, spec.memory},
                {u"disk"_s, spec.disk},
                {u"storage_type"_s, u"local"_s},
                {u"cpu_type"_s, spec.cpuType},
                {u"architecture"_s, spec.architecture},
                {u"deprecated"_s, deprecatedEverywhere},
                {u"deprecation"_s, deprecatedEverywhere ? QJsonValue(deprecationInfo()) : QJsonValue()},
                {u"prices"_s, prices},
                {u"locations"_s, locations},
        });
    }
}

void Catalogue::buildImages()
{
    struct I
    {
        qint64 id;
        QString name, description, flavor, version, architecture;
        QString created;
        QString deprecated;
    };
    const QList<I> all = {
            {114690387, u"debian-12"_s, u"Debian 12"_s, u"debian"_s, u"12"_s, u"x86"_s, u"2023-06-13T06:00:02Z"_s, {}},
            {114690389, u"debian-12"_s, u"Debian 12"_s, u"debian"_s, u"12"_s, u"arm"_s, u"2023-06-13T06:00:07Z"_s, {}},
            {310554929, u"debian-13"_s, u"Debian 13"_s, u"debian"_s, u"13"_s, u"x86"_s, u"2025-08-18T06:15:25Z"_s, {}},
            {310554935, u"debian-13"_s, u"Debian 13"_s, u"debian"_s, u"13"_s, u"arm"_s, u"2025-08-18T06:15:31Z"_s, {}},
            {161547269,
             u"ubuntu-24.04"_s,
             u"Ubuntu 24.04"_s,
             u"ubuntu"_s,
             u"24.04"_s,
             u"x86"_s,
             u"2024-04-25T13:26:27Z"_s,
             {}},
            {161547270,
             u"ubuntu-24.04"_s,
             u"Ubuntu 24.04"_s,
             u"ubuntu"_s,
             u"24.04"_s,
             u"arm"_s,
             u"2024-04-25T13:26:29Z"_s,
             {}},
            {67794396,
             u"ubuntu-22.04"_s,
             u"Ubuntu 22.04"_s,
             u"ubuntu"_s,
             u"22.04"_s,
             u"x86"_s,
             u"2022-04-21T13:32:38Z"_s,
             {}},
            {103908070,
             u"ubuntu-22.04"_s,
             u"Ubuntu 22.04"_s,
             u"ubuntu"_s,
             u"22.04"_s,
             u"arm"_s,
             u"2022-04-21T13:32:40Z"_s,
             {}},
            {15512617, u"ubuntu-20.04"_s, u"Ubuntu 20.04"_s, u"ubuntu"_s, u"20.04"_s, u"x86"_s,
             u"2020-04-23T19:55:14Z"_s, u"2025-06-01T00:00:00Z"_s},
    };
    for (const I &i : all) {
        m_images.append(QJsonObject{
                {u"id"_s, i.id},
                {u"type"_s, u"system"_s},
                {u"status"_s, u"available"_s},
                {u"name"_s, i.name},
                {u"description"_s, i.description},
                {u"image_size"_s, QJsonValue()},
                {u"disk_size"_s, 5},
                {u"created"_s, i.created},
                {u"created_from"_s, QJsonValue()},
                {u"bound_to"_s, QJsonValue()},
                {u"os_flavor"_s, i.flavor},
                {u"os_version"_s, i.version},
                {u"rapid_deploy"_s, true},
                {u"protection"_s, QJsonObject{{u"delete"_s, false}}},
                {u"deprecated"_s, i.deprecated.isEmpty() ? QJsonValue() : QJsonValue(i.deprecated)},
                {u"deleted"_s, QJsonValue()},
                {u"labels"_s, QJsonObject()},
                {u"architecture"_s, i.architecture},
        });
    }
}

void Catalogue::buildPricing()
{
    QJsonArray serverTypePrices;
    for (const QJsonValue &type : std::as_const(m_serverTypes)) {
        const QJsonObject t = type.toObject();
        serverTypePrices.append(
                QJsonObject{{u"id"_s, t[u"id"_s]}, {u"name"_s, t[u"name"_s]}, {u"prices"_s, t[u"prices"_s]}});
    }
    QJsonArray ipv4Prices;
    QJsonArray ipv6Prices;
    QJsonArray floatingV4;
    QJsonArray floatingV6;
    for (const QString &location : kAllLocations) {
        const qint64 monthly = isEu(location) ? 5000 : 6000;
        ipv4Prices.append(QJsonObject{{u"location"_s, location},
                                      {u"price_hourly"_s, price(monthly / 730 + 1)},
                                      {u"price_monthly"_s, price(monthly)}});
        ipv6Prices.append(
                QJsonObject{{u"location"_s, location}, {u"price_hourly"_s, price(0)}, {u"price_monthly"_s, price(0)}});
        floatingV4.append(QJsonObject{{u"location"_s, location}, {u"price_monthly"_s, price(3'0000)}});
        floatingV6.append(QJsonObject{{u"location"_s, location}, {u"price_monthly"_s, price(2'0000)}});
    }
    m_pricing = QJsonObject{
            {u"currency"_s, u"EUR"_s},
            {u"vat_rate"_s, u"%1.00"_s.arg(kVatPercent)},
            {u"image"_s, QJsonObject{{u"price_per_gb_month"_s, price(120)}}},
            {u"volume"_s, QJsonObject{{u"price_per_gb_month"_s, price(440)}}},
            {u"server_backup"_s, QJsonObject{{u"percentage"_s, u"20.00"_s}}},
            {u"floating_ip"_s, QJsonObject{{u"price_monthly"_s, price(3'0000)}}},
            {u"floating_ips"_s, QJsonArray{QJsonObject{{u"type"_s, u"ipv4"_s}, {u"prices"_s, floatingV4}},
                                           QJsonObject{{u"type"_s, u"ipv6"_s}, {u"prices"_s, floatingV6}}}},
            {u"primary_ips"_s, QJsonArray{QJsonObject{{u"type"_s, u"ipv4"_s}, {u"prices"_s, ipv4Prices}},
                                          QJsonObject{{u"type"_s, u"ipv6"_s}, {u"prices"_s, ipv6Prices}}}},
            {u"server_types"_s, serverTypePrices},
            {u"load_balancer_types"_s, QJsonArray()},
    };
}

namespace {
QJsonObject findByIdOrName(const QJsonArray &items, const QString &idOrName)
{
    bool numeric = false;
    const qint64 id = idOrName.toLongLong(&numeric);
    for (const QJsonValue &item : items) {
        const QJsonObject object = item.toObject();
        if (numeric ? object.value(u"id"_s).toInteger() == id : object.value(u"name"_s).toString() == idOrName)
            return object;
    }
    return {};
}
} // namespace

QJsonObject Catalogue::location(const QString &idOrName) const
{
    return findByIdOrName(m_locations, idOrName);
}

QJsonObject Catalogue::serverType(const QString &idOrName) const
{
    return findByIdOrName(m_serverTypes, idOrName);
}

QJsonObject Catalogue::image(const QString &idOrName, const QString &architecture) const
{
    bool numeric = false;
    const qint64 id = idOrName.toLongLong(&numeric);
    for (const QJsonValue &item : m_images) {
        const QJsonObject object = item.toObject();
        if (numeric ? object.value(u"id"_s).toInteger() == id
                    : (object.value(u"name"_s).toString() == idOrName
                       && object.value(u"architecture"_s).toString() == architecture))
            return object;
    }
    return {};
}

QJsonObject Catalogue::datacenterOf(const QString &locationName) const
{
    static const QList<std::pair<QString, QString>> names = {
            {u"fsn1"_s, u"fsn1-dc14"_s}, {u"nbg1"_s, u"nbg1-dc3"_s}, {u"hel1"_s, u"hel1-dc2"_s},
            {u"ash"_s, u"ash-dc1"_s},    {u"hil"_s, u"hil-dc1"_s},   {u"sin"_s, u"sin-dc1"_s},
    };
    const QJsonObject loc = location(locationName);
    for (const auto &[locName, dcName] : names) {
        if (locName != locationName)
            continue;
        QJsonArray supported;
        QJsonArray available;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const QJsonValue &type : m_serverTypes) {
            const QJsonObject t = type.toObject();
            const QJsonArray typeLocations = t.value(u"locations"_s).toArray();
            for (const QJsonValue &tl : typeLocations) {
                if (tl.toObject().value(u"name"_s).toString() == locName)
                    supported.append(t.value(u"id"_s));
            }
            if (isOrderable(t, locName, now))
                available.append(t.value(u"id"_s));
        }
        return {{u"id"_s, loc.value(u"id"_s).toInt() + 10},
                {u"name"_s, dcName},
                {u"description"_s, u"%1 virtual DC"_s.arg(loc.value(u"city"_s).toString())},
                {u"location"_s, loc},
                {u"server_types"_s, QJsonObject{{u"supported"_s, supported},
                                                {u"available"_s, available},
                                                {u"available_for_migration"_s, available}}}};
    }
    return {};
}

QJsonObject Catalogue::datacenter(const QString &name) const
{
    for (const QJsonValue &loc : m_locations) {
        const QJsonObject dc = datacenterOf(loc.toObject().value(u"name"_s).toString());
        if (dc.value(u"name"_s).toString() == name)
            return dc;
    }
    return {};
}

bool Catalogue::isOrderable(const QJsonObject &serverType, const QString &locationName, const QDateTime &now) const
{
    const QJsonArray typeLocations = serverType.value(u"locations"_s).toArray();
    for (const QJsonValue &value : typeLocations) {
        const QJsonObject entry = value.toObject();
        if (entry.value(u"name"_s).toString() != locationName)
            continue;
        if (!entry.value(u"available"_s).toBool())
            return false;
        const QJsonValue deprecation = entry.value(u"deprecation"_s);
        if (deprecation.isObject()) {
            const QDateTime until = QDateTime::fromString(
                    deprecation.toObject().value(u"unavailable_after"_s).toString(), Qt::ISODate);
            if (until.isValid() && now > until)
                return false;
        }
        return true;
    }
    return false;
}
