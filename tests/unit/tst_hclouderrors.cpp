#include "common/redactor.h"
#include "hcloud/hclouderrors.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hcloud;

class TestHcloudErrors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyDocumentedCodeIsKnown_data();
    void everyDocumentedCodeIsKnown();
    void everyCodeRoundTripsAndHasAMessageWithAFix();
    void limitReachedIsRateLimitExceeded();
    void unrecognizedCodeKeepsApiText();
    void specificFixes_data();
    void specificFixes();
    void apiErrorFields();
    void transportErrors_data();
    void transportErrors();
    void actionErrors();
    void tokenNeverInMessageOrDetail();
    void errorEnvelope_data();
    void errorEnvelope();
};

void TestHcloudErrors::everyDocumentedCodeIsKnown_data()
{
    // reference/hetzner-cloud-api.md §1.5, every code listed there.
    QTest::addColumn<QString>("code");
    const char *codes[] = {"json_error",
                           "unauthorized",
                           "token_readonly",
                           "forbidden",
                           "maintenance",
                           "resource_limit_exceeded",
                           "not_found",
                           "method_not_allowed",
                           "uniqueness_error",
                           "conflict",
                           "deprecated_api_endpoint",
                           "resource_unavailable",
                           "invalid_input",
                           "service_error",
                           "unsupported_error",
                           "locked",
                           "protected",
                           "rate_limit_exceeded",
                           "server_error",
                           "unavailable",
                           "timeout",
                           "bad_gateway",
                           "unknown_error",
                           "robot_unavailable",
                           "resource_locked",
                           "placement_error",
                           "invalid_server_type",
                           "server_not_stopped",
                           "networks_overlap",
                           "server_already_attached",
                           "primary_ip_assigned",
                           "primary_ip_datacenter_mismatch",
                           "primary_ip_version_mismatch",
                           "server_has_ipv4",
                           "server_has_ipv6",
                           "primary_ip_already_assigned",
                           "server_is_load_balancer_target",
                           "ip_not_available",
                           "no_subnet_available",
                           "vswitch_id_already_used",
                           "firewall_already_applied",
                           "incompatible_network_type",
                           "resource_in_use",
                           "server_already_added",
                           "firewall_resource_not_found",
                           "firewall_managed_by_label_selector",
                           "private_net_only_server",
                           "firewall_already_removed",
                           "dns_zone_not_found",
                           "dns_zone_is_secondary_zone",
                           "incorrect_zone_mode"};
    for (const char *code : codes)
        QTest::newRow(code) << QString::fromLatin1(code);
}

void TestHcloudErrors::everyDocumentedCodeIsKnown()
{
    QFETCH(QString, code);
    const ApiErrorCode parsed = apiErrorCodeFromString(code);
    QVERIFY(parsed != ApiErrorCode::Unrecognized);
    QCOMPARE(toString(parsed), code);
    const Error error = apiError(code, u"api text"_s, 400, u"cid"_s);
    QCOMPARE(error.code, code);
    QCOMPARE(error.domain, u"hcloud"_s);
    QVERIFY(!error.message.isEmpty());
}

void TestHcloudErrors::everyCodeRoundTripsAndHasAMessageWithAFix()
{
    const QList<ApiErrorCode> codes = allApiErrorCodes();
    QCOMPARE(codes.size(), 51);
    QSet<QString> names;
    // What happened, then what to do: at least two sentences, the last one an instruction.
    static const QRegularExpression fix(
            uR"(\.\s+(Try|Create|Use|Check|Pick|Choose|Wait|Delete|Remove|Update|Enable|Power|Unassign|Let|Add|Apply|Set|Correct|Change|Nothing|Stop|Reload|This is a bug)\b)"_s);
    for (ApiErrorCode code : codes) {
        const QString name = toString(code);
        QVERIFY(!name.isEmpty());
        QVERIFY2(!names.contains(name), qPrintable(name));
        names.insert(name);
        QVERIFY(apiErrorCodeFromString(name) == code);
        const QString message = messageFor(code, name);
        QVERIFY2(!message.isEmpty(), qPrintable(name));
        QVERIFY2(fix.match(message).hasMatch(), qPrintable(name + u": "_s + message));
        QVERIFY2(!message.contains(u'_'), qPrintable(name + u" leaks an API code into the text: "_s + message));
    }
}

