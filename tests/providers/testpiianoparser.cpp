// SPDX-License-Identifier: GPL-3.0-or-later
#include "parserfixtures.h"
#include "piiano/piianoparser.h"

#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

const QString Old1 = u"49303e72-35e3-11ed-a261-0242ac120002"_s;
const QString Old2 = u"de15a638-354a-11ed-a261-0242ac120002"_s;
const QString New1 = u"463a83d0-a816-4902-abba-2486e0c0a0bb"_s;
const QString New2 = u"9c2b1e0a-7f4d-4e5b-8a6c-3d2e1f0a9b8c"_s;

QDateTime utc(int year, int month, int day, int hour, int minute, int second = 0, int ms = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, ms), QTimeZone::utc());
}

} // namespace

class TestPiianoParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void rotateMapsEveryRequestedId();
    void rotateIgnoresIdsNotRequested();
    void rotateRefusesIncompleteMapping_data();
    void rotateRefusesIncompleteMapping();
    void searchParsesMetadata();
    void searchEmpty();
    void providerErrors_data();
    void providerErrors();
    void errorsWithoutCode_data();
    void errorsWithoutCode();
    void malformed_data();
    void malformed();
    void collectionNames_data();
    void collectionNames();
    void searchBody();
};

void TestPiianoParser::rotateMapsEveryRequestedId()
{
    const Parsed<RotationResult> parsed
        = PiianoParser::parseRotate(ParserFixtures::answer(200, u"piiano/rotate.json"_s), {Old1, Old2});
    QVERIFY2(parsed.ok(), qPrintable(parsed.error.toString()));
    QCOMPARE(parsed.value->replacedIds.size(), 2);
    QCOMPARE(parsed.value->replacedIds.value(Old1), New1);
    QCOMPARE(parsed.value->replacedIds.value(Old2), New2);
    QVERIFY(parsed.value->newSecret.isEmpty()); // ids change, values do not
}

void TestPiianoParser::rotateIgnoresIdsNotRequested()
{
    // Asked for one id (twice): the other mapping in the answer is not ours to apply.
    const Parsed<RotationResult> parsed
        = PiianoParser::parseRotate(ParserFixtures::answer(200, u"piiano/rotate.json"_s), {Old2, Old2});
    QVERIFY2(parsed.ok(), qPrintable(parsed.error.toString()));
    QCOMPARE(parsed.value->replacedIds.size(), 1);
    QCOMPARE(parsed.value->replacedIds.value(Old2), New2);
}

void TestPiianoParser::rotateRefusesIncompleteMapping_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("named");

    QTest::newRow("one missing") << (R"({")" + Old1.toUtf8() + R"(":")" + New1.toUtf8() + R"("})")
                                 << u"“"_s + Old2 + u"” is missing"_s;
    QTest::newRow("null") << (R"({")" + Old1.toUtf8() + R"(":")" + New1.toUtf8() + R"(",")" + Old2.toUtf8()
        + R"(":null})") << u"“"_s + Old2 + u"” is missing"_s;
    QTest::newRow("number") << (R"({")" + Old1.toUtf8() + R"(":7,")" + Old2.toUtf8() + R"(":"x"})")
                            << u"“"_s + Old1 + u"” should be a string, not a number"_s;
    QTest::newRow("empty") << (R"({")" + Old1.toUtf8() + R"(":"",")" + Old2.toUtf8() + R"(":"x"})")
                           << u"“"_s + Old1 + u"” is empty"_s;
    QTest::newRow("same new id twice") << (R"({")" + Old1.toUtf8() + R"(":"n",")" + Old2.toUtf8() + R"(":"n"})")
                                       << u"“"_s + Old2 + u"” maps to a new id already given"_s;
    QTest::newRow("empty object") << "{}"_ba << u"“"_s + Old1 + u"” is missing"_s;
    QTest::newRow("array") << R"(["a","b"])"_ba << u"JSON object"_s;
    QTest::newRow("truncated") << ParserFixtures::truncated(ParserFixtures::read(u"piiano/rotate.json"_s))
                               << u"not valid JSON"_s;
    QTest::newRow("empty body") << QByteArray() << u"empty"_s;
    QTest::newRow("huge") << ParserFixtures::oversizedBody() << u"MiB"_s;
}

void TestPiianoParser::rotateRefusesIncompleteMapping()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, named);
    const Parsed<RotationResult> parsed = PiianoParser::parseRotate({200, body, {}}, {Old1, Old2});
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error.kind, ApiError::Kind::Malformed);
    QCOMPARE(parsed.error.httpStatus, 200);
    QVERIFY2(parsed.error.message.contains(named), qPrintable(parsed.error.message));
}

