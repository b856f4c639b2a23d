// SPDX-License-Identifier: GPL-3.0-or-later
#include "parserfixtures.h"
#include "vaultkv/vaultkvparser.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

QDateTime utc(int year, int month, int day, int hour, int minute, int second = 0, int ms = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, ms), QTimeZone::utc());
}

} // namespace

class TestVaultKvParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void readTakesTheChosenField();
    void readRefusesMissingOrWrongField_data();
    void readRefusesMissingOrWrongField();
    void write();
    void metadata();
    void errors_data();
    void errors();
    void noContent();
    void malformed_data();
    void malformed();
    void writeBody();
    void metadataBody();
};

void TestVaultKvParser::readTakesTheChosenField()
{
    const Parsed<VaultSecretVersion> parsed
        = VaultKvParser::parseRead(ParserFixtures::answer(200, u"vaultkv/read.json"_s), u"token"_s);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error.toString()));
    const VaultSecretVersion &version = *parsed.value;
    QCOMPARE(version.value.exposeBytes(), "fake-token-value-for-tests-0001"_ba);
    QCOMPARE(version.version, 7);
    // Nanoseconds come down to Qt's milliseconds.
    QCOMPARE(version.createdAt, utc(2026, 1, 31, 12, 0, 1, 945));
    QVERIFY(!version.deletedAt.isValid()); // "deletion_time": ""
    QVERIFY(!version.destroyed);
    QCOMPARE(version.customMetadata.value(u"provider"_s), u"dynatrace"_s);
    QCOMPARE(version.customMetadata.size(), 2);
    QCOMPARE(version.fieldNames, (QStringList {u"rotated_at"_s, u"token"_s, u"token_id"_s}));
    QCOMPARE(parsed.requestId, u"2c2f1a56-8f0e-6b3c-5a2d-1e9f8c7b6a50"_s);

    const Parsed<VaultSecretVersion> other
        = VaultKvParser::parseRead(ParserFixtures::answer(200, u"vaultkv/read.json"_s), u"token_id"_s);
    QVERIFY(other.ok());
    QCOMPARE(other.value->value.exposeBytes(), "dt0c01.ST2EY72KQINMH574WMNVI7YN"_ba);
}

void TestVaultKvParser::readRefusesMissingOrWrongField_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("named");
    const QByteArray metadata = R"("metadata":{"version":1,"created_time":"2026-01-31T12:00:00Z"})";
    QTest::newRow("missing") << R"({"data":{"other":"x"},)" + metadata + '}'
                             << u"“data.data.token” is missing; the secret has the fields other"_s;
    QTest::newRow("null") << R"({"data":{"token":null},)" + metadata + '}' << u"“data.data.token” is missing"_s;
    QTest::newRow("number") << R"({"data":{"token":12345},)" + metadata + '}'
                            << u"“data.data.token” should be a string, not a number"_s;
    QTest::newRow("object") << R"({"data":{"token":{"v":"x"}},)" + metadata + '}'
                            << u"“data.data.token” should be a string, not an object"_s;
    QTest::newRow("empty") << R"({"data":{"token":""},)" + metadata + '}' << u"“data.data.token” is empty"_s;
    QTest::newRow("data null") << R"({"data":null,)" + metadata + '}' << u"“data.data” is null"_s;
    QTest::newRow("metadata missing") << R"({"data":{"token":"x"}})"_ba << u"“data.metadata” is missing"_s;
    QTest::newRow("version string")
        << R"({"data":{"token":"x"},"metadata":{"version":"1","created_time":"2026-01-31T12:00:00Z"}})"_ba
        << u"“data.metadata.version” should be a whole number"_s;
    QTest::newRow("custom metadata number")
        << R"({"data":{"token":"x"},"metadata":{"version":1,"created_time":"2026-01-31T12:00:00Z","custom_metadata":{"a":1}}})"_ba
        << u"“data.metadata.custom_metadata.a” should be a string"_s;
}

void TestVaultKvParser::readRefusesMissingOrWrongField()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, named);
    const QByteArray body = R"({"request_id":"r-1","lease_id":"","data":)" + data + "}";
    const Parsed<VaultSecretVersion> parsed = VaultKvParser::parseRead({200, body, {}}, u"token"_s);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error.kind, ApiError::Kind::Malformed);
    QCOMPARE(parsed.error.requestId, u"r-1"_s);
    QVERIFY2(parsed.error.message.contains(named), qPrintable(parsed.error.message));
    // Neither the value of the field nor that of any other reaches the message.
    QVERIFY(!parsed.error.message.contains(u"12345"_s));
}

