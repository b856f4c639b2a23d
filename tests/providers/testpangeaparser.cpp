// SPDX-License-Identifier: GPL-3.0-or-later
#include "pangea/pangeaparser.h"
#include "parserfixtures.h"

#include <QJsonDocument>
#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

const QString ItemA = u"pvi_ciroaatokenaaaaaaaaaaaaaaaaaaaa7"_s;
const QString ItemB = u"pvi_deployaatokenbbbbbbbbbbbbbbbbbb2"_s;

QDateTime utc(int year, int month, int day, int hour, int minute, int second = 0, int ms = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, ms), QTimeZone::utc());
}

// A Success envelope around `result` (raw JSON text), answered at 2026-01-31 12:00 UTC.
QByteArray successWith(const QByteArray &result)
{
    return R"({"request_id":"prq_test","request_time":"2026-01-31T11:59:59.000Z",)"
           R"("response_time":"2026-01-31T12:00:00.000Z","status":"Success","summary":"ok","result":)"
        + result + '}';
}

QByteArray tokenItem(const QByteArray &versions)
{
    return R"({"id":"pvi_ciroaatokenaaaaaaaaaaaaaaaaaaaa7","type":"pangea_token","item_versions":)" + versions + '}';
}

} // namespace

class TestPangeaParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void listParsesTokensAndCursor();
    void listLastPageHasNoCursor();
    void itemMapsEveryVersionState();
    void versionState_data();
    void versionState();
    void rotateReturnsNewestActiveToken();
    void rotateOldSecretValidUntilDestroyedAt();
    void rotateRefusesMissingToken();
    void rotateRefusesNoActiveVersion();
    void rotateV1();
    void acceptedCarriesPollRequestId();
    void providerErrors_data();
    void providerErrors();
    void httpErrorsWithoutEnvelope_data();
    void httpErrorsWithoutEnvelope();
    void malformed_data();
    void malformed();
    void extraFieldsAreIgnored();
    void itemOfAnotherTypeIsRefused();
    void durations_data();
    void durations();
};

void TestPangeaParser::listParsesTokensAndCursor()
{
    const PangeaReply<RemoteTokenPage> reply
        = PangeaParser::parseList(ParserFixtures::answer(200, u"pangea/list.json"_s));
    QVERIFY2(reply.ok(), qPrintable(reply.error.toString()));
    QVERIFY(!reply.isAccepted());
    QCOMPARE(reply.requestId, u"prq_list1aaaaaaaaaaaaaaaaaaaaaaaaaaaa"_s);
    const RemoteTokenPage &page = *reply.value;
    QCOMPARE(page.nextPage, u"eyJpZCI6InB2aV9kZXBsb3kifQ=="_s);
    QCOMPARE(page.totalCount, -1);
    // The "secret" item between the two tokens is not ours to list.
    QCOMPARE(page.tokens.size(), 2);

    const RemoteToken &first = page.tokens.at(0);
    QCOMPARE(first.providerId, ItemA);
    QCOMPARE(first.name, u"ci-deploy"_s);
    QVERIFY(first.enabled);
    QCOMPARE(first.createdAt, utc(2025, 11, 2, 9, 30));
    QCOMPARE(first.createdAt.timeSpec(), Qt::UTC);
    QCOMPARE(first.lastRotatedAt, utc(2026, 1, 20, 8, 0));
    QCOMPARE(first.nextRotationAt, utc(2026, 1, 30, 8, 0));
    QCOMPARE(first.policy.interval, PolicyDuration(10, PolicyDuration::Unit::Days));
    QCOMPARE(first.policy.gracePeriod, PolicyDuration(1, PolicyDuration::Unit::Days));
    QVERIFY(first.policy.automatic);
    QCOMPARE(first.providerRotationState, u"deactivated"_s);
    QCOMPARE(first.versions.size(), 2);
    QCOMPARE(first.versions.at(0).number, 1);
    QCOMPARE(first.versions.at(0).providerState, u"deactivated"_s);
    QCOMPARE(first.versions.at(0).state, VersionState::Revoked);
    QCOMPARE(first.versions.at(0).rotatedAt, utc(2026, 1, 20, 8, 0));
    QCOMPARE(first.versions.at(1).number, 2);
    QCOMPARE(first.versions.at(1).state, VersionState::Current);

    const RemoteToken &second = page.tokens.at(1);
    QCOMPARE(second.providerId, ItemB);
    QVERIFY(!second.enabled);
    QCOMPARE(second.createdAt, utc(2025, 12, 15, 16, 45, 12, 345));
    QCOMPARE(second.expiresAt, utc(2026, 12, 31, 0, 0));
    // "never" and "inherited" are no policy, not errors.
    QVERIFY(second.policy.interval.isNull());
    QVERIFY(second.policy.gracePeriod.isNull());
    QVERIFY(!second.policy.automatic);
    QCOMPARE(second.versions.size(), 1);
    QCOMPARE(second.versions.at(0).state, VersionState::Revoked);
}