void TestPiianoParser::searchParsesMetadata()
{
    const Parsed<RemoteTokenPage> parsed
        = PiianoParser::parseTokenSearch(ParserFixtures::answer(200, u"piiano/search.json"_s));
    QVERIFY2(parsed.ok(), qPrintable(parsed.error.toString()));
    const RemoteTokenPage &page = *parsed.value;
    QCOMPARE(page.tokens.size(), 2);
    QCOMPARE(page.totalCount, 2);
    QVERIFY(page.nextPage.isEmpty());

    const RemoteToken &first = page.tokens.at(0);
    QCOMPARE(first.providerId, Old1);
    QCOMPARE(first.scopes, QStringList {u"default"_s});
    // The earliest of the token's per-object creation times.
    QCOMPARE(first.createdAt, utc(2025, 8, 1, 0, 0));
    QCOMPARE(first.expiresAt, utc(2026, 6, 30, 0, 0));

    const RemoteToken &second = page.tokens.at(1);
    QCOMPARE(second.providerId, Old2);
    QCOMPARE(second.scopes, QStringList {u"billing"_s});
    // "+01:00" converted to UTC.
    QCOMPARE(second.createdAt, utc(2025, 12, 24, 17, 0));
    QCOMPARE(second.createdAt.timeSpec(), Qt::UTC);
    QVERIFY(!second.expiresAt.isValid()); // never expires
}

void TestPiianoParser::searchEmpty()
{
    const Parsed<RemoteTokenPage> parsed = PiianoParser::parseTokenSearch({200, "[]"_ba, {}});
    QVERIFY2(parsed.ok(), qPrintable(parsed.error.toString()));
    QVERIFY(parsed.value->tokens.isEmpty());
}

void TestPiianoParser::providerErrors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QStringList>("messageParts");
    QTest::addColumn<bool>("retryable");

    QTest::newRow("PV1001") << 400 << ParserFixtures::read(u"piiano/error-400.json"_s) << u"PV1001"_s
                            << QStringList {u"The access reason is missing."_s} << false;
    QTest::newRow("PV1007") << 403 << ParserFixtures::read(u"piiano/error-403.json"_s) << u"PV1007"_s
                            << QStringList {u"missing capabilities"_s, u"username=WebServer"_s} << false;
    QTest::newRow("PV3087") << 404 << ParserFixtures::read(u"piiano/error-404.json"_s) << u"PV3087"_s
                            << QStringList {u"One or more token IDs not found."_s,
                                   u"token_ids=d27923c6-5d16-41e3-89ee-118b05a25372"_s}
                            << false;
    QTest::newRow("PV3218") << 409 << ParserFixtures::read(u"piiano/error-409.json"_s) << u"PV3218"_s
                            << QStringList {u"Concurrent conflicting updates"_s} << true;
    QTest::newRow("PV1009") << 503 << ParserFixtures::read(u"piiano/error-503.json"_s) << u"PV1009"_s
                            << QStringList {u"timed out"_s} << true;
    // The spec's own examples: context holding a null, context left out, and newer servers'
    // error_url; all still read as Piiano's error.
    QTest::newRow("null in context")
        << 400 << R"({"error_code":"PV1001","message":"The access reason is missing.","context":{"reason":null}})"_ba
        << u"PV1001"_s << QStringList {u"The access reason is missing."_s} << false;
    QTest::newRow("no context")
        << 404 << R"({"token_ids":"d27923c6","error_code":"PV3087","message":"One or more token IDs not found."})"_ba
        << u"PV3087"_s << QStringList {u"not found"_s} << false;
    QTest::newRow("error_url")
        << 500
        << R"({"error_code":"PV1000","message":"Something went wrong","context":{},"error_url":"https://e.invalid"})"_ba
        << u"PV1000"_s << QStringList {u"Something went wrong"_s} << false;
}

void TestPiianoParser::providerErrors()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(QStringList, messageParts);
    QFETCH(bool, retryable);
    const HttpAnswer answer {status, body, {}};
    for (const ApiError &error :
        {PiianoParser::parseRotate(answer, {Old1}).error, PiianoParser::parseTokenSearch(answer).error}) {
        QCOMPARE(error.kind, ApiError::Kind::Provider);
        QCOMPARE(error.providerCode, code);
        QCOMPARE(error.httpStatus, status);
        QCOMPARE(error.retryable, retryable);
        for (const QString &part : messageParts)
            QVERIFY2(error.message.contains(part), qPrintable(error.message));
    }
}

void TestPiianoParser::errorsWithoutCode_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("retryable");
    QTest::newRow("502 html") << 502 << "<html>bad gateway</html>"_ba << true;
    QTest::newRow("401 empty") << 401 << QByteArray() << false;
    QTest::newRow("json without code") << 400 << R"({"message":"nope"})"_ba << false;
    QTest::newRow("code not a string") << 400 << R"({"error_code":1001,"message":"x"})"_ba << false;
}

