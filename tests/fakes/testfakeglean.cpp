// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakeglean.h"
#include "fakehttpclient.h"
#include "mockclock.h"

#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(FakeGlean::StaleRotation)

// Tests FakeGlean: /rotatetoken, the 10-minute buffer of the old secret, rotation-period and
// absolute expiry, 401s, a secret-checking indexing call and the fault bodies.
class TestFakeGlean : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void rotateReturnsNewSecret();
    void oldSecretWorksForTenMinutes();
    void unauthorized_data();
    void unauthorized();
    void secretDiesAfterRotationPeriod();
    void absoluteExpiryIsNotExtended();
    void staleRotation_data();
    void staleRotation();
    void tokenWithoutPeriodIsNotRotatable();
    void datasourceStatusNeedsKnownDatasource();
    void faultBodies();

private:
    FakeHttpResult call(const QString &path, const SecretBytes &secret, const QByteArray &body = {})
    {
        FakeHttpClient::Headers headers {{"Content-Type", "application/json"}};
        if (!secret.isEmpty())
            headers.append({"Authorization", "Bearer " + secret.exposeBytes()});
        return m_client.send("POST", FakeHttpClient::url(m_fake->baseUrl(), path), headers, body);
    }
    FakeHttpResult rotate(const SecretBytes &secret) { return call(u"/api/index/v1/rotatetoken"_s, secret); }
    int check(const SecretBytes &secret)
    {
        return call(u"/api/index/v1/getdatasourceconfig"_s, secret, R"({"datasource":"wiki"})").status;
    }

    std::unique_ptr<MockClock> m_clock;
    std::unique_ptr<FakeGlean> m_fake;
    FakeHttpClient m_client;
    SecretBytes m_secret;
    QString m_tokenId;
};

void TestFakeGlean::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestFakeGlean::init()
{
    m_clock = std::make_unique<MockClock>();
    m_fake = std::make_unique<FakeGlean>(*m_clock);
    QVERIFY(m_fake->listen());
    m_fake->addDatasource(u"wiki"_s, u"Company Wiki"_s);
    GleanTokenSeed seed;
    seed.name = u"wiki-connector"_s;
    seed.rotationPeriodMinutes = 1440;
    m_secret = m_fake->addToken(seed, &m_tokenId);
}

void TestFakeGlean::cleanup()
{
    m_fake.reset();
    m_clock.reset();
}

void TestFakeGlean::rotateReturnsNewSecret()
{
    const FakeHttpResult result = rotate(m_secret);
    QCOMPARE(result.status, 200);
    QCOMPARE(result.header("Content-Type"), "application/json");
    const QJsonObject body = result.object();
    QCOMPARE(body.value(u"createdAt"_s).toInteger(), m_clock->nowUtc().toSecsSinceEpoch());
    QCOMPARE(body.value(u"rotationPeriodMinutes"_s).toInteger(), 1440);
    const SecretBytes fresh = SecretBytes::fromUtf8(body.value(u"rawSecret"_s).toString());
    QVERIFY(fresh.size() >= 32);
    QVERIFY(!fresh.constantTimeEquals(m_secret));
    QCOMPARE(m_fake->orphanCount(), 1);
    QCOMPARE(check(fresh), 200);
    QCOMPARE(m_fake->orphanCount(), 0);
    QCOMPARE(m_fake->token(m_tokenId)->secrets.size(), 2);
}

void TestFakeGlean::oldSecretWorksForTenMinutes()
{
    const SecretBytes fresh = SecretBytes::fromUtf8(rotate(m_secret).object().value(u"rawSecret"_s).toString());
    QCOMPARE(check(m_secret), 200);
    m_clock->advanceSeconds(9 * 60 + 59);
    QCOMPARE(check(m_secret), 200);
    QVERIFY(m_fake->isSecretValid(m_secret));
    m_clock->advanceSeconds(1);
    QVERIFY(!m_fake->isSecretValid(m_secret));
    const FakeHttpResult refused = call(u"/api/index/v1/getdatasourceconfig"_s, m_secret, R"({"datasource":"wiki"})");
    QCOMPARE(refused.status, 401);
    QCOMPARE(refused.body, "Not Authorized");
    QCOMPARE(check(fresh), 200);
}

void TestFakeGlean::unauthorized_data()
{
    QTest::addColumn<QString>("credential");
    QTest::newRow("missing") << u"missing"_s;
    QTest::newRow("unknown") << u"unknown"_s;
    QTest::newRow("revoked") << u"revoked"_s;
}

