// SPDX-License-Identifier: GPL-3.0-or-later
#include "dynatrace/dynatraceparser.h"
#include "parserfixtures.h"

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

class TestDynatraceParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void listV2();
    void listV2LastPage();
    void tokenV2();
    void createdV2();
    void datesWithoutZoneAreUtc();
    void listV1();
    void tokenV1Millis();
    void tokenV1IsoStrings();
    void createdV1HasNoId();
    void errorEnvelope_data();
    void errorEnvelope();
    void errorNeverQuotesASecret();
    void bodylessErrors_data();
    void bodylessErrors();
    void noContent();
    void malformed_data();
    void malformed();
    void requestBodies_data();
    void requestBodies();
    void lookupBodyCarriesSecretExactly();
};

void TestDynatraceParser::listV2()
{
    const Parsed<RemoteTokenPage> parsed
        = DynatraceParser::parseTokenList(ParserFixtures::answer(200, u"dynatrace/list.json"_s));
    QVERIFY2(parsed.ok(), qPrintable(parsed.error.toString()));
    const RemoteTokenPage &page = *parsed.value;
    QCOMPARE(page.totalCount, 3);
    QCOMPARE(page.nextPage, u"AQAAABQBAAAABQ=="_s);
    QCOMPARE(page.tokens.size(), 2);
    const RemoteToken &first = page.tokens.at(0);
    QCOMPARE(first.providerId, u"dt0c01.ST2EY72KQINMH574WMNVI7YN"_s);
    QCOMPARE(first.name, u"ci-deploy"_s);
    QVERIFY(first.enabled);
    QCOMPARE(first.owner, u"john.smith"_s);
    QCOMPARE(first.createdAt, utc(2025, 11, 5, 8, 15, 30, 144));
    QCOMPARE(first.expiresAt, utc(2026, 2, 5, 8, 15, 30, 144));
    QCOMPARE(first.lastUsedAt, utc(2026, 1, 30, 22, 1, 2, 3));
    QCOMPARE(first.scopes, (QStringList {u"metrics.read"_s, u"entities.read"_s}));
    // Default fields only: no scopes, no dates beyond creation.
    const RemoteToken &second = page.tokens.at(1);
    QVERIFY(!second.enabled);
    QVERIFY(second.scopes.isEmpty());
    QVERIFY(!second.expiresAt.isValid());
    QCOMPARE(second.createdAt, utc(2024, 6, 1, 0, 0));
}

void TestDynatraceParser::listV2LastPage()
{
    const Parsed<RemoteTokenPage> parsed
        = DynatraceParser::parseTokenList(ParserFixtures::answer(200, u"dynatrace/list-last-page.json"_s));
    QVERIFY2(parsed.ok(), qPrintable(parsed.error.toString()));
    QVERIFY(parsed.value->nextPage.isEmpty()); // nextPageKey is null on the last page
    QCOMPARE(parsed.value->tokens.size(), 1);
    QCOMPARE(parsed.value->tokens.at(0).scopes, QStringList {u"syntheticExecutions.write"_s});
}

void TestDynatraceParser::tokenV2()
{
    const Parsed<RemoteToken> parsed
        = DynatraceParser::parseToken(ParserFixtures::answer(200, u"dynatrace/token.json"_s));
    QVERIFY2(parsed.ok(), qPrintable(parsed.error.toString()));
    QCOMPARE(parsed.value->providerId, u"dt0c01.ST2EY72KQINMH574WMNVI7YN"_s);
    QCOMPARE(parsed.value->scopes, (QStringList {u"metrics.read"_s, u"entities.read"_s, u"apiTokens.read"_s}));
    QCOMPARE(parsed.value->expiresAt, utc(2026, 2, 5, 8, 15, 30, 144));
    QCOMPARE(parsed.value->owner, u"john.smith"_s);
}

void TestDynatraceParser::createdV2()
{
    const Parsed<RotationResult> parsed
        = DynatraceParser::parseCreated(ParserFixtures::answer(201, u"dynatrace/created.json"_s));
    QVERIFY2(parsed.ok(), qPrintable(parsed.error.toString()));
    QCOMPARE(parsed.value->newProviderId, u"dt0c01.NEWTOKEN7Q2W3E4R5T6Y7U8I"_s);
    QCOMPARE(parsed.value->newSecret.exposeBytes(),
        "dt0c01.NEWTOKEN7Q2W3E4R5T6Y7U8I.FAKESECRETPARTFAKESECRETPARTFAKESECRETPARTFAKESECRETPART0000"_ba);
    QCOMPARE(parsed.value->expiresAt, utc(2026, 5, 1, 0, 0));
    QCOMPARE(parsed.value->token.providerId, parsed.value->newProviderId);
}

