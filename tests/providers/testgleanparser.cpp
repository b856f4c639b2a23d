// SPDX-License-Identifier: GPL-3.0-or-later
#include "glean/gleanparser.h"
#include "parserfixtures.h"

#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

const QDateTime Now(QDate(2026, 1, 31), QTime(12, 0, 3), QTimeZone::utc());

} // namespace

class TestGleanParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void rotateParsesFixture();
    void oldSecretBufferUsesCallersClock();
    void statusErrors_data();
    void statusErrors();
    void malformed_data();
    void malformed();
    void extraFieldsAreIgnored();
};

void TestGleanParser::rotateParsesFixture()
{
    const Parsed<RotationResult> parsed
        = GleanParser::parseRotate(ParserFixtures::answer(200, u"glean/rotate.json"_s), Now);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error.toString()));
    const RotationResult &rotation = *parsed.value;
    QCOMPARE(rotation.newSecret.exposeBytes(), "glean_fake_secret_0000000000000000000000000000"_ba);
    // createdAt is Unix seconds: 1769860800 = 2026-01-31 12:00:00 UTC.
    QCOMPARE(rotation.createdAt, QDateTime(QDate(2026, 1, 31), QTime(12, 0), QTimeZone::utc()));
    QCOMPARE(rotation.createdAt.timeSpec(), Qt::UTC);
    QCOMPARE(rotation.rotationPeriodMinutes, 10080);
    // One week (10080 minutes) later.
    QCOMPARE(rotation.expiresAt, QDateTime(QDate(2026, 2, 7), QTime(12, 0), QTimeZone::utc()));
    QCOMPARE(rotation.oldValidUntil, QDateTime(QDate(2026, 1, 31), QTime(12, 10, 3), QTimeZone::utc()));
    QVERIFY(parsed.requestId.isEmpty());
}

void TestGleanParser::oldSecretBufferUsesCallersClock()
{
    const QDateTime later(QDate(2026, 3, 1), QTime(23, 55), QTimeZone(3600));
    const Parsed<RotationResult> parsed
        = GleanParser::parseRotate(ParserFixtures::answer(200, u"glean/rotate.json"_s), later);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.value->oldValidUntil, QDateTime(QDate(2026, 3, 1), QTime(23, 5), QTimeZone::utc()));
    QCOMPARE(parsed.value->oldValidUntil.timeSpec(), Qt::UTC);
}

void TestGleanParser::statusErrors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("messagePart");
    QTest::addColumn<bool>("retryable");

    QTest::newRow("400") << 400 << u"invalid"_s << false;
    QTest::newRow("401") << 401 << u"not valid, or was already rotated or has expired"_s << false;
    QTest::newRow("403") << 403 << u"not in the Glean token's allow-list"_s << false;
    QTest::newRow("404") << 404 << u"instance URL"_s << false;
    QTest::newRow("429") << 429 << u"rate-limiting"_s << true;
    QTest::newRow("500") << 500 << u"server error (HTTP 500)"_s << true;
    QTest::newRow("503") << 503 << u"server error (HTTP 503)"_s << true;
    QTest::newRow("418") << 418 << u"unexpected HTTP status 418"_s << false;
}

void TestGleanParser::statusErrors()
{
    QFETCH(int, status);
    QFETCH(QString, messagePart);
    QFETCH(bool, retryable);
    // The body is ignored: Glean documents none, and a body must never leak into a message.
    const HttpAnswer answer {status, R"({"rawSecret":"glean_should_not_appear"})"_ba, {{"retry-after"_ba, "12"_ba}}};
    const Parsed<RotationResult> parsed = GleanParser::parseRotate(answer, Now);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error.kind, ApiError::Kind::Http);
    QCOMPARE(parsed.error.httpStatus, status);
    QCOMPARE(parsed.error.retryable, retryable);
    QCOMPARE(parsed.error.retryAfter, std::optional(std::chrono::seconds(12)));
    QVERIFY2(parsed.error.message.contains(messagePart), qPrintable(parsed.error.message));
    QVERIFY(!parsed.error.toString().contains(u"glean_should_not_appear"_s));
}

void TestGleanParser::malformed_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("named");

    const QByteArray fixture = ParserFixtures::read(u"glean/rotate.json"_s);
    QTest::newRow("empty") << QByteArray() << u"empty"_s;
    QTest::newRow("truncated") << ParserFixtures::truncated(fixture) << u"not valid JSON"_s;
    QTest::newRow("huge") << ParserFixtures::oversizedBody() << u"MiB"_s;
    QTest::newRow("array") << "[]"_ba << u"JSON object"_s;
    QTest::newRow("secret missing") << R"({"createdAt":1769860800,"rotationPeriodMinutes":1440})"_ba
                                    << u"“rawSecret” is missing"_s;
    QTest::newRow("secret null") << R"({"rawSecret":null,"createdAt":1769860800,"rotationPeriodMinutes":1440})"_ba
                                 << u"“rawSecret” is null"_s;
    QTest::newRow("secret empty") << R"({"rawSecret":"","createdAt":1769860800,"rotationPeriodMinutes":1440})"_ba
                                  << u"“rawSecret” is empty"_s;
    QTest::newRow("secret number") << R"({"rawSecret":42,"createdAt":1769860800,"rotationPeriodMinutes":1440})"_ba
                                   << u"“rawSecret” should be a string, not a number"_s;
    QTest::newRow("createdAt string") << R"({"rawSecret":"s","createdAt":"1769860800","rotationPeriodMinutes":1440})"_ba
                                      << u"“createdAt” should be a whole number, not a string"_s;
    QTest::newRow("createdAt millis")
        << R"({"rawSecret":"s","createdAt":1769860800000,"rotationPeriodMinutes":1440})"_ba
        << u"“createdAt” is out of range"_s;
    QTest::newRow("createdAt negative") << R"({"rawSecret":"s","createdAt":-5,"rotationPeriodMinutes":1440})"_ba
                                        << u"“createdAt” is out of range"_s;
    QTest::newRow("period missing") << R"({"rawSecret":"s","createdAt":1769860800})"_ba
                                    << u"“rotationPeriodMinutes” is missing"_s;
    QTest::newRow("period zero") << R"({"rawSecret":"s","createdAt":1769860800,"rotationPeriodMinutes":0})"_ba
                                 << u"“rotationPeriodMinutes” is out of range"_s;
    QTest::newRow("period fraction") << R"({"rawSecret":"s","createdAt":1769860800,"rotationPeriodMinutes":1.5})"_ba
                                     << u"“rotationPeriodMinutes” should be a whole number"_s;
}

void TestGleanParser::malformed()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, named);
    const Parsed<RotationResult> parsed = GleanParser::parseRotate({200, body, {}}, Now);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error.kind, ApiError::Kind::Malformed);
    QCOMPARE(parsed.error.httpStatus, 200);
    QVERIFY2(parsed.error.message.contains(named), qPrintable(parsed.error.message));
}

void TestGleanParser::extraFieldsAreIgnored()
{
    const Parsed<RotationResult> parsed = GleanParser::parseRotate(
        {200,
            R"({"rawSecret":"s3cr3t","createdAt":1769860800,"rotationPeriodMinutes":1440,"expiresAt":"soon","x":[]})"_ba,
            {}},
        Now);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error.toString()));
    QCOMPARE(parsed.value->newSecret.exposeBytes(), "s3cr3t"_ba);
    QCOMPARE(parsed.value->rotationPeriodMinutes, 1440);
}

QTEST_GUILESS_MAIN(TestGleanParser)
#include "testgleanparser.moc"
