// The OpenAPI check itself: a validator that cannot fail proves nothing, so feed it known-bad exchanges.

#include "hcloudsim.h"
#include "openapivalidator.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
QJsonObject exchange(const QString &method, const QString &path, int status, const QByteArray &responseBody,
                     const QByteArray &requestBody = {})
{
    return {{u"method"_s, method},
            {u"path"_s, path},
            {u"query"_s, QString()},
            {u"status"_s, status},
            {u"requestBody"_s, QString::fromUtf8(requestBody)},
            {u"responseBody"_s, QString::fromUtf8(responseBody)},
            {u"responseContentType"_s, u"application/json"_s}};
}

const QByteArray kGoodLocations = R"({"locations":[{"id":1,"name":"fsn1","description":"Falkenstein DC Park 1",
"country":"DE","city":"Falkenstein","latitude":50.47,"longitude":12.37,"network_zone":"eu-central"}],
"meta":{"pagination":{"page":1,"per_page":25,"previous_page":null,"next_page":null,"last_page":1,"total_entries":1}}})";
} // namespace

class TestHcloudSimValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptsConformingExchanges();
    void reportsViolations_data();
    void reportsViolations();
    void missingReferenceFails();
    void checksRealSimulatorTraffic();

private:
    QStringList check(const QList<QJsonObject> &exchanges,
                      const QString &openApiDir = QStringLiteral(DEPLOYER_OPENAPI_DIR));
    QTemporaryDir m_dir;
};

QStringList TestHcloudSimValidator::check(const QList<QJsonObject> &exchanges, const QString &openApiDir)
{
    const QString path = m_dir.filePath(u"exchanges.jsonl"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {u"cannot write test input"_s};
    for (const QJsonObject &object : exchanges)
        file.write(QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n');
    file.close();
    return OpenApiValidator(QStringLiteral(DEPLOYER_SOURCE_DIR), openApiDir).violationsInFile(path);
}

void TestHcloudSimValidator::acceptsConformingExchanges()
{
    const QStringList violations = check({
            exchange(u"GET"_s, u"/locations"_s, 200, kGoodLocations),
            exchange(u"GET"_s, u"/servers/5"_s, 404, R"({"error":{"code":"not_found","message":"x","details":null}})"),
            exchange(u"DELETE"_s, u"/ssh_keys/5"_s, 204, {}),
    });
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
}

void TestHcloudSimValidator::reportsViolations_data()
{
    QTest::addColumn<QJsonObject>("bad");
    QTest::addColumn<QString>("expected");
    QByteArray wrongType = kGoodLocations;
    wrongType.replace("\"id\":1", "\"id\":\"1\"");
    QTest::newRow("wrong type") << exchange(u"GET"_s, u"/locations"_s, 200, wrongType) << u"locations/0/id"_s;
    QByteArray missingField = kGoodLocations;
    missingField.replace("\"city\":\"Falkenstein\",", "");
    QTest::newRow("missing field") << exchange(u"GET"_s, u"/locations"_s, 200, missingField)
                                   << u"'city' is a required"_s;
    QByteArray nullNotAllowed = kGoodLocations;
    nullNotAllowed.replace("\"page\":1", "\"page\":null");
    QTest::newRow("null where not nullable") << exchange(u"GET"_s, u"/locations"_s, 200, nullNotAllowed) << u"page"_s;
    QTest::newRow("bad error envelope") << exchange(u"GET"_s, u"/servers/5"_s, 404, R"({"error":"not found"})")
                                        << u"error"_s;
    QTest::newRow("unknown path") << exchange(u"GET"_s, u"/teapots"_s, 200, "{}") << u"unknown path"_s;
    QTest::newRow("unknown method") << exchange(u"PATCH"_s, u"/locations"_s, 200, "{}") << u"method not in"_s;
    QTest::newRow("undocumented status") << exchange(u"GET"_s, u"/locations"_s, 302, "{}")
                                         << u"status not documented"_s;
    QTest::newRow("body not json") << exchange(u"GET"_s, u"/locations"_s, 200, "<html>") << u"not JSON"_s;
    QTest::newRow("bad request body") << exchange(
            u"POST"_s, u"/ssh_keys"_s, 201,
            R"({"ssh_key":{"id":1,"name":"k","fingerprint":"f","public_key":"p","labels":{},"created":"c"}})",
            R"({"name":"k"})") << u"request body"_s;
}

void TestHcloudSimValidator::reportsViolations()
{
    QFETCH(QJsonObject, bad);
    QFETCH(QString, expected);
    const QStringList violations = check({exchange(u"GET"_s, u"/locations"_s, 200, kGoodLocations), bad});
    QVERIFY2(!violations.isEmpty(), "the validator accepted a broken exchange");
    QVERIFY2(violations.join(u'\n').contains(expected), qPrintable(violations.join(u'\n')));
}

void TestHcloudSimValidator::missingReferenceFails()
{
    const QStringList violations = check({exchange(u"GET"_s, u"/locations"_s, 200, kGoodLocations)},
                                         m_dir.filePath(u"no-such-reference-dir"_s));
    QCOMPARE(violations.size(), 1);
    QVERIFY(violations.constFirst().contains(u"OpenAPI description missing"_s));
}

void TestHcloudSimValidator::checksRealSimulatorTraffic()
{
    HcloudSim sim;
    QVERIFY(sim.writeExchanges(m_dir.filePath(u"empty.jsonl"_s)));
    QVERIFY(openApiViolations(sim).isEmpty());
    QVERIFY(QFile::exists(QStringLiteral(DEPLOYER_SOURCE_DIR "/tests/support/validate_openapi.py")));
}

QTEST_GUILESS_MAIN(TestHcloudSimValidator)
#include "tst_hcloudsim_validator.moc"