void TestPiianoParser::errorsWithoutCode()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(bool, retryable);
    const ApiError error = PiianoParser::parseRotate({status, body, {}}, {Old1}).error;
    QCOMPARE(error.kind, ApiError::Kind::Http);
    QCOMPARE(error.httpStatus, status);
    QCOMPARE(error.retryable, retryable);
    QVERIFY(error.providerCode.isEmpty());
    QVERIFY2(error.message.contains(QString::number(status)), qPrintable(error.message));
}

void TestPiianoParser::malformed_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("named");

    QTest::newRow("empty") << QByteArray() << u"empty"_s;
    QTest::newRow("truncated") << ParserFixtures::truncated(ParserFixtures::read(u"piiano/search.json"_s))
                               << u"not valid JSON"_s;
    QTest::newRow("huge") << ParserFixtures::oversizedBody() << u"MiB"_s;
    QTest::newRow("object root") << R"({"token_id":"a"})"_ba << u"JSON array"_s;
    QTest::newRow("element string") << R"(["a"])"_ba << u"“[0]” should be an object, not a string"_s;
    QTest::newRow("token_id missing") << R"([{"type":"pci","scope":"default","tokens":[]}])"_ba
                                      << u"“[0].token_id” is missing"_s;
    QTest::newRow("token_id number") << R"([{"token_id":5,"type":"pci","tokens":[]}])"_ba
                                     << u"“[0].token_id” should be a string"_s;
    QTest::newRow("type missing") << R"([{"token_id":"a","tokens":[]}])"_ba << u"“[0].type” is missing"_s;
    QTest::newRow("tokens missing") << R"([{"token_id":"a","type":"pci"}])"_ba << u"“[0].tokens” is missing"_s;
    QTest::newRow("tokens object") << R"([{"token_id":"a","type":"pci","tokens":{}}])"_ba
                                   << u"“[0].tokens” should be an array"_s;
    QTest::newRow("creation missing") << R"([{"token_id":"a","type":"pci","tokens":[{"object_id":"o"}]}])"_ba
                                      << u"“[0].tokens[0].creation_time” is missing"_s;
    QTest::newRow("creation bad") << R"([{"token_id":"a","type":"pci","tokens":[{"creation_time":"last tuesday"}]}])"_ba
                                  << u"“[0].tokens[0].creation_time” is not an ISO 8601"_s;
    QTest::newRow("tags not strings")
        << R"([{"token_id":"a","type":"pci","tokens":[{"creation_time":"2025-01-01T00:00:00Z","tags":[1]}]}])"_ba
        << u"“[0].tokens[0].tags[0]” should be a string"_s;
    QTest::newRow("agg array") << R"([{"token_id":"a","type":"pci","agg":[],"tokens":[]}])"_ba
                               << u"“[0].agg” should be an object"_s;
    QTest::newRow("duplicate token id")
        << R"([{"token_id":"a","type":"pci","tokens":[]},{"token_id":"a","type":"pci","tokens":[]}])"_ba
        << u"“[1].token_id” repeats"_s;
}

void TestPiianoParser::malformed()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, named);
    const Parsed<RemoteTokenPage> parsed = PiianoParser::parseTokenSearch({200, body, {}});
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error.kind, ApiError::Kind::Malformed);
    QVERIFY2(parsed.error.message.contains(named), qPrintable(parsed.error.message));
}

void TestPiianoParser::collectionNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("simple") << u"customers"_s << true;
    QTest::newRow("mixed") << u"Cards_2024"_s << true;
    QTest::newRow("one letter") << u"a"_s << true;
    QTest::newRow("40 chars") << (u"a"_s + QString(39, u'b')) << true;
    QTest::newRow("41 chars") << (u"a"_s + QString(40, u'b')) << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("digit first") << u"1cards"_s << false;
    QTest::newRow("underscore first") << u"_cards"_s << false;
    QTest::newRow("dash") << u"credit-cards"_s << false;
    QTest::newRow("slash") << u"cards/../ctl"_s << false;
    QTest::newRow("space") << u"my cards"_s << false;
    QTest::newRow("non-ascii letter") << u"cartés"_s << false;
}

void TestPiianoParser::collectionNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(PiianoParser::isValidCollectionName(name), valid);
}

void TestPiianoParser::searchBody()
{
    QCOMPARE(PiianoParser::searchBody({Old1, Old2}),
        R"({"token_ids":["49303e72-35e3-11ed-a261-0242ac120002","de15a638-354a-11ed-a261-0242ac120002"]})"_ba);
}

QTEST_GUILESS_MAIN(TestPiianoParser)
#include "testpiianoparser.moc"