void TestDynatraceParser::datesWithoutZoneAreUtc()
{
    // Dynatrace: "If no time zone is specified, UTC is used."
    const Parsed<RemoteToken> parsed = DynatraceParser::parseToken({200,
        R"({"id":"dt0c01.A","creationDate":"2021-01-25 05:57:01","expirationDate":"2021-01-25T05:57:01.123+01:00"})"_ba,
        {}});
    QVERIFY2(parsed.ok(), qPrintable(parsed.error.toString()));
    QCOMPARE(parsed.value->createdAt, utc(2021, 1, 25, 5, 57, 1));
    QCOMPARE(parsed.value->createdAt.timeSpec(), Qt::UTC);
    QCOMPARE(parsed.value->expiresAt, utc(2021, 1, 25, 4, 57, 1, 123));
    QCOMPARE(parsed.value->expiresAt.timeSpec(), Qt::UTC);
}

void TestDynatraceParser::listV1()
{
    const Parsed<RemoteTokenPage> parsed
        = DynatraceParser::parseTokenListV1(ParserFixtures::answer(200, u"dynatrace/list-v1.json"_s));
    QVERIFY2(parsed.ok(), qPrintable(parsed.error.toString()));
    QCOMPARE(parsed.value->tokens.size(), 3);
    QCOMPARE(parsed.value->totalCount, 3);
    QVERIFY(parsed.value->nextPage.isEmpty());
    QCOMPARE(parsed.value->tokens.at(0).providerId, u"a6e91657-1fa7-4742-af40-39469b92bd65"_s);
    QCOMPARE(parsed.value->tokens.at(0).name, u"RW config token"_s);
    QVERIFY(parsed.value->tokens.at(2).name.isEmpty());
}

void TestDynatraceParser::tokenV1Millis()
{
    const Parsed<RemoteToken> parsed
        = DynatraceParser::parseTokenV1(ParserFixtures::answer(200, u"dynatrace/token-v1.json"_s));
    QVERIFY2(parsed.ok(), qPrintable(parsed.error.toString()));
    const RemoteToken &token = *parsed.value;
    QCOMPARE(token.providerId, u"a6e91657-1fa7-4742-af40-39469b92bd65"_s);
    QCOMPARE(token.owner, u"admin@example.invalid"_s);
    QVERIFY(token.enabled);
    QCOMPARE(token.createdAt, utc(2019, 3, 6, 9, 15, 49));
    QCOMPARE(token.createdAt.timeSpec(), Qt::UTC);
    QCOMPARE(token.expiresAt, utc(2019, 4, 5, 9, 15, 49));
    QCOMPARE(token.lastUsedAt, utc(2019, 4, 4, 9, 15, 49, 123));
    QCOMPARE(token.scopes, (QStringList {u"ReadConfig"_s, u"WriteConfig"_s}));
}

void TestDynatraceParser::tokenV1IsoStrings()
{
    const Parsed<RemoteToken> parsed
        = DynatraceParser::parseTokenV1(ParserFixtures::answer(200, u"dynatrace/token-v1-iso.json"_s));
    QVERIFY2(parsed.ok(), qPrintable(parsed.error.toString()));
    QVERIFY(!parsed.value->enabled); // revoked
    QCOMPARE(parsed.value->createdAt, utc(2019, 3, 6, 9, 15, 49));
    QCOMPARE(parsed.value->expiresAt, utc(2019, 4, 5, 9, 15, 49));
    QVERIFY(!parsed.value->lastUsedAt.isValid());
}

void TestDynatraceParser::createdV1HasNoId()
{
    const Parsed<RotationResult> parsed
        = DynatraceParser::parseCreatedV1(ParserFixtures::answer(201, u"dynatrace/created-v1.json"_s));
    QVERIFY2(parsed.ok(), qPrintable(parsed.error.toString()));
    QVERIFY(parsed.value->newProviderId.isEmpty());
    QCOMPARE(parsed.value->newSecret.exposeBytes(),
        "dt0c01.V1FAKEPUBLIC000000000000.V1FAKESECRET00000000000000000000000000000000000000000000000000"_ba);
}

