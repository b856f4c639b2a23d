// SPDX-License-Identifier: GPL-3.0-or-later
// PiianoProvider against the stateful fake Piiano Vault (real sockets, real wire format).
#include "fakepiiano.h"
#include "http/httpclient.h"
#include "mockclock.h"
#include "piiano/piianoprovider.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace {

// Runs one operation to its end; tests may wait, production code never does.
struct Outcome
{
    bool ok = false;
    ApiError error;
    QList<RemoteToken> tokens;
    RotationResult rotation;
    bool finishedOnce = false;
};

Outcome run(ProviderOperation *operation)
{
    Outcome outcome;
    int finishedCount = 0;
    QObject::connect(operation, &ProviderOperation::finished, [&](ProviderOperation *done) {
        ++finishedCount;
        outcome.ok = done->ok();
        outcome.error = done->error();
        outcome.tokens = done->tokens();
        outcome.rotation = done->rotation();
    });
    if (!QTest::qWaitFor([&] { return finishedCount > 0; }, 30000))
        outcome.error.message = u"operation did not finish within 30 s"_s;
    QTest::qWait(20);
    outcome.finishedOnce = finishedCount == 1;
    return outcome;
}

const QString Collection = u"customers"_s;
const QString RotatePath = u"/api/pvlt/1.0/data/collections/customers/rotate/tokens"_s;
const QString QueryPath = u"/api/pvlt/1.0/data/collections/customers/query/tokens"_s;
const QString UnknownId = u"7e57a11d-0000-4000-8000-000000000000"_s;

} // namespace

class TestPiianoProvider : public QObject
{
    Q_OBJECT

private:
    MockClock m_clock;
    QNetworkAccessManager m_network;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<FakePiiano> m_fake;
    SecretBytes m_apiKey = SecretBytes::fromUtf8(u"pvaultauth-tokendesk-admin"_s);
    QString m_card; // tagged "payments"
    QString m_iban; // tagged "payments"
    QString m_email; // tagged "marketing"

    QUrl baseUrl(const QString &query) const
    {
        QUrl url = m_fake->baseUrl();
        url.setQuery(query);
        return url;
    }

    std::unique_ptr<PiianoProvider> provider(
        const SecretBytes &key, const QString &query = u"collection=customers&tag=payments"_s)
    {
        Account account;
        account.kind = ProviderKind::PiianoVault;
        account.displayName = u"Fake Piiano"_s;
        account.baseUrl = baseUrl(query);
        return std::make_unique<PiianoProvider>(account, key, m_http.get(), m_clock);
    }

    QString seed(const QStringList &tags)
    {
        PiianoTokenSeed token;
        token.fields = QJsonObject {{u"value"_s, u"4111111111111111"_s}};
        token.tags = tags;
        return m_fake->addToken(Collection, token);
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_http = std::make_unique<HttpClient>(&m_network);
        // Short, fixed back-off: the tests check what is retried, not how long the waits are.
        m_http->setRetryPolicy(
            RetryPolicy([] { return 0.5; }, std::chrono::milliseconds(20), std::chrono::milliseconds(100)));
        m_fake = std::make_unique<FakePiiano>(m_clock);
        QVERIFY(m_fake->listen());
        m_fake->addApiKey(m_apiKey, u"tokendesk"_s);
        m_fake->addCollection(Collection);
        m_card = seed({u"payments"_s});
        m_iban = seed({u"payments"_s, u"sepa"_s});
        m_email = seed({u"marketing"_s});
    }

    void cleanup()
    {
        m_fake.reset();
        m_http.reset();
    }

    void capabilitiesAreHonest()
    {
        const ProviderCapabilities caps = provider(m_apiKey)->capabilities();
        QVERIFY(caps.listTokens);
        QVERIFY(caps.rotate);
        QVERIFY(caps.replacesIds);
        QVERIFY(!caps.revoke);
        QVERIFY(!caps.deleteToken);
        QVERIFY(!caps.create);
        QCOMPARE(caps.fixedGracePeriod, std::optional<std::chrono::seconds>(std::chrono::seconds(0)));
        QVERIFY(caps.limitations.size() >= 3);

        const ProviderCapabilities untagged = provider(m_apiKey, u"collection=customers"_s)->capabilities();
        QVERIFY(!untagged.listTokens);
        QVERIFY(untagged.rotate);
        QCOMPARE(untagged.limitations.size(), caps.limitations.size() + 1);
    }

