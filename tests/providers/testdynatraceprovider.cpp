// SPDX-License-Identifier: GPL-3.0-or-later
// DynatraceProvider against the stateful fake Dynatrace (real sockets, real wire format).
#include "dynatrace/dynatraceprovider.h"
#include "fakedynatrace.h"
#include "http/httpclient.h"
#include "mockclock.h"
#include "provideroutcome.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QStringList ingestScopes {u"metrics.ingest"_s, u"logs.ingest"_s};

} // namespace

class TestDynatraceProvider : public QObject
{
    Q_OBJECT

private:
    MockClock m_clock;
    QNetworkAccessManager m_network;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<FakeDynatrace> m_fake;
    SecretBytes m_manager;
    QString m_managerId;

    std::unique_ptr<DynatraceProvider> provider(const SecretBytes &credential)
    {
        Account account;
        account.kind = ProviderKind::Dynatrace;
        account.displayName = u"Fake Dynatrace"_s;
        account.baseUrl = m_fake->baseUrl();
        return std::make_unique<DynatraceProvider>(account, credential, m_http.get(), m_clock);
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_http = std::make_unique<HttpClient>(&m_network);
        RetryPolicy fast = m_http->retryPolicy();
        m_http->setRetryPolicy(fast);
        m_fake = std::make_unique<FakeDynatrace>(m_clock);
        QVERIFY(m_fake->listen());
        DynatraceTokenSeed manager;
        manager.name = u"tokendesk-manager"_s;
        manager.scopes = {u"apiTokens.read"_s, u"apiTokens.write"_s};
        m_manager = m_fake->addToken(manager, &m_managerId);
    }

    void cleanup()
    {
        m_fake.reset();
        m_http.reset();
    }

    void testConnectionAcceptsTheManagerAndNamesAnUnknownToken()
    {
        const ProviderOutcome good = runOperation(provider(m_manager)->testConnection());
        QVERIFY2(good.ok, qPrintable(good.error.toString()));
        QCOMPARE(good.tokens.constFirst().providerId, m_managerId);

        const ProviderOutcome bad
            = runOperation(provider(SecretBytes("dt0c01.AAAAAAAAAAAAAAAAAAAAAAAA.BBBB"))->testConnection());
        QVERIFY(!bad.ok);
        QCOMPARE(bad.error.httpStatus, 401);
        QCOMPARE(bad.error.kind, ApiError::Kind::Provider);
        QVERIFY2(!bad.error.message.isEmpty(), qPrintable(bad.error.toString()));
    }

    void listsEveryPage()
    {
        for (int i = 0; i < 1100; ++i) {
            DynatraceTokenSeed seed;
            seed.name = u"ingest-%1"_s.arg(i);
            seed.scopes = ingestScopes;
            m_fake->addToken(seed);
        }
        m_fake->clearRequests();
        const ProviderOutcome listed = runOperation(provider(m_manager)->listTokens());
        QVERIFY2(listed.ok, qPrintable(listed.error.toString()));
        QCOMPARE(listed.tokens.size(), 1101);
        QCOMPARE(m_fake->requests("GET", u"/api/v2/apiTokens"_s).size(), 2); // 1000 + the rest
        const auto it = std::find_if(
            listed.tokens.cbegin(), listed.tokens.cend(), [](const RemoteToken &t) { return t.name == u"ingest-7"_s; });
        QVERIFY(it != listed.tokens.cend());
        QCOMPARE(it->scopes, ingestScopes); // asked for with fields=+scopes
    }

    void replacementRotationCreatesVerifiesDisablesAndDeletes()
    {
        DynatraceTokenSeed seed;
        seed.name = u"ingest"_s;
        seed.scopes = ingestScopes;
        QString oldId;
        const SecretBytes oldSecret = m_fake->addToken(seed, &oldId);
        auto dynatrace = provider(m_manager);

        RotateRequest request;
        request.providerId = oldId;
        request.name = seed.name;
        request.scopes = seed.scopes;
        const ProviderOutcome created = runOperation(dynatrace->rotate(request));
        QVERIFY2(created.ok, qPrintable(created.error.toString()));
        QVERIFY(!created.rotation.newSecret.isEmpty());
        QVERIFY(created.rotation.newProviderId != oldId);
        QCOMPARE(m_fake->token(created.rotation.newProviderId)->scopes, ingestScopes);
        QCOMPARE(m_fake->token(created.rotation.newProviderId)->name, seed.name);

        const ProviderOutcome verified
            = runOperation(dynatrace->verifySecret(created.rotation.newProviderId, created.rotation.newSecret));
        QVERIFY2(verified.ok, qPrintable(verified.error.toString()));
        const ProviderOutcome wrongId = runOperation(dynatrace->verifySecret(oldId, created.rotation.newSecret));
        QVERIFY(!wrongId.ok);

        QVERIFY(m_fake->isSecretValid(oldSecret));
        const ProviderOutcome revoked = runOperation(dynatrace->revoke(oldId, 0));
        QVERIFY2(revoked.ok, qPrintable(revoked.error.toString()));
        QVERIFY(!m_fake->isSecretValid(oldSecret));
        QVERIFY(m_fake->isSecretValid(created.rotation.newSecret));
        const ProviderOutcome oldVerify = runOperation(dynatrace->verifySecret(oldId, oldSecret));
        QVERIFY(!oldVerify.ok);

        const ProviderOutcome deleted = runOperation(dynatrace->deleteToken(oldId));
        QVERIFY2(deleted.ok, qPrintable(deleted.error.toString()));
        QVERIFY(!m_fake->token(oldId).has_value());
        const ProviderOutcome deletedAgain = runOperation(dynatrace->deleteToken(oldId));
        QVERIFY2(deletedAgain.ok, qPrintable(deletedAgain.error.toString()));
    }

