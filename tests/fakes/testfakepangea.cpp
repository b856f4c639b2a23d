// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakehttpclient.h"
#include "fakepangea.h"
#include "mockclock.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const SecretBytes Admin = SecretBytes::fromUtf8(u"pts_adminadminadminadminadminadmin12"_s);
const QRegularExpression TokenPattern(u"^p[a-z]{2}_[a-z0-9]{32}$"_s);

FakeHttpClient::Headers bearer(const QString &token)
{
    return {{"Authorization", "Bearer " + token.toUtf8()}};
}

} // namespace

// Tests FakePangea: the v2 and v1 Vault calls, rotation with grace periods, validation errors,
// the Unauthorized envelope, the 202/poll mode and the provider's own fault bodies.
class TestFakePangea : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void unauthorizedEnvelope_data();
    void unauthorizedEnvelope();
    void listFiltersAndPages();
    void getSelectsVersions_data();
    void getSelectsVersions();
    void rotateKeepsOldTokenForGracePeriod();
    void rotateValidation_data();
    void rotateValidation();
    void updateSetsRotationPolicy();
    void updateRejectsBadDurations();
    void stateChangeRevokesAtOnce();
    void legacyRotateAndGet();
    void acceptedThenPoll();
    void itemTokensOnlyRead();
    void faultBodies();

private:
    FakeHttpResult post(const QString &path, const QJsonObject &body, const QString &token = Admin.exposeUtf8())
    {
        return m_client.postJson(FakeHttpClient::url(m_fake->baseUrl(), path), bearer(token), body);
    }

    std::unique_ptr<MockClock> m_clock;
    std::unique_ptr<FakePangea> m_fake;
    FakeHttpClient m_client;
    QString m_itemId; // three versions, 2h grace, deactivate on rotation
};

void TestFakePangea::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestFakePangea::init()
{
    m_clock = std::make_unique<MockClock>();
    m_fake = std::make_unique<FakePangea>(*m_clock);
    QVERIFY(m_fake->listen());
    m_fake->addAdminToken(Admin);
    PangeaTokenSeed seed;
    seed.name = u"ci-deployer"_s;
    seed.folder = u"/ci"_s;
    seed.versions = 3;
    seed.rotationState = u"deactivated"_s;
    seed.rotationGracePeriod = u"2h"_s;
    seed.rotationFrequency = u"30d"_s;
    m_itemId = m_fake->addTokenItem(seed);
    for (const QString &name : {u"billing-export"_s, u"audit-reader"_s, u"billing-sync"_s, u"metrics-push"_s}) {
        PangeaTokenSeed other;
        other.name = name;
        m_fake->addTokenItem(other);
    }
}

void TestFakePangea::cleanup()
{
    m_fake.reset();
    m_clock.reset();
}

void TestFakePangea::unauthorizedEnvelope_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::newRow("missing") << QByteArray();
    QTest::newRow("unknown token") << QByteArray("Bearer pts_00000000000000000000000000000000");
    QTest::newRow("wrong scheme") << ("Basic " + Admin.exposeBytes());
}

void TestFakePangea::unauthorizedEnvelope()
{
    QFETCH(QByteArray, authorization);
    FakeHttpClient::Headers headers {{"Content-Type", "application/json"}};
    if (!authorization.isEmpty())
        headers.append({"Authorization", authorization});
    const FakeHttpResult result = m_client.send("POST", FakeHttpClient::url(m_fake->baseUrl(), u"/v2/get"_s), headers,
        "{\"id\":\"" + m_itemId.toUtf8() + "\"}");
    QCOMPARE(result.status, 401);
    QCOMPARE(result.header("Content-Type"), "application/json");
    const QJsonObject body = result.object();
    QCOMPARE(body.value(u"status"_s).toString(), u"Unauthorized"_s);
    QCOMPARE(body.value(u"summary"_s).toString(), u"Not authorized to access this resource"_s);
    QVERIFY(body.value(u"result"_s).isNull());
    QVERIFY(body.value(u"request_id"_s).toString().startsWith(u"prq_"_s));
    QVERIFY(body.contains(u"request_time"_s) && body.contains(u"response_time"_s));
}

