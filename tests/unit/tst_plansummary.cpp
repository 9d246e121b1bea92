// What a plan would create and cost (PlanSummary), and the dry run's files (DryRunWriter).
#include "deploy/dryrunwriter.h"
#include "deploy/plansummary.h"
#include "provision/envfile.h"
#include "provision/hostinputs.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace hcloud;

namespace {
const QString sshKey = u"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJy8viPk0QD/A9Hof7FGWIt3bVhsF9Ys9zDkAhEOfSzu you@laptop"_s;
const QDateTime now = QDateTime(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC);

Money money(const char *text)
{
    return Money::parse(QString::fromLatin1(text)).value();
}

Price price(const char *gross)
{
    return Price{money(gross), money(gross)};
}

DeploymentPlan plan()
{
    DeploymentPlan plan;
    plan.domain = u"meet.example.org"_s;
    plan.email = u"admin@example.org"_s;
    plan.web = {u"cx33"_s, u"fsn1"_s};
    plan.bridges = {{u"cx33"_s, u"fsn1"_s}, {u"cx23"_s, u"ash"_s}};
    plan.sshPublicKey = sshKey;
    return plan;
}

QList<Location> locations()
{
    return {{1, u"fsn1"_s, {}, u"DE"_s, u"Falkenstein"_s, u"eu-central"_s},
            {2, u"ash"_s, {}, u"US"_s, u"Ashburn, VA"_s, u"us-east"_s}};
}

ServerType type(const QString &name, const QList<QPair<QString, const char *>> &monthly)
{
    ServerType type;
    type.name = name;
    for (const auto &[location, gross] : monthly) {
        ServerTypeLocation where;
        where.location = location;
        type.locations.append(where);
        type.prices.append({location, price("0.0100000000000000"), price(gross), 0});
    }
    return type;
}

QList<ServerType> types()
{
    return {type(u"cx33"_s, {{u"fsn1"_s, "6.4900000000000000"}, {u"ash"_s, "7.0100000000000000"}}),
            type(u"cx23"_s, {{u"fsn1"_s, "3.4900000000000000"}, {u"ash"_s, "3.9900000000000000"}})};
}

Pricing pricing()
{
    Pricing pricing;
    pricing.currency = u"EUR"_s;
    pricing.primaryIps = {{u"ipv4"_s, u"fsn1"_s, price("0.0008000000000000"), price("0.5000000000000000")},
                          {u"ipv4"_s, u"ash"_s, price("0.0009000000000000"), price("0.6000000000000000")},
                          {u"ipv6"_s, u"fsn1"_s, price("0.0000000000000000"), price("0.0000000000000000")}};
    return pricing;
}

QString readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}
} // namespace

