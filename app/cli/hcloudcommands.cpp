#include "hcloudcommands.h"

#include "cliapplication.h"
#include "clioutput.h"
#include "hcloud/hetznerclient.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace hcloud;

HcloudCommands::HcloudCommands(HetznerClient *client, CliOutput *output, bool json, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_output(output)
    , m_json(json)
{ }

int HcloudCommands::exitCodeFor(const Error &error)
{
    static const QStringList authCodes{u"unauthorized"_s, u"token_readonly"_s, u"forbidden"_s};
    static const QStringList networkCodes{u"endpoint_unreachable"_s, u"network_timeout"_s, u"tls_failure"_s,
                                          u"connection_dropped"_s};
    if (error.domain == u"input"_s)
        return CliApplication::UsageError;
    if (authCodes.contains(error.code))
        return CliApplication::AuthFailed;
    if (networkCodes.contains(error.code))
        return CliApplication::Unreachable;
    return CliApplication::Failed;
}

int HcloudCommands::fail(const Error &error)
{
    m_output->failure(error, m_json);
    return exitCodeFor(error);
}

void HcloudCommands::checkToken(Done done)
{
    m_client->checkToken(this, [this, done](Result<HetznerClient::TokenInfo> result) {
        if (!result)
            return done(fail(result.error()));
        const HetznerClient::TokenInfo &info = result.value();
        const QString access = info.readWrite ? tr("read & write") : tr("read only");
        if (m_json) {
            m_output->json(QJsonObject{{u"ok"_s, info.readWrite},
                                       {u"endpoint"_s, m_client->endpoint().toString()},
                                       {u"access"_s, info.readWrite ? u"read_write"_s : u"read_only"_s},
                                       {u"servers"_s, info.serverCount},
                                       {u"rate_limit_remaining"_s, info.rateLimit.remaining},
                                       {u"rate_limit_limit"_s, info.rateLimit.limit}});
        } else {
            m_output->line(tr("Token works: %1 access to the project at %2 (servers: %3; API budget: %4 of %5 "
                              "requests left this hour).")
                                   .arg(access, m_client->endpoint().toString())
                                   .arg(info.serverCount)
                                   .arg(info.rateLimit.remaining)
                                   .arg(info.rateLimit.limit));
        }
        if (!info.readWrite) {
            m_output->error(tr("This token can only read. Deploying needs a Read & Write token: create one in the "
                               "Hetzner Console under Security → API tokens."));
            return done(CliApplication::AuthFailed);
        }
        done(CliApplication::Success);
    });
}

void HcloudCommands::serverTypes(const QString &location, Done done)
{
    // Prices carry no currency; /pricing names it. An unknown --location is bad input: check it first.
    m_client->getPricing(this, [this, location, done](Result<Pricing> pricing) {
        if (!pricing)
            return done(fail(pricing.error()));
        const QString currency = pricing->currency;
        if (location.isEmpty())
            return listServerTypesIn(location, currency, done);
        m_client->listLocations(this, [this, location, currency, done](Result<QList<Location>> locations) {
            if (!locations)
                return done(fail(locations.error()));
            QStringList names;
            for (const Location &known : locations.value())
                names << known.name;
            if (!names.contains(location)) {
                m_output->error(
                        tr("Unknown location \"%1\". This project can use: %2.").arg(location, names.join(u", "_s)));
                return done(CliApplication::UsageError);
            }
            listServerTypesIn(location, currency, done);
        });
    });
}

void HcloudCommands::listServerTypesIn(const QString &location, const QString &currency, Done done)
{
    m_client->listServerTypes(this, [this, location, currency, done](Result<QList<ServerType>> types) {
        if (!types)
            return done(fail(types.error()));

        struct Offer
        {
            const ServerType *type;
            ServerTypePrice price;
        };
        QList<Offer> offers;
        for (const ServerType &type : types.value()) {
            for (const ServerTypeLocation &where : type.locations) {
                if (!location.isEmpty() && where.location != location)
                    continue;
                const auto price = type.priceIn(where.location);
                if (type.isOrderableIn(where.location) && price)
                    offers.append({&type, *price});
            }
        }
        std::sort(offers.begin(), offers.end(), [](const Offer &a, const Offer &b) {
            if (a.price.location != b.price.location)
                return a.price.location < b.price.location;
            if (!(a.price.monthly.gross == b.price.monthly.gross))
                return a.price.monthly.gross < b.price.monthly.gross;
            return a.type->name < b.type->name;
        });

        if (m_json) {
            QJsonArray array;
            for (const Offer &offer : offers) {
                const ServerType &type = *offer.type;
                array.append(QJsonObject{{u"name"_s, type.name},
                                         {u"location"_s, offer.price.location},
                                         {u"description"_s, type.description},
                                         {u"category"_s, type.category},
                                         {u"cores"_s, type.cores},
                                         {u"memory_gb"_s, type.memoryGb},
                                         {u"disk_gb"_s, type.diskGb},
                                         {u"architecture"_s, type.architecture},
                                         {u"cpu_type"_s, type.cpuType},
                                         {u"currency"_s, currency},
                                         {u"price_monthly_gross"_s, offer.price.monthly.gross.toString()},
                                         {u"price_hourly_gross"_s, offer.price.hourly.gross.toString()},
                                         {u"price_monthly_net"_s, offer.price.monthly.net.toString()},
                                         {u"price_hourly_net"_s, offer.price.hourly.net.toString()}});
            }
            m_output->json(array);
            return done(CliApplication::Success);
        }

        QList<QStringList> rows;
        for (const Offer &offer : offers) {
            const ServerType &type = *offer.type;
            rows.append({type.name, offer.price.location, QString::number(type.cores),
                         QString::number(type.memoryGb) + u" GB"_s, QString::number(type.diskGb) + u" GB"_s,
                         type.architecture, type.cpuType, offer.price.monthly.gross.toString(2) + u' ' + currency,
                         offer.price.hourly.gross.toString(4) + u' ' + currency});
        }
        m_output->table({tr("TYPE"), tr("LOCATION"), tr("CORES"), tr("MEMORY"), tr("DISK"), tr("ARCH"), tr("CPU"),
                         tr("MONTHLY (GROSS)"), tr("HOURLY (GROSS)")},
                        rows);
        if (rows.isEmpty())
            m_output->error(location.isEmpty() ? tr("No server type can be ordered in this project right now.")
                                               : tr("No server type can be ordered in %1 right now; try another "
                                                    "location.")
                                                         .arg(location));
        done(rows.isEmpty() ? CliApplication::Failed : CliApplication::Success);
    });
}

void HcloudCommands::locations(Done done)
{
    m_client->listLocations(this, [this, done](Result<QList<Location>> locations) {
        if (!locations)
            return done(fail(locations.error()));
        if (m_json) {
            QJsonArray array;
            for (const Location &location : locations.value())
                array.append(QJsonObject{{u"name"_s, location.name},
                                         {u"description"_s, location.description},
                                         {u"city"_s, location.city},
                                         {u"country"_s, location.country},
                                         {u"network_zone"_s, location.networkZone}});
            m_output->json(array);
            return done(CliApplication::Success);
        }
        QList<QStringList> rows;
        for (const Location &location : locations.value())
            rows.append({location.name, location.city, location.country, location.networkZone, location.description});
        m_output->table({tr("NAME"), tr("CITY"), tr("COUNTRY"), tr("NETWORK ZONE"), tr("DESCRIPTION")}, rows);
        done(CliApplication::Success);
    });
}

void HcloudCommands::images(const QString &architecture, Done done)
{
    m_client->listImages(architecture, this, [this, done](Result<QList<Image>> images) {
        if (!images)
            return done(fail(images.error()));
        QList<Image> orderable;
        for (const Image &image : images.value())
            if (image.isOrderable())
                orderable.append(image);
        std::sort(orderable.begin(), orderable.end(), [](const Image &a, const Image &b) {
            return std::tie(a.name, a.architecture) < std::tie(b.name, b.architecture);
        });
        if (m_json) {
            QJsonArray array;
            for (const Image &image : orderable)
                array.append(QJsonObject{{u"id"_s, image.id},
                                         {u"name"_s, image.name},
                                         {u"architecture"_s, image.architecture},
                                         {u"os_flavor"_s, image.osFlavor},
                                         {u"os_version"_s, image.osVersion},
                                         {u"description"_s, image.description},
                                         {u"deprecated"_s, image.deprecated.isValid()
                                                                   ? QJsonValue(image.deprecated.toString(Qt::ISODate))
                                                                   : QJsonValue()}});
            m_output->json(array);
            return done(CliApplication::Success);
        }
        QList<QStringList> rows;
        for (const Image &image : orderable)
            rows.append({image.name, image.architecture, image.osFlavor + u' ' + image.osVersion, image.description,
                         QString::number(image.id)});
        m_output->table({tr("NAME"), tr("ARCH"), tr("OS"), tr("DESCRIPTION"), tr("ID")}, rows);
        done(CliApplication::Success);
    });
}