void TestHcloudErrors::limitReachedIsRateLimitExceeded()
{
    QVERIFY(apiErrorCodeFromString(u"limit_reached"_s) == ApiErrorCode::RateLimitExceeded);
    QCOMPARE(toString(ApiErrorCode::RateLimitExceeded), u"rate_limit_exceeded"_s);
    const Error error = apiError(u"limit_reached"_s, {}, 429, {});
    QCOMPARE(error.code, u"limit_reached"_s); // the API's own string is kept
    QCOMPARE(error.message, messageFor(ApiErrorCode::RateLimitExceeded));
}

void TestHcloudErrors::unrecognizedCodeKeepsApiText()
{
    QVERIFY(apiErrorCodeFromString(u"brand_new_code"_s) == ApiErrorCode::Unrecognized);
    QVERIFY(apiErrorCodeFromString(QString()) == ApiErrorCode::Unrecognized);
    QCOMPARE(toString(ApiErrorCode::Unrecognized), QString());
    const Error error = apiError(u"brand_new_code"_s, u"something new"_s, 422, u"c1"_s);
    QCOMPARE(error.code, u"brand_new_code"_s);
    QVERIFY(error.message.contains(u"brand_new_code"_s));
    QCOMPARE(error.detail, u"something new"_s);
}

void TestHcloudErrors::specificFixes_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QStringList>("mentions");
    QTest::newRow("unauthorized") << u"unauthorized"_s
                                  << QStringList{u"wrong"_s, u"revoked"_s, u"Security"_s, u"API tokens"_s};
    QTest::newRow("token_readonly") << u"token_readonly"_s << QStringList{u"Read & Write"_s, u"API tokens"_s};
    QTest::newRow("resource_limit_exceeded")
            << u"resource_limit_exceeded"_s << QStringList{u"limit"_s, u"ask Hetzner to raise"_s};
    QTest::newRow("resource_unavailable")
            << u"resource_unavailable"_s << QStringList{u"sold out"_s, u"another location"_s};
    QTest::newRow("uniqueness_error") << u"uniqueness_error"_s << QStringList{u"already exists"_s, u"name"_s};
    QTest::newRow("rate_limit_exceeded") << u"rate_limit_exceeded"_s << QStringList{u"Wait"_s};
    QTest::newRow("protected") << u"protected"_s << QStringList{u"protection"_s};
    QTest::newRow("incorrect_zone_mode") << u"incorrect_zone_mode"_s << QStringList{u"secondary"_s};
}

void TestHcloudErrors::specificFixes()
{
    QFETCH(QString, code);
    QFETCH(QStringList, mentions);
    const QString message = apiError(code, {}, 400, {}).message;
    for (const QString &mention : mentions)
        QVERIFY2(message.contains(mention, Qt::CaseInsensitive), qPrintable(message + u" lacks "_s + mention));
}

void TestHcloudErrors::apiErrorFields()
{
    const Error error = apiError(u"invalid_input"_s, u"invalid input in field 'name'"_s, 422, u"abc-123"_s);
    QCOMPARE(error.domain, u"hcloud"_s);
    QCOMPARE(error.code, u"invalid_input"_s);
    QCOMPARE(error.httpStatus, 422);
    QCOMPARE(error.correlationId, u"abc-123"_s);
    QCOMPARE(error.detail, u"invalid input in field 'name'"_s);
    QVERIFY(error.toString().contains(u"abc-123"_s));
}

void TestHcloudErrors::transportErrors_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("status");
    QTest::addColumn<QStringList>("mentions");
    const QString endpoint = u"http://127.0.0.1:9/v1"_s;
    QTest::newRow("unreachable") << int(TransportError::EndpointUnreachable) << u"endpoint_unreachable"_s << 0
                                 << QStringList{endpoint, u"HCLOUD_ENDPOINT"_s, u"internet connection"_s};
    QTest::newRow("timeout") << int(TransportError::NetworkTimeout) << u"network_timeout"_s << 0
                             << QStringList{endpoint, u"in time"_s};
    QTest::newRow("dropped") << int(TransportError::ConnectionDropped) << u"connection_dropped"_s << 0
                             << QStringList{endpoint};
    QTest::newRow("tls") << int(TransportError::TlsFailure) << u"tls_failure"_s << 0
                         << QStringList{endpoint, u"TLS"_s, u"clock"_s};
    QTest::newRow("invalid response") << int(TransportError::InvalidResponse) << u"invalid_response"_s << 200
                                      << QStringList{endpoint, u"HCLOUD_ENDPOINT"_s};
    QTest::newRow("bare 5xx") << int(TransportError::HttpStatus) << u"http_error"_s << 503
                              << QStringList{u"503"_s, u"status page"_s};
    QTest::newRow("bare 4xx") << int(TransportError::HttpStatus) << u"http_error"_s << 407
                              << QStringList{u"407"_s, u"proxy"_s};
    QTest::newRow("rate limit wait") << int(TransportError::RateLimitWaitTooLong) << u"rate_limit_wait_too_long"_s
                                     << 429 << QStringList{u"try again later"_s};
    QTest::newRow("action timeout") << int(TransportError::ActionTimeout) << u"action_timeout"_s << 0
                                    << QStringList{u"Hetzner Console"_s};
    QTest::newRow("actions not found") << int(TransportError::ActionsNotFound) << u"actions_not_found"_s << 0
                                       << QStringList{u"run the step again"_s};
}