void TestPangeaParser::listLastPageHasNoCursor()
{
    const PangeaReply<RemoteTokenPage> reply
        = PangeaParser::parseList(ParserFixtures::answer(200, u"pangea/list-last-page.json"_s));
    QVERIFY2(reply.ok(), qPrintable(reply.error.toString()));
    QVERIFY(reply.value->tokens.isEmpty());
    QVERIFY(reply.value->nextPage.isEmpty());
}

void TestPangeaParser::itemMapsEveryVersionState()
{
    const PangeaReply<RemoteToken> reply = PangeaParser::parseItem(ParserFixtures::answer(200, u"pangea/get.json"_s));
    QVERIFY2(reply.ok(), qPrintable(reply.error.toString()));
    const RemoteToken &token = *reply.value;
    QCOMPARE(token.providerId, ItemA);
    QCOMPARE(token.policy.interval, PolicyDuration(2, PolicyDuration::Unit::Months));
    QCOMPARE(token.policy.gracePeriod, PolicyDuration(44, PolicyDuration::Unit::Hours));
    QCOMPARE(token.providerRotationState, u"destroyed"_s);
    QCOMPARE(token.versions.size(), 4);
    // Sorted by number whatever the answer's order.
    QCOMPARE(token.versions.at(0).number, 1);
    QCOMPARE(token.versions.at(0).state, VersionState::Destroyed);
    QCOMPARE(token.versions.at(0).destroyedAt, utc(2025, 12, 3, 4, 0));
    QCOMPARE(token.versions.at(1).number, 2);
    QCOMPARE(token.versions.at(1).state, VersionState::Revoked);
    QCOMPARE(token.versions.at(1).providerState, u"compromised"_s);
    // Destroyed in Pangea's books, but destroyed_at is still ahead of response_time: grace.
    QCOMPARE(token.versions.at(2).number, 3);
    QCOMPARE(token.versions.at(2).state, VersionState::Grace);
    QCOMPARE(token.versions.at(3).number, 4);
    QCOMPARE(token.versions.at(3).state, VersionState::Current);
    QCOMPARE(token.versions.at(3).createdAt, utc(2026, 1, 31, 8, 0));
}

void TestPangeaParser::versionState_data()
{
    QTest::addColumn<QByteArray>("versions");
    QTest::addColumn<int>("number");
    QTest::addColumn<VersionState>("expected");

    QTest::newRow("active") << R"([{"version":1,"state":"active"}])"_ba << 1 << VersionState::Current;
    QTest::newRow("older active") << R"([{"version":1,"state":"active"},{"version":2,"state":"active"}])"_ba << 1
                                  << VersionState::Grace;
    QTest::newRow("newest active") << R"([{"version":2,"state":"active"},{"version":1,"state":"active"}])"_ba << 2
                                   << VersionState::Current;
    QTest::newRow("deactivated") << R"([{"version":1,"state":"deactivated"}])"_ba << 1 << VersionState::Revoked;
    QTest::newRow("suspended") << R"([{"version":1,"state":"suspended"}])"_ba << 1 << VersionState::Revoked;
    QTest::newRow("compromised") << R"([{"version":1,"state":"compromised"}])"_ba << 1 << VersionState::Revoked;
    QTest::newRow("destroyed") << R"([{"version":1,"state":"destroyed"}])"_ba << 1 << VersionState::Destroyed;
    QTest::newRow("destroyed later")
        << R"([{"version":1,"state":"destroyed","destroyed_at":"2026-01-31T12:00:01Z"}])"_ba << 1
        << VersionState::Grace;
    QTest::newRow("destroyed earlier")
        << R"([{"version":1,"state":"destroyed","destroyed_at":"2026-01-31T11:59:59Z"}])"_ba << 1
        << VersionState::Destroyed;
    QTest::newRow("deactivated, destroyed later")
        << R"([{"version":1,"state":"deactivated","destroyed_at":"2026-02-01T00:00:00Z"}])"_ba << 1
        << VersionState::Grace;
}

