#include "common/inputvalidation.h"
#include "common/logging.h"
#include "common/redactor.h"
#include "common/result.h"

#include <QtTest>

using namespace Qt::StringLiterals;

namespace {
QStringList captured;
void capture(QtMsgType, const QMessageLogContext &, const QString &message)
{
    captured << message;
}
} // namespace

class TestCommon : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resultCarriesValueOrError()
    {
        Result<int> good(42);
        QVERIFY(good.ok());
        QCOMPARE(good.value(), 42);
        Result<int> bad(Error{u"hcloud"_s, u"not_found"_s, u"gone"_s, {}, {}, 404});
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, u"not_found"_s);
        QVERIFY(good.error().code.isEmpty()); // safe to ask, e.g. inside QVERIFY2's message
        Result<void> fine;
        QVERIFY(fine.ok());
        Result<void> failed(Error{u"x"_s, u"y"_s, u"z"_s, {}, {}, 0});
        QVERIFY(!failed.ok());
    }

    void errorLineNamesCodeAndCorrelationId()
    {
        const Error error{u"hcloud"_s, u"server_error"_s, u"The API failed."_s, {}, u"abc123"_s, 500};
        const QString line = error.toString();
        QVERIFY(line.startsWith(u"The API failed."_s));
        QVERIFY(line.contains(u"server_error"_s));
        QVERIFY(line.contains(u"500"_s));
        QVERIFY(line.contains(u"abc123"_s));
    }

    void redactorBlanksSecrets()
    {
        Redactor::instance().clear();
        Redactor::instance().addSecret(u"s3cr3t-value"_s);
        Redactor::instance().addSecret(u"abc"_s); // too short to blank safely
        QCOMPARE(Redactor::instance().redact(u"token=s3cr3t-value; abc"_s), u"token=[redacted]; abc"_s);
        Redactor::instance().clear();
        QCOMPARE(Redactor::instance().redact(u"s3cr3t-value"_s), u"s3cr3t-value"_s);
    }

    void logMessagesAreRedacted()
    {
        Redactor::instance().clear();
        Redactor::instance().addSecret(u"TopSecretToken123"_s);
        captured.clear();
        const QtMessageHandler original = qInstallMessageHandler(capture);
        installRedactingMessageHandler();
        qCWarning(lcHcloud) << "Authorization: Bearer TopSecretToken123";
        qInstallMessageHandler(original);
        QCOMPARE(captured.size(), 1);
        QVERIFY(!captured.first().contains(u"TopSecretToken123"_s));
        QVERIFY(captured.first().contains(u"[redacted]"_s));
    }

    void tokenValidation_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("code"); // empty = accepted
        QTest::newRow("real shape") << u"AbCdEf0123456789AbCdEf0123456789AbCdEf0123456789AbCdEf0123456789"_s
                                    << QString();
        QTest::newRow("surrounding whitespace") << u"  abcdef0123456789\n"_s << QString();
        QTest::newRow("empty") << QString() << u"token_empty"_s;
        QTest::newRow("blank") << u" \t\n"_s << u"token_empty"_s;
        QTest::newRow("inner newline") << u"abcdef\n0123456789"_s << u"token_malformed"_s;
        QTest::newRow("inner space") << u"abcdef 0123456789"_s << u"token_malformed"_s;
        QTest::newRow("quotes") << u"'abcdef0123456789'"_s << u"token_malformed"_s;
        QTest::newRow("non-ascii") << u"abcdéf0123456789"_s << u"token_malformed"_s;
        QTest::newRow("too long") << QString(300, u'a') << u"token_malformed"_s;
    }

    void tokenValidation()
    {
        QFETCH(QString, input);
        QFETCH(QString, code);
        const auto result = InputValidation::token(input);
        if (code.isEmpty()) {
            QVERIFY(result.ok());
            QCOMPARE(result.value(), input.trimmed());
        } else {
            QVERIFY(!result.ok());
            QCOMPARE(result.error().code, code);
            QVERIFY(!result.error().message.isEmpty());
            QVERIFY(!result.error().message.contains(input.trimmed()) || input.trimmed().isEmpty());
        }
    }

    void endpointValidation()
    {
        QVERIFY(InputValidation::endpoint(u"https://api.hetzner.cloud/v1"_s).ok());
        QVERIFY(InputValidation::endpoint(u"http://127.0.0.1:4000/v1"_s).ok());
        QVERIFY(!InputValidation::endpoint(u"ftp://example.com"_s).ok());
        QVERIFY(!InputValidation::endpoint(u"not a url"_s).ok());
        QVERIFY(!InputValidation::endpoint(QString()).ok());
    }

    // Plain http would carry the API token readable to everyone on the way: only for this machine.
    void plainHttpOnlyForLoopback_data()
    {
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("https elsewhere") << u"https://api.hetzner.cloud/v1"_s << true;
        QTest::newRow("127.0.0.1") << u"http://127.0.0.1:4000/v1"_s << true;
        QTest::newRow("127.0.0.0/8") << u"http://127.3.4.5:4000/v1"_s << true;
        QTest::newRow("::1") << u"http://[::1]:4000/v1"_s << true;
        QTest::newRow("localhost") << u"http://localhost:4000/v1"_s << true;
        QTest::newRow("LOCALHOST") << u"http://LOCALHOST/v1"_s << true;
        QTest::newRow("API over http") << u"http://api.hetzner.cloud/v1"_s << false;
        QTest::newRow("LAN address") << u"http://192.168.1.10:4000/v1"_s << false;
        QTest::newRow("128.0.0.1") << u"http://128.0.0.1/v1"_s << false;
        QTest::newRow("IPv6 elsewhere") << u"http://[2001:db8::1]/v1"_s << false;
        QTest::newRow("localhost lookalike") << u"http://localhost.example.com/v1"_s << false;
        QTest::newRow("127 as a name prefix") << u"http://127.0.0.1.example.com/v1"_s << false;
        QTest::newRow("all addresses") << u"http://0.0.0.0/v1"_s << false;
    }

    void plainHttpOnlyForLoopback()
    {
        QFETCH(QString, endpoint);
        QFETCH(bool, accepted);
        const Result<QUrl> checked = InputValidation::endpoint(endpoint);
        QCOMPARE(checked.ok(), accepted);
        if (!accepted) {
            QCOMPARE(checked.error().code, u"endpoint_insecure"_s);
            QVERIFY2(checked.error().message.contains(u"https://"_s), qPrintable(checked.error().message));
            QVERIFY(checked.error().message.contains(QUrl(endpoint).host()));
        }
    }

    void architectureValidation()
    {
        QCOMPARE(InputValidation::architecture(u"ARM"_s).value(), u"arm"_s);
        QCOMPARE(InputValidation::architecture(u"x86"_s).value(), u"x86"_s);
        QVERIFY(!InputValidation::architecture(u"amd64"_s).ok());
    }
};

QTEST_GUILESS_MAIN(TestCommon)
#include "tst_common.moc"