void TestVaultKvParser::write()
{
    const Parsed<VaultSecretVersion> parsed
        = VaultKvParser::parseWrite(ParserFixtures::answer(200, u"vaultkv/write.json"_s));
    QVERIFY2(parsed.ok(), qPrintable(parsed.error.toString()));
    QCOMPARE(parsed.value->version, 8);
    // .018734562 rounds to the nearest millisecond.
    QCOMPARE(parsed.value->createdAt, utc(2026, 1, 31, 12, 0, 2, 19));
    QVERIFY(!parsed.value->deletedAt.isValid());
    QVERIFY(parsed.value->value.isEmpty());
    QCOMPARE(parsed.value->customMetadata.value(u"provider"_s), u"dynatrace"_s);
    QCOMPARE(parsed.requestId, u"7a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"_s);
}

void TestVaultKvParser::metadata()
{
    const Parsed<VaultSecretMetadata> parsed
        = VaultKvParser::parseMetadata(ParserFixtures::answer(200, u"vaultkv/metadata.json"_s));
    QVERIFY2(parsed.ok(), qPrintable(parsed.error.toString()));
    const VaultSecretMetadata &metadata = *parsed.value;
    QCOMPARE(metadata.currentVersion, 3);
    QCOMPARE(metadata.oldestVersion, 1);
    QCOMPARE(metadata.maxVersions, 5);
    QVERIFY(metadata.casRequired);
    QCOMPARE(metadata.deleteVersionAfter, u"0s"_s);
    QCOMPARE(metadata.createdAt, utc(2025, 6, 1, 10, 0, 0, 123));
    QCOMPARE(metadata.updatedAt, utc(2026, 1, 31, 12, 0, 2, 500));
    QCOMPARE(metadata.customMetadata.value(u"provider"_s), u"pangea"_s);
    QCOMPARE(metadata.versions.keys(), (QList<int> {1, 2, 3}));
    QCOMPARE(metadata.versions.value(1).version, 1);
    QCOMPARE(metadata.versions.value(1).deletedAt, utc(2025, 7, 1, 10, 0));
    QVERIFY(!metadata.versions.value(1).destroyed);
    QVERIFY(metadata.versions.value(2).destroyed);
    QVERIFY(!metadata.versions.value(2).deletedAt.isValid());
    QCOMPARE(metadata.versions.value(3).createdAt, utc(2026, 1, 31, 12, 0, 2, 500));
}

void TestVaultKvParser::errors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<ApiError::Kind>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("messagePart");
    QTest::addColumn<bool>("retryable");
    QTest::addColumn<QString>("requestId");

    using Kind = ApiError::Kind;
    QTest::newRow("cas mismatch") << 400 << ParserFixtures::read(u"vaultkv/error-cas-mismatch.json"_s) << Kind::Provider
                                  << u"cas_mismatch"_s << u"did not match the current version"_s << false << QString();
    QTest::newRow("cas required") << 400 << ParserFixtures::read(u"vaultkv/error-cas-required.json"_s) << Kind::Provider
                                  << u"cas_required"_s << u"required for this call"_s << false << QString();
    QTest::newRow("permission denied") << 403 << ParserFixtures::read(u"vaultkv/error-permission-denied.json"_s)
                                       << Kind::Provider << u"permission_denied"_s << u"permission denied"_s << false
                                       << QString();
    QTest::newRow("plain 404") << 404 << ParserFixtures::read(u"vaultkv/error-not-found.json"_s) << Kind::Provider
                               << u"not_found"_s << u"no secret at this path"_s << false << QString();
    QTest::newRow("deleted version") << 404 << ParserFixtures::read(u"vaultkv/read-deleted.json"_s) << Kind::Provider
                                     << u"version_deleted"_s << u"no secret at this path"_s << false
                                     << u"5d4c3b2a-1908-7f6e-5d4c-3b2a19087f6e"_s;
    QTest::newRow("destroyed version")
        << 404
        << R"({"request_id":"r-d","data":{"data":null,"metadata":{"version":2,"destroyed":true,"deletion_time":""}}})"_ba
        << Kind::Provider << u"version_destroyed"_s << u"no secret"_s << false << u"r-d"_s;
    QTest::newRow("sealed") << 503 << ParserFixtures::read(u"vaultkv/error-sealed.json"_s) << Kind::Provider
                            << u"sealed"_s << u"Vault is sealed"_s << true << QString();
    QTest::newRow("sealed, no body") << 503 << QByteArray() << Kind::Provider << u"sealed"_s << u"sealed"_s << true
                                     << QString();
    QTest::newRow("500 with errors") << 500 << R"({"errors":["internal error"]})"_ba << Kind::Provider << QString()
                                     << u"internal error"_s << false << QString();
    QTest::newRow("bad request other") << 400 << R"({"errors":["no data provided"]})"_ba << Kind::Provider << QString()
                                       << u"no data provided"_s << false << QString();
    QTest::newRow("502 proxy page") << 502 << "<html>Bad Gateway</html>"_ba << Kind::Http << QString() << u"HTTP 502"_s
                                    << true << QString();
    QTest::newRow("errors not strings") << 400 << R"({"errors":[{"x":1},"  ",7]})"_ba << Kind::Provider << QString()
                                        << u"invalid"_s << false << QString();
}