void TestFakePangea::listFiltersAndPages()
{
    QStringList names;
    QJsonObject request {{u"filter"_s, QJsonObject {{u"type"_s, u"pangea_token"_s}}}, {u"size"_s, 2}};
    for (int page = 0; page < 5; ++page) {
        const FakeHttpResult result = post(u"/v2/list"_s, request);
        QCOMPARE(result.status, 200);
        const QJsonObject body = result.object().value(u"result"_s).toObject();
        for (const QJsonValue &item : body.value(u"items"_s).toArray()) {
            names.append(item[u"name"_s].toString());
            for (const QJsonValue &version : item[u"item_versions"_s].toArray())
                QVERIFY(!version.toObject().contains(u"token"_s)); // listings never carry values
        }
        if (!body.contains(u"last"_s))
            break;
        request.insert(u"last"_s, body.value(u"last"_s));
    }
    QCOMPARE(names.size(), 5);
    QCOMPARE(QSet<QString>(names.cbegin(), names.cend()).size(), 5);

    const FakeHttpResult filtered
        = post(u"/v2/list"_s, {{u"filter"_s, QJsonObject {{u"name__contains"_s, u"billing"_s}}}});
    QCOMPARE(filtered.object()[u"result"_s][u"items"_s].toArray().size(), 2);

    const FakeHttpResult tooBig = post(u"/v2/list"_s, {{u"size"_s, 500}});
    QCOMPARE(tooBig.status, 400);
    QCOMPARE(tooBig.object()[u"result"_s][u"errors"_s][0][u"code"_s].toString(), u"NotWithinRange"_s);
}

void TestFakePangea::getSelectsVersions_data()
{
    QTest::addColumn<QJsonValue>("selector");
    QTest::addColumn<QList<int>>("versions");
    QTest::newRow("current") << QJsonValue(QJsonValue::Undefined) << QList<int> {3};
    QTest::newRow("all") << QJsonValue(u"all"_s) << QList<int> {1, 2, 3};
    QTest::newRow("number") << QJsonValue(2) << QList<int> {2};
    QTest::newRow("one back is current") << QJsonValue(u"-1"_s) << QList<int> {3};
    QTest::newRow("last two") << QJsonValue(u"-2:"_s) << QList<int> {2, 3};
    QTest::newRow("missing") << QJsonValue(9) << QList<int> {};
}

void TestFakePangea::getSelectsVersions()
{
    QFETCH(QJsonValue, selector);
    QFETCH(QList<int>, versions);
    QJsonObject request {{u"id"_s, m_itemId}};
    if (!selector.isUndefined())
        request.insert(u"version"_s, selector);
    const FakeHttpResult result = post(u"/v2/get"_s, request);
    if (versions.isEmpty()) {
        QCOMPARE(result.status, 400);
        QCOMPARE(result.object().value(u"status"_s).toString(), u"VaultItemNotFound"_s);
        return;
    }
    QCOMPARE(result.status, 200);
    const QJsonObject item = result.object().value(u"result"_s).toObject();
    QCOMPARE(item.value(u"type"_s).toString(), u"pangea_token"_s);
    QCOMPARE(item.value(u"num_versions"_s).toInt(), 3);
    QList<int> got;
    for (const QJsonValue &version : item.value(u"item_versions"_s).toArray()) {
        got.append(version[u"version"_s].toInt());
        QVERIFY(TokenPattern.match(version[u"token"_s].toString()).hasMatch());
    }
    QCOMPARE(got, versions);
}

