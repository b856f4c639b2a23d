// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakedynatrace.h"
#include "fakehttpclient.h"
#include "mockclock.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QRegularExpression TokenFormat(u"^dt0c01\\.[A-Z0-9]{24}\\.[A-Z0-9]{64}$"_s);

} // namespace

// Tests FakeDynatrace: v2 apiTokens (create, list with fields and paging, get, lookup, disable,
// delete), the v1 tokens API over the same tokens, scope checks, self-protection and errors.
class TestFakeDynatrace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void authenticationErrors_data();
    void authenticationErrors();
    void missingScopeIsForbidden();
    void createReturnsShownOnceToken();
    void createValidates();
    void listUsesDefaultFieldsAndAddsRequested();
    void listPagesWithNextPageKey();
    void listSelectorAndSort();
    void getAndLookup();
    void disablingRevokesTheToken();
    void tokenCannotDisableOrDeleteItself();
    void deleteAcceptsIdOrSecret();
    void legacyTokensApi();
    void throttleCarriesRateLimitHeaders();

private:
    FakeHttpResult call(const QByteArray &verb, const QString &path, const SecretBytes &token,
        const QJsonObject &body = {}, const QString &query = {})
    {
        FakeHttpClient::Headers headers {{"Content-Type", "application/json; charset=utf-8"}};
        if (!token.isEmpty())
            headers.append({"Authorization", "Api-Token " + token.exposeBytes()});
        return m_client.send(verb, FakeHttpClient::url(m_fake->baseUrl(), path, query), headers,
            body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

    std::unique_ptr<MockClock> m_clock;
    std::unique_ptr<FakeDynatrace> m_fake;
    FakeHttpClient m_client;
    SecretBytes m_manager; // apiTokens.read + apiTokens.write + TenantTokenManagement
    SecretBytes m_reader; // apiTokens.read only
    SecretBytes m_ingest; // metrics.ingest, the kind of token that gets rotated
    QString m_ingestId;
};

void TestFakeDynatrace::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestFakeDynatrace::init()
{
    m_clock = std::make_unique<MockClock>();
    m_fake = std::make_unique<FakeDynatrace>(*m_clock);
    QVERIFY(m_fake->listen());
    DynatraceTokenSeed seed;
    seed.name = u"tokendesk-manager"_s;
    seed.scopes = {u"apiTokens.read"_s, u"apiTokens.write"_s, u"TenantTokenManagement"_s};
    m_manager = m_fake->addToken(seed);
    seed.name = u"auditor"_s;
    seed.owner = u"auditor@example.com"_s;
    seed.scopes = {u"apiTokens.read"_s};
    m_reader = m_fake->addToken(seed);
    seed.name = u"otel-collector"_s;
    seed.owner = u"admin@example.com"_s;
    seed.scopes = {u"metrics.ingest"_s, u"logs.ingest"_s};
    seed.expirationDate = m_clock->nowUtc().addDays(60);
    m_ingest = m_fake->addToken(seed, &m_ingestId);
}

void TestFakeDynatrace::cleanup()
{
    m_fake.reset();
    m_clock.reset();
}

void TestFakeDynatrace::authenticationErrors_data()
{
    QTest::addColumn<QString>("credential");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing") << QString() << u"Missing authorization parameter."_s;
    QTest::newRow("unknown") << u"dt0c01.AAAAAAAAAAAAAAAAAAAAAAAA.BBBB"_s << u"Token Authentication failed"_s;
    QTest::newRow("expired") << u"expired"_s << u"Token Authentication failed"_s;
}

void TestFakeDynatrace::authenticationErrors()
{
    QFETCH(QString, credential);
    SecretBytes token = SecretBytes::fromUtf8(credential);
    if (credential == u"expired"_s) {
        DynatraceTokenSeed seed;
        seed.scopes = {u"apiTokens.read"_s};
        seed.expirationDate = m_clock->nowUtc().addSecs(-1);
        token = m_fake->addToken(seed);
    }
    const FakeHttpResult result = call("GET", u"/api/v2/apiTokens"_s, token);
    QCOMPARE(result.status, 401);
    QCOMPARE(result.header("Content-Type"), "application/json; charset=utf-8");
    QCOMPARE(result.object().keys(), QStringList {u"error"_s});
    QCOMPARE(result.object()[u"error"_s][u"code"_s].toInt(), 401);
    QTEST(result.object()[u"error"_s][u"message"_s].toString(), "message");
}

void TestFakeDynatrace::missingScopeIsForbidden()
{
    const FakeHttpResult result = call(
        "POST", u"/api/v2/apiTokens"_s, m_reader, {{u"name"_s, u"x"_s}, {u"scopes"_s, QJsonArray {u"metrics.read"_s}}});
    QCOMPARE(result.status, 403);
    QCOMPARE(result.object()[u"error"_s][u"message"_s].toString(),
        u"Token is missing required scope. Use one of: apiTokens.write (Write API tokens)"_s);
    QCOMPARE(call("GET", u"/api/v1/tokens"_s, m_reader).status, 403);
    QCOMPARE(call("GET", u"/api/v2/apiTokens"_s, m_ingest).status, 403);
    // Lookup works with a token of any scope.
    QCOMPARE(call("POST", u"/api/v2/apiTokens/lookup"_s, m_ingest, {{u"token"_s, m_ingest.exposeUtf8()}}).status, 200);
}

void TestFakeDynatrace::createReturnsShownOnceToken()
{
    const FakeHttpResult created = call("POST", u"/api/v2/apiTokens"_s, m_manager,
        {{u"name"_s, u"otel-collector"_s}, {u"scopes"_s, QJsonArray {u"metrics.ingest"_s, u"logs.ingest"_s}},
            {u"expirationDate"_s, u"now+30d"_s}});
    QCOMPARE(created.status, 201);
    const QJsonObject body = created.object();
    const QString token = body.value(u"token"_s).toString();
    QVERIFY2(TokenFormat.match(token).hasMatch(), qPrintable(token));
    QCOMPARE(body.value(u"id"_s).toString(), token.section(u'.', 0, 1)); // id = prefix + public part
    QCOMPARE(QDateTime::fromString(body.value(u"expirationDate"_s).toString(), Qt::ISODateWithMs),
        m_clock->nowUtc().addDays(30));
    QCOMPARE(m_fake->orphanCount(), 1);
    const SecretBytes secret = SecretBytes::fromUtf8(token);
    QVERIFY(m_fake->isSecretValid(secret));
    QCOMPARE(m_fake->token(body.value(u"id"_s).toString())->owner, u"admin@example.com"_s);
    // The secret is shown once: no later answer contains it.
    const FakeHttpResult got = call("GET", u"/api/v2/apiTokens/"_s + body.value(u"id"_s).toString(), m_manager);
    QVERIFY(!got.body.contains(token.toUtf8()));
    QCOMPARE(call("POST", u"/api/v2/apiTokens/lookup"_s, secret, {{u"token"_s, token}}).status, 200);
    QCOMPARE(m_fake->orphanCount(), 0);
}

void TestFakeDynatrace::createValidates()
{
    const FakeHttpResult result = call("POST", u"/api/v2/apiTokens"_s, m_manager, {{u"scopes"_s, QJsonArray {}}});
    QCOMPARE(result.status, 400);
    const QJsonObject error = result.object().value(u"error"_s).toObject();
    QCOMPARE(error.value(u"code"_s).toInt(), 400);
    QCOMPARE(error.value(u"message"_s).toString(), u"Constraints violated."_s);
    QStringList paths;
    for (const QJsonValue &violation : error.value(u"constraintViolations"_s).toArray()) {
        paths.append(violation[u"path"_s].toString());
        QCOMPARE(violation[u"parameterLocation"_s].toString(), u"PAYLOAD_BODY"_s);
    }
    QCOMPARE(paths, QStringList({u"name"_s, u"scopes"_s}));
    QCOMPARE(m_fake->tokenCount(), 3);
}

void TestFakeDynatrace::listUsesDefaultFieldsAndAddsRequested()
{
    const FakeHttpResult plain = call("GET", u"/api/v2/apiTokens"_s, m_manager);
    QCOMPARE(plain.status, 200);
    QCOMPARE(plain.object().value(u"totalCount"_s).toInt(), 3);
    QCOMPARE(plain.object().value(u"pageSize"_s).toInt(), 200);
    QVERIFY(!plain.object().contains(u"nextPageKey"_s));
    QStringList keys = plain.object()[u"apiTokens"_s][0].toObject().keys();
    keys.sort();
    QCOMPARE(keys, QStringList({u"creationDate"_s, u"enabled"_s, u"id"_s, u"name"_s, u"owner"_s}));

    const FakeHttpResult more
        = call("GET", u"/api/v2/apiTokens"_s, m_manager, {}, u"fields=%2BexpirationDate,%2Bscopes,-owner"_s);
    QCOMPARE(more.status, 200);
    keys = more.object()[u"apiTokens"_s][0].toObject().keys();
    QVERIFY(keys.contains(u"scopes"_s));
    QVERIFY(!keys.contains(u"owner"_s));
    QCOMPARE(call("GET", u"/api/v2/apiTokens"_s, m_manager, {}, u"fields=%2Bsecret"_s).status, 400);
}

void TestFakeDynatrace::listPagesWithNextPageKey()
{
    for (int i = 0; i < 247; ++i) {
        DynatraceTokenSeed seed;
        seed.name = u"bulk-%1"_s.arg(i, 3, 10, QChar(u'0'));
        seed.scopes = {u"metrics.read"_s};
        m_fake->addToken(seed);
    }
    QStringList ids;
    QString query = u"pageSize=100&sort=name"_s;
    int pages = 0;
    while (true) {
        const FakeHttpResult page = call("GET", u"/api/v2/apiTokens"_s, m_manager, {}, query);
        QCOMPARE(page.status, 200);
        QCOMPARE(page.object().value(u"totalCount"_s).toInt(), 250);
        for (const QJsonValue &token : page.object().value(u"apiTokens"_s).toArray())
            ids.append(token[u"id"_s].toString());
        ++pages;
        if (!page.object().contains(u"nextPageKey"_s))
            break;
        query = u"nextPageKey="_s
            + QString::fromLatin1(QUrl::toPercentEncoding(page.object().value(u"nextPageKey"_s).toString()));
    }
    QCOMPARE(pages, 3);
    QCOMPARE(ids.size(), 250);
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), 250);

    const FakeHttpResult mixed = call("GET", u"/api/v2/apiTokens"_s, m_manager, {}, query + u"&pageSize=100"_s);
    QCOMPARE(mixed.status, 400);
    QCOMPARE(mixed.object()[u"error"_s][u"constraintViolations"_s][0][u"parameterLocation"_s].toString(), u"QUERY"_s);
    QCOMPARE(call("GET", u"/api/v2/apiTokens"_s, m_manager, {}, u"pageSize=20"_s).status, 400);
}

