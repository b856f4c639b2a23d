// SPDX-License-Identifier: GPL-3.0-or-later
// PangeaProvider against the stateful fake Pangea Vault (real sockets, real wire format); time comes
// from a MockClock, so grace periods pass without sleeping.
#include "fakepangea.h"
#include "http/httpclient.h"
#include "mockclock.h"
#include "pangea/pangeaprovider.h"
#include "provideroutcome.h"
#include "scriptedserver.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const SecretBytes adminToken("pts_admin0000000000000000000000000000");

QByteArray bodyOf(const RecordedRequest &entry)
{
    return entry.request.body;
}

// {"id":"<id>"<rest>}, the compact JSON PangeaRequests writes (keys in order).
QByteArray withId(const QString &id, const QByteArray &rest)
{
    return "{\"id\":\"" + id.toLatin1() + '"' + rest + '}';
}

} // namespace

class TestPangeaProvider : public QObject
{
    Q_OBJECT

private:
    MockClock m_clock;
    QNetworkAccessManager m_network;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<FakePangea> m_fake;

    std::unique_ptr<PangeaProvider> provider(const SecretBytes &credential = adminToken, const QUrl &base = {})
    {
        Account account;
        account.kind = ProviderKind::PangeaVault;
        account.displayName = u"Fake Pangea"_s;
        account.baseUrl = base.isEmpty() ? m_fake->baseUrl() : base;
        auto pangea = std::make_unique<PangeaProvider>(account, credential, m_http.get(), m_clock);
        pangea->setPollSchedule(std::chrono::milliseconds(10), 5);
        return pangea;
    }

    QString seedItem(int versions = 1, const QString &name = u"ai-guard"_s)
    {
        PangeaTokenSeed seed;
        seed.name = name;
        seed.versions = versions;
        return m_fake->addTokenItem(seed);
    }

    QList<RecordedRequest> polls() const
    {
        QList<RecordedRequest> found;
        for (const RecordedRequest &entry : m_fake->requests()) {
            if (entry.request.method == "GET" && entry.request.path.startsWith(u"/request/"_s))
                found << entry;
        }
        return found;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_clock.set(QDateTime(QDate(2026, 1, 31), QTime(12, 0), QTimeZone::utc()));
        m_http = std::make_unique<HttpClient>(&m_network);
        m_http->setRetryPolicy(RetryPolicy([] { return 0.5; }, std::chrono::milliseconds(20)));
        m_fake = std::make_unique<FakePangea>(m_clock);
        QVERIFY(m_fake->listen());
        m_fake->addAdminToken(adminToken);
    }

    void cleanup()
    {
        m_fake.reset();
        m_http.reset();
    }

    void capabilitiesAreHonest()
    {
        const ProviderCapabilities caps = provider()->capabilities();
        QVERIFY(caps.listTokens && caps.listVersions && caps.rotate && caps.revoke && caps.setPolicy);
        QVERIFY(caps.rotationIsServerSide);
        QVERIFY(!caps.create && !caps.deleteToken && !caps.lookupBySecret && !caps.replacesIds);
        QVERIFY(!caps.fixedGracePeriod.has_value());
        QVERIFY(caps.limitations.first().contains(u"own schedule"_s));
    }

    void testConnectionNeedsAKnownToken()
    {
        const ProviderOutcome good = runOperation(provider()->testConnection());
        QVERIFY2(good.ok, qPrintable(good.error.toString()));
        const QList<RecordedRequest> lists = m_fake->requests("POST", u"/v2/list"_s);
        QCOMPARE(lists.size(), 1);
        QCOMPARE(lists.first().request.header("Authorization"), "Bearer " + adminToken.exposeBytes());
        QCOMPARE(QJsonDocument::fromJson(bodyOf(lists.first())).object().value(u"size"_s).toInt(), 1);

        const ProviderOutcome bad
            = runOperation(provider(SecretBytes("pts_unknown00000000000000000000000000"))->testConnection());
        QVERIFY(!bad.ok);
        QCOMPARE(bad.error.kind, ApiError::Kind::Provider);
        QCOMPARE(bad.error.httpStatus, 401);
        QCOMPARE(bad.error.providerCode, u"Unauthorized"_s);
        QVERIFY(!bad.error.requestId.isEmpty());
    }