void TestPangeaParser::versionState()
{
    QFETCH(QByteArray, versions);
    QFETCH(int, number);
    QFETCH(VersionState, expected);
    const PangeaReply<RemoteToken> reply = PangeaParser::parseItem({200, successWith(tokenItem(versions)), {}});
    QVERIFY2(reply.ok(), qPrintable(reply.error.toString()));
    const auto found = std::find_if(reply.value->versions.begin(), reply.value->versions.end(),
        [number](const RemoteVersion &version) { return version.number == number; });
    QVERIFY(found != reply.value->versions.end());
    QCOMPARE(found->state, expected);
}

void TestPangeaParser::rotateReturnsNewestActiveToken()
{
    const PangeaReply<RotationResult> reply
        = PangeaParser::parseRotate(ParserFixtures::answer(200, u"pangea/rotate.json"_s));
    QVERIFY2(reply.ok(), qPrintable(reply.error.toString()));
    const RotationResult &rotation = *reply.value;
    QCOMPARE(rotation.newSecret.exposeBytes(), "pts_fakefakefakefakefakefakefake0004"_ba);
    QCOMPARE(rotation.newVersion, 4);
    QCOMPARE(rotation.newProviderId, ItemA);
    QCOMPARE(rotation.createdAt, utc(2026, 1, 31, 12, 0));
    // No destroyed_at on the old version: the item's grace period (1d) decides.
    QCOMPARE(rotation.oldValidUntil, utc(2026, 2, 1, 12, 0));
    QCOMPARE(rotation.token.providerId, ItemA);
    QCOMPARE(rotation.token.nextRotationAt, utc(2026, 2, 10, 12, 0));
    QCOMPARE(rotation.token.versions.size(), 2);
    QCOMPARE(rotation.token.versions.at(0).state, VersionState::Revoked);
    QCOMPARE(rotation.token.versions.at(1).state, VersionState::Current);
    QCOMPARE(reply.requestId, u"prq_rotateaaaaaaaaaaaaaaaaaaaaaaaaaaa"_s);
}

void TestPangeaParser::rotateOldSecretValidUntilDestroyedAt()
{
    const PangeaReply<RotationResult> reply
        = PangeaParser::parseRotate(ParserFixtures::answer(200, u"pangea/get.json"_s));
    QVERIFY2(reply.ok(), qPrintable(reply.error.toString()));
    QCOMPARE(reply.value->newVersion, 4);
    QCOMPARE(reply.value->newSecret.exposeBytes(), "pts_fakefakefakefakefakefakefake0004"_ba);
    // destroyed_at of version 3, not created_at + the 44h grace period (2026-02-02 04:00).
    QCOMPARE(reply.value->oldValidUntil, utc(2026, 2, 2, 6, 30));
}

void TestPangeaParser::rotateRefusesMissingToken()
{
    const PangeaReply<RotationResult> reply = PangeaParser::parseRotate(
        {200, successWith(tokenItem(R"([{"version":1,"state":"destroyed"},{"version":2,"state":"active"}])")), {}});
    QVERIFY(!reply.ok());
    QCOMPARE(reply.error.kind, ApiError::Kind::Malformed);
    QVERIFY2(reply.error.message.contains(u"result.item_versions[1].token"_s), qPrintable(reply.error.message));
    QCOMPARE(reply.error.requestId, u"prq_test"_s);
    QCOMPARE(reply.error.httpStatus, 200);
}