void TestFakeGlean::unauthorized()
{
    QFETCH(QString, credential);
    SecretBytes secret = m_secret;
    if (credential == u"missing"_s)
        secret = {};
    else if (credential == u"unknown"_s)
        secret = SecretBytes::fromUtf8(u"bm90LWEtcmVhbC1zZWNyZXQ="_s);
    else
        m_fake->revokeToken(m_tokenId);
    for (const QString &path : {u"/api/index/v1/rotatetoken"_s, u"/api/index/v1/debug/wiki/status"_s}) {
        const FakeHttpResult result = call(path, secret);
        QCOMPARE(result.status, 401);
        QCOMPARE(result.body, "Not Authorized");
    }
    QCOMPARE(m_fake->token(m_tokenId)->secrets.size(), 1);
}

void TestFakeGlean::secretDiesAfterRotationPeriod()
{
    m_clock->advanceMinutes(1439);
    QCOMPARE(check(m_secret), 200);
    m_clock->advanceMinutes(1);
    QCOMPARE(check(m_secret), 401);
    QCOMPARE(rotate(m_secret).status, 401); // too late to rotate: a new token is needed
}

void TestFakeGlean::absoluteExpiryIsNotExtended()
{
    GleanTokenSeed seed;
    seed.name = u"short-lived"_s;
    seed.rotationPeriodMinutes = 1440;
    seed.expiresAt = m_clock->nowUtc().addDays(2);
    SecretBytes secret = m_fake->addToken(seed);
    for (int half = 0; half < 3; ++half) {
        m_clock->advanceMinutes(720);
        const FakeHttpResult result = rotate(secret);
        QCOMPARE(result.status, 200);
        secret = SecretBytes::fromUtf8(result.object().value(u"rawSecret"_s).toString());
    }
    m_clock->advanceMinutes(720 + 1); // past expiresAt, although rotated 12 h ago
    QCOMPARE(check(secret), 401);
}

void TestFakeGlean::staleRotation_data()
{
    QTest::addColumn<FakeGlean::StaleRotation>("behaviour");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("secrets");
    QTest::newRow("reject") << FakeGlean::StaleRotation::Reject << 400 << 2;
    QTest::newRow("mint another") << FakeGlean::StaleRotation::MintAnother << 200 << 3;
}

void TestFakeGlean::staleRotation()
{
    QFETCH(FakeGlean::StaleRotation, behaviour);
    m_fake->setStaleRotation(behaviour);
    QCOMPARE(rotate(m_secret).status, 200);
    QTEST(rotate(m_secret).status, "status"); // a retry with the already rotated secret
    QTEST(static_cast<int>(m_fake->token(m_tokenId)->secrets.size()), "secrets");
}

void TestFakeGlean::tokenWithoutPeriodIsNotRotatable()
{
    GleanTokenSeed seed;
    seed.name = u"legacy"_s;
    seed.rotationPeriodMinutes = 0;
    const SecretBytes secret = m_fake->addToken(seed);
    QCOMPARE(rotate(secret).status, 400);
    m_clock->advanceDays(400);
    QCOMPARE(check(secret), 200); // no period: it never lapses
}

void TestFakeGlean::datasourceStatusNeedsKnownDatasource()
{
    const FakeHttpResult status = call(u"/api/index/v1/debug/wiki/status"_s, m_secret);
    QCOMPARE(status.status, 200);
    QCOMPARE(status.object().value(u"datasourceVisibility"_s).toString(), u"ENABLED_FOR_ALL"_s);
    QCOMPARE(call(u"/api/index/v1/debug/nope/status"_s, m_secret).status, 400);
    const FakeHttpResult config = call(u"/api/index/v1/getdatasourceconfig"_s, m_secret, R"({"datasource":"wiki"})");
    QCOMPARE(config.object().value(u"displayName"_s).toString(), u"Company Wiki"_s);
    QCOMPARE(call(u"/api/index/v1/getdatasourceconfig"_s, m_secret, "{}").status, 400);
}

void TestFakeGlean::faultBodies()
{
    m_fake->setFaultPlan(
        u"/api/index/v1/rotatetoken"_s, *FaultPlan::parse(u"throttle=1,retry-after=30,error=1,error-status=500"_s));
    const FakeHttpResult throttled = rotate(m_secret);
    QCOMPARE(throttled.status, 429);
    QCOMPARE(throttled.header("Retry-After"), "30");
    QCOMPARE(throttled.body, "Too Many Requests");
    const FakeHttpResult failed = rotate(m_secret);
    QCOMPARE(failed.status, 500);
    QCOMPARE(failed.body, "Internal Server Error");
    QCOMPARE(m_fake->token(m_tokenId)->secrets.size(), 1);
}

QTEST_GUILESS_MAIN(TestFakeGlean)
#include "testfakeglean.moc"