    void listsEveryPage()
    {
        QStringList ids;
        for (int i = 0; i < 2 * PangeaProvider::ListPageSize + 7; ++i)
            ids << seedItem(1, u"token-%1"_s.arg(i));
        const ProviderOutcome listed = runOperation(provider()->listTokens());
        QVERIFY2(listed.ok, qPrintable(listed.error.toString()));
        QStringList listedIds;
        for (const RemoteToken &token : listed.tokens)
            listedIds << token.providerId;
        ids.sort();
        listedIds.sort();
        QCOMPARE(listedIds, ids);
        const QList<RecordedRequest> pages = m_fake->requests("POST", u"/v2/list"_s);
        QCOMPARE(pages.size(), 3);
        QCOMPARE(bodyOf(pages.at(0)), R"({"filter":{"type":"pangea_token"},"size":50})");
        QVERIFY(QJsonDocument::fromJson(bodyOf(pages.at(1))).object().contains(u"last"_s));
        QVERIFY(QJsonDocument::fromJson(bodyOf(pages.at(2))).object().contains(u"last"_s));
        QCOMPARE(listed.progressReports, 3);
    }

    void getReadsEveryVersion()
    {
        const QString id = seedItem(3);
        const ProviderOutcome got = runOperation(provider()->getToken(id));
        QVERIFY2(got.ok, qPrintable(got.error.toString()));
        QCOMPARE(got.tokens.size(), 1);
        const RemoteToken &token = got.tokens.first();
        QCOMPARE(token.providerId, id);
        QCOMPARE(token.name, u"ai-guard"_s);
        QCOMPARE(token.versions.size(), 3);
        QCOMPARE(token.versions.at(2).state, VersionState::Current);
        QCOMPARE(token.versions.at(0).state, VersionState::Destroyed);
        QCOMPARE(token.versions.at(1).state, VersionState::Destroyed);
        QCOMPARE(bodyOf(m_fake->requests("POST", u"/v2/get"_s).first()), withId(id, R"(,"version":"all")"));
    }

    void rotatedSecretWorksAndTheOldOneOutlivesOnlyItsGrace()
    {
        const QString id = seedItem();
        const SecretBytes oldSecret = m_fake->currentToken(id);
        auto pangea = provider();
        RotateRequest request;
        request.providerId = id;
        request.gracePeriod = PolicyDuration(1, PolicyDuration::Unit::Hours);
        const ProviderOutcome rotated = runOperation(pangea->rotate(request));
        QVERIFY2(rotated.ok, qPrintable(rotated.error.toString()));
        QCOMPARE(bodyOf(m_fake->requests("POST", u"/v2/secret/rotate"_s).first()),
            withId(id, R"(,"rotation_grace_period":"1h")"));
        QVERIFY(rotated.rotation.newSecret.constantTimeEquals(m_fake->currentToken(id)));
        QCOMPARE(rotated.rotation.newProviderId, id);
        QCOMPARE(rotated.rotation.newVersion, 2);
        QCOMPARE(rotated.rotation.createdAt, m_clock.nowUtc());
        QCOMPARE(rotated.rotation.oldValidUntil, m_clock.nowUtc().addSecs(3600));

        const ProviderOutcome verified = runOperation(pangea->verifySecret(id, rotated.rotation.newSecret));
        QVERIFY2(verified.ok, qPrintable(verified.error.toString()));
        QCOMPARE(m_fake->requests("POST", u"/v2/get"_s).last().request.header("Authorization"),
            "Bearer " + rotated.rotation.newSecret.exposeBytes());
        QCOMPARE(m_fake->orphanCount(), 0);
        // Still accepted during the grace period, but no longer the item's current token.
        const ProviderOutcome oldDuringGrace = runOperation(pangea->verifySecret(id, oldSecret));
        QVERIFY(!oldDuringGrace.ok);
        QCOMPARE(oldDuringGrace.error.kind, ApiError::Kind::Malformed);

        m_clock.advanceMinutes(59);
        QVERIFY(m_fake->isSecretValid(oldSecret));
        m_clock.advanceMinutes(1);
        QVERIFY(!m_fake->isSecretValid(oldSecret));
        const ProviderOutcome oldAfterGrace = runOperation(pangea->verifySecret(id, oldSecret));
        QCOMPARE(oldAfterGrace.error.providerCode, u"Unauthorized"_s);
        QCOMPARE(oldAfterGrace.error.httpStatus, 401);
        QVERIFY(runOperation(pangea->verifySecret(id, rotated.rotation.newSecret)).ok);
    }

