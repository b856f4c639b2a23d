// SPDX-License-Identifier: GPL-3.0-or-later
// Every request PiianoProvider sends and every answer FakePiiano gives pass through Prism, loaded
// with Piiano Vault's official spec: a request that breaks the spec gets 422, an answer that breaks
// it 500, and either fails the provider call and so this test.
#include "fakepiiano.h"
#include "http/apicall.h"
#include "http/apirequest.h"
#include "http/apiresult.h"
#include "http/httpclient.h"
#include "mockclock.h"
#include "piiano/piianoprovider.h"
#include "prismproxy.h"
#include "provideroutcome.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString Collection = u"customers"_s;
const SecretBytes apiKey("pvaultauth-tokendesk-admin");
const SecretBytes readOnlyKey("pvaultauth-tokendesk-reader");

// Prism adds a hop and validates both ways, so allow more time than the default.
ProviderOutcome runOperation60(ProviderOperation *operation)
{
    return runOperation(operation, 60000);
}

QStringList idsOf(const QList<RemoteToken> &tokens)
{
    QStringList ids;
    for (const RemoteToken &token : tokens)
        ids.append(token.providerId);
    ids.sort();
    return ids;
}

} // namespace

class TestPiianoConformance : public QObject
{
    Q_OBJECT

private:
    MockClock m_clock;
    QNetworkAccessManager m_network;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<FakePiiano> m_fake;
    std::unique_ptr<PrismProxy> m_prism;
    QStringList m_payments; // the tokens tagged "payments", which the account manages

    std::unique_ptr<PiianoProvider> provider(const SecretBytes &key = apiKey)
    {
        QUrl base = m_prism->baseUrl();
        base.setQuery(u"collection=customers&tag=payments"_s);
        Account account;
        account.kind = ProviderKind::PiianoVault;
        account.baseUrl = base;
        return std::make_unique<PiianoProvider>(account, key, m_http.get(), m_clock);
    }

    QString seed(const QStringList &tags, const QDateTime &expiration = {})
    {
        PiianoTokenSeed token;
        token.fields = QJsonObject {{u"value"_s, u"4111111111111111"_s}};
        token.tags = tags;
        token.expirationTime = expiration;
        return m_fake->addToken(Collection, token);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_http = std::make_unique<HttpClient>(&m_network);
        m_fake = std::make_unique<FakePiiano>(m_clock);
        QVERIFY(m_fake->listen());
        m_fake->addApiKey(apiKey, u"tokendesk"_s);
        PiianoRole reader;
        reader.tokensWriter = false;
        m_fake->addApiKey(readOnlyKey, u"auditor"_s, reader);
        m_fake->addCollection(Collection);
        // One with an expiry, so that both the null and the dated expiration fields are checked.
        m_payments << seed({u"payments"_s}) << seed({u"payments"_s, u"sepa"_s})
                   << seed({u"payments"_s}, m_clock.nowUtc().addDays(90));
        seed({u"marketing"_s});
        m_prism = std::make_unique<PrismProxy>();
        // The spec's paths are the full /api/pvlt/1.0 paths; its `servers` entry only matters to
        // Prism when a request names one, so the file is used as published.
        QVERIFY2(m_prism->start(PrismProxy::specsDirectory() + u"/piiano/openapi.json"_s, m_fake->baseUrl()),
            qPrintable(m_prism->errorString()));
    }

    void cleanupTestCase()
    {
        m_prism.reset();
        m_fake.reset();
    }