void TestFakePangea::rotateKeepsOldTokenForGracePeriod()
{
    const SecretBytes oldToken = m_fake->currentToken(m_itemId);
    const FakeHttpResult rotated = post(u"/v2/secret/rotate"_s, {{u"id"_s, m_itemId}});
    QCOMPARE(rotated.status, 200);
    QCOMPARE(rotated.object().value(u"status"_s).toString(), u"Success"_s);
    const QJsonObject item = rotated.object().value(u"result"_s).toObject();
    const QJsonObject version = item.value(u"item_versions"_s).toArray().first().toObject();
    QCOMPARE(version.value(u"version"_s).toInt(), 4);
    QCOMPARE(version.value(u"state"_s).toString(), u"active"_s);
    const QString newToken = version.value(u"token"_s).toString();
    QVERIFY(TokenPattern.match(newToken).hasMatch());
    QVERIFY(newToken != oldToken.exposeUtf8());
    QCOMPARE(m_fake->item(m_itemId)->versions.at(2).state, u"deactivated"_s); // the item's rotation_state
    QCOMPARE(m_fake->versionCount(u"active"_s), 5); // one per item
    QCOMPARE(m_fake->orphanCount(), 1);

    // Both tokens authenticate a read while the 2 h grace period runs.
    QCOMPARE(post(u"/v2/get"_s, {{u"id"_s, m_itemId}}, newToken).status, 200);
    QCOMPARE(m_fake->orphanCount(), 0);
    QCOMPARE(post(u"/v2/get"_s, {{u"id"_s, m_itemId}}, oldToken.exposeUtf8()).status, 200);
    m_clock->advanceMinutes(119);
    QVERIFY(m_fake->isSecretValid(oldToken));
    m_clock->advanceMinutes(2);
    QVERIFY(!m_fake->isSecretValid(oldToken));
    QCOMPARE(post(u"/v2/get"_s, {{u"id"_s, m_itemId}}, oldToken.exposeUtf8()).status, 401);
    QCOMPARE(post(u"/v2/get"_s, {{u"id"_s, m_itemId}}, newToken).status, 200);
}

void TestFakePangea::rotateValidation_data()
{
    QTest::addColumn<QJsonObject>("request");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("source");
    const QString id = u"pvi_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"_s;
    QTest::newRow("no id") << QJsonObject {} << u"FieldRequired"_s << u"/"_s;
    QTest::newRow("bad id") << QJsonObject {{u"id"_s, u"pvi_XYZ"_s}} << u"DoesNotMatchPattern"_s << u"/id"_s;
    QTest::newRow("spaced duration") << QJsonObject {{u"id"_s, id}, {u"rotation_grace_period"_s, u"5 hours"_s}}
                                     << u"BadFormatPangeaDuration"_s << u"/rotation_grace_period"_s;
    QTest::newRow("iso duration") << QJsonObject {{u"id"_s, id}, {u"rotation_grace_period"_s, u"PT5H"_s}}
                                  << u"BadFormatPangeaDuration"_s << u"/rotation_grace_period"_s;
    QTest::newRow("state") << QJsonObject {{u"id"_s, id}, {u"rotation_state"_s, u"compromised"_s}} << u"NotEnumMember"_s
                           << u"/rotation_state"_s;
    QTest::newRow("extra field") << QJsonObject {{u"id"_s, id}, {u"secret"_s, u"x"_s}} << u"UnexpectedProperty"_s
                                 << u"/secret"_s;
}

void TestFakePangea::rotateValidation()
{
    QFETCH(QJsonObject, request);
    const FakeHttpResult result = post(u"/v2/secret/rotate"_s, request);
    QCOMPARE(result.status, 400);
    QCOMPARE(result.object().value(u"status"_s).toString(), u"ValidationError"_s);
    const QJsonArray errors = result.object()[u"result"_s][u"errors"_s].toArray();
    QCOMPARE(errors.size(), 1);
    QTEST(errors.first()[u"code"_s].toString(), "code");
    QTEST(errors.first()[u"source"_s].toString(), "source");
    QVERIFY(!errors.first()[u"detail"_s].toString().isEmpty());
    QCOMPARE(m_fake->item(m_itemId)->versions.size(), 3);
}

