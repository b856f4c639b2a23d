// SPDX-License-Identifier: GPL-3.0-or-later
// GleanProvider against the stateful fake Glean indexing API (real sockets, real wire format); time
// comes from a MockClock, so the 10-minute buffer and the token's expiry pass without sleeping.
#include "fakeglean.h"
#include "glean/gleanprovider.h"
#include "http/httpclient.h"
#include "mockclock.h"
#include "provideroutcome.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString rotatePath = u"/api/index/v1/rotatetoken"_s;
const QString checkPath = u"/api/index/v1/getdatasourceconfig"_s;

} // namespace

class TestGleanProvider : public QObject
{
    Q_OBJECT

private:
    MockClock m_clock;
    QNetworkAccessManager m_network;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<FakeGlean> m_fake;
    SecretBytes m_secret; // the seeded token's current secret
    QString m_tokenId;

    // The account credential plays no part in a rotation, so by default it is one Glean does not know.
    std::unique_ptr<GleanProvider> provider(const SecretBytes &credential = SecretBytes("not-a-glean-secret"))
    {
        Account account;
        account.kind = ProviderKind::Glean;
        account.displayName = u"Fake Glean"_s;
        account.baseUrl = m_fake->baseUrl();
        return std::make_unique<GleanProvider>(account, credential, m_http.get(), m_clock);
    }

    RotateRequest rotation(const SecretBytes &secret) const
    {
        RotateRequest request;
        request.providerId = u"wiki-connector"_s;
        request.currentSecret = secret;
        return request;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_clock.set(QDateTime(QDate(2026, 1, 31), QTime(12, 0), QTimeZone::utc()));
        m_http = std::make_unique<HttpClient>(&m_network);
        m_http->setRetryPolicy(RetryPolicy([] { return 0.5; }, std::chrono::milliseconds(20)));
        m_fake = std::make_unique<FakeGlean>(m_clock);
        QVERIFY(m_fake->listen());
        GleanTokenSeed seed;
        seed.name = u"wiki-connector"_s;
        seed.rotationPeriodMinutes = 1440;
        m_secret = m_fake->addToken(seed, &m_tokenId);
    }

    void cleanup()
    {
        m_fake.reset();
        m_http.reset();
    }

    void capabilitiesAreHonest()
    {
        const ProviderCapabilities caps = provider()->capabilities();
        QVERIFY(caps.rotate);
        QVERIFY(!caps.listTokens && !caps.listVersions && !caps.revoke && !caps.deleteToken && !caps.setPolicy);
        QVERIFY(!caps.create && !caps.lookupBySecret && !caps.rotationIsServerSide);
        QCOMPARE(caps.fixedGracePeriod, std::optional(std::chrono::seconds(600)));
        QVERIFY(caps.limitations.contains(
            u"Glean has no revoke call: an old secret stays valid for its 10-minute buffer."_s));
        QVERIFY(caps.limitations.contains(u"Glean has no call that lists tokens: add each token with its secret."_s));
        QVERIFY(caps.limitations.contains(
            u"The rotation period is fixed when the token is created in the Glean admin console."_s));
    }