void TestFakeDynatrace::listSelectorAndSort()
{
    const FakeHttpResult scoped = call(
        "GET", u"/api/v2/apiTokens"_s, m_manager, {}, u"apiTokenSelector=scope(%22logs.ingest%22,%22nothing%22)"_s);
    QCOMPARE(scoped.status, 200);
    QCOMPARE(scoped.object().value(u"totalCount"_s).toInt(), 1);
    QCOMPARE(scoped.object()[u"apiTokens"_s][0][u"id"_s].toString(), m_ingestId);

    const FakeHttpResult owner = call("GET", u"/api/v2/apiTokens"_s, m_manager, {},
        u"apiTokenSelector=owner(%22auditor@example.com%22),personalAccessToken(false)"_s);
    QCOMPARE(owner.object().value(u"totalCount"_s).toInt(), 1);
    QCOMPARE(call("GET", u"/api/v2/apiTokens"_s, m_manager, {}, u"apiTokenSelector=color(red)"_s).status, 400);

    const FakeHttpResult byName = call("GET", u"/api/v2/apiTokens"_s, m_manager, {}, u"sort=-name"_s);
    QCOMPARE(byName.object()[u"apiTokens"_s][0][u"name"_s].toString(), u"tokendesk-manager"_s);
}

void TestFakeDynatrace::getAndLookup()
{
    const FakeHttpResult got = call("GET", u"/api/v2/apiTokens/"_s + m_ingestId, m_manager);
    QCOMPARE(got.status, 200);
    const QJsonObject token = got.object();
    QCOMPARE(token.value(u"name"_s).toString(), u"otel-collector"_s);
    QCOMPARE(token.value(u"scopes"_s).toArray().size(), 2);
    QVERIFY(token.contains(u"expirationDate"_s));
    QCOMPARE(token.value(u"personalAccessToken"_s).toBool(), false);

    const FakeHttpResult looked
        = call("POST", u"/api/v2/apiTokens/lookup"_s, m_manager, {{u"token"_s, m_ingest.exposeUtf8()}});
    QCOMPARE(looked.object().value(u"id"_s).toString(), m_ingestId);
    const FakeHttpResult unknown
        = call("POST", u"/api/v2/apiTokens/lookup"_s, m_manager, {{u"token"_s, u"dt0c01.X.Y"_s}});
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.object()[u"error"_s][u"code"_s].toInt(), 404);
    QCOMPARE(call("GET", u"/api/v2/apiTokens/dt0c01.NOPE"_s, m_manager).status, 404);
}