void TestDynatraceParser::errorEnvelope_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QStringList>("messageParts");
    QTest::addColumn<bool>("retryable");

    QTest::newRow("constraints") << 400 << ParserFixtures::read(u"dynatrace/error-400.json"_s) << u"400"_s
                                 << QStringList {u"Constraints violated."_s,
                                        u"scopes (PAYLOAD_BODY): must not be empty"_s,
                                        u"name (PAYLOAD_BODY): size must be between 1 and 100"_s}
                                 << false;
    QTest::newRow("throttled") << 429 << ParserFixtures::read(u"dynatrace/error-429.json"_s) << u"429"_s
                               << QStringList {u"Too Many Requests"_s} << true;
    QTest::newRow("string code") << 404 << R"({"error":{"code":"404","message":"Token not found"}})"_ba << u"404"_s
                                 << QStringList {u"Token not found"_s} << false;
    QTest::newRow("self delete")
        << 400 << R"({"error":{"code":400,"message":"A token cannot delete itself","constraintViolations":[]}})"_ba
        << u"400"_s << QStringList {u"A token cannot delete itself"_s} << false;
}

void TestDynatraceParser::errorEnvelope()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(QStringList, messageParts);
    QFETCH(bool, retryable);
    const HttpAnswer answer {status, body, {{"Retry-After"_ba, "7"_ba}}};
    for (const ApiError &error : {DynatraceParser::parseTokenList(answer).error,
             DynatraceParser::parseCreated(answer).error, DynatraceParser::parseNoContent(answer)}) {
        QCOMPARE(error.kind, ApiError::Kind::Provider);
        QCOMPARE(error.providerCode, code);
        QCOMPARE(error.httpStatus, status);
        QCOMPARE(error.retryable, retryable);
        QCOMPARE(error.retryAfter, std::optional(std::chrono::seconds(7)));
        for (const QString &part : messageParts)
            QVERIFY2(error.message.contains(part), qPrintable(error.message));
    }
}

void TestDynatraceParser::errorNeverQuotesASecret()
{
    const QByteArray body
        = R"({"error":{"code":400,"message":"Token dt0c01.ST2EY72KQINMH574WMNVI7YN.G3DFPBEJYMODIDAEX454M7YW is malformed",)"
          R"("constraintViolations":[{"path":"token","message":"dt0c01.AAA.BBBB is not valid"}]}})"_ba;
    const ApiError error = DynatraceParser::parseToken({400, body, {}}).error;
    QCOMPARE(error.kind, ApiError::Kind::Provider);
    QVERIFY2(!error.message.contains(u"G3DFPBEJ"_s), qPrintable(error.message));
    QVERIFY(!error.message.contains(u"BBBB"_s));
    QVERIFY2(error.message.contains(u"Token dt0c01.ST2EY72KQINMH574WMNVI7YN.******** is malformed"_s),
        qPrintable(error.message));
    QVERIFY(error.message.contains(u"token: dt0c01.AAA.******** is not valid"_s));
}

void TestDynatraceParser::bodylessErrors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("messagePart");
    QTest::addColumn<bool>("retryable");

    QTest::newRow("404 empty") << 404 << QByteArray() << u"no token with this id"_s << false;
    QTest::newRow("401") << 401 << QByteArray() << u"missing, invalid or expired"_s << false;
    QTest::newRow("403") << 403 << "Forbidden"_ba << u"lacks the scope"_s << false;
    QTest::newRow("503 html") << 503 << "<html>maintenance</html>"_ba << u"server error (HTTP 503)"_s << true;
    QTest::newRow("json without error") << 500 << R"({"message":"x"})"_ba << u"server error (HTTP 500)"_s << false;
}

void TestDynatraceParser::bodylessErrors()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, messagePart);
    QFETCH(bool, retryable);
    const Parsed<RemoteToken> parsed = DynatraceParser::parseToken({status, body, {}});
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error.kind, ApiError::Kind::Http);
    QCOMPARE(parsed.error.httpStatus, status);
    QCOMPARE(parsed.error.retryable, retryable);
    QVERIFY2(parsed.error.message.contains(messagePart), qPrintable(parsed.error.message));
}

void TestDynatraceParser::noContent()
{
    QVERIFY(!DynatraceParser::parseNoContent({204, {}, {}}).isError());
    QVERIFY(!DynatraceParser::parseNoContent({200, "ignored"_ba, {}}).isError());
    QCOMPARE(DynatraceParser::parseNoContent({404, {}, {}}).kind, ApiError::Kind::Http);
}