void TestVaultKvParser::errors()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(ApiError::Kind, kind);
    QFETCH(QString, code);
    QFETCH(QString, messagePart);
    QFETCH(bool, retryable);
    QFETCH(QString, requestId);
    const HttpAnswer answer {status, body, {}};
    for (const ApiError &error :
        {VaultKvParser::parseRead(answer, u"token"_s).error, VaultKvParser::parseWrite(answer).error,
            VaultKvParser::parseMetadata(answer).error, VaultKvParser::parseNoContent(answer)}) {
        QCOMPARE(error.kind, kind);
        QCOMPARE(error.providerCode, code);
        QCOMPARE(error.httpStatus, status);
        QCOMPARE(error.retryable, retryable);
        QCOMPARE(error.requestId, requestId);
        QVERIFY2(error.message.contains(messagePart), qPrintable(error.message));
    }
}

void TestVaultKvParser::noContent()
{
    QVERIFY(!VaultKvParser::parseNoContent({204, {}, {}}).isError());
    QCOMPARE(VaultKvParser::parseNoContent({403, R"({"errors":["permission denied"]})"_ba, {}}).providerCode,
        u"permission_denied"_s);
}

void TestVaultKvParser::malformed_data()
{
    QTest::addColumn<QString>("call");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("named");

    QTest::newRow("read empty") << u"read"_s << QByteArray() << u"empty"_s;
    QTest::newRow("read truncated") << u"read"_s
                                    << ParserFixtures::truncated(ParserFixtures::read(u"vaultkv/read.json"_s))
                                    << u"not valid JSON"_s;
    QTest::newRow("read huge") << u"read"_s << ParserFixtures::oversizedBody() << u"MiB"_s;
    QTest::newRow("read root array") << u"read"_s << "[]"_ba << u"JSON object"_s;
    QTest::newRow("read no data") << u"read"_s << R"({"request_id":"r"})"_ba << u"“data” is missing"_s;
    QTest::newRow("read data string") << u"read"_s << R"({"data":"x"})"_ba << u"“data” should be an object"_s;
    QTest::newRow("write no version") << u"write"_s << R"({"data":{"created_time":"2026-01-31T12:00:00Z"}})"_ba
                                      << u"“data.version” is missing"_s;
    QTest::newRow("write version zero") << u"write"_s
                                        << R"({"data":{"version":0,"created_time":"2026-01-31T12:00:00Z"}})"_ba
                                        << u"“data.version” is out of range"_s;
    QTest::newRow("write version huge") << u"write"_s
                                        << R"({"data":{"version":9999999999,"created_time":"2026-01-31T12:00:00Z"}})"_ba
                                        << u"“data.version” is out of range"_s;
    QTest::newRow("write bad time") << u"write"_s << R"({"data":{"version":1,"created_time":"now"}})"_ba
                                    << u"“data.created_time” is not an ISO 8601"_s;
    QTest::newRow("write destroyed string")
        << u"write"_s << R"({"data":{"version":1,"created_time":"2026-01-31T12:00:00Z","destroyed":"false"}})"_ba
        << u"“data.destroyed” should be true or false"_s;
    QTest::newRow("metadata no versions")
        << u"metadata"_s << R"({"data":{"current_version":1}})"_ba << u"“data.versions” is missing"_s;
    QTest::newRow("metadata versions array") << u"metadata"_s << R"({"data":{"current_version":1,"versions":[]}})"_ba
                                             << u"“data.versions” should be an object"_s;
    QTest::newRow("metadata version key")
        << u"metadata"_s
        << R"({"data":{"current_version":1,"versions":{"one":{"created_time":"2026-01-31T12:00:00Z"}}}})"_ba
        << u"“data.versions.one” is not a version number"_s;
    QTest::newRow("metadata version entry")
        << u"metadata"_s << R"({"data":{"current_version":1,"versions":{"1":true}}})"_ba
        << u"“data.versions.1” should be an object"_s;
    QTest::newRow("metadata current not listed")
        << u"metadata"_s
        << R"({"data":{"current_version":2,"versions":{"1":{"created_time":"2026-01-31T12:00:00Z"}}}})"_ba
        << u"“data.versions” does not list the current version 2"_s;
    QTest::newRow("metadata cas string") << u"metadata"_s
                                         << R"({"data":{"current_version":0,"cas_required":"yes","versions":{}}})"_ba
                                         << u"“data.cas_required” should be true or false"_s;
}