void TestFakeDynatrace::disablingRevokesTheToken()
{
    QCOMPARE(call("POST", u"/api/v2/apiTokens/lookup"_s, m_ingest, {{u"token"_s, m_ingest.exposeUtf8()}}).status, 200);
    const FakeHttpResult disabled
        = call("PUT", u"/api/v2/apiTokens/"_s + m_ingestId, m_manager, {{u"enabled"_s, false}});
    QCOMPARE(disabled.status, 204);
    QVERIFY(disabled.body.isEmpty());
    QVERIFY(!m_fake->isSecretValid(m_ingest));
    const FakeHttpResult refused
        = call("POST", u"/api/v2/apiTokens/lookup"_s, m_ingest, {{u"token"_s, m_ingest.exposeUtf8()}});
    QCOMPARE(refused.status, 401);
    QCOMPARE(refused.object()[u"error"_s][u"message"_s].toString(), u"Token Authentication failed"_s);
    QCOMPARE(m_fake->enabledCount(), 2);
    const FakeHttpResult listed = call("GET", u"/api/v2/apiTokens/"_s + m_ingestId, m_manager);
    QCOMPARE(listed.object().value(u"enabled"_s).toBool(), false);
    QVERIFY(listed.object().contains(u"modifiedDate"_s));
}