    void refusesToDisableItsOwnManagementTokenWithoutAsking()
    {
        m_fake->clearRequests();
        const ProviderOutcome outcome = runOperation(provider(m_manager)->revoke(m_managerId, 0));
        QVERIFY(!outcome.ok);
        QCOMPARE(outcome.error.kind, ApiError::Kind::Refused);
        QVERIFY(outcome.error.message.contains(m_managerId));
        QCOMPARE(m_fake->requests().size(), 0);
        QVERIFY(m_fake->isSecretValid(m_manager));
    }

    void providerErrorsCarryDynatracesOwnMessage()
    {
        const ProviderOutcome outcome
            = runOperation(provider(m_manager)->revoke(u"dt0c01.NOSUCHTOKEN00000000000000"_s, 0));
        QVERIFY(!outcome.ok);
        QCOMPARE(outcome.error.httpStatus, 404);
        QCOMPARE(outcome.error.kind, ApiError::Kind::Provider);
        QVERIFY2(!outcome.error.message.isEmpty(), qPrintable(outcome.error.toString()));

        RotateRequest missingScopes;
        missingScopes.name = u"x"_s;
        const ProviderOutcome refused = runOperation(provider(m_manager)->rotate(missingScopes));
        QCOMPARE(refused.error.kind, ApiError::Kind::Refused);
    }

    void transientFaultsAreRetriedForReadsOnly()
    {
        FaultPlan unavailable;
        unavailable.serverErrorCount = 2;
        unavailable.serverErrorStatus = 503;
        m_fake->setFaultPlan(u"GET /api/v2/apiTokens"_s, unavailable);
        const ProviderOutcome listed = runOperation(provider(m_manager)->listTokens());
        QVERIFY2(listed.ok, qPrintable(listed.error.toString()));

        FaultPlan throttled;
        throttled.throttleCount = 1;
        throttled.retryAfterSeconds = 1;
        m_fake->setFaultPlan(u"POST /api/v2/apiTokens/lookup"_s, throttled);
        QElapsedTimer timer;
        timer.start();
        const ProviderOutcome connected = runOperation(provider(m_manager)->testConnection());
        QVERIFY2(connected.ok, qPrintable(connected.error.toString()));
        QVERIFY(timer.elapsed() >= 900); // Retry-After honoured

        // A create that failed may or may not have happened: it is reported, never repeated.
        FaultPlan createFails;
        createFails.serverErrorCount = 1;
        createFails.serverErrorStatus = 503;
        m_fake->setFaultPlan(u"POST /api/v2/apiTokens"_s, createFails);
        m_fake->clearRequests();
        RotateRequest request;
        request.name = u"ingest"_s;
        request.scopes = ingestScopes;
        const int before = m_fake->tokenCount();
        const ProviderOutcome created = runOperation(provider(m_manager)->rotate(request));
        QVERIFY(!created.ok);
        QCOMPARE(created.error.httpStatus, 503);
        QCOMPARE(m_fake->requests("POST", u"/api/v2/apiTokens"_s).size(), 1);
        QCOMPARE(m_fake->tokenCount(), before);
    }

    void malformedAnswerIsASpecificError()
    {
        FaultPlan broken;
        broken.malformedCount = 1;
        m_fake->setFaultPlan(u"GET /api/v2/apiTokens"_s, broken);
        const ProviderOutcome listed = runOperation(provider(m_manager)->listTokens());
        QVERIFY(!listed.ok);
        QCOMPARE(listed.error.kind, ApiError::Kind::Malformed);
        QVERIFY(listed.finishedOnce);
    }

    void resetMidBodyIsRetriedForReads()
    {
        FaultPlan reset;
        reset.resetCount = 1;
        m_fake->setFaultPlan(u"GET /api/v2/apiTokens"_s, reset);
        const ProviderOutcome listed = runOperation(provider(m_manager)->listTokens());
        QVERIFY2(listed.ok, qPrintable(listed.error.toString()));
    }
};

QTEST_GUILESS_MAIN(TestDynatraceProvider)
#include "testdynatraceprovider.moc"
