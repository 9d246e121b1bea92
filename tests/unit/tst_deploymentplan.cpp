// The plan model: names, validation of every field, the v1 file format, generated secrets.
#include "model/deploymentplan.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {
const QString sshKey = u"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJy8viPk0QD/A9Hof7FGWIt3bVhsF9Ys9zDkAhEOfSzu you@laptop"_s;

DeploymentPlan validPlan()
{
    DeploymentPlan plan;
    plan.domain = u"meet.example.org"_s;
    plan.email = u"admin@example.org"_s;
    plan.web = {u"cx33"_s, u"fsn1"_s};
    plan.bridges = {{u"cx33"_s, u"fsn1"_s}, {u"cx23"_s, u"hel1"_s}};
    plan.sshPublicKey = sshKey;
    return plan;
}

QJsonObject validJson()
{
    return validPlan().toJson();
}

bool isHostnameLabel(const QString &name)
{
    static const QRegularExpression label(u"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"_s);
    return label.match(name).hasMatch();
}
} // namespace

class TestDeploymentPlan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesFollowTheDesign()
    {
        const DeploymentPlan plan = validPlan();
        QCOMPARE(plan.slug(), u"meet-example-org"_s);
        QCOMPARE(plan.webServerName(), u"meet-example-org-web"_s);
        QCOMPARE(plan.bridgeName(1), u"meet-example-org-jvb-1"_s);
        QCOMPARE(plan.bridgeName(20), u"meet-example-org-jvb-20"_s);
        QCOMPARE(plan.networkName(), u"meet-example-org-net"_s);
        QCOMPARE(plan.bridgeFirewallName(), u"meet-example-org-bridges"_s);
    }

    void longDomainIsShortenedDeterministically()
    {
        DeploymentPlan plan = validPlan();
        // 59 characters: its slug alone fits a label, slug + "-bridges" does not.
        plan.domain = u"conference-room-for-the-regional-association.example-org.de"_s;
        QCOMPARE(plan.domain.size(), 59);
        const QString slug = plan.slug();
        QVERIFY2(slug.size() <= DeploymentPlan::maxSlugLength, qPrintable(slug));
        QVERIFY(slug.startsWith(u"conference-room-for-the-regional-association"_s));
        QVERIFY(QRegularExpression(u"-[0-9a-f]{8}$"_s).match(slug).hasMatch());
        QCOMPARE(slug, u"conference-room-for-the-regional-association-e-5027e90d"_s); // as in docs/plan-format.md
        QCOMPARE(validPlan().slug(), u"meet-example-org"_s); // short ones are untouched
        for (const QString &name :
             {plan.webServerName(), plan.bridgeName(20), plan.bridgeFirewallName(), plan.networkName()})
            QVERIFY2(isHostnameLabel(name), qPrintable(name));
        QVERIFY2(plan.validate().ok(), qPrintable(plan.validate().error().message));

        // Stable across runs and distinct for domains that share the first characters.
        DeploymentPlan again = plan;
        QCOMPARE(again.slug(), slug);
        DeploymentPlan other = plan;
        other.domain = u"conference-room-for-the-regional-association.example-org.at"_s;
        QVERIFY(other.slug() != slug);

        // The longest possible domain still yields valid names.
        DeploymentPlan longest = validPlan();
        longest.domain
                = QString(63, u'a') + u'.' + QString(63, u'b') + u'.' + QString(63, u'c') + u'.' + QString(61, u'd');
        QCOMPARE(longest.domain.size(), 253);
        longest.bridges = QList<HostSpec>(DeploymentPlan::maxBridges, {u"cx23"_s, u"fsn1"_s});
        QVERIFY2(longest.validate().ok(), qPrintable(longest.validate().error().message));
        QVERIFY(isHostnameLabel(longest.bridgeName(DeploymentPlan::maxBridges)));
    }

    void idnDomainBecomesPunycode()
    {
        QJsonObject json = validJson();
        json[u"domain"_s] = u"meet.bücher.example"_s;
        json[u"email"_s] = u"admin@bücher.example"_s;
        const auto plan = DeploymentPlan::fromJson(json);
        QVERIFY2(plan.ok(), qPrintable(plan.error().message));
        QCOMPARE(plan->domain, u"meet.xn--bcher-kva.example"_s);
        QCOMPARE(plan->email, u"admin@xn--bcher-kva.example"_s);
        QCOMPARE(plan->slug(), u"meet-xn--bcher-kva-example"_s);
        QVERIFY(isHostnameLabel(plan->webServerName()));

        // Upper case is folded when reading the file.
        json[u"domain"_s] = u"Meet.Example.ORG"_s;
        QCOMPARE(DeploymentPlan::fromJson(json)->domain, u"meet.example.org"_s);

        // A Unicode domain set directly (not through the file) is refused with the fix.
        DeploymentPlan direct = validPlan();
        direct.domain = u"meet.bücher.example"_s;
        QVERIFY(!direct.validate());
        QVERIFY(direct.validate().error().message.contains(u"punycode"_s));
    }

    void validPlanPasses()
    {
        const DeploymentPlan plan = validPlan();
        QVERIFY2(plan.validate().ok(), qPrintable(plan.validate().error().message));
        DeploymentPlan withCidrs = plan;
        withCidrs.image = u"ubuntu-24.04"_s;
        withCidrs.options.sshSourceCidrs
                = {u"203.0.113.7/32"_s, u"198.51.100.0/24"_s, u"2001:db8::/32"_s, u"2001:0db8:0000::/48"_s};
        QVERIFY2(withCidrs.validate().ok(), qPrintable(withCidrs.validate().error().message));
    }

    void badFieldIsNamed_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("detail"); // Error::detail: the field's path
        QTest::addColumn<QString>("message"); // a fragment of the message

        QTest::newRow("domain empty") << u"domain"_s << u""_s << u"domain"_s << u"meet.example.org"_s;
        QTest::newRow("domain one label") << u"domain"_s << u"localhost"_s << u"domain"_s << u"fully qualified"_s;
        QTest::newRow("domain underscore") << u"domain"_s << u"meet_x.example.org"_s << u"domain"_s << u"hyphens"_s;
        QTest::newRow("domain leading hyphen")
                << u"domain"_s << u"-meet.example.org"_s << u"domain"_s << u"start or end"_s;
        QTest::newRow("domain trailing hyphen")
                << u"domain"_s << u"meet-.example.org"_s << u"domain"_s << u"start or end"_s;
        QTest::newRow("domain empty label") << u"domain"_s << u"meet..example.org"_s << u"domain"_s << u"empty part"_s;
        QTest::newRow("domain trailing dot") << u"domain"_s << u"meet.example.org."_s << u"domain"_s << u"dot"_s;
        QTest::newRow("domain space") << u"domain"_s << u"meet example.org"_s << u"domain"_s << u"letters"_s;
        QTest::newRow("domain ip") << u"domain"_s << u"192.168.1.10"_s << u"domain"_s << u"IP address"_s;
        QTest::newRow("domain label 64") << u"domain"_s << (QString(64, u'a') + u".example.org"_s) << u"domain"_s
                                         << u"63"_s;
        QTest::newRow("domain 254") << u"domain"_s
                                    << (QString(63, u'a') + u'.' + QString(63, u'b') + u'.' + QString(63, u'c') + u'.'
                                        + QString(62, u'd'))
                                    << u"domain"_s << u"253"_s;
        QTest::newRow("domain upper") << u"domain"_s << u"Meet.example.org"_s << u"domain"_s << u"lower case"_s;
        QTest::newRow("email empty") << u"email"_s << u""_s << u"email"_s << u"Let's Encrypt"_s;
        QTest::newRow("email no at") << u"email"_s << u"admin.example.org"_s << u"email"_s << u"e-mail address"_s;
        QTest::newRow("email two at") << u"email"_s << u"a@b@example.org"_s << u"email"_s << u"e-mail address"_s;
        QTest::newRow("email space") << u"email"_s << u"ad min@example.org"_s << u"email"_s << u"no spaces"_s;
        QTest::newRow("email quote") << u"email"_s << u"\"admin\"@example.org"_s << u"email"_s << u"quotes"_s;
        QTest::newRow("email shell") << u"email"_s << u"admin$(reboot)@example.org"_s << u"email"_s << u"symbols"_s;
        QTest::newRow("email semicolon") << u"email"_s << u"a;b@example.org"_s << u"email"_s << u"symbols"_s;
        QTest::newRow("email backtick") << u"email"_s << u"a`id`@example.org"_s << u"email"_s << u"symbols"_s;
        QTest::newRow("email double dot") << u"email"_s << u"a..b@example.org"_s << u"email"_s << u"before @"_s;
        QTest::newRow("email bad domain") << u"email"_s << u"admin@localhost"_s << u"email"_s << u"fully qualified"_s;
        QTest::newRow("email domain space")
                << u"email"_s << u"admin@exa mple.org"_s << u"email"_s << u"e-mail domain"_s;
        QTest::newRow("image") << u"image"_s << u"debian-11"_s << u"image"_s << u"ubuntu-24.04"_s;
        QTest::newRow("image debian 14") << u"image"_s << u"debian-14"_s << u"image"_s << u"debian-13 (the default)"_s;
        QTest::newRow("web type empty") << u"web.server_type"_s << u""_s << u"web.server_type"_s << u"cx33"_s;
        QTest::newRow("web type shape") << u"web.server_type"_s << u"CX 33"_s << u"web.server_type"_s
                                        << u"server-types"_s;
        QTest::newRow("web location empty") << u"web.location"_s << u""_s << u"web.location"_s << u"fsn1"_s;
        QTest::newRow("web location shape") << u"web.location"_s << u"fsn1;rm"_s << u"web.location"_s << u"locations"_s;
        QTest::newRow("bridge type") << u"bridges[1].server_type"_s << u"cx33 "_s << u"bridges[1].server_type"_s
                                     << u"bridges[1].server_type"_s;
        QTest::newRow("bridge location") << u"bridges[0].location"_s << u""_s << u"bridges[0].location"_s
                                         << u"bridges[0].location"_s;
        QTest::newRow("ssh key empty") << u"ssh_public_key"_s << u""_s << u"ssh_public_key"_s << u".pub"_s;
        QTest::newRow("ssh key garbage") << u"ssh_public_key"_s << u"ssh-ed25519 notbase64!!"_s << u"ssh_public_key"_s
                                         << u"not a valid OpenSSH public key"_s;
        QTest::newRow("ssh key private") << u"ssh_public_key"_s << u"-----BEGIN OPENSSH PRIVATE KEY-----"_s
                                         << u"ssh_public_key"_s << u"public key"_s;
        QTest::newRow("cidr no prefix") << u"cidr"_s << u"203.0.113.7"_s << u"options.ssh_source_cidrs[0]"_s
                                        << u"203.0.113.7/32"_s;
        QTest::newRow("cidr garbage") << u"cidr"_s << u"example.org/24"_s << u"options.ssh_source_cidrs[0]"_s
                                      << u"CIDR"_s;
        QTest::newRow("cidr prefix too long")
                << u"cidr"_s << u"10.0.0.0/33"_s << u"options.ssh_source_cidrs[0]"_s << u"CIDR"_s;
        QTest::newRow("cidr host bits") << u"cidr"_s << u"203.0.113.7/24"_s << u"options.ssh_source_cidrs[0]"_s
                                        << u"203.0.113.0/24"_s;
        // It ends up on certbot's command line: only plain https URLs.
        const QString acme = u"options.acme_directory_url"_s;
        QTest::newRow("acme http") << u"acme"_s << u"http://acme.example/dir"_s << acme << u"https URL"_s;
        QTest::newRow("acme file") << u"acme"_s << u"file:///etc/passwd"_s << acme << u"https URL"_s;
        QTest::newRow("acme no host") << u"acme"_s << u"https:///dir"_s << acme << u"https URL"_s;
        QTest::newRow("acme quote") << u"acme"_s << u"https://acme.example/dir'"_s << acme << u"https URL"_s;
        QTest::newRow("acme space") << u"acme"_s << u"https://acme.example/d ir"_s << acme << u"https URL"_s;
        QTest::newRow("acme shell") << u"acme"_s << u"https://acme.example/$(id)"_s << acme << u"https URL"_s;
        QTest::newRow("acme user") << u"acme"_s << u"https://me@acme.example/dir"_s << acme << u"https URL"_s;
        QTest::newRow("acme words") << u"acme"_s << u"staging"_s << acme << u"Let's Encrypt"_s;
    }

    void badFieldIsNamed()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, detail);
        QFETCH(QString, message);
        DeploymentPlan plan = validPlan();
        if (field == u"domain"_s)
            plan.domain = value;
        else if (field == u"email"_s)
            plan.email = value;
        else if (field == u"image"_s)
            plan.image = value;
        else if (field == u"web.server_type"_s)
            plan.web.serverType = value;
        else if (field == u"web.location"_s)
            plan.web.location = value;
        else if (field == u"bridges[1].server_type"_s)
            plan.bridges[1].serverType = value;
        else if (field == u"bridges[0].location"_s)
            plan.bridges[0].location = value;
        else if (field == u"ssh_public_key"_s)
            plan.sshPublicKey = value;
        else if (field == u"cidr"_s)
            plan.options.sshSourceCidrs = {value};
        else if (field == u"acme"_s)
            plan.options.acmeDirectoryUrl = value;
        else
            QFAIL("unknown field in the test table");

        const Result<void> result = plan.validate();
        QVERIFY(!result);
        QCOMPARE(result.error().domain, u"input"_s);
        QCOMPARE(result.error().code, u"plan_invalid"_s);
        QCOMPARE(result.error().detail, detail);
        QVERIFY2(result.error().message.contains(message), qPrintable(result.error().message));
    }

    void bridgeCount()
    {
        DeploymentPlan plan = validPlan();
        plan.bridges.clear();
        QVERIFY(!plan.validate());
        QCOMPARE(plan.validate().error().detail, u"bridges"_s);
        QVERIFY(plan.validate().error().message.contains(u"at least one"_s));

        plan.bridges = QList<HostSpec>(DeploymentPlan::maxBridges, {u"cx23"_s, u"fsn1"_s});
        QVERIFY(plan.validate().ok());
        plan.bridges.append({u"cx23"_s, u"fsn1"_s});
        QVERIFY(!plan.validate());
        QVERIFY2(plan.validate().error().message.contains(QString::number(DeploymentPlan::maxBridges)),
                 qPrintable(plan.validate().error().message));
    }

    void jsonRoundTrip()
    {
        DeploymentPlan plan = validPlan();
        plan.image = u"ubuntu-24.04"_s;
        plan.options.sshSourceCidrs = {u"203.0.113.7/32"_s};
        plan.options.disableCertificateVerification = true;
        plan.options.turnServer = false; // not the default, so the round trip must carry it
        plan.options.acmeDirectoryUrl = u"https://acme-staging-v02.api.letsencrypt.org/directory"_s;
        plan.options.meetingAccess = DeploymentPlan::MeetingAccess::Moderated;
        const QJsonObject json = plan.toJson();
        QCOMPARE(json.value(u"options"_s).toObject().value(u"meeting_access"_s).toString(), u"moderated"_s);
        QCOMPARE(json.value(u"version"_s).toInt(), 1);
        const auto back = DeploymentPlan::fromJson(json);
        QVERIFY2(back.ok(), qPrintable(back.error().message));
        QVERIFY(back.value() == plan);
        QCOMPARE(back->toJson(), json);

        // Through text as well, as the command reads it.
        const auto fromText = DeploymentPlan::fromJsonText(QJsonDocument(json).toJson());
        QVERIFY2(fromText.ok(), qPrintable(fromText.error().message));
        QVERIFY(fromText.value() == plan);
    }

    void defaultsWhenOptional()
    {
        QJsonObject json = validJson();
        json.remove(u"image"_s);
        json.remove(u"options"_s);
        const auto plan = DeploymentPlan::fromJson(json);
        QVERIFY2(plan.ok(), qPrintable(plan.error().message));
        QCOMPARE(plan->image, u"debian-13"_s);
        // Every offered image is accepted, in a file as from the page.
        for (const QString &image : DeploymentPlan::supportedImages()) {
            json.insert(u"image"_s, image);
            const auto with = DeploymentPlan::fromJson(json);
            QVERIFY2(with.ok() && with->image == image, qPrintable(image));
        }
        QVERIFY(plan->options.sshSourceCidrs.isEmpty());
        QVERIFY(!plan->options.disableCertificateVerification);
        QVERIFY(plan->options.turnServer); // TURN is part of every deployment unless the plan leaves it out
        QVERIFY(plan->options.acmeDirectoryUrl.isEmpty());
        // Options without the key: still on; with it false: off.
        json.insert(u"options"_s, QJsonObject{{u"disable_certificate_verification"_s, false}});
        QVERIFY(DeploymentPlan::fromJson(json)->options.turnServer);
        json.insert(u"options"_s, QJsonObject{{u"turn_server"_s, false}});
        QVERIFY(!DeploymentPlan::fromJson(json)->options.turnServer);
        // Let's Encrypt production is the default, so a plan without the field does not grow one.
        QVERIFY(!plan->toJson().value(u"options"_s).toObject().contains(u"acme_directory_url"_s));
        // Open is today's behaviour and the default; a plan file without the field stays without it.
        QCOMPARE(plan->options.meetingAccess, DeploymentPlan::MeetingAccess::Open);
        QVERIFY(!plan->toJson().value(u"options"_s).toObject().contains(u"meeting_access"_s));
    }

    void meetingAccessIsReadFromTheFile()
    {
        for (const auto &[name, access] : {std::pair{u"open"_s, DeploymentPlan::MeetingAccess::Open},
                                           std::pair{u"moderated"_s, DeploymentPlan::MeetingAccess::Moderated}}) {
            QJsonObject json = validJson();
            json[u"options"_s] = QJsonObject{{u"meeting_access"_s, name}};
            const auto plan = DeploymentPlan::fromJson(json);
            QVERIFY2(plan.ok(), qPrintable(plan.error().message));
            QCOMPARE(plan->options.meetingAccess, access);
            QCOMPARE(DeploymentPlan::meetingAccessName(access), name);
        }
        QVERIFY(!DeploymentPlan::meetingAccessFromName(u"Moderated"_s)); // the file's names are exact
    }

    void fileErrors_data()
    {
        QTest::addColumn<QByteArray>("edit"); // how to spoil the valid plan
        QTest::addColumn<QString>("detail");
        QTest::addColumn<QString>("message");
        QTest::newRow("no version") << "remove:version"_ba << u"version"_s << u"\"version\": 1"_s;
        QTest::newRow("version 2") << "version=2"_ba << u"version"_s << u"version 2 is not supported"_s;
        QTest::newRow("version text") << "version=\"1\""_ba << u"version"_s << u"not a number"_s;
        QTest::newRow("typo top") << "add:domian"_ba << u"domian"_s << u"unknown field \"domian\""_s;
        QTest::newRow("typo web") << "web.serverType"_ba << u"web.serverType"_s
                                  << u"unknown field \"web.serverType\""_s;
        QTest::newRow("typo bridge") << "bridges.loaction"_ba << u"bridges[0].loaction"_s
                                     << u"unknown field \"bridges[0].loaction\""_s;
        QTest::newRow("typo options") << "options.ssh_sources"_ba << u"options.ssh_sources"_s
                                      << u"unknown field \"options.ssh_sources\""_s;
        QTest::newRow("no domain") << "remove:domain"_ba << u"domain"_s << u"required"_s;
        QTest::newRow("no email") << "remove:email"_ba << u"email"_s << u"required"_s;
        QTest::newRow("no web") << "remove:web"_ba << u"web"_s << u"required"_s;
        QTest::newRow("no bridges") << "remove:bridges"_ba << u"bridges"_s << u"required"_s;
        QTest::newRow("no key") << "remove:ssh_public_key"_ba << u"ssh_public_key"_s << u"required"_s;
        QTest::newRow("domain number") << "domain=5"_ba << u"domain"_s << u"text string"_s;
        QTest::newRow("bridges object") << "bridges={}"_ba << u"bridges"_s << u"list"_s;
        QTest::newRow("bridge string") << "bridges=[\"cx33\"]"_ba << u"bridges[0]"_s << u"object"_s;
        QTest::newRow("option bool") << "options={\"turn_server\":\"yes\"}"_ba << u"options.turn_server"_s
                                     << u"true or false"_s;
        QTest::newRow("acme number") << "options={\"acme_directory_url\":5}"_ba << u"options.acme_directory_url"_s
                                     << u"text string"_s;
        QTest::newRow("acme invalid") << "options={\"acme_directory_url\":\"http://x.example/dir\"}"_ba
                                      << u"options.acme_directory_url"_s << u"https URL"_s;
        QTest::newRow("access unknown") << "options={\"meeting_access\":\"private\"}"_ba << u"options.meeting_access"_s
                                        << u"use \"open\""_s;
        QTest::newRow("access bool") << "options={\"meeting_access\":true}"_ba << u"options.meeting_access"_s
                                     << u"text string"_s;
        QTest::newRow("cidrs string") << "options={\"ssh_source_cidrs\":\"1.2.3.4/32\"}"_ba
                                      << u"options.ssh_source_cidrs"_s << u"list"_s;
        QTest::newRow("invalid after parse") << "domain=\"localhost\""_ba << u"domain"_s << u"fully qualified"_s;
    }

    void fileErrors()
    {
        QFETCH(QByteArray, edit);
        QFETCH(QString, detail);
        QFETCH(QString, message);
        QJsonObject json = validJson();
        const QString text = QString::fromUtf8(edit);
        if (text.startsWith(u"remove:"_s)) {
            json.remove(text.mid(7));
        } else if (text.startsWith(u"add:"_s)) {
            json.insert(text.mid(4), u"meet.example.org"_s);
        } else if (text == u"web.serverType"_s) {
            QJsonObject web = json[u"web"_s].toObject();
            web.insert(u"serverType"_s, u"cx33"_s);
            json[u"web"_s] = web;
        } else if (text == u"bridges.loaction"_s) {
            QJsonArray bridges = json[u"bridges"_s].toArray();
            QJsonObject first = bridges[0].toObject();
            first.insert(u"loaction"_s, u"fsn1"_s);
            bridges[0] = first;
            json[u"bridges"_s] = bridges;
        } else if (text == u"options.ssh_sources"_s) {
            QJsonObject options = json[u"options"_s].toObject();
            options.insert(u"ssh_sources"_s, QJsonArray());
            json[u"options"_s] = options;
        } else {
            const qsizetype eq = text.indexOf(u'=');
            const QByteArray wrapped = "{\"v\":" + text.mid(eq + 1).toUtf8() + "}";
            json[text.left(eq)] = QJsonDocument::fromJson(wrapped).object().value(u"v"_s);
        }
        const auto plan = DeploymentPlan::fromJson(json);
        QVERIFY(!plan);
        QCOMPARE(plan.error().code, u"plan_invalid"_s);
        QCOMPARE(plan.error().detail, detail);
        QVERIFY2(plan.error().message.contains(message), qPrintable(plan.error().message));
    }

    void syntaxErrorNamesLine()
    {
        const auto plan = DeploymentPlan::fromJsonText("{\n  \"version\": 1,\n  \"domain\": \"x\"\n  \"email\": 1\n}");
        QVERIFY(!plan);
        QVERIFY2(plan.error().message.contains(u"line 4"_s), qPrintable(plan.error().message));
        const auto array = DeploymentPlan::fromJsonText("[]");
        QVERIFY(!array);
        QVERIFY(array.error().message.contains(u"one JSON object"_s));
    }

    void exampleFileIsValid()
    {
        QFile file(QStringLiteral(DEPLOYER_SOURCE_DIR "/docs/examples/plan.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto plan = DeploymentPlan::fromJsonText(file.readAll());
        QVERIFY2(plan.ok(), qPrintable(plan.error().message));
        QCOMPARE(plan->bridges.size(), 2);
    }

    void secretsAreStrongAndDiffer()
    {
        const DeploymentSecrets first = DeploymentSecrets::generate();
        const DeploymentSecrets second = DeploymentSecrets::generate();
        static const QRegularExpression alphabet(u"^[A-Za-z0-9]{32}$"_s);
        for (const QString &secret : {first.jvbSecret, first.focusPassword, second.jvbSecret, second.focusPassword}) {
            QVERIFY2(alphabet.match(secret).hasMatch(), "a secret is not 32 alphanumerics");
            QVERIFY(DeploymentSecrets::validateSecret(secret).ok());
        }
        QVERIFY(first.jvbSecret != first.focusPassword);
        QVERIFY(first.jvbSecret != second.jvbSecret);
        QVERIFY(first.focusPassword != second.focusPassword);

        // Over many draws every character class shows up: the alphabet really is all 62 characters.
        QSet<QChar> seen;
        for (int i = 0; i < 100; ++i)
            for (const QChar c : DeploymentSecrets::generate().jvbSecret)
                seen.insert(c);
        QCOMPARE(seen.size(), 62);
    }

    void secretValidation_data()
    {
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("message");
        QTest::newRow("short") << u"abcDEF123"_s << u"at least 24"_s;
        QTest::newRow("quote") << u"abcdefghijklmnopqrstuvwx\"yz"_s << u"letters"_s;
        QTest::newRow("dollar") << u"abcdefghijklmnopqrstuvwx$yz"_s << u"letters"_s;
        QTest::newRow("space") << u"abcdefghijklmnop qrstuvwxyz"_s << u"letters"_s;
        QTest::newRow("hocon brace") << u"abcdefghijklmnopqrstuvwx}yz"_s << u"letters"_s;
        QTest::newRow("non-ascii") << u"abcdefghijklmnopqrstuvwxäyz"_s << u"letters"_s;
    }

    void secretValidation()
    {
        QFETCH(QString, secret);
        QFETCH(QString, message);
        const Result<void> result = DeploymentSecrets::validateSecret(secret);
        QVERIFY(!result);
        QVERIFY2(result.error().message.contains(message), qPrintable(result.error().message));
        QVERIFY(!result.error().message.contains(secret)); // never echoed
        QVERIFY(DeploymentSecrets::validateSecret(u"abcdefghijklmnopqrstuvwx"_s).ok());
    }
};

QTEST_GUILESS_MAIN(TestDeploymentPlan)
#include "tst_deploymentplan.moc"