void TestDynatraceParser::malformed_data()
{
    QTest::addColumn<QString>("call");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("named");

    const QByteArray list = ParserFixtures::read(u"dynatrace/list.json"_s);
    QTest::newRow("list empty") << u"list"_s << QByteArray() << u"empty"_s;
    QTest::newRow("list truncated") << u"list"_s << ParserFixtures::truncated(list) << u"not valid JSON"_s;
    QTest::newRow("list huge") << u"list"_s << ParserFixtures::oversizedBody() << u"MiB"_s;
    QTest::newRow("list array root") << u"list"_s << "[{}]"_ba << u"JSON object"_s;
    QTest::newRow("list no totalCount") << u"list"_s << R"({"apiTokens":[]})"_ba << u"“totalCount” is missing"_s;
    QTest::newRow("list totalCount string")
        << u"list"_s << R"({"totalCount":"3","apiTokens":[]})"_ba << u"“totalCount” should be a whole number"_s;
    QTest::newRow("list tokens object") << u"list"_s << R"({"totalCount":1,"apiTokens":{"id":"a"}})"_ba
                                        << u"“apiTokens” should be an array"_s;
    QTest::newRow("list cursor number") << u"list"_s << R"({"totalCount":1,"nextPageKey":12,"apiTokens":[]})"_ba
                                        << u"“nextPageKey” should be a string"_s;
    QTest::newRow("list id missing") << u"list"_s << R"({"totalCount":1,"apiTokens":[{"name":"x"}]})"_ba
                                     << u"“apiTokens[0].id” is missing"_s;
    QTest::newRow("list duplicate id") << u"list"_s
                                       << R"({"totalCount":2,"apiTokens":[{"id":"dt0c01.A"},{"id":"dt0c01.A"}]})"_ba
                                       << u"“apiTokens[1].id” repeats"_s;
    QTest::newRow("token enabled string") << u"token"_s << R"({"id":"dt0c01.A","enabled":"true"})"_ba
                                          << u"“enabled” should be true or false, not a string"_s;
    QTest::newRow("token date millis") << u"token"_s << R"({"id":"dt0c01.A","creationDate":1551863749000})"_ba
                                       << u"“creationDate” should be a string, not a number"_s;
    QTest::newRow("token bad date") << u"token"_s << R"({"id":"dt0c01.A","expirationDate":"2026-13-01T00:00:00Z"})"_ba
                                    << u"“expirationDate” is not an ISO 8601"_s;
    QTest::newRow("token scopes mixed") << u"token"_s << R"({"id":"dt0c01.A","scopes":["a",3]})"_ba
                                        << u"“scopes[1]” should be a string"_s;
    QTest::newRow("token null id") << u"token"_s << R"({"id":null})"_ba << u"“id” is null"_s;
    QTest::newRow("created no token") << u"created"_s << R"({"id":"dt0c01.A"})"_ba << u"“token” is missing"_s;
    QTest::newRow("created no id") << u"created"_s << R"({"token":"dt0c01.A.B"})"_ba << u"“id” is missing"_s;
    QTest::newRow("v1 list not array") << u"listV1"_s << R"({"values":{}})"_ba << u"“values” should be an array"_s;
    QTest::newRow("v1 list missing") << u"listV1"_s << R"({})"_ba << u"“values” is missing"_s;
    QTest::newRow("v1 token no scopes") << u"tokenV1"_s << R"({"id":"a"})"_ba << u"“scopes” is missing"_s;
    QTest::newRow("v1 token created bool") << u"tokenV1"_s << R"({"id":"a","scopes":[],"created":true})"_ba
                                           << u"“created” should be a string, not a boolean"_s;
    QTest::newRow("v1 token created fraction")
        << u"tokenV1"_s << R"({"id":"a","scopes":[],"created":1.5})"_ba << u"“created” should be a whole number"_s;
    QTest::newRow("v1 token revoked string")
        << u"tokenV1"_s << R"({"id":"a","scopes":[],"revoked":"no"})"_ba << u"“revoked” should be true or false"_s;
    QTest::newRow("v1 created empty token") << u"createdV1"_s << R"({"token":""})"_ba << u"“token” is empty"_s;
}

void TestDynatraceParser::malformed()
{
    QFETCH(QString, call);
    QFETCH(QByteArray, body);
    QFETCH(QString, named);
    const HttpAnswer answer {200, body, {}};
    ApiError error;
    if (call == "list"_L1)
        error = DynatraceParser::parseTokenList(answer).error;
    else if (call == "token"_L1)
        error = DynatraceParser::parseToken(answer).error;
    else if (call == "created"_L1)
        error = DynatraceParser::parseCreated(answer).error;
    else if (call == "listV1"_L1)
        error = DynatraceParser::parseTokenListV1(answer).error;
    else if (call == "tokenV1"_L1)
        error = DynatraceParser::parseTokenV1(answer).error;
    else
        error = DynatraceParser::parseCreatedV1(answer).error;
    QCOMPARE(error.kind, ApiError::Kind::Malformed);
    QCOMPARE(error.httpStatus, 200);
    QVERIFY2(error.message.contains(named), qPrintable(error.message));
}

