// SPDX-License-Identifier: GPL-3.0-or-later
// Every request DynatraceProvider sends and every answer the fake gives pass through Prism, loaded
// with Dynatrace's official Environment API v2 spec: a request that breaks the spec gets 422, an
// answer that breaks it 500, and either fails the provider call and so this test.
#include "dynatrace/dynatraceprovider.h"
#include "fakedynatrace.h"
#include "http/apicall.h"
#include "http/apirequest.h"
#include "http/apiresult.h"
#include "http/httpclient.h"
#include "mockclock.h"
#include "prismproxy.h"
#include "provideroutcome.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// Prism adds a hop and validates both ways, so allow more time than the default.
ProviderOutcome runOperation60(ProviderOperation *operation)
{
    return runOperation(operation, 60000);
}

} // namespace

class TestDynatraceConformance : public QObject
{
    Q_OBJECT

private:
    MockClock m_clock;
    QNetworkAccessManager m_network;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<FakeDynatrace> m_fake;
    std::unique_ptr<PrismProxy> m_prism;
    SecretBytes m_manager;

    std::unique_ptr<DynatraceProvider> provider()
    {
        Account account;
        account.kind = ProviderKind::Dynatrace;
        account.baseUrl = m_prism->baseUrl();
        return std::make_unique<DynatraceProvider>(account, m_manager, m_http.get(), m_clock);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_http = std::make_unique<HttpClient>(&m_network);
        m_fake = std::make_unique<FakeDynatrace>(m_clock);
        QVERIFY(m_fake->listen());
        DynatraceTokenSeed manager;
        manager.name = u"tokendesk-manager"_s;
        manager.scopes = {u"apiTokens.read"_s, u"apiTokens.write"_s};
        m_manager = m_fake->addToken(manager);
        for (int i = 0; i < 3; ++i) {
            DynatraceTokenSeed seed;
            seed.name = u"ingest-%1"_s.arg(i);
            seed.scopes = {u"metrics.ingest"_s, u"logs.ingest"_s};
            seed.expirationDate = m_clock.nowUtc().addDays(90);
            m_fake->addToken(seed);
        }
        m_prism = std::make_unique<PrismProxy>();
        // The spec's paths leave out the /api/v2 base path that its `servers` entry carries.
        const QString spec = m_prism->deriveSpec(
            PrismProxy::specsDirectory() + u"/dynatrace/spec3-env-v2-1.254.47-sprint-orig.json"_s, u"/api/v2"_s);
        QVERIFY2(!spec.isEmpty(), qPrintable(m_prism->errorString()));
        QVERIFY2(m_prism->start(spec, m_fake->baseUrl()), qPrintable(m_prism->errorString()));
    }

    void cleanupTestCase()
    {
        m_prism.reset();
        m_fake.reset();
    }

    void everyExchangeOfARotationConformsToTheSpec()
    {
        auto dynatrace = provider();
        const ProviderOutcome connected = runOperation60(dynatrace->testConnection());
        QVERIFY2(connected.ok, qPrintable(connected.error.toString()));

        const ProviderOutcome listed = runOperation60(dynatrace->listTokens());
        QVERIFY2(listed.ok, qPrintable(listed.error.toString()));
        QCOMPARE(listed.tokens.size(), 4);
        const RemoteToken old = *std::find_if(
            listed.tokens.cbegin(), listed.tokens.cend(), [](const RemoteToken &t) { return t.name == u"ingest-0"_s; });

        const ProviderOutcome fetched = runOperation60(dynatrace->getToken(old.providerId));
        QVERIFY2(fetched.ok, qPrintable(fetched.error.toString()));

        RotateRequest request;
        request.providerId = old.providerId;
        request.name = old.name;
        request.scopes = old.scopes;
        request.expiresAt = old.expiresAt;
        const ProviderOutcome created = runOperation60(dynatrace->rotate(request));
        QVERIFY2(created.ok, qPrintable(created.error.toString()));

        const ProviderOutcome verified
            = runOperation60(dynatrace->verifySecret(created.rotation.newProviderId, created.rotation.newSecret));
        QVERIFY2(verified.ok, qPrintable(verified.error.toString()));
        const ProviderOutcome revoked = runOperation60(dynatrace->revoke(old.providerId, 0));
        QVERIFY2(revoked.ok, qPrintable(revoked.error.toString()));
        const ProviderOutcome deleted = runOperation60(dynatrace->deleteToken(old.providerId));
        QVERIFY2(deleted.ok, qPrintable(deleted.error.toString()));
    }

    void errorAnswersConformToo()
    {
        const ProviderOutcome missing = runOperation60(provider()->getToken(u"dt0c01.NOSUCHTOKEN000000000000000"_s));
        QVERIFY(!missing.ok);
        QCOMPARE(missing.error.httpStatus, 404); // Prism passes the fake's valid 404 on
        QCOMPARE(missing.error.kind, ApiError::Kind::Provider);
    }

    // The check can fail: a request with a field the spec forbids is stopped by the proxy.
    void aWrongRequestFieldIsRejected()
    {
        ApiCall call("POST", QUrl(m_prism->baseUrl().toString() + u"/api/v2/apiTokens"_s),
            R"({"name": "x", "scopes": ["no.such.scope"]})"_ba);
        call.setHeader("Authorization", "Api-Token " + m_manager.exposeBytes());
        call.idempotent = false;
        ApiRequest *request = m_http->send(call);
        QSignalSpy finished(request, &ApiRequest::finished);
        QVERIFY(finished.wait(30000));
        const ApiResult result = finished.constFirst().constFirst().value<ApiResult>();
        QCOMPARE(result.httpStatus, 422);
        QVERIFY2(result.body.contains("scopes"), result.body.constData());
    }
};

QTEST_GUILESS_MAIN(TestDynatraceConformance)
#include "testdynatraceconformance.moc"