    void setPolicyPushesTheDocumentedJson_data()
    {
        QTest::addColumn<PolicyDuration>("interval");
        QTest::addColumn<PolicyDuration>("grace");
        QTest::addColumn<bool>("automatic");
        QTest::addColumn<QByteArray>("fields");
        using Unit = PolicyDuration::Unit;
        QTest::newRow("30 days, grace 1 day") << PolicyDuration(30, Unit::Days) << PolicyDuration(1, Unit::Days) << true
                                              << R"("rotation_frequency":"30d","rotation_grace_period":"1d")"_ba;
        QTest::newRow("2 months, grace 44 hours")
            << PolicyDuration(2, Unit::Months) << PolicyDuration(44, Unit::Hours) << true
            << R"("rotation_frequency":"2M","rotation_grace_period":"44h")"_ba;
        QTest::newRow("weeks, no grace") << PolicyDuration(2, Unit::Weeks) << PolicyDuration() << true
                                         << R"("rotation_frequency":"2weeks")"_ba;
        QTest::newRow("not automatic") << PolicyDuration(30, Unit::Days) << PolicyDuration(15, Unit::Minutes) << false
                                       << R"("rotation_frequency":"never","rotation_grace_period":"15mins")"_ba;
    }

    void setPolicyPushesTheDocumentedJson()
    {
        QFETCH(PolicyDuration, interval);
        QFETCH(PolicyDuration, grace);
        QFETCH(bool, automatic);
        QFETCH(QByteArray, fields);
        const QString id = seedItem();
        RotationPolicy policy;
        policy.interval = interval;
        policy.gracePeriod = grace;
        policy.automatic = automatic;
        const ProviderOutcome pushed = runOperation(provider()->setPolicy(id, policy));
        QVERIFY2(pushed.ok, qPrintable(pushed.error.toString()));
        const QList<RecordedRequest> updates = m_fake->requests("POST", u"/v2/update"_s);
        QCOMPARE(updates.size(), 1);
        QCOMPARE(bodyOf(updates.first()), withId(id, ',' + fields + R"(,"rotation_state":"deactivated")"));
        QCOMPARE(m_fake->item(id)->rotationState, u"deactivated"_s);
        QCOMPARE(pushed.tokens.size(), 1);
        QCOMPARE(pushed.tokens.first().policy.interval, automatic ? interval : PolicyDuration());
        if (!grace.isNull())
            QCOMPARE(pushed.tokens.first().policy.gracePeriod, grace);
    }

    void badDurationIsPangeasValidationError()
    {
        const QString id = seedItem();
        RotationPolicy policy;
        policy.interval = PolicyDuration(1000000, PolicyDuration::Unit::Minutes); // more digits than Pangea takes
        policy.automatic = true;
        const ProviderOutcome refused = runOperation(provider()->setPolicy(id, policy));
        QVERIFY(!refused.ok);
        QCOMPARE(refused.error.kind, ApiError::Kind::Provider);
        QCOMPARE(refused.error.providerCode, u"ValidationError"_s);
        QCOMPARE(refused.error.httpStatus, 400);
        QVERIFY2(refused.error.message.contains(u"/rotation_frequency"_s), qPrintable(refused.error.message));
        QVERIFY2(refused.error.message.contains(u"BadFormatPangeaDuration"_s), qPrintable(refused.error.message));
        QVERIFY(!refused.error.retryable);
        QVERIFY(m_fake->item(id)->rotationFrequency.isEmpty());
    }