void TestDynatraceParser::requestBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("expected");
    const QStringList scopes {u"metrics.read"_s, u"entities.read"_s};
    using namespace std::chrono_literals;

    QTest::newRow("create") << DynatraceParser::createBody(u"ci-deploy"_s, scopes)
                            << R"({"name":"ci-deploy","scopes":["metrics.read","entities.read"]})"_ba;
    QTest::newRow("create expiring")
        << DynatraceParser::createBody(
               u"ci-deploy"_s, scopes, QDateTime(QDate(2026, 5, 1), QTime(2, 0), QTimeZone(7200)))
        << R"({"expirationDate":"2026-05-01T00:00:00.000Z","name":"ci-deploy","scopes":["metrics.read","entities.read"]})"_ba;
    QTest::newRow("create v1") << DynatraceParser::createBodyV1(
        u"RW config token"_s, {u"WriteConfig"_s, u"ReadConfig"_s})
                               << R"({"name":"RW config token","scopes":["WriteConfig","ReadConfig"]})"_ba;
    QTest::newRow("create v1 30 days")
        << DynatraceParser::createBodyV1(u"RW config token"_s, {u"WriteConfig"_s, u"ReadConfig"_s}, 30 * 24h)
        << R"({"expiresIn":{"unit":"DAYS","value":30},"name":"RW config token","scopes":["WriteConfig","ReadConfig"]})"_ba;
    QTest::newRow("create v1 hours") << DynatraceParser::createBodyV1(u"t"_s, {u"a"_s}, 36h)
                                     << R"({"expiresIn":{"unit":"HOURS","value":36},"name":"t","scopes":["a"]})"_ba;
    QTest::newRow("create v1 minutes") << DynatraceParser::createBodyV1(u"t"_s, {u"a"_s}, 90min)
                                       << R"({"expiresIn":{"unit":"MINUTES","value":90},"name":"t","scopes":["a"]})"_ba;
    QTest::newRow("create v1 seconds") << DynatraceParser::createBodyV1(u"t"_s, {u"a"_s}, 61s)
                                       << R"({"expiresIn":{"unit":"SECONDS","value":61},"name":"t","scopes":["a"]})"_ba;
    QTest::newRow("disable") << DynatraceParser::updateEnabledBody(false) << R"({"enabled":false})"_ba;
    QTest::newRow("enable") << DynatraceParser::updateEnabledBody(true) << R"({"enabled":true})"_ba;
    QTest::newRow("revoke v1") << DynatraceParser::revokeBodyV1() << R"({"revoked":true})"_ba;
}

void TestDynatraceParser::requestBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, expected);
    QCOMPARE(body, expected);
}

void TestDynatraceParser::lookupBodyCarriesSecretExactly()
{
    const SecretBytes secret(
        "dt0c01.ST2EY72KQINMH574WMNVI7YN.G3DFPBEJYMODIDAEX454M7YWBUVEFOWKPRVMWFASS64NFH52PX6BNDVFFM572RZM"_ba);
    const SecretBytes body = DynatraceParser::lookupBody(secret);
    QCOMPARE(body.exposeBytes(),
        R"({"token":"dt0c01.ST2EY72KQINMH574WMNVI7YN.G3DFPBEJYMODIDAEX454M7YWBUVEFOWKPRVMWFASS64NFH52PX6BNDVFFM572RZM"})"_ba);
    // Characters JSON must escape survive a round trip.
    const SecretBytes tricky("a\"b\\c\nd\x01\xc3\xa9"_ba);
    const SecretBytes trickyBody = DynatraceParser::lookupBody(tricky);
    QCOMPARE(trickyBody.exposeBytes(), "{\"token\":\"a\\\"b\\\\c\\nd\\u0001\xc3\xa9\"}"_ba);
    const QJsonDocument parsed = QJsonDocument::fromJson(trickyBody.exposeBytes());
    QCOMPARE(parsed.object().value("token"_L1).toString().toUtf8(), tricky.exposeBytes());
    // JSON cannot carry bytes that are not UTF-8: nothing is built.
    QVERIFY(DynatraceParser::lookupBody(SecretBytes("\xff\xfe"_ba)).isEmpty());
}

QTEST_GUILESS_MAIN(TestDynatraceParser)
#include "testdynatraceparser.moc"