    void badBaseUrlIsRefusedBeforeSending_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("named");
        QTest::newRow("no collection") << u"tag=payments"_s << u"collection"_s;
        QTest::newRow("starts with a digit") << u"collection=1customers"_s << u"1customers"_s;
        QTest::newRow("dash") << u"collection=my-customers"_s << u"my-customers"_s;
        QTest::newRow("41 characters") << (u"collection=c"_s + QString(40, u'x')) << u"40"_s;
    }

    void badBaseUrlIsRefusedBeforeSending()
    {
        QFETCH(QString, query);
        QFETCH(QString, named);
        auto piiano = provider(m_apiKey, query);
        QVERIFY(!piiano->configurationError().isEmpty());
        QVERIFY(!piiano->capabilities().rotate);
        QVERIFY(!piiano->capabilities().listTokens);
        m_fake->clearRequests();
        const Outcome tested = run(piiano->testConnection());
        QCOMPARE(tested.error.kind, ApiError::Kind::Refused);
        QVERIFY2(tested.error.message.contains(named), qPrintable(tested.error.message));
        RotateRequest request;
        request.providerId = m_card;
        QCOMPARE(run(piiano->rotate(request)).error.kind, ApiError::Kind::Refused);
        QCOMPARE(m_fake->requests().size(), 0);
    }

    void testConnectionProvesTheKey()
    {
        m_fake->clearRequests();
        const Outcome good = run(provider(m_apiKey)->testConnection());
        QVERIFY2(good.ok, qPrintable(good.error.toString()));
        QVERIFY(good.finishedOnce);
        QVERIFY(good.tokens.isEmpty());
        // An authenticated data call: the health routes would accept any key.
        const QList<RecordedRequest> sent = m_fake->requests("POST", QueryPath);
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.constFirst().request.authorization("Bearer"), m_apiKey.exposeBytes());
        QCOMPARE(sent.constFirst().request.queryValue(u"reason"_s), u"Maintenance"_s);
        QVERIFY(!sent.constFirst().request.hasQueryItem(u"collection"_s)); // TokenDesk's own settings stay home

        const Outcome bad = run(provider(SecretBytes::fromUtf8(u"pvaultauth-wrong"_s))->testConnection());
        QVERIFY(!bad.ok);
        QCOMPARE(bad.error.httpStatus, 401);
        QCOMPARE(bad.error.kind, ApiError::Kind::Provider);
        QCOMPARE(bad.error.providerCode, u"PV1005"_s);

        const Outcome noCollection = run(provider(m_apiKey, u"collection=nosuch"_s)->testConnection());
        QCOMPARE(noCollection.error.httpStatus, 404);
    }

    void listsTheTaggedTokens()
    {
        m_fake->clearRequests();
        const Outcome listed = run(provider(m_apiKey)->listTokens());
        QVERIFY2(listed.ok, qPrintable(listed.error.toString()));
        QStringList ids;
        for (const RemoteToken &token : listed.tokens)
            ids << token.providerId;
        ids.sort();
        QStringList expected {m_card, m_iban};
        expected.sort();
        QCOMPARE(ids, expected);
        QCOMPARE(listed.tokens.constFirst().scopes, QStringList {u"default"_s});
        QCOMPARE(listed.tokens.constFirst().createdAt, m_clock.nowUtc().addDays(-7));
        const QJsonObject body
            = QJsonDocument::fromJson(m_fake->requests("POST", QueryPath).constFirst().request.body).object();
        QCOMPARE(body.value(u"tags"_s).toArray(), QJsonArray {u"payments"_s});

        const Outcome two = run(provider(m_apiKey, u"collection=customers&tag=payments&tag=marketing"_s)->listTokens());
        QCOMPARE(two.tokens.size(), 3);

        m_fake->clearRequests();
        const Outcome untagged = run(provider(m_apiKey, u"collection=customers"_s)->listTokens());
        QCOMPARE(untagged.error.kind, ApiError::Kind::Refused);
        QCOMPARE(m_fake->requests().size(), 0);
    }

    void rotateMapsEveryIdAndTheFakeReplacesThem()
    {
        m_fake->clearRequests();
        RotateRequest request;
        request.providerId = m_card;
        request.tokenIds = {m_card, m_iban, m_card};
        request.accessReason = u"AccountManagement"_s;
        const Outcome rotated = run(provider(m_apiKey)->rotate(request));
        QVERIFY2(rotated.ok, qPrintable(rotated.error.toString()));
        QVERIFY(rotated.finishedOnce);
        const QHash<QString, QString> &mapping = rotated.rotation.replacedIds;
        QCOMPARE(mapping.size(), 2);
        QVERIFY(rotated.rotation.newSecret.isEmpty());
        QCOMPARE(rotated.rotation.newProviderId, mapping.value(m_card));
        QCOMPARE(rotated.rotation.createdAt, m_clock.nowUtc());
        for (const QString &old : {m_card, m_iban}) {
            QVERIFY(!m_fake->hasToken(Collection, old));
            QVERIFY(m_fake->hasToken(Collection, mapping.value(old)));
            QCOMPARE(m_fake->token(Collection, mapping.value(old))->rotatedFrom, old);
        }
        QVERIFY(m_fake->hasToken(Collection, m_email));

        const QList<RecordedRequest> sent = m_fake->requests("POST", RotatePath);
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.constFirst().request.query.queryItemValue(u"token_ids"_s), m_card + u',' + m_iban);
        QCOMPARE(sent.constFirst().request.queryValue(u"reason"_s), u"AccountManagement"_s);
        QVERIFY(sent.constFirst().request.body.isEmpty());
    }

    void rotateWithReasonOtherSendsAnAdhocReason()
    {
        RotateRequest request;
        request.providerId = m_card;
        request.accessReason = u"Other"_s;
        const Outcome rotated = run(provider(m_apiKey)->rotate(request));
        QVERIFY2(rotated.ok, qPrintable(rotated.error.toString()));
        QCOMPARE(rotated.rotation.replacedIds.size(), 1);
        QVERIFY(!m_fake->requests("POST", RotatePath).constFirst().request.queryValue(u"adhoc_reason"_s).isEmpty());
    }

    void unknownIdFailsTheWholeCall()
    {
        RotateRequest request;
        request.providerId = m_card;
        request.tokenIds = {m_card, UnknownId, m_iban};
        const Outcome rotated = run(provider(m_apiKey)->rotate(request));
        QVERIFY(!rotated.ok);
        QCOMPARE(rotated.error.kind, ApiError::Kind::Provider);
        QCOMPARE(rotated.error.httpStatus, 404);
        QCOMPARE(rotated.error.providerCode, u"PV3087"_s);
        QVERIFY2(rotated.error.message.contains(UnknownId), qPrintable(rotated.error.message));
        QVERIFY(rotated.rotation.replacedIds.isEmpty());
        QVERIFY(m_fake->hasToken(Collection, m_card));
        QVERIFY(m_fake->hasToken(Collection, m_iban));
        QCOMPARE(m_fake->tokenCount(Collection), 3);
        QCOMPARE(m_fake->orphanCount(), 0);
    }

    void missingReasonIsPiianosPV1001()
    {
        RotateRequest request;
        request.providerId = m_card;
        request.accessReason.clear();
        m_fake->clearRequests();
        const Outcome rotated = run(provider(m_apiKey)->rotate(request));
        QVERIFY(!rotated.ok);
        QCOMPARE(rotated.error.httpStatus, 400);
        QCOMPARE(rotated.error.providerCode, u"PV1001"_s);
        QVERIFY(!m_fake->requests("POST", RotatePath).constFirst().request.hasQueryItem(u"reason"_s));
        QVERIFY(m_fake->hasToken(Collection, m_card));

        // A server that does not force reasons applies its default.
        m_fake->setForceAccessReason(false);
        QVERIFY(run(provider(m_apiKey)->rotate(request)).ok);
        QVERIFY(!m_fake->hasToken(Collection, m_card));
    }

    void badKeyIsUnauthorized()
    {
        const SecretBytes wrong = SecretBytes::fromUtf8(u"pvaultauth-wrong"_s);
        RotateRequest request;
        request.providerId = m_card;
        const Outcome rotated = run(provider(wrong)->rotate(request));
        QCOMPARE(rotated.error.httpStatus, 401);
        QCOMPARE(rotated.error.providerCode, u"PV1005"_s);
        QVERIFY(m_fake->hasToken(Collection, m_card));
        const Outcome listed = run(provider(wrong)->listTokens());
        QCOMPARE(listed.error.httpStatus, 401);
    }

    void rotateRefusesIdsItCannotSend()
    {
        m_fake->clearRequests();
        RotateRequest comma;
        comma.tokenIds = {m_card + u',' + m_iban};
        QCOMPARE(run(provider(m_apiKey)->rotate(comma)).error.kind, ApiError::Kind::Refused);
        RotateRequest none;
        QCOMPARE(run(provider(m_apiKey)->rotate(none)).error.kind, ApiError::Kind::Refused);
        RotateRequest many;
        for (int i = 0; i <= PiianoProvider::MaxIdsPerRotation; ++i)
            many.tokenIds << u"id-%1"_s.arg(i);
        QCOMPARE(run(provider(m_apiKey)->rotate(many)).error.kind, ApiError::Kind::Refused);
        QCOMPARE(m_fake->requests().size(), 0);
    }

    void serverErrorOnRotateIsNotRetried_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("500") << 500;
        QTest::newRow("503") << 503; // PV1009, which a read could retry
    }

    void serverErrorOnRotateIsNotRetried()
    {
        QFETCH(int, status);
        FaultPlan fails;
        fails.serverErrorCount = 1;
        fails.serverErrorStatus = status;
        m_fake->setFaultPlan(u"POST "_s + RotatePath, fails);
        m_fake->clearRequests();
        RotateRequest request;
        request.providerId = m_card;
        const Outcome rotated = run(provider(m_apiKey)->rotate(request));
        QVERIFY(!rotated.ok);
        QCOMPARE(rotated.error.httpStatus, status);
        QVERIFY(!rotated.error.retryable);
        QCOMPARE(m_fake->requests("POST", RotatePath).size(), 1);
        QVERIFY(m_fake->hasToken(Collection, m_card));
    }

    void lostRotateAnswerIsNotRepeated()
    {
        // The rotation took effect but its answer was cut off: repeating it would retire the new
        // ids as well. Reported, sent once; the fake shows the id nobody learned.
        FaultPlan reset;
        reset.resetCount = 1;
        m_fake->setFaultPlan(u"POST "_s + RotatePath, reset);
        m_fake->clearRequests();
        RotateRequest request;
        request.providerId = m_card;
        const Outcome rotated = run(provider(m_apiKey)->rotate(request));
        QVERIFY(!rotated.ok);
        QVERIFY(!rotated.error.retryable);
        QCOMPARE(m_fake->requests("POST", RotatePath).size(), 1);
        QCOMPARE(m_fake->orphanCount(), 1);
    }

    void throttledReadHonoursRetryAfter()
    {
        FaultPlan throttled;
        throttled.throttleCount = 1;
        throttled.retryAfterSeconds = 1;
        m_fake->setFaultPlan(u"POST "_s + QueryPath, throttled);
        m_fake->clearRequests();
        QElapsedTimer timer;
        timer.start();
        const Outcome listed = run(provider(m_apiKey)->listTokens());
        QVERIFY2(listed.ok, qPrintable(listed.error.toString()));
        QCOMPARE(listed.tokens.size(), 2);
        QVERIFY(timer.elapsed() >= 900); // the back-off alone would be 20 ms
        const QList<RecordedRequest> sent = m_fake->requests("POST", QueryPath);
        QCOMPARE(sent.size(), 2);
        QVERIFY(sent.at(1).elapsedMs - sent.at(0).elapsedMs >= 900);
    }

    void malformedAnswerIsASpecificError()
    {
        FaultPlan broken;
        broken.malformedCount = 1;
        m_fake->setFaultPlan(u"POST "_s + QueryPath, broken);
        const Outcome listed = run(provider(m_apiKey)->listTokens());
        QVERIFY(!listed.ok);
        QCOMPARE(listed.error.kind, ApiError::Kind::Malformed);
        QVERIFY(listed.finishedOnce);
    }
};

QTEST_GUILESS_MAIN(TestPiianoProvider)
#include "testpiianoprovider.moc"
