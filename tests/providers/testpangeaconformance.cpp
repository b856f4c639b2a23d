// SPDX-License-Identifier: GPL-3.0-or-later
// Every request PangeaProvider sends and every answer FakePangea gives pass through Prism, loaded
// with Pangea's official Vault spec: a request that breaks the spec gets 422, an answer that breaks
// it 500, and either fails the provider call and so this test.
#include "fakepangea.h"
#include "http/apicall.h"
#include "http/apirequest.h"
#include "http/apiresult.h"
#include "http/httpclient.h"
#include "mockclock.h"
#include "pangea/pangeaprovider.h"
#include "prismproxy.h"
#include "provideroutcome.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

const SecretBytes adminToken("pts_admin0000000000000000000000000000");

// Prism adds a hop and validates both ways, so allow more time than the default.
ProviderOutcome runOperation60(ProviderOperation *operation)
{
    return runOperation(operation, 60000);
}

const RemoteVersion *findVersion(const RemoteToken &token, int number)
{
    const auto found = std::find_if(token.versions.cbegin(), token.versions.cend(),
        [number](const RemoteVersion &version) { return version.number == number; });
    return found == token.versions.cend() ? nullptr : &*found;
}

} // namespace

class TestPangeaConformance : public QObject
{
    Q_OBJECT

private:
    MockClock m_clock;
    QNetworkAccessManager m_network;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<FakePangea> m_fake;
    std::unique_ptr<PrismProxy> m_prism;
    QString m_aiGuard; // two versions, the older one destroyed long ago
    QString m_redact; // the item's own policy keeps a rotated-away token for a day
    QString m_legacyItem;

    std::unique_ptr<PangeaProvider> provider(const QUrl &base, const SecretBytes &credential = adminToken)
    {
        Account account;
        account.kind = ProviderKind::PangeaVault;
        account.baseUrl = base;
        return std::make_unique<PangeaProvider>(account, credential, m_http.get(), m_clock);
    }

    QString seedItem(const QString &name, int versions, const QString &gracePeriod = {})
    {
        PangeaTokenSeed seed;
        seed.name = name;
        seed.versions = versions;
        seed.rotationGracePeriod = gracePeriod;
        return m_fake->addTokenItem(seed);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_http = std::make_unique<HttpClient>(&m_network);
        m_fake = std::make_unique<FakePangea>(m_clock);
        QVERIFY(m_fake->listen());
        m_fake->addAdminToken(adminToken);
        m_aiGuard = seedItem(u"ai-guard"_s, 2);
        m_redact = seedItem(u"redact"_s, 1, u"1d"_s);
        m_legacyItem = seedItem(u"legacy"_s, 3);
        // Enough items that the listing needs a second page.
        for (int i = 0; i < PangeaProvider::ListPageSize; ++i)
            seedItem(u"filler-%1"_s.arg(i), 1);
        m_prism = std::make_unique<PrismProxy>();
        // The spec's paths are the full paths; its `servers` entries only matter to Prism when a
        // request names one, so the file is used as published.
        QVERIFY2(m_prism->start(PrismProxy::specsDirectory() + u"/pangea/vault.openapi.json"_s, m_fake->baseUrl()),
            qPrintable(m_prism->errorString()));
    }

    void cleanupTestCase()
    {
        m_prism.reset();
        m_fake.reset();
    }

    void everyExchangeOfTheV2RoutesConformsToTheSpec()
    {
        auto pangea = provider(m_prism->baseUrl());
        const ProviderOutcome connected = runOperation60(pangea->testConnection());
        QVERIFY2(connected.ok, qPrintable(connected.error.toString()));

        m_fake->clearRequests();
        const ProviderOutcome listed = runOperation60(pangea->listTokens());
        QVERIFY2(listed.ok, qPrintable(listed.error.toString()));
        QCOMPARE(listed.tokens.size(), PangeaProvider::ListPageSize + 3);
        QCOMPARE(m_fake->requests("POST", u"/v2/list"_s).size(), 2); // followed the `last` cursor

        const ProviderOutcome fetched = runOperation60(pangea->getToken(m_aiGuard));
        QVERIFY2(fetched.ok, qPrintable(fetched.error.toString()));
        QCOMPARE(fetched.tokens.size(), 1);
        QCOMPARE(fetched.tokens.constFirst().name, u"ai-guard"_s);
        QCOMPARE(fetched.tokens.constFirst().versions.size(), 2);

        RotationPolicy policy;
        policy.interval = PolicyDuration(30, PolicyDuration::Unit::Days);
        policy.gracePeriod = PolicyDuration(1, PolicyDuration::Unit::Days);
        policy.automatic = true;
        const ProviderOutcome updated = runOperation60(pangea->setPolicy(m_aiGuard, policy));
        QVERIFY2(updated.ok, qPrintable(updated.error.toString()));
        QCOMPARE(updated.tokens.constFirst().policy.interval, policy.interval);
        QCOMPARE(updated.tokens.constFirst().providerRotationState, u"deactivated"_s);

        const SecretBytes oldToken = m_fake->currentToken(m_aiGuard);
        RotateRequest request;
        request.providerId = m_aiGuard;
        request.gracePeriod = PolicyDuration(2, PolicyDuration::Unit::Hours);
        const ProviderOutcome rotated = runOperation60(pangea->rotate(request));
        QVERIFY2(rotated.ok, qPrintable(rotated.error.toString()));
        QCOMPARE(rotated.rotation.newProviderId, m_aiGuard);
        QCOMPARE(rotated.rotation.newVersion, 3);
        QVERIFY(rotated.rotation.newSecret.constantTimeEquals(m_fake->currentToken(m_aiGuard)));
        QCOMPARE(rotated.rotation.oldValidUntil, m_clock.nowUtc().addSecs(2 * 3600));

        const ProviderOutcome verified = runOperation60(pangea->verifySecret(m_aiGuard, rotated.rotation.newSecret));
        QVERIFY2(verified.ok, qPrintable(verified.error.toString()));

        // The policy left version 2 deactivated but still accepted: revoking ends that.
        QVERIFY(m_fake->isSecretValid(oldToken));
        const ProviderOutcome revoked = runOperation60(pangea->revoke(m_aiGuard, 2));
        QVERIFY2(revoked.ok, qPrintable(revoked.error.toString()));
        QVERIFY(!m_fake->isSecretValid(oldToken));
        QCOMPARE(findVersion(revoked.tokens.constFirst(), 2)->providerState, u"deactivated"_s);

        const ProviderOutcome manual = runOperation60(pangea->setPolicy(m_aiGuard, RotationPolicy()));
        QVERIFY2(manual.ok, qPrintable(manual.error.toString()));
        QVERIFY(!manual.tokens.constFirst().policy.automatic);
    }