    void unsupportedOperationsAreRefusedWithoutARequest_data()
    {
        QTest::addColumn<QString>("operation");
        for (const char *name : {"list", "get", "revoke", "delete", "setPolicy", "lookup", "rotateWithoutSecret"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }

    void unsupportedOperationsAreRefusedWithoutARequest()
    {
        QFETCH(QString, operation);
        auto glean = provider(m_secret);
        ProviderOperation *started = nullptr;
        if (operation == u"list"_s)
            started = glean->listTokens();
        else if (operation == u"get"_s)
            started = glean->getToken(m_tokenId);
        else if (operation == u"revoke"_s)
            started = glean->revoke(m_tokenId, 1);
        else if (operation == u"delete"_s)
            started = glean->deleteToken(m_tokenId);
        else if (operation == u"setPolicy"_s)
            started = glean->setPolicy(m_tokenId, RotationPolicy());
        else if (operation == u"lookup"_s)
            started = glean->lookupSecret(m_secret);
        else
            started = glean->rotate(rotation(SecretBytes()));
        const ProviderOutcome outcome = runOperation(started);
        QVERIFY(!outcome.ok);
        QVERIFY(outcome.finishedOnce);
        QCOMPARE(outcome.error.kind, ApiError::Kind::Refused);
        QVERIFY(outcome.error.message.contains(u"Glean"_s));
        QVERIFY(outcome.tokens.isEmpty());
        QCOMPARE(m_fake->requests().size(), 0);
    }

    void rotateUsesTheTokensOwnSecret()
    {
        auto glean = provider();
        const QDateTime now = m_clock.nowUtc();
        const ProviderOutcome rotated = runOperation(glean->rotate(rotation(m_secret)));
        QVERIFY2(rotated.ok, qPrintable(rotated.error.toString()));
        const QList<RecordedRequest> sent = m_fake->requests("POST", rotatePath);
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.first().request.header("Authorization"), "Bearer " + m_secret.exposeBytes());
        QVERIFY(sent.first().request.body.isEmpty());
        QVERIFY(sent.first().request.header("Content-Type").isEmpty());

        const RotationResult &result = rotated.rotation;
        QVERIFY(!result.newSecret.isEmpty());
        QVERIFY(!result.newSecret.constantTimeEquals(m_secret));
        QVERIFY(m_fake->isSecretValid(result.newSecret));
        QCOMPARE(m_fake->tokenForSecret(result.newSecret)->id, m_tokenId);
        QCOMPARE(result.newProviderId, u"wiki-connector"_s);
        QCOMPARE(result.createdAt, now);
        QCOMPARE(result.rotationPeriodMinutes, 1440);
        QCOMPARE(result.expiresAt, now.addSecs(1440 * 60));
        QCOMPARE(result.oldValidUntil, now.addSecs(600));

        QCOMPARE(m_fake->orphanCount(), 1);
        const ProviderOutcome verified = runOperation(glean->verifySecret(u"wiki-connector"_s, result.newSecret));
        QVERIFY2(verified.ok, qPrintable(verified.error.toString()));
        QCOMPARE(m_fake->orphanCount(), 0);
        const RecordedRequest check = m_fake->requests("POST", checkPath).last();
        QCOMPARE(check.request.header("Authorization"), "Bearer " + result.newSecret.exposeBytes());
        QCOMPARE(check.request.body, R"({"datasource":"tokendesk-credential-check"})");
        QCOMPARE(m_fake->token(m_tokenId)->secrets.size(), 2); // the check changed nothing
    }

    void oldSecretWorksForItsBufferThenGets401()
    {
        auto glean = provider();
        const ProviderOutcome rotated = runOperation(glean->rotate(rotation(m_secret)));
        QVERIFY2(rotated.ok, qPrintable(rotated.error.toString()));
        QVERIFY(runOperation(glean->verifySecret(m_tokenId, m_secret)).ok);
        m_clock.advanceSeconds(9 * 60 + 59);
        QVERIFY(runOperation(glean->verifySecret(m_tokenId, m_secret)).ok);
        m_clock.advanceSeconds(1);
        const ProviderOutcome expired = runOperation(glean->verifySecret(m_tokenId, m_secret));
        QVERIFY(!expired.ok);
        QCOMPARE(expired.error.kind, ApiError::Kind::Http);
        QCOMPARE(expired.error.httpStatus, 401);
        QVERIFY(!expired.error.retryable);
        QVERIFY(runOperation(glean->verifySecret(m_tokenId, rotated.rotation.newSecret)).ok);
        // Rotating with the dead secret is refused the same way, and mints nothing.
        const ProviderOutcome again = runOperation(glean->rotate(rotation(m_secret)));
        QCOMPARE(again.error.httpStatus, 401);
        QCOMPARE(m_fake->token(m_tokenId)->secrets.size(), 2);
    }

    void expiredTokenCannotRotate()
    {
        GleanTokenSeed seed;
        seed.name = u"short-lived"_s;
        seed.rotationPeriodMinutes = 1440;
        seed.expiresAt = m_clock.nowUtc().addSecs(3600);
        const SecretBytes secret = m_fake->addToken(seed);
        m_clock.advanceSeconds(2 * 3600);
        const ProviderOutcome rotated = runOperation(provider()->rotate(rotation(secret)));
        QVERIFY(!rotated.ok);
        QCOMPARE(rotated.error.kind, ApiError::Kind::Http);
        QCOMPARE(rotated.error.httpStatus, 401);
        QVERIFY2(rotated.error.message.contains(u"expired"_s), qPrintable(rotated.error.message));
        QVERIFY(!rotated.error.retryable);
    }

    void testConnectionUsesTheAccountCredential()
    {
        const ProviderOutcome good = runOperation(provider(m_secret)->testConnection());
        QVERIFY2(good.ok, qPrintable(good.error.toString()));
        QCOMPARE(m_fake->requests("POST", checkPath).first().request.header("Authorization"),
            "Bearer " + m_secret.exposeBytes());
        const ProviderOutcome bad = runOperation(provider()->testConnection());
        QVERIFY(!bad.ok);
        QCOMPARE(bad.error.httpStatus, 401);
    }

    void rotationFailuresAreReportedNotRepeated_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("retryable");
        QTest::newRow("500: may have rotated") << 500 << false;
        QTest::newRow("503: declined, may be asked again") << 503 << true;
    }