void TestVaultKvParser::malformed()
{
    QFETCH(QString, call);
    QFETCH(QByteArray, body);
    QFETCH(QString, named);
    const HttpAnswer answer {200, body, {}};
    const ApiError error = call == "read"_L1 ? VaultKvParser::parseRead(answer, u"token"_s).error
        : call == "write"_L1                 ? VaultKvParser::parseWrite(answer).error
                                             : VaultKvParser::parseMetadata(answer).error;
    QCOMPARE(error.kind, ApiError::Kind::Malformed);
    QCOMPARE(error.httpStatus, 200);
    QVERIFY2(error.message.contains(named), qPrintable(error.message));
}

void TestVaultKvParser::writeBody()
{
    const SecretBytes value("fake-token-value"_ba);
    QCOMPARE(VaultKvParser::writeBody(u"token"_s, value, 3).exposeBytes(),
        R"({"data":{"token":"fake-token-value"},"options":{"cas":3}})"_ba);
    QCOMPARE(VaultKvParser::writeBody(u"token"_s, value, 0).exposeBytes(),
        R"({"data":{"token":"fake-token-value"},"options":{"cas":0}})"_ba);
    QCOMPARE(VaultKvParser::writeBody(u"token"_s, value, std::nullopt).exposeBytes(),
        R"({"data":{"token":"fake-token-value"}})"_ba);
    // A field name with characters JSON escapes, and a value with some too.
    const SecretBytes tricky("line1\nline\"2\""_ba);
    const SecretBytes body = VaultKvParser::writeBody(u"api \"key\""_s, tricky, 1);
    QCOMPARE(body.exposeBytes(), R"({"data":{"api \"key\"":"line1\nline\"2\""},"options":{"cas":1}})"_ba);
    const QJsonObject parsed = QJsonDocument::fromJson(body.exposeBytes()).object();
    QCOMPARE(parsed.value("data"_L1).toObject().value(u"api \"key\""_s).toString().toUtf8(), tricky.exposeBytes());
    // Not UTF-8: refused rather than mangled.
    QVERIFY(VaultKvParser::writeBody(u"token"_s, SecretBytes("\xc3\x28"_ba), 1).isEmpty());
}

void TestVaultKvParser::metadataBody()
{
    const QHash<QString, QString> custom {{u"provider"_s, u"glean"_s}, {u"rotated_at"_s, u"2026-01-31T12:00:00Z"_s}};
    QCOMPARE(VaultKvParser::metadataBody(custom),
        R"({"custom_metadata":{"provider":"glean","rotated_at":"2026-01-31T12:00:00Z"}})"_ba);
    QCOMPARE(VaultKvParser::metadataBody(custom, 10, true),
        R"({"cas_required":true,"custom_metadata":{"provider":"glean","rotated_at":"2026-01-31T12:00:00Z"},"max_versions":10})"_ba);
    QCOMPARE(VaultKvParser::metadataBody({}), R"({"custom_metadata":{}})"_ba);
}

QTEST_GUILESS_MAIN(TestVaultKvParser)
#include "testvaultkvparser.moc"
