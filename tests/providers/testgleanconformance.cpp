// SPDX-License-Identifier: GPL-3.0-or-later
// Every request GleanProvider sends and every answer the fake gives pass through Prism, loaded with
// Glean's official indexing API spec: a request that breaks the spec gets 422, an answer that breaks
// it 500, and either fails the provider call and so this test.
#include "fakeglean.h"
#include "glean/gleanprovider.h"
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

const QString RotatePath = u"/api/index/v1/rotatetoken"_s;
const QString CheckPath = u"/api/index/v1/getdatasourceconfig"_s;

// Prism adds a hop and validates both ways, so allow more time than the default.
ProviderOutcome runOperation60(ProviderOperation *operation)
{
    return runOperation(operation, 60000);
}

} // namespace

class TestGleanConformance : public QObject
{
    Q_OBJECT

private:
    MockClock m_clock;
    QNetworkAccessManager m_network;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<FakeGlean> m_fake;
    std::unique_ptr<PrismProxy> m_prism;
    SecretBytes m_account; // the account credential, used only by testConnection()

    std::unique_ptr<GleanProvider> provider(const SecretBytes &credential)
    {
        Account account;
        account.kind = ProviderKind::Glean;
        account.baseUrl = m_prism->baseUrl();
        return std::make_unique<GleanProvider>(account, credential, m_http.get(), m_clock);
    }

    SecretBytes addToken(const QString &name, QString *tokenId = nullptr)
    {
        GleanTokenSeed seed;
        seed.name = name;
        seed.rotationPeriodMinutes = 1440;
        return m_fake->addToken(seed, tokenId);
    }

    static RotateRequest rotation(const SecretBytes &secret)
    {
        RotateRequest request;
        request.providerId = u"wiki-connector"_s;
        request.currentSecret = secret;
        return request;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_http = std::make_unique<HttpClient>(&m_network);
        m_fake = std::make_unique<FakeGlean>(m_clock);
        QVERIFY(m_fake->listen());
        m_account = addToken(u"tokendesk-account"_s);
        m_prism = std::make_unique<PrismProxy>();
        // Used as published: Prism reads the YAML itself, the paths carry their full /api/index/v1
        // prefix, and the `servers` entry does not stop Prism from serving on loopback.
        QVERIFY2(m_prism->start(PrismProxy::specsDirectory() + u"/glean/indexing.yaml"_s, m_fake->baseUrl()),
            qPrintable(m_prism->errorString()));
    }

    void cleanupTestCase()
    {
        m_prism.reset();
        m_fake.reset();
    }

    void everyExchangeOfARotationConformsToTheSpec()
    {
        QString tokenId;
        const SecretBytes old = addToken(u"wiki-connector"_s, &tokenId);
        const ProviderOutcome connected = runOperation60(provider(m_account)->testConnection());
        QVERIFY2(connected.ok, qPrintable(connected.error.toString()));

        auto glean = provider(m_account);
        const QDateTime now = m_clock.nowUtc();
        const ProviderOutcome rotated = runOperation60(glean->rotate(rotation(old)));
        QVERIFY2(rotated.ok, qPrintable(rotated.error.toString()));
        const QList<RecordedRequest> sent = m_fake->requests("POST", RotatePath);
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.constFirst().request.header("Authorization"), "Bearer " + old.exposeBytes());
        const RotationResult &result = rotated.rotation;
        QVERIFY(!result.newSecret.isEmpty());
        QVERIFY(!result.newSecret.constantTimeEquals(old));
        QCOMPARE(m_fake->tokenForSecret(result.newSecret)->id, tokenId);
        QCOMPARE(result.rotationPeriodMinutes, 1440);
        QCOMPARE(result.createdAt, now);
        QCOMPARE(result.expiresAt, now.addSecs(1440 * 60));

        const ProviderOutcome verified = runOperation60(glean->verifySecret(u"wiki-connector"_s, result.newSecret));
        QVERIFY2(verified.ok, qPrintable(verified.error.toString()));
        QCOMPARE(m_fake->requests("POST", CheckPath).constLast().request.header("Authorization"),
            "Bearer " + result.newSecret.exposeBytes());
    }

    // The check above ends in Glean's 400 for an unknown datasource; this one gets the 200 answer,
    // whose body the spec describes in full.
    void aKnownDatasourceAnswerConformsToo()
    {
        m_fake->addDatasource(QString::fromLatin1(GleanProvider::ProbeDatasource), u"Credential check"_s);
        const ProviderOutcome connected = runOperation60(provider(m_account)->testConnection());
        QVERIFY2(connected.ok, qPrintable(connected.error.toString()));
    }

    void errorAnswersConformToo()
    {
        QString tokenId;
        const SecretBytes revoked = addToken(u"revoked"_s, &tokenId);
        m_fake->revokeToken(tokenId);
        // 401 is declared for both calls; Prism passes the fake's answer on.
        const ProviderOutcome rotated = runOperation60(provider(m_account)->rotate(rotation(revoked)));
        QVERIFY(!rotated.ok);
        QCOMPARE(rotated.error.kind, ApiError::Kind::Http);
        QCOMPARE(rotated.error.httpStatus, 401);
        QVERIFY(!rotated.error.retryable);
        QVERIFY2(rotated.error.message.contains(u"not valid"_s), qPrintable(rotated.error.message));
        const ProviderOutcome checked = runOperation60(provider(revoked)->testConnection());
        QVERIFY(!checked.ok);
        QCOMPARE(checked.error.kind, ApiError::Kind::Http);
        QCOMPARE(checked.error.httpStatus, 401);
    }

    // The check can fail: a request with a field the spec forbids is stopped by the proxy.
    void aWrongRequestFieldIsRejected()
    {
        ApiCall call("POST", QUrl(m_prism->baseUrl().toString() + CheckPath), R"({"datasource": 42})"_ba);
        call.setHeader("Authorization", "Bearer " + m_account.exposeBytes());
        ApiRequest *request = m_http->send(call);
        QSignalSpy finished(request, &ApiRequest::finished);
        QVERIFY(finished.wait(30000));
        const ApiResult result = finished.constFirst().constFirst().value<ApiResult>();
        QCOMPARE(result.httpStatus, 422);
        QVERIFY2(result.body.contains("datasource"), result.body.constData());
    }
};

QTEST_GUILESS_MAIN(TestGleanConformance)
#include "testgleanconformance.moc"