void TestPangeaParser::rotateRefusesNoActiveVersion()
{
    const PangeaReply<RotationResult> reply
        = PangeaParser::parseRotate({200, successWith(tokenItem(R"([{"version":1,"state":"destroyed"}])")), {}});
    QVERIFY(!reply.ok());
    QCOMPARE(reply.error.kind, ApiError::Kind::Malformed);
    QVERIFY2(reply.error.message.contains(u"result.item_versions"_s), qPrintable(reply.error.message));
    QVERIFY(reply.error.message.contains(u"no active version"_s));
}

void TestPangeaParser::rotateV1()
{
    const PangeaReply<RotationResult> reply
        = PangeaParser::parseRotateV1(ParserFixtures::answer(200, u"pangea/rotate-v1.json"_s));
    QVERIFY2(reply.ok(), qPrintable(reply.error.toString()));
    QCOMPARE(reply.value->newSecret.exposeBytes(), "pts_fakefakefakefakefakefakefake0004"_ba);
    QCOMPARE(reply.value->newVersion, 4);
    QCOMPARE(reply.value->newProviderId, ItemA);

    const PangeaReply<RotationResult> noSecret
        = PangeaParser::parseRotateV1({200, successWith(R"({"id":"pvi_x","version":2,"type":"pangea_token"})"), {}});
    QCOMPARE(noSecret.error.kind, ApiError::Kind::Malformed);
    QVERIFY2(noSecret.error.message.contains(u"result.secret"_s), qPrintable(noSecret.error.message));
}

void TestPangeaParser::acceptedCarriesPollRequestId()
{
    const HttpAnswer answer = ParserFixtures::answer(202, u"pangea/accepted.json"_s);
    const PangeaReply<RotationResult> reply = PangeaParser::parseRotate(answer);
    QVERIFY(reply.isAccepted());
    QVERIFY(!reply.ok());
    QVERIFY(!reply.error.isError());
    QCOMPARE(reply.accepted->requestId, u"prq_acceptedaaaaaaaaaaaaaaaaaaaaaaaa"_s);
    QCOMPARE(
        reply.accepted->location, u"https://vault.aws.us.pangea.cloud/request/prq_acceptedaaaaaaaaaaaaaaaaaaaaaaaa"_s);
    QCOMPARE(reply.accepted->ttlMinutes, 5);
    QCOMPARE(reply.accepted->retryCounter, 0);
    QCOMPARE(reply.requestId, reply.accepted->requestId);

    // Same outcome from the list parser, and from status "Accepted" without result details.
    QVERIFY(PangeaParser::parseList(answer).isAccepted());
    const PangeaReply<RemoteToken> bare = PangeaParser::parseItem({202,
        R"({"request_id":"prq_bare","request_time":"x","response_time":"2026-01-31T12:00:00Z","status":"Accepted"})"_ba,
        {}});
    QVERIFY(bare.isAccepted());
    QCOMPARE(bare.accepted->ttlMinutes, -1);
    QVERIFY(bare.accepted->location.isEmpty());
}

