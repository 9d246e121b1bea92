#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

// The fixed, read-only part of the API: locations, datacenters, server types, images and pricing.
class Catalogue
{
public:
    Catalogue();

    QJsonArray locations() const { return m_locations; }
    QJsonArray serverTypes() const { return m_serverTypes; }
    QJsonArray images() const { return m_images; }
    QJsonObject pricing() const { return m_pricing; }

    // Lookup by numeric id or by name; an empty object when unknown.
    QJsonObject location(const QString &idOrName) const;
    QJsonObject serverType(const QString &idOrName) const;
    // A system image by id, or by name for the given architecture (names repeat across architectures).
    QJsonObject image(const QString &idOrName, const QString &architecture) const;
    // The legacy datacenter object of a location ("fsn1" -> fsn1-dc14).
    QJsonObject datacenterOf(const QString &locationName) const;
    QJsonObject datacenter(const QString &name) const;

    // Whether the type can be ordered there now: listed, available, and not past unavailable_after.
    bool isOrderable(const QJsonObject &serverType, const QString &locationName, const QDateTime &now) const;

private:
    void buildLocations();
    void buildServerTypes();
    void buildImages();
    void buildPricing();

    QJsonArray m_locations;
    QJsonArray m_serverTypes;
    QJsonArray m_images;
    QJsonObject m_pricing;
};