void TestHcloudErrors::transportErrors()
{
    QFETCH(int, kind);
    QFETCH(QString, code);
    QFETCH(int, status);
    QFETCH(QStringList, mentions);
    const Error error
            = transportError(TransportError(kind), u"http://127.0.0.1:9/v1"_s, u"tech detail"_s, status, u"cid-9"_s);
    QCOMPARE(error.domain, u"hcloud"_s);
    QCOMPARE(error.code, code);
    QCOMPARE(error.httpStatus, status);
    QCOMPARE(error.correlationId, u"cid-9"_s);
    QCOMPARE(error.detail, u"tech detail"_s);
    for (const QString &mention : mentions)
        QVERIFY2(error.message.contains(mention, Qt::CaseInsensitive),
                 qPrintable(error.message + u" lacks "_s + mention));
}

void TestHcloudErrors::actionErrors()
{
    const Error failed = actionError(u"create_server"_s, 17, u"action_failed"_s, u"Action failed"_s);
    QCOMPARE(failed.code, u"action_failed"_s);
    QVERIFY(failed.message.contains(u"create_server"_s));
    QVERIFY(failed.message.contains(u"Hetzner Console"_s));
    QVERIFY(failed.detail.contains(u"17"_s));
    const Error placement = actionError(u"create_server"_s, 18, u"resource_unavailable"_s, {});
    QVERIFY(placement.message.contains(u"another location"_s));
    QCOMPARE(actionError(u"x"_s, 1, {}, {}).code, u"action_failed"_s);
}

void TestHcloudErrors::tokenNeverInMessageOrDetail()
{
    const QString token = u"secret-token-0123456789abcdef"_s;
    Redactor::instance().addSecret(token);
    const Error api = apiError(u"unauthorized"_s, u"token "_s + token + u" is invalid"_s, 401, {});
    QVERIFY(!api.detail.contains(token));
    QVERIFY(!api.message.contains(token));
    const Error transport
            = transportError(TransportError::EndpointUnreachable, u"http://x"_s, u"Authorization: Bearer "_s + token);
    QVERIFY(!transport.detail.contains(token));
    QVERIFY(!actionError(u"c"_s, 1, u"x"_s, token).detail.contains(token));
    Redactor::instance().clear();
}

void TestHcloudErrors::errorEnvelope_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("parsed");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("documented") << QByteArray(R"({"error": {"code": "invalid_input", "message": "invalid input",
        "details": {"fields": [{"name": "broken_field", "messages": ["is too long"]}]}}})")
                                << true << u"invalid_input"_s << u"invalid input"_s;
    QTest::newRow("details null") << QByteArray(R"({"error": {"code": "conflict", "message": "m", "details": null}})")
                                  << true << u"conflict"_s << u"m"_s;
    QTest::newRow("html proxy page") << QByteArray("<html><body>502 Bad Gateway</body></html>") << false << QString()
                                     << QString();
    QTest::newRow("empty") << QByteArray() << false << QString() << QString();
    QTest::newRow("json without error") << QByteArray(R"({"server": {}})") << false << QString() << QString();
    QTest::newRow("error not an object") << QByteArray(R"({"error": "boom"})") << false << QString() << QString();
    QTest::newRow("code missing") << QByteArray(R"({"error": {"message": "x"}})") << false << QString() << QString();
}

void TestHcloudErrors::errorEnvelope()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, parsed);
    QFETCH(QString, code);
    QFETCH(QString, message);
    QString gotCode;
    QString gotMessage;
    QCOMPARE(parseErrorEnvelope(body, &gotCode, &gotMessage), parsed);
    QCOMPARE(gotCode, code);
    QCOMPARE(gotMessage, message);
}

QTEST_GUILESS_MAIN(TestHcloudErrors)
#include "tst_hclouderrors.moc"