    void everyExchangeOfARotationConformsToTheSpec()
    {
        auto piiano = provider();
        const ProviderOutcome connected = runOperation60(piiano->testConnection());
        QVERIFY2(connected.ok, qPrintable(connected.error.toString()));

        const ProviderOutcome listed = runOperation60(piiano->listTokens());
        QVERIFY2(listed.ok, qPrintable(listed.error.toString()));
        QStringList expected = m_payments;
        expected.sort();
        QCOMPARE(idsOf(listed.tokens), expected);
        QCOMPARE(listed.tokens.constFirst().scopes, QStringList {u"default"_s});

        // Two ids with a reason from the list, then one with "Other" and its ad-hoc reason.
        RotateRequest pair;
        pair.providerId = m_payments.at(0);
        pair.tokenIds = {m_payments.at(0), m_payments.at(1)};
        pair.accessReason = u"Maintenance"_s;
        const ProviderOutcome rotated = runOperation60(piiano->rotate(pair));
        QVERIFY2(rotated.ok, qPrintable(rotated.error.toString()));
        QCOMPARE(rotated.rotation.replacedIds.size(), 2);
        QCOMPARE(rotated.rotation.newProviderId, rotated.rotation.replacedIds.value(m_payments.at(0)));
        for (const QString &oldId : pair.tokenIds) {
            const QString newId = rotated.rotation.replacedIds.value(oldId);
            QVERIFY(!newId.isEmpty() && newId != oldId);
            QVERIFY(m_fake->hasToken(Collection, newId));
            QVERIFY(!m_fake->hasToken(Collection, oldId));
        }

        RotateRequest single;
        single.providerId = m_payments.at(2);
        single.accessReason = u"Other"_s;
        const ProviderOutcome other = runOperation60(piiano->rotate(single));
        QVERIFY2(other.ok, qPrintable(other.error.toString()));
        QCOMPARE(other.rotation.replacedIds.size(), 1);
        QVERIFY(m_fake->hasToken(Collection, other.rotation.newProviderId));

        const ProviderOutcome relisted = runOperation60(piiano->listTokens());
        QVERIFY2(relisted.ok, qPrintable(relisted.error.toString()));
        QStringList renewed = {rotated.rotation.replacedIds.value(m_payments.at(0)),
            rotated.rotation.replacedIds.value(m_payments.at(1)), other.rotation.newProviderId};
        renewed.sort();
        QCOMPARE(idsOf(relisted.tokens), renewed);
        m_payments = renewed;
    }

    // Each of these statuses is declared with Piiano's error schema, which the fake's body must fit.
    void errorAnswersConformToo()
    {
        RotateRequest unknown;
        unknown.providerId = u"7e57a11d-0000-4000-8000-000000000000"_s;
        const ProviderOutcome missing = runOperation60(provider()->rotate(unknown));
        QVERIFY(!missing.ok);
        QCOMPARE(missing.error.httpStatus, 404);
        QCOMPARE(missing.error.kind, ApiError::Kind::Provider);
        QCOMPARE(missing.error.providerCode, u"PV3087"_s);

        const ProviderOutcome unauthorized
            = runOperation60(provider(SecretBytes("pvaultauth-no-such-key"))->testConnection());
        QVERIFY(!unauthorized.ok);
        QCOMPARE(unauthorized.error.httpStatus, 401);
        QCOMPARE(unauthorized.error.providerCode, u"PV1005"_s);

        RotateRequest forbidden;
        forbidden.providerId = m_payments.constFirst();
        const ProviderOutcome refused = runOperation60(provider(readOnlyKey)->rotate(forbidden));
        QVERIFY(!refused.ok);
        QCOMPARE(refused.error.httpStatus, 403);
        QCOMPARE(refused.error.providerCode, u"PV1007"_s);
        QVERIFY(m_fake->hasToken(Collection, m_payments.constFirst()));
    }

    // The check can fail: a request with a value the spec forbids is stopped by the proxy.
    void aWrongRequestFieldIsRejected()
    {
        QUrl url(m_prism->baseUrl().toString() + u"/api/pvlt/1.0/data/collections/customers/rotate/tokens"_s);
        url.setQuery(u"token_ids="_s + m_payments.constFirst() + u"&reason=Curiosity"_s);
        ApiCall call("POST", url);
        call.setHeader("Authorization", "Bearer " + apiKey.exposeBytes());
        call.idempotent = false;
        ApiRequest *request = m_http->send(call);
        QSignalSpy finished(request, &ApiRequest::finished);
        QVERIFY(finished.wait(30000));
        const ApiResult result = finished.constFirst().constFirst().value<ApiResult>();
        QCOMPARE(result.httpStatus, 422);
        QVERIFY2(result.body.contains("reason"), result.body.constData());
        QVERIFY(m_fake->hasToken(Collection, m_payments.constFirst())); // never reached the fake
    }
};

QTEST_GUILESS_MAIN(TestPiianoConformance)
#include "testpiianoconformance.moc"