void TestPangeaParser::providerErrors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("requestId");
    QTest::addColumn<QStringList>("messageParts");
    QTest::addColumn<bool>("retryable");

    QTest::newRow("validation") << 400 << ParserFixtures::read(u"pangea/validation-error.json"_s)
                                << u"ValidationError"_s << u"prq_validationaaaaaaaaaaaaaaaaaaaaaa"_s
                                << QStringList {u"There was 2 error(s)"_s, u"/id: DoesNotMatchPattern: 'pvi_bad'"_s,
                                       u"/rotation_grace_period: BadFormatPangeaDuration"_s}
                                << false;
    QTest::newRow("unauthorized") << 401 << ParserFixtures::read(u"pangea/unauthorized.json"_s) << u"Unauthorized"_s
                                  << u"prq_unauthaaaaaaaaaaaaaaaaaaaaaaaaaaa"_s
                                  << QStringList {u"Not authorized to access this resource"_s} << false;
    QTest::newRow("throttled") << 429 << ParserFixtures::read(u"pangea/too-many-requests.json"_s)
                               << u"TooManyRequests"_s << u"prq_throttledaaaaaaaaaaaaaaaaaaaaaaa"_s
                               << QStringList {u"Too many requests"_s} << true;
    QTest::newRow("not found") << 400 << ParserFixtures::read(u"pangea/item-not-found.json"_s) << u"VaultItemNotFound"_s
                               << u"prq_notfoundaaaaaaaaaaaaaaaaaaaaaaaa"_s << QStringList {u"Item not found"_s}
                               << false;
    QTest::newRow("internal") << 500 << ParserFixtures::read(u"pangea/internal-error.json"_s) << u"InternalError"_s
                              << u"prq_internalaaaaaaaaaaaaaaaaaaaaaaaa"_s << QStringList {u"An internal error"_s}
                              << true;
    // The status decides, whatever the HTTP code says.
    QTest::newRow("throttled, HTTP 200")
        << 200 << R"({"request_id":"prq_t","status":"TooManyRequests","summary":"Slow down"})"_ba
        << u"TooManyRequests"_s << u"prq_t"_s << QStringList {u"Slow down"_s} << true;
    QTest::newRow("internal, HTTP 400") << 400
                                        << R"({"request_id":"prq_i","status":"InternalError","summary":"Oops"})"_ba
                                        << u"InternalError"_s << u"prq_i"_s << QStringList {u"Oops"_s} << true;
    QTest::newRow("unavailable, HTTP 200")
        << 200 << R"({"request_id":"prq_u","request_time":"","response_time":"","status":"ServiceNotAvailable"})"_ba
        << u"ServiceNotAvailable"_s << u"prq_u"_s << QStringList {u"ServiceNotAvailable"_s} << true;
    QTest::newRow("no credit")
        << 400 << R"({"request_id":"prq_c","status":"NoCredit","summary":"Out of credit","result":{"errors":"x"}})"_ba
        << u"NoCredit"_s << u"prq_c"_s << QStringList {u"Out of credit"_s} << false;
}

void TestPangeaParser::providerErrors()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(QString, requestId);
    QFETCH(QStringList, messageParts);
    QFETCH(bool, retryable);

    const PangeaReply<RemoteTokenPage> reply = PangeaParser::parseList({status, body, {{"Retry-After"_ba, "30"_ba}}});
    QVERIFY(!reply.ok());
    QVERIFY(!reply.isAccepted());
    QCOMPARE(reply.error.kind, ApiError::Kind::Provider);
    QCOMPARE(reply.error.providerCode, code);
    QCOMPARE(reply.error.requestId, requestId);
    QCOMPARE(reply.requestId, requestId);
    QCOMPARE(reply.error.httpStatus, status);
    QCOMPARE(reply.error.retryable, retryable);
    QCOMPARE(reply.error.retryAfter, std::optional(std::chrono::seconds(30)));
    for (const QString &part : messageParts)
        QVERIFY2(reply.error.message.contains(part), qPrintable(reply.error.message));
}

void TestPangeaParser::httpErrorsWithoutEnvelope_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("retryable");

    QTest::newRow("502 html") << 502 << "<html><body>Bad Gateway</body></html>"_ba << true;
    QTest::newRow("503 empty") << 503 << QByteArray() << true;
    QTest::newRow("500 json without status") << 500 << R"({"message":"oops"})"_ba << true;
    QTest::newRow("401 empty") << 401 << QByteArray() << false;
    QTest::newRow("404 text") << 404 << "404 page not found"_ba << false;
}

void TestPangeaParser::httpErrorsWithoutEnvelope()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(bool, retryable);
    const PangeaReply<RotationResult> reply = PangeaParser::parseRotate({status, body, {}});
    QVERIFY(!reply.ok());
    QCOMPARE(reply.error.kind, ApiError::Kind::Http);
    QCOMPARE(reply.error.httpStatus, status);
    QCOMPARE(reply.error.retryable, retryable);
    QVERIFY(reply.error.message.contains(QString::number(status)));
}