    void rotationFailuresAreReportedNotRepeated()
    {
        QFETCH(int, status);
        QFETCH(bool, retryable);
        FaultPlan failing;
        failing.serverErrorCount = 1;
        failing.serverErrorStatus = status;
        m_fake->setFaultPlan(u"POST "_s + rotatePath, failing);
        const ProviderOutcome rotated = runOperation(provider()->rotate(rotation(m_secret)));
        QVERIFY(!rotated.ok);
        QCOMPARE(rotated.error.httpStatus, status);
        QCOMPARE(rotated.error.retryable, retryable);
        QCOMPARE(m_fake->requests("POST", rotatePath).size(), 1);
        QCOMPARE(m_fake->token(m_tokenId)->secrets.size(), 1);
    }

    void serverErrorOnACheckIsRetried()
    {
        FaultPlan failing;
        failing.serverErrorCount = 2;
        failing.serverErrorStatus = 502;
        m_fake->setFaultPlan(u"POST "_s + checkPath, failing);
        const ProviderOutcome verified = runOperation(provider()->verifySecret(m_tokenId, m_secret));
        QVERIFY2(verified.ok, qPrintable(verified.error.toString()));
        QCOMPARE(m_fake->requests("POST", checkPath).size(), 3);
    }

    void throttlingHonoursRetryAfter()
    {
        FaultPlan throttled;
        throttled.throttleCount = 1;
        throttled.retryAfterSeconds = 1;
        m_fake->setFaultPlan(u"POST "_s + checkPath, throttled);
        QElapsedTimer timer;
        timer.start();
        const ProviderOutcome verified = runOperation(provider()->verifySecret(m_tokenId, m_secret));
        QVERIFY2(verified.ok, qPrintable(verified.error.toString()));
        QVERIFY(timer.elapsed() >= 900);
        QCOMPARE(m_fake->requests("POST", checkPath).size(), 2);
    }

    void malformedRotationAnswerIsAMalformedError()
    {
        FaultPlan broken;
        broken.malformedCount = 1;
        m_fake->setFaultPlan(u"POST "_s + rotatePath, broken);
        const ProviderOutcome rotated = runOperation(provider()->rotate(rotation(m_secret)));
        QVERIFY(!rotated.ok);
        QCOMPARE(rotated.error.kind, ApiError::Kind::Malformed);
        QVERIFY(rotated.finishedOnce);
        QVERIFY(rotated.rotation.newSecret.isEmpty());
        // Glean did rotate; the lost answer leaves a secret nobody holds, which is why it is reported.
        QCOMPARE(m_fake->orphanCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestGleanProvider)
#include "testgleanprovider.moc"