class TestPlanSummary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void totalsAreExactSums()
    {
        const auto summary = PlanSummary::build(plan(), types(), locations(), pricing(), std::nullopt, now);
        QVERIFY2(summary.ok(), qPrintable(summary.error().message));
        QCOMPARE(summary->servers.size(), 3);
        QCOMPARE(summary->servers[0].name, u"meet-example-org-web"_s);
        QCOMPARE(summary->servers[0].totalMonthlyGross.toString(), u"6.99"_s); // 6.49 + 0.50
        QCOMPARE(summary->servers[2].totalMonthlyGross.toString(), u"4.59"_s); // cx23 in ash 3.99 + 0.60
        QCOMPARE(summary->totalMonthlyGross.toString(), u"18.57"_s); // 6.99 + 6.99 + 4.59
        QCOMPARE(summary->totalHourlyGross.toString(), u"0.0325"_s); // 3 * 0.01 + 0.0008 * 2 + 0.0009
        const QJsonObject json = summary->toJson();
        QCOMPARE(json[u"total_monthly_gross"_s].toString(), u"18.57"_s);
        QCOMPARE(json[u"servers"_s].toArray()[2].toObject()[u"ipv4_monthly_gross"_s].toString(), u"0.6"_s);
        QVERIFY(summary->toText().contains(u"18.57 EUR"_s));
    }

    void turnLineFollowsThePlan()
    {
        DeploymentPlan withTurn = plan();
        QVERIFY(withTurn.options.turnServer); // the default
        const auto on = PlanSummary::build(withTurn, types(), locations(), pricing(), std::nullopt, now);
        QVERIFY(on.ok());
        QVERIFY(on->turnServer);
        QVERIFY2(on->toText().contains(u"TURN server (coturn) on the web host: 3478 udp and 5349 tcp"_s),
                 qPrintable(on->toText()));
        QCOMPARE(on->toJson()[u"turn_server"_s].toBool(), true);

        DeploymentPlan withoutTurn = plan();
        withoutTurn.options.turnServer = false;
        const auto off = PlanSummary::build(withoutTurn, types(), locations(), pricing(), std::nullopt, now);
        QVERIFY(off.ok());
        QVERIFY(!off->toText().contains(u"3478"_s));
        QVERIFY(off->toText().contains(u"no TURN server"_s));
        QCOMPARE(off->toJson()[u"turn_server"_s].toBool(true), false);
    }

    void bridgesElsewhereUsePublicAddresses()
    {
        const auto summary = PlanSummary::build(plan(), types(), locations(), pricing(), std::nullopt, now);
        QVERIFY(summary.ok());
        QCOMPARE(summary->networkZone, u"eu-central"_s);
        QVERIFY(summary->servers[1].onPrivateNetwork);
        QVERIFY(!summary->servers[2].onPrivateNetwork);
        QVERIFY(summary->toText().contains(u"public (zone us-east)"_s));
    }

    void sshKeyNameOrReuse()
    {
        const auto fresh = PlanSummary::build(plan(), types(), locations(), pricing(), std::nullopt, now);
        QVERIFY(fresh.ok());
        QVERIFY(!fresh->sshKeyExists);
        QVERIFY(fresh->sshKeyFingerprint.count(u':') == 15);
        QCOMPARE(fresh->sshKeyName, PlanSummary::newSshKeyName(fresh->sshKeyFingerprint));
        QCOMPARE(PlanSummary::newSshKeyName(u"ac:07:83:d5:93:ba"_s), u"jitsi-deployer-ac0783d5"_s);

        SshKey existing;
        existing.name = u"laptop"_s;
        const auto reused = PlanSummary::build(plan(), types(), locations(), pricing(), existing, now);
        QVERIFY(reused.ok());
        QVERIFY(reused->sshKeyExists);
        QCOMPARE(reused->sshKeyName, u"laptop"_s);
    }

    void notOrderable_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown location") << u"location"_s << u"location_unknown"_s << u"fsn1, ash"_s;
        QTest::newRow("unknown type") << u"type"_s << u"server_type_unknown"_s << u"\"cx999\""_s;
        QTest::newRow("unavailable") << u"unavailable"_s << u"server_type_not_orderable"_s
                                     << u"cannot be ordered in ash"_s;
        QTest::newRow("deprecated") << u"deprecated"_s << u"server_type_not_orderable"_s << u"\"cx23\""_s;
        QTest::newRow("not listed there") << u"unlisted"_s << u"server_type_not_orderable"_s << u"ash"_s;
        QTest::newRow("no ipv4 price") << u"ipv4"_s << u"price_missing"_s << u"IPv4"_s;
    }

    void notOrderable()
    {
        QFETCH(QString, what);
        QFETCH(QString, code);
        QFETCH(QString, message);
        DeploymentPlan p = plan();
        QList<ServerType> catalogue = types();
        Pricing prices = pricing();
        if (what == u"location"_s) {
            p.bridges[1].location = u"xyz1"_s;
        } else if (what == u"type"_s) {
            p.bridges[1].serverType = u"cx999"_s;
        } else if (what == u"unavailable"_s) {
            catalogue[1].locations[1].available = false;
        } else if (what == u"deprecated"_s) {
            catalogue[1].locations[1].deprecated = true;
            catalogue[1].locations[1].unavailableAfter = now.addDays(-1);
        } else if (what == u"unlisted"_s) {
            catalogue[1].locations.removeLast();
        } else {
            prices.primaryIps.removeAt(1);
        }
        const auto summary = PlanSummary::build(p, catalogue, locations(), prices, std::nullopt, now);
        QVERIFY(!summary);
        QCOMPARE(summary.error().domain, u"input"_s);
        QCOMPARE(summary.error().code, code);
        QVERIFY2(summary.error().message.contains(message), qPrintable(summary.error().message));
        QVERIFY2(summary.error().message.contains(u"bridges[1]"_s) || what == u"ipv4"_s,
                 qPrintable(summary.error().message));
        // A type that cannot be ordered comes with the advice to list the ones that can, each front end saying
        // how (the CLI its command, the wizard its Servers page); the message names no command itself.
        if (code.startsWith(u"server_type_"_s)) {
            QCOMPARE(summary.error().advice.kind, Advice::Kind::ListServerTypes);
            QCOMPARE(summary.error().advice.subject, u"ash"_s);
            QVERIFY2(!summary.error().message.contains(u"jitsi-deployer"_s), qPrintable(summary.error().message));
        }

        // Deprecated but still before its unavailable_after date: orderable.
        if (what == u"deprecated"_s) {
            catalogue[1].locations[1].unavailableAfter = now.addDays(30);
            QVERIFY(PlanSummary::build(p, catalogue, locations(), prices, std::nullopt, now).ok());
        }
    }

    void dryRunHoldsNoSecret()
    {
        // Canaries in the secrets the writer is given: they must not reach any file it writes.
        const DeploymentSecrets canary{u"CanaryJvbSecret0123456789abcdef"_s, u"CanaryFocusPassword0123456789ab"_s};
        const DeploymentPlan p = plan();
        const auto summary = PlanSummary::build(p, types(), locations(), pricing(), std::nullopt, now);
        QVERIFY(summary.ok());
        QTemporaryDir dir;
        const QString out = dir.filePath(u"out"_s);
        const auto written = DryRunWriter::write(p, summary.value(), canary, out);
        QVERIFY2(written.ok(), qPrintable(written.error().message));
        QCOMPARE(written->size(), 3 * 2 + 2 + 8 + 2 * 3); // env + user-data per host, summaries, bundles

        int files = 0;
        QDirIterator it(out, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const QString text = readAll(path);
            ++files;
            QVERIFY2(!text.contains(canary.jvbSecret), qPrintable(path));
            QVERIFY2(!text.contains(canary.focusPassword), qPrintable(path));
            QVERIFY2(!text.contains(u"PRIVATE KEY-----"_s), qPrintable(path));
        }
        QCOMPARE(files, int(written->size()));
        const QString webEnv = readAll(out + u"/meet-example-org-web/install.env"_s);
        QVERIFY(webEnv.contains(u"<jvb-secret>"_s));
        QVERIFY(webEnv.contains(u"<focus-password>"_s));
        QVERIFY(readAll(out + u"/meet-example-org-jvb-2/install.env"_s).contains(u"<web-public-ip>"_s));
        QVERIFY(readAll(out + u"/meet-example-org-jvb-1/install.env"_s).contains(u"<web-private-ip>"_s));
        QCOMPARE(QFile::permissions(out + u"/meet-example-org-web/install.env"_s) & 0x0077, 0); // 0600 on unix

        // The test can fail: in real mode the same renderer does carry the canary.
        HostInputs web;
        web.serverName = p.webServerName();
        const auto real = EnvFile::render(p, canary, web, EnvFile::Mode::Real);
        QVERIFY2(real.ok(), qPrintable(real.error().message));
        QVERIFY(QString::fromUtf8(real.value()).contains(canary.jvbSecret));
    }

    void dryRunRefusesNonEmptyDirectory()
    {
        QTemporaryDir dir;
        QFile stale(dir.filePath(u"stale"_s));
        QVERIFY(stale.open(QIODevice::WriteOnly));
        stale.close();
        QVERIFY(!DryRunWriter::checkDirectory(dir.path()));
        QCOMPARE(DryRunWriter::checkDirectory(dir.path()).error().domain, u"input"_s);
        QVERIFY(!DryRunWriter::checkDirectory(dir.filePath(u"stale"_s))); // a file
        QVERIFY(DryRunWriter::checkDirectory(dir.filePath(u"new"_s)).ok());

        // A secret the renderers refuse stops the run before any file is written.
        const auto summary = PlanSummary::build(plan(), types(), locations(), pricing(), std::nullopt, now);
        const auto written = DryRunWriter::write(plan(), summary.value(), DeploymentSecrets{u"short"_s, u"short"_s},
                                                 dir.filePath(u"new"_s));
        QVERIFY(!written);
        QVERIFY(!QFileInfo::exists(dir.filePath(u"new"_s)));
    }
};

QTEST_GUILESS_MAIN(TestPlanSummary)
#include "tst_plansummary.moc"