    void acceptedIsPolledToTheEnd()
    {
        const QString id = seedItem();
        m_fake->setAcceptedPolls(3);
        RotateRequest request;
        request.providerId = id;
        const ProviderOutcome rotated = runOperation(provider()->rotate(request));
        QVERIFY2(rotated.ok, qPrintable(rotated.error.toString()));
        QVERIFY(rotated.finishedOnce);
        const QList<RecordedRequest> polled = polls();
        QCOMPARE(polled.size(), 3); // two more 202s, then the rotation's own answer
        QCOMPARE(polled.first().request.header("Authorization"), "Bearer " + adminToken.exposeBytes());
        QCOMPARE(m_fake->requests("POST", u"/v2/secret/rotate"_s).size(), 1);
        QCOMPARE(rotated.rotation.newVersion, 2);
        QVERIFY(rotated.rotation.newSecret.constantTimeEquals(m_fake->currentToken(id)));
    }

    void acceptedGivesUpAfterItsPolls()
    {
        const QString id = seedItem();
        m_fake->setAcceptedPolls(100);
        RotateRequest request;
        request.providerId = id;
        const ProviderOutcome rotated = runOperation(provider()->rotate(request));
        QVERIFY(!rotated.ok);
        QCOMPARE(rotated.error.kind, ApiError::Kind::Timeout);
        QCOMPARE(rotated.error.providerCode, u"Accepted"_s);
        QVERIFY(!rotated.error.retryable);
        QVERIFY(rotated.error.message.contains(rotated.error.requestId));
        QCOMPARE(polls().size(), 5);
    }

    void revokeStopsOneVersion_data()
    {
        QTest::addColumn<QString>("rotationState"); // the item's; empty = not rotated before revoking
        QTest::addColumn<QByteArray>("sentState"); // empty = no state change needed
        QTest::addColumn<QString>("stateAfter");
        QTest::newRow("active version") << QString() << "deactivated"_ba << u"deactivated"_s;
        QTest::newRow("destroyed, in its grace period") << u"destroyed"_s << "destroyed"_ba << u"destroyed"_s;
        QTest::newRow("deactivated, in its grace period") << u"deactivated"_s << "deactivated"_ba << u"deactivated"_s;
    }

    void revokeStopsOneVersion()
    {
        QFETCH(QString, rotationState);
        QFETCH(QByteArray, sentState);
        QFETCH(QString, stateAfter);
        PangeaTokenSeed seed;
        seed.name = u"ai-guard"_s;
        seed.rotationState = rotationState.isEmpty() ? u"destroyed"_s : rotationState;
        const QString id = m_fake->addTokenItem(seed);
        const SecretBytes oldSecret = m_fake->currentToken(id);
        auto pangea = provider();
        SecretBytes newSecret;
        if (!rotationState.isEmpty()) {
            RotateRequest request;
            request.providerId = id;
            request.gracePeriod = PolicyDuration(1, PolicyDuration::Unit::Days);
            const ProviderOutcome rotated = runOperation(pangea->rotate(request));
            QVERIFY2(rotated.ok, qPrintable(rotated.error.toString()));
            newSecret = rotated.rotation.newSecret;
        }
        QVERIFY(m_fake->isSecretValid(oldSecret));

        const ProviderOutcome revoked = runOperation(pangea->revoke(id, 1));
        QVERIFY2(revoked.ok, qPrintable(revoked.error.toString()));
        const QList<RecordedRequest> changes = m_fake->requests("POST", u"/v2/state/change"_s);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(bodyOf(changes.first()), withId(id, R"(,"state":")" + sentState + R"(","version":1)"));
        QCOMPARE(m_fake->item(id)->versions.at(0).state, stateAfter);
        QVERIFY(!m_fake->isSecretValid(oldSecret));
        if (!newSecret.isEmpty())
            QVERIFY(m_fake->isSecretValid(newSecret));
        QVERIFY(revoked.tokens.first().versions.first().state != VersionState::Current);
    }