void TestPangeaParser::malformed_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("named");

    const QByteArray list = ParserFixtures::read(u"pangea/list.json"_s);
    const auto item = [](const QByteArray &fields) {
        return successWith(R"({"items":[{"id":"pvi_a","type":"pangea_token")" + fields + "}]}");
    };

    QTest::newRow("empty") << 200 << QByteArray() << u"empty"_s;
    QTest::newRow("blank") << 200 << " \r\n\t "_ba << u"empty"_s;
    QTest::newRow("truncated") << 200 << ParserFixtures::truncated(list) << u"not valid JSON"_s;
    QTest::newRow("trailing garbage") << 200 << list + "}"_ba << u"not valid JSON"_s;
    QTest::newRow("huge") << 200 << ParserFixtures::oversizedBody() << u"MiB"_s;
    QTest::newRow("root array") << 200 << "[]"_ba << u"JSON object"_s;
    QTest::newRow("no request_id") << 200 << R"({"status":"Success","result":{"items":[]}})"_ba
                                   << u"“request_id” is missing"_s;
    QTest::newRow("status number") << 200 << R"({"request_id":"prq","status":1,"result":{}})"_ba
                                   << u"“status” should be a string, not a number"_s;
    QTest::newRow("result null") << 200 << successWith("null") << u"“result” is null"_s;
    QTest::newRow("result array") << 200 << successWith("[]") << u"“result” should be an object"_s;
    QTest::newRow("success with 500") << 500 << successWith(R"({"items":[]})") << u"HTTP 500"_s;
    QTest::newRow("items missing") << 200 << successWith("{}") << u"“result.items” is missing"_s;
    QTest::newRow("items object") << 200 << successWith(R"({"items":{}})") << u"“result.items” should be an array"_s;
    QTest::newRow("item not object") << 200 << successWith(R"({"items":["pvi_a"]})")
                                     << u"“result.items[0]” should be an object, not a string"_s;
    QTest::newRow("id number") << 200 << successWith(R"({"items":[{"id":7,"type":"pangea_token"}]})")
                               << u"“result.items[0].id” should be a string"_s;
    QTest::newRow("id empty") << 200 << successWith(R"({"items":[{"id":"","type":"pangea_token"}]})")
                              << u"“result.items[0].id” is empty"_s;
    QTest::newRow("type missing") << 200 << successWith(R"({"items":[{"id":"pvi_a"}]})")
                                  << u"“result.items[0].type” is missing"_s;
    QTest::newRow("enabled string") << 200 << item(R"(,"enabled":"yes")") << u"“result.items[0].enabled”"_s;
    QTest::newRow("bad date") << 200 << item(R"(,"created_at":"yesterday")")
                              << u"“result.items[0].created_at” is not an ISO 8601"_s;
    QTest::newRow("date number") << 200 << item(R"(,"last_rotated":1700000000)")
                                 << u"“result.items[0].last_rotated” should be a string"_s;
    QTest::newRow("bad frequency") << 200 << item(R"(,"rotation_frequency":"1fortnight")")
                                   << u"“result.items[0].rotation_frequency” is not a Pangea duration"_s;
    QTest::newRow("versions object") << 200 << item(R"(,"item_versions":{})")
                                     << u"“result.items[0].item_versions” should be an array"_s;
    QTest::newRow("version string") << 200 << item(R"(,"item_versions":[{"version":"1","state":"active"}])")
                                    << u"“result.items[0].item_versions[0].version” should be a whole number"_s;
    QTest::newRow("version fraction") << 200 << item(R"(,"item_versions":[{"version":1.5,"state":"active"}])")
                                      << u"“result.items[0].item_versions[0].version” should be a whole number"_s;
    QTest::newRow("version zero") << 200 << item(R"(,"item_versions":[{"version":0,"state":"active"}])")
                                  << u"“result.items[0].item_versions[0].version” is out of range"_s;
    QTest::newRow("state null") << 200 << item(R"(,"item_versions":[{"version":1,"state":null}])")
                                << u"“result.items[0].item_versions[0].state” is null"_s;
    QTest::newRow("state unknown") << 200 << item(R"(,"item_versions":[{"version":1,"state":"melted"}])")
                                   << u"“result.items[0].item_versions[0].state” is “melted”"_s;
    QTest::newRow("duplicate version")
        << 200 << item(R"(,"item_versions":[{"version":1,"state":"active"},{"version":1,"state":"destroyed"}])")
        << u"“result.items[0].item_versions[1].version” repeats version 1"_s;
    QTest::newRow("duplicate id")
        << 200
        << successWith(R"({"items":[{"id":"pvi_a","type":"pangea_token"},{"id":"pvi_a","type":"pangea_token"}]})")
        << u"“result.items[1].id” repeats"_s;
    QTest::newRow("cursor number") << 200 << successWith(R"({"items":[],"last":5})")
                                   << u"“result.last” should be a string"_s;
}