void TestFakePangea::updateSetsRotationPolicy()
{
    const FakeHttpResult result = post(u"/v2/update"_s,
        {{u"id"_s, m_itemId}, {u"rotation_frequency"_s, u"90days"_s}, {u"rotation_state"_s, u"destroyed"_s},
            {u"rotation_grace_period"_s, u"1d"_s}});
    QCOMPARE(result.status, 200);
    const QJsonObject item = result.object().value(u"result"_s).toObject();
    QCOMPARE(item.value(u"rotation_frequency"_s).toString(), u"90days"_s);
    QCOMPARE(item.value(u"rotation_state"_s).toString(), u"destroyed"_s);
    QCOMPARE(item.value(u"rotation_grace_period"_s).toString(), u"1d"_s);
    const QDateTime lastRotated = QDateTime::fromString(item.value(u"last_rotated"_s).toString(), Qt::ISODateWithMs);
    const QDateTime next = QDateTime::fromString(item.value(u"next_rotation"_s).toString(), Qt::ISODateWithMs);
    QCOMPARE(lastRotated.daysTo(next), 90);

    const FakeHttpResult never = post(u"/v2/update"_s, {{u"id"_s, m_itemId}, {u"rotation_frequency"_s, u"never"_s}});
    QCOMPARE(never.status, 200);
    QVERIFY(!never.object()[u"result"_s].toObject().contains(u"next_rotation"_s));
}

void TestFakePangea::updateRejectsBadDurations()
{
    const FakeHttpResult result = post(u"/v2/update"_s,
        {{u"id"_s, m_itemId}, {u"rotation_frequency"_s, u"soon"_s}, {u"rotation_state"_s, u"suspended"_s},
            {u"rotation_grace_period"_s, u"0d"_s}});
    QCOMPARE(result.status, 400);
    QCOMPARE(result.object().value(u"status"_s).toString(), u"ValidationError"_s);
    QStringList codes;
    for (const QJsonValue &error : result.object()[u"result"_s][u"errors"_s].toArray())
        codes.append(error[u"code"_s].toString() + u" "_s + error[u"source"_s].toString());
    codes.sort();
    QCOMPARE(codes,
        QStringList({u"BadFormatPangeaDuration /rotation_frequency"_s,
            u"BadFormatPangeaDuration /rotation_grace_period"_s, u"NotEnumMember /rotation_state"_s}));
    QCOMPARE(m_fake->item(m_itemId)->rotationFrequency, u"30d"_s); // nothing applied
}

void TestFakePangea::stateChangeRevokesAtOnce()
{
    const SecretBytes current = m_fake->currentToken(m_itemId);
    QCOMPARE(post(u"/v2/get"_s, {{u"id"_s, m_itemId}}, current.exposeUtf8()).status, 200);
    const FakeHttpResult changed = post(u"/v2/state/change"_s, {{u"id"_s, m_itemId}, {u"state"_s, u"suspended"_s}});
    QCOMPARE(changed.status, 200);
    QCOMPARE(changed.object()[u"result"_s][u"item_versions"_s][0][u"state"_s].toString(), u"suspended"_s);
    QCOMPARE(post(u"/v2/get"_s, {{u"id"_s, m_itemId}}, current.exposeUtf8()).status, 401);

    const QJsonObject destroy {{u"id"_s, m_itemId}, {u"version"_s, 1}, {u"state"_s, u"destroyed"_s}};
    QCOMPARE(post(u"/v2/state/change"_s, destroy).status, 200);
    const FakeHttpResult back
        = post(u"/v2/state/change"_s, {{u"id"_s, m_itemId}, {u"version"_s, 1}, {u"state"_s, u"active"_s}});
    QCOMPARE(back.status, 400); // destroyed is final
    QCOMPARE(back.object()[u"result"_s][u"errors"_s][0][u"code"_s].toString(), u"BadState"_s);
}