    void revokeLeavesAGoneVersionAndNeedsANumber()
    {
        const QString id = seedItem(2); // version 1 destroyed long ago
        auto pangea = provider();
        const ProviderOutcome revoked = runOperation(pangea->revoke(id, 1));
        QVERIFY2(revoked.ok, qPrintable(revoked.error.toString()));
        QCOMPARE(m_fake->requests("POST", u"/v2/state/change"_s).size(), 0);

        m_fake->clearRequests();
        const ProviderOutcome unnamed = runOperation(pangea->revoke(id, 0));
        QCOMPARE(unnamed.error.kind, ApiError::Kind::Refused);
        QCOMPARE(m_fake->requests().size(), 0);
        QCOMPARE(m_fake->item(id)->versions.at(1).state, u"active"_s);
    }

    void unknownItemIsVaultItemNotFound()
    {
        const QString missing = u"pvi_"_s + QString(32, u'a');
        const ProviderOutcome got = runOperation(provider()->getToken(missing));
        QVERIFY(!got.ok);
        QCOMPARE(got.error.kind, ApiError::Kind::Provider);
        QCOMPARE(got.error.providerCode, u"VaultItemNotFound"_s);
        QVERIFY(got.error.message.contains(missing));
        QVERIFY(!got.error.retryable);
        QCOMPARE(m_fake->requests("POST", u"/v1/get"_s).size(), 0); // not taken for a missing route
    }

    void serverErrorOnAReadIsRetried()
    {
        const QString id = seedItem();
        FaultPlan failing;
        failing.serverErrorCount = 2;
        failing.serverErrorStatus = 500;
        m_fake->setFaultPlan(u"POST /v2/get"_s, failing);
        const ProviderOutcome got = runOperation(provider()->getToken(id));
        QVERIFY2(got.ok, qPrintable(got.error.toString()));
        QCOMPARE(m_fake->requests("POST", u"/v2/get"_s).size(), 3);
    }

    void serverErrorOnARotationIsReportedNotRepeated()
    {
        const QString id = seedItem();
        FaultPlan failing;
        failing.serverErrorCount = 1;
        failing.serverErrorStatus = 500;
        m_fake->setFaultPlan(u"POST /v2/secret/rotate"_s, failing);
        RotateRequest request;
        request.providerId = id;
        const ProviderOutcome rotated = runOperation(provider()->rotate(request));
        QVERIFY(!rotated.ok);
        QCOMPARE(rotated.error.httpStatus, 500);
        QCOMPARE(rotated.error.providerCode, u"InternalError"_s);
        QVERIFY(!rotated.error.retryable);
        QCOMPARE(m_fake->requests("POST", u"/v2/secret/rotate"_s).size(), 1);
        QCOMPARE(m_fake->item(id)->versions.size(), 1);
    }

    void throttlingHonoursRetryAfter()
    {
        FaultPlan throttled;
        throttled.throttleCount = 1;
        throttled.retryAfterSeconds = 1;
        m_fake->setFaultPlan(u"POST /v2/list"_s, throttled);
        QElapsedTimer timer;
        timer.start();
        const ProviderOutcome connected = runOperation(provider()->testConnection());
        QVERIFY2(connected.ok, qPrintable(connected.error.toString()));
        QVERIFY(timer.elapsed() >= 900);
        QCOMPARE(m_fake->requests("POST", u"/v2/list"_s).size(), 2);
    }

    void malformedAnswerIsAMalformedError()
    {
        const QString id = seedItem();
        FaultPlan broken;
        broken.malformedCount = 1;
        m_fake->setFaultPlan(u"POST /v2/get"_s, broken);
        const ProviderOutcome got = runOperation(provider()->getToken(id));
        QVERIFY(!got.ok);
        QCOMPARE(got.error.kind, ApiError::Kind::Malformed);
        QVERIFY(got.finishedOnce);
    }