void TestFakeDynatrace::tokenCannotDisableOrDeleteItself()
{
    const QString managerId = m_fake->token(m_manager.exposeUtf8())->id;
    const FakeHttpResult disable = call("PUT", u"/api/v2/apiTokens/"_s + managerId, m_manager, {{u"enabled"_s, false}});
    QCOMPARE(disable.status, 400);
    QCOMPARE(disable.object()[u"error"_s][u"code"_s].toInt(), 400);
    QCOMPARE(call("DELETE", u"/api/v2/apiTokens/"_s + managerId, m_manager).status, 400);
    QCOMPARE(call("DELETE", u"/api/v1/tokens/"_s + managerId, m_manager).status, 400);
    QCOMPARE(call("PUT", u"/api/v1/tokens/"_s + managerId, m_manager, {{u"revoked"_s, true}}).status, 400);
    QVERIFY(m_fake->isSecretValid(m_manager));
    // Renaming itself is fine.
    QCOMPARE(call("PUT", u"/api/v2/apiTokens/"_s + managerId, m_manager, {{u"name"_s, u"renamed"_s}}).status, 204);
}

void TestFakeDynatrace::deleteAcceptsIdOrSecret()
{
    QCOMPARE(call("DELETE", u"/api/v2/apiTokens/"_s + m_ingest.exposeUtf8(), m_manager).status, 204);
    QVERIFY(!m_fake->token(m_ingestId));
    QCOMPARE(call("DELETE", u"/api/v2/apiTokens/"_s + m_ingestId, m_manager).status, 404);
    QCOMPARE(m_fake->tokenCount(), 2);
}