void TestPangeaParser::malformed()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, named);
    const PangeaReply<RemoteTokenPage> reply = PangeaParser::parseList({status, body, {}});
    QVERIFY(!reply.ok());
    QVERIFY(!reply.isAccepted());
    QCOMPARE(reply.error.kind, ApiError::Kind::Malformed);
    QCOMPARE(reply.error.httpStatus, status);
    QVERIFY2(reply.error.message.contains(named), qPrintable(reply.error.message));
}

void TestPangeaParser::extraFieldsAreIgnored()
{
    const PangeaReply<RemoteToken> reply = PangeaParser::parseItem({200,
        successWith(R"({"id":"pvi_a","type":"pangea_token","surprise":{"nested":[1,2]},"num_versions":"many",)"
                    R"("item_versions":[{"version":1,"state":"active","token":"pts_x","extra":true}]})"),
        {}});
    QVERIFY2(reply.ok(), qPrintable(reply.error.toString()));
    QCOMPARE(reply.value->providerId, u"pvi_a"_s);
    QCOMPARE(reply.value->versions.size(), 1);
}

void TestPangeaParser::itemOfAnotherTypeIsRefused()
{
    const PangeaReply<RemoteToken> reply
        = PangeaParser::parseItem(ParserFixtures::answer(200, u"pangea/get-secret-item.json"_s));
    QVERIFY(!reply.ok());
    QCOMPARE(reply.error.kind, ApiError::Kind::Malformed);
    QVERIFY2(reply.error.message.contains(u"“result.type” is “secret”"_s), qPrintable(reply.error.message));
    // The item's secret value never reaches the message.
    QVERIFY(!reply.error.message.contains(u"not-a-real-password"_s));
}

void TestPangeaParser::durations_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<PolicyDuration>("expected");

    using Unit = PolicyDuration::Unit;
    QTest::newRow("10d") << u"10d"_s << true << PolicyDuration(10, Unit::Days);
    QTest::newRow("10day") << u"10day"_s << true << PolicyDuration(10, Unit::Days);
    QTest::newRow("2M") << u"2M"_s << true << PolicyDuration(2, Unit::Months);
    QTest::newRow("44h") << u"44h"_s << true << PolicyDuration(44, Unit::Hours);
    QTest::newRow("1year") << u"1year"_s << true << PolicyDuration(1, Unit::Years);
    QTest::newRow("15mins") << u"15mins"_s << true << PolicyDuration(15, Unit::Minutes);
    QTest::newRow("2weeks") << u"2weeks"_s << true << PolicyDuration(2, Unit::Weeks);
    QTest::newRow("30secs") << u"30secs"_s << true << PolicyDuration(30, Unit::Seconds);
    QTest::newRow("never") << u"never"_s << true << PolicyDuration();
    QTest::newRow("inherited") << u"inherited"_s << true << PolicyDuration();
    QTest::newRow("empty") << QString() << true << PolicyDuration();
    QTest::newRow("fortnight") << u"1fortnight"_s << false << PolicyDuration();
    QTest::newRow("negative") << u"-1d"_s << false << PolicyDuration();
    QTest::newRow("zero") << u"0d"_s << false << PolicyDuration();
}

void TestPangeaParser::durations()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(PolicyDuration, expected);
    const Parsed<PolicyDuration> parsed = PangeaParser::parseDuration(text);
    QCOMPARE(parsed.ok(), ok);
    if (ok)
        QCOMPARE(*parsed.value, expected);
    else
        QCOMPARE(parsed.error.kind, ApiError::Kind::Malformed);
}

QTEST_GUILESS_MAIN(TestPangeaParser)
#include "testpangeaparser.moc"