    // A version Pangea destroyed at rotation but still accepts is revoked as "destroyed" again.
    void revokingAVersionInItsGracePeriodConformsToo()
    {
        auto pangea = provider(m_prism->baseUrl());
        RotateRequest request;
        request.providerId = m_redact;
        const SecretBytes oldToken = m_fake->currentToken(m_redact);
        const ProviderOutcome rotated = runOperation60(pangea->rotate(request));
        QVERIFY2(rotated.ok, qPrintable(rotated.error.toString()));
        QCOMPARE(rotated.rotation.newVersion, 2);

        const ProviderOutcome inGrace = runOperation60(pangea->getToken(m_redact));
        QVERIFY2(inGrace.ok, qPrintable(inGrace.error.toString()));
        QCOMPARE(findVersion(inGrace.tokens.constFirst(), 1)->state, VersionState::Grace);

        const ProviderOutcome revoked = runOperation60(pangea->revoke(m_redact, 1));
        QVERIFY2(revoked.ok, qPrintable(revoked.error.toString()));
        QVERIFY(!m_fake->isSecretValid(oldToken));
        QCOMPARE(m_fake->item(m_redact)->versions.constFirst().state, u"destroyed"_s);
    }

    // An old deployment without the v2 routes: a Prism holding only the spec's /v1 paths answers
    // 404 to /v2/get, so the provider falls back to /v1/get, which is then checked against the spec.
    void theLegacyReadConformsToo()
    {
        PrismProxy legacyPrism;
        const QString spec = legacyPrism.deriveSpec(
            PrismProxy::specsDirectory() + u"/pangea/vault.openapi.json"_s, QString(), {u"/v1/"_s});
        QVERIFY2(!spec.isEmpty(), qPrintable(legacyPrism.errorString()));
        QVERIFY2(legacyPrism.start(spec, m_fake->baseUrl()), qPrintable(legacyPrism.errorString()));

        auto pangea = provider(legacyPrism.baseUrl());
        const ProviderOutcome fetched = runOperation60(pangea->getToken(m_legacyItem));
        QVERIFY2(fetched.ok, qPrintable(fetched.error.toString()));
        QVERIFY(pangea->usesLegacyApi());
        QCOMPARE(fetched.tokens.constFirst().versions.size(), 3);

        const ProviderOutcome verified
            = runOperation60(pangea->verifySecret(m_legacyItem, m_fake->currentToken(m_legacyItem)));
        QVERIFY2(verified.ok, qPrintable(verified.error.toString()));
    }

    // The spec declares no error status that a real Pangea error fits (tests/data/specs/README.md);
    // Prism passes an undeclared 4xx on with a warning, and the provider maps Pangea's envelope.
    void errorAnswersPassTheProxy()
    {
        const ProviderOutcome refused = runOperation60(
            provider(m_prism->baseUrl(), SecretBytes("pts_wrong0000000000000000000000000000"))->testConnection());
        QVERIFY(!refused.ok);
        QCOMPARE(refused.error.httpStatus, 401);
        QCOMPARE(refused.error.kind, ApiError::Kind::Provider);
        QCOMPARE(refused.error.providerCode, u"Unauthorized"_s);
    }

    // The check can fail: a request with a value the spec forbids is stopped by the proxy.
    void aWrongRequestFieldIsRejected()
    {
        ApiCall call("POST", QUrl(m_prism->baseUrl().toString() + u"/v2/state/change"_s),
            R"({"id": ")" + m_aiGuard.toLatin1() + R"(", "state": "revoked"})"_ba);
        call.setHeader("Authorization", "Bearer " + adminToken.exposeBytes());
        call.idempotent = false;
        ApiRequest *request = m_http->send(call);
        QSignalSpy finished(request, &ApiRequest::finished);
        QVERIFY(finished.wait(30000));
        const ApiResult result = finished.constFirst().constFirst().value<ApiResult>();
        QCOMPARE(result.httpStatus, 422);
        QVERIFY2(result.body.contains("\"state\""), result.body.constData());
    }
};

QTEST_GUILESS_MAIN(TestPangeaConformance)
#include "testpangeaconformance.moc"