    // Pangea's own fake never sends Retry-After with a 202; a scripted server does.
    void acceptedHonoursRetryAfter()
    {
        const QByteArray head = R"({"request_id":"prq_scripted","request_time":"2026-01-31T12:00:00Z",)"
                                R"("response_time":"2026-01-31T12:00:00Z",)"_ba;
        ScriptedServer server;
        QVERIFY(server.listen());
        const QList<std::pair<QByteArray, QByteArray>> json {{"Content-Type", "application/json"}};
        server.always(u"/v2/list"_s,
            {202, head + R"("status":"Accepted","summary":"In progress","result":{"ttl_mins":60,"retry_counter":0}})",
                {{"Content-Type", "application/json"}, {"Retry-After", "1"}}});
        server.always(u"/request/prq_scripted"_s,
            {200, head + R"("status":"Success","summary":"Listed","result":{"items":[]}})", json});
        QElapsedTimer timer;
        timer.start();
        const ProviderOutcome connected = runOperation(provider(adminToken, server.url(u"/"_s))->testConnection());
        QVERIFY2(connected.ok, qPrintable(connected.error.toString()));
        QVERIFY(timer.elapsed() >= 900); // not the 10 ms of the poll schedule
        QCOMPARE(server.count(u"/request/prq_scripted"_s), 1);
    }

    // An older deployment without the v2 routes: a gateway answers 404 to them and passes the v1
    // routes on to the fake.
    void missingV2RoutesFallBackToV1()
    {
        ScriptedServer gateway;
        QVERIFY(gateway.listen());
        gateway.always(u"/v2/secret/rotate"_s,
            {404,
                R"({"request_id":"prq_x","request_time":"2026-01-31T12:00:00Z","response_time":"2026-01-31T12:00:00Z",)"
                R"("status":"NotFound","summary":"Resource not found","result":null})",
                {{"Content-Type", "application/json"}}});
        const auto forward = [this](const ScriptedServer::Request &incoming, ScriptedServer::Exchange exchange) {
            QNetworkRequest outgoing(QUrl(m_fake->baseUrl().toString() + incoming.path));
            outgoing.setRawHeader("Authorization", incoming.header("Authorization"));
            outgoing.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
            QNetworkReply *reply = m_network.post(outgoing, incoming.body);
            connect(reply, &QNetworkReply::finished, reply, [reply, exchange]() mutable {
                exchange.answer({reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(),
                    {{"Content-Type", "application/json"}}});
                reply->deleteLater();
            });
        };
        gateway.on(u"/v1/secret/rotate"_s, forward);
        gateway.on(u"/v1/get"_s, forward);

        const QString id = seedItem();
        auto pangea = provider(adminToken, gateway.url(u"/"_s));
        RotateRequest request;
        request.providerId = id;
        request.gracePeriod = PolicyDuration(10, PolicyDuration::Unit::Minutes);
        const ProviderOutcome rotated = runOperation(pangea->rotate(request));
        QVERIFY2(rotated.ok, qPrintable(rotated.error.toString()));
        QVERIFY(pangea->usesLegacyApi());
        QCOMPARE(gateway.count(u"/v2/secret/rotate"_s), 1);
        QCOMPARE(gateway.count(u"/v1/secret/rotate"_s), 1);
        QVERIFY(rotated.rotation.newSecret.constantTimeEquals(m_fake->currentToken(id)));
        QCOMPARE(rotated.rotation.newVersion, 2);
        QCOMPARE(rotated.rotation.oldValidUntil, m_clock.nowUtc().addSecs(600));

        const ProviderOutcome got = runOperation(pangea->getToken(id));
        QVERIFY2(got.ok, qPrintable(got.error.toString()));
        QCOMPARE(gateway.count(u"/v2/get"_s), 0); // v1 from now on
        QCOMPARE(got.tokens.first().versions.size(), 2);
        QCOMPARE(got.tokens.first().versions.at(1).state, VersionState::Current);
        QCOMPARE(got.tokens.first().versions.at(0).state, VersionState::Grace);

        const ProviderOutcome verified = runOperation(pangea->verifySecret(id, rotated.rotation.newSecret));
        QVERIFY2(verified.ok, qPrintable(verified.error.toString()));

        // A fresh provider finds out on a read as well; that 404 had no Pangea envelope at all.
        auto fresh = provider(adminToken, gateway.url(u"/"_s));
        QVERIFY(runOperation(fresh->getToken(id)).ok);
        QVERIFY(fresh->usesLegacyApi());
        QCOMPARE(gateway.count(u"/v2/get"_s), 1);
    }
};

QTEST_GUILESS_MAIN(TestPangeaProvider)
#include "testpangeaprovider.moc"