void TestFakeDynatrace::legacyTokensApi()
{
    const FakeHttpResult created = call("POST", u"/api/v1/tokens"_s, m_manager,
        {{u"name"_s, u"RW config token"_s}, {u"scopes"_s, QJsonArray {u"WriteConfig"_s, u"ReadConfig"_s}},
            {u"expiresIn"_s, QJsonObject {{u"value"_s, 30}, {u"unit"_s, u"DAYS"_s}}}});
    QCOMPARE(created.status, 201);
    QCOMPARE(created.object().keys(), QStringList {u"token"_s}); // no id in v1's answer
    const QString secret = created.object().value(u"token"_s).toString();

    const FakeHttpResult looked = call("POST", u"/api/v1/tokens/lookup"_s, m_manager, {{u"token"_s, secret}});
    QCOMPARE(looked.status, 200);
    const QJsonObject metadata = looked.object();
    const QString id = metadata.value(u"id"_s).toString();
    QCOMPARE(metadata.value(u"revoked"_s).toBool(), false);
    QCOMPARE(metadata.value(u"userId"_s).toString(), u"admin@example.com"_s);
    QCOMPARE(metadata.value(u"created"_s).toInteger(), m_clock->nowUtc().toMSecsSinceEpoch()); // milliseconds
    QCOMPARE(metadata.value(u"expires"_s).toInteger(), m_clock->nowUtc().addDays(30).toMSecsSinceEpoch());

    const FakeHttpResult listed
        = call("GET", u"/api/v1/tokens"_s, m_manager, {}, u"permissions=WriteConfig&permissions=ReadConfig"_s);
    QCOMPARE(listed.object().value(u"values"_s).toArray().size(), 1);
    QCOMPARE(listed.object()[u"values"_s][0][u"id"_s].toString(), id);

    QCOMPARE(call("PUT", u"/api/v1/tokens/"_s + id, m_manager, {{u"revoked"_s, true}}).status, 204);
    QCOMPARE(call("GET", u"/api/v1/tokens/"_s + id, m_manager).object().value(u"revoked"_s).toBool(), true);
    QCOMPARE(call("GET", u"/api/v2/apiTokens/"_s + id, m_manager).object().value(u"enabled"_s).toBool(), false);
    QCOMPARE(
        call("POST", u"/api/v1/tokens/lookup"_s, SecretBytes::fromUtf8(secret), {{u"token"_s, secret}}).status, 401);
    QCOMPARE(call("DELETE", u"/api/v1/tokens/"_s + id, m_manager).status, 204);
    QCOMPARE(call("GET", u"/api/v1/tokens/"_s + id, m_manager).status, 404);
}

void TestFakeDynatrace::throttleCarriesRateLimitHeaders()
{
    m_fake->setFaultPlan(u"/api/v2/*"_s, *FaultPlan::parse(u"throttle=1,retry-after=2,error=1,error-status=503"_s));
    const FakeHttpResult throttled = call("GET", u"/api/v2/apiTokens"_s, m_manager);
    QCOMPARE(throttled.status, 429);
    QCOMPARE(throttled.header("Retry-After"), "2");
    QCOMPARE(throttled.header("X-RateLimit-Remaining"), "0");
    QCOMPARE(throttled.header("X-RateLimit-Reset").toLongLong(),
        m_clock->nowUtc().addSecs(2).toMSecsSinceEpoch() * 1000); // microseconds
    QCOMPARE(throttled.object()[u"error"_s][u"code"_s].toInt(), 429);
    const FakeHttpResult unavailable = call("GET", u"/api/v2/apiTokens"_s, m_manager);
    QCOMPARE(unavailable.status, 503);
    QCOMPARE(unavailable.object()[u"error"_s][u"code"_s].toInt(), 503);
    QCOMPARE(call("GET", u"/api/v2/apiTokens"_s, m_manager).status, 200);
}

QTEST_GUILESS_MAIN(TestFakeDynatrace)
#include "testfakedynatrace.moc"