void TestFakePangea::legacyRotateAndGet()
{
    const FakeHttpResult rotated = post(u"/v1/secret/rotate"_s, {{u"id"_s, m_itemId}});
    QCOMPARE(rotated.status, 200);
    const QJsonObject result = rotated.object().value(u"result"_s).toObject();
    QCOMPARE(result.value(u"id"_s).toString(), m_itemId);
    QCOMPARE(result.value(u"version"_s).toInt(), 4);
    QCOMPARE(result.value(u"type"_s).toString(), u"pangea_token"_s);
    const QString secret = result.value(u"secret"_s).toString();
    QVERIFY(TokenPattern.match(secret).hasMatch());

    const FakeHttpResult got = post(u"/v1/get"_s, {{u"id"_s, m_itemId}});
    QCOMPARE(got.status, 200);
    const QJsonObject item = got.object().value(u"result"_s).toObject();
    QCOMPARE(item[u"current_version"_s][u"secret"_s].toString(), secret);
    QCOMPARE(item[u"current_version"_s][u"version"_s].toInt(), 4);
    QCOMPARE(item.value(u"item_state"_s).toString(), u"enabled"_s);
    QVERIFY(!item.contains(u"versions"_s));
    QCOMPARE(post(u"/v1/get"_s, {{u"id"_s, m_itemId}, {u"verbose"_s, true}})
                 .object()[u"result"_s][u"versions"_s]
                 .toArray()
                 .size(),
        4);
}

void TestFakePangea::acceptedThenPoll()
{
    m_fake->setAcceptedPolls(2);
    const FakeHttpResult accepted = post(u"/v2/secret/rotate"_s, {{u"id"_s, m_itemId}});
    QCOMPARE(accepted.status, 202);
    QCOMPARE(accepted.object().value(u"status"_s).toString(), u"Accepted"_s);
    const QString requestId = accepted.object().value(u"request_id"_s).toString();
    const QUrl location(accepted.object()[u"result"_s][u"location"_s].toString());
    QCOMPARE(location.path(), u"/request/"_s + requestId);
    QCOMPARE(m_fake->item(m_itemId)->versions.size(), 4); // the work is done, only the answer waits

    const auto poll = [&] { return m_client.send("GET", location, bearer(Admin.exposeUtf8())); };
    const FakeHttpResult first = poll();
    QCOMPARE(first.status, 202);
    QCOMPARE(first.object()[u"result"_s][u"retry_counter"_s].toInt(), 1);
    const FakeHttpResult done = poll();
    QCOMPARE(done.status, 200);
    QCOMPARE(done.object().value(u"request_id"_s).toString(), requestId);
    QCOMPARE(done.object().value(u"status"_s).toString(), u"Success"_s);
    QCOMPARE(done.object()[u"result"_s][u"item_versions"_s][0][u"version"_s].toInt(), 4);
    QCOMPARE(
        m_client
            .send("GET", FakeHttpClient::url(m_fake->baseUrl(), u"/request/prq_unknown"_s), bearer(Admin.exposeUtf8()))
            .status,
        404);
}

void TestFakePangea::itemTokensOnlyRead()
{
    const QString itemToken = m_fake->currentToken(m_itemId).exposeUtf8();
    QCOMPARE(post(u"/v2/get"_s, {{u"id"_s, m_itemId}}, itemToken).status, 200);
    QCOMPARE(post(u"/v2/secret/rotate"_s, {{u"id"_s, m_itemId}}, itemToken).status, 401);
    QCOMPARE(post(u"/v2/list"_s, {}, itemToken).status, 401);
}

void TestFakePangea::faultBodies()
{
    m_fake->setFaultPlan(u"POST /v2/secret/rotate"_s, *FaultPlan::parse(u"throttle=1,retry-after=4,error=1"_s));
    const FakeHttpResult throttled = post(u"/v2/secret/rotate"_s, {{u"id"_s, m_itemId}});
    QCOMPARE(throttled.status, 429);
    QCOMPARE(throttled.header("Retry-After"), "4");
    QCOMPARE(throttled.object().value(u"status"_s).toString(), u"TooManyRequests"_s);
    const FakeHttpResult unavailable = post(u"/v2/secret/rotate"_s, {{u"id"_s, m_itemId}});
    QCOMPARE(unavailable.status, 503);
    QCOMPARE(unavailable.object().value(u"status"_s).toString(), u"ServiceNotAvailable"_s);
    QCOMPARE(m_fake->item(m_itemId)->versions.size(), 3); // neither reached the handler
    QCOMPARE(post(u"/v2/secret/rotate"_s, {{u"id"_s, m_itemId}}).status, 200);
}

QTEST_GUILESS_MAIN(TestFakePangea)
#include "testfakepangea.moc"
