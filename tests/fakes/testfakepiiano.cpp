// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakehttpclient.h"
#include "fakepiiano.h"
#include "mockclock.h"

#include <QJsonArray>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {

const SecretBytes AdminKey = SecretBytes::fromUtf8(u"pvaultauth"_s);
const SecretBytes ReaderKey = SecretBytes::fromUtf8(u"reader-key-0123456789"_s);

} // namespace

// Tests FakePiiano: token rotation (all or nothing), metadata query, detokenize, access reasons,
// API-key errors and the Vault error body.
class TestFakePiiano : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void rotateMapsOldToNewIds_data();
    void rotateMapsOldToNewIds();
    void unknownIdFailsTheWholeCall();
    void accessReasonIsEnforced_data();
    void accessReasonIsEnforced();
    void credentialErrors_data();
    void credentialErrors();
    void unknownCollection();
    void queryAndDetokenize();
    void healthNeedsNoKey();
    void faultBodies();

private:
    FakeHttpResult post(
        const QString &path, const QString &query, const SecretBytes &key = AdminKey, const QByteArray &body = {})
    {
        FakeHttpClient::Headers headers {{"Content-Type", "application/json"}};
        if (!key.isEmpty())
            headers.append({"Authorization", "Bearer " + key.exposeBytes()});
        return m_client.send("POST", FakeHttpClient::url(m_fake->baseUrl(), path, query), headers, body);
    }
    FakeHttpResult rotate(const QString &query, const SecretBytes &key = AdminKey)
    {
        return post(u"/api/pvlt/1.0/data/collections/customers/rotate/tokens"_s, query, key);
    }

    std::unique_ptr<MockClock> m_clock;
    std::unique_ptr<FakePiiano> m_fake;
    FakeHttpClient m_client;
    QStringList m_ids;
};

void TestFakePiiano::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestFakePiiano::init()
{
    m_clock = std::make_unique<MockClock>();
    m_fake = std::make_unique<FakePiiano>(*m_clock);
    QVERIFY(m_fake->listen());
    m_fake->addApiKey(AdminKey, u"admin"_s);
    PiianoRole reader;
    reader.tokensWriter = false;
    m_fake->addApiKey(ReaderKey, u"WebServer"_s, reader);
    m_fake->addCollection(u"customers"_s);
    m_ids.clear();
    for (const QString &email : {u"pat@example.com"_s, u"sam@example.com"_s, u"kim@example.com"_s}) {
        PiianoTokenSeed seed;
        seed.fields = {{u"email"_s, email}, {u"phone_number"_s, u"+15550100"_s}};
        seed.tags = {u"crm"_s};
        m_ids.append(m_fake->addToken(u"customers"_s, seed));
    }
}

void TestFakePiiano::cleanup()
{
    m_fake.reset();
    m_clock.reset();
}

void TestFakePiiano::rotateMapsOldToNewIds_data()
{
    QTest::addColumn<bool>("repeated");
    QTest::newRow("comma-separated") << false;
    QTest::newRow("repeated parameter") << true;
}

void TestFakePiiano::rotateMapsOldToNewIds()
{
    QFETCH(bool, repeated);
    const QString ids = repeated ? u"token_ids=%1&token_ids=%2"_s.arg(m_ids.at(0), m_ids.at(1))
                                 : u"token_ids=%1,%2"_s.arg(m_ids.at(0), m_ids.at(1));
    const FakeHttpResult result = rotate(ids + u"&reason=Maintenance"_s);
    QCOMPARE(result.status, 200);
    const QJsonObject mapping = result.object();
    QCOMPARE(mapping.size(), 2);
    for (int i = 0; i < 2; ++i) {
        const QString next = mapping.value(m_ids.at(i)).toString();
        QVERIFY(!QUuid::fromString(next).isNull());
        QVERIFY(!m_fake->hasToken(u"customers"_s, m_ids.at(i)));
        QCOMPARE(m_fake->token(u"customers"_s, next)->rotatedFrom, m_ids.at(i));
    }
    QVERIFY(m_fake->hasToken(u"customers"_s, m_ids.at(2)));
    QCOMPARE(m_fake->tokenCount(u"customers"_s), 3);
    QCOMPARE(m_fake->orphanCount(), 2);
}

void TestFakePiiano::unknownIdFailsTheWholeCall()
{
    const QString unknown = u"d27923c6-5d16-41e3-89ee-118b05a25372"_s;
    const FakeHttpResult result = rotate(u"token_ids=%1,%2&reason=Maintenance"_s.arg(m_ids.at(0), unknown));
    QCOMPARE(result.status, 404);
    const QJsonObject body = result.object();
    QCOMPARE(body.value(u"error_code"_s).toString(), u"PV3087"_s);
    QCOMPARE(body.value(u"message"_s).toString(), u"One or more token IDs not found."_s);
    QCOMPARE(body[u"context"_s][u"token_ids"_s].toString(), unknown);
    QVERIFY(m_fake->hasToken(u"customers"_s, m_ids.at(0))); // nothing rotated
    QCOMPARE(m_fake->orphanCount(), 0);
}

void TestFakePiiano::accessReasonIsEnforced_data()
{
    QTest::addColumn<QString>("reason");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing") << QString() << 400 << u"The access reason is missing."_s;
    QTest::newRow("unknown") << u"reason=Curiosity"_s << 404 << u"The access reason is not found."_s;
    QTest::newRow("other without ad-hoc")
        << u"reason=Other"_s << 404 << u"An ad-hoc reason is required when the reason is Other."_s;
    QTest::newRow("other with ad-hoc") << u"reason=Other&adhoc_reason=key%20rotation"_s << 200 << QString();
}

void TestFakePiiano::accessReasonIsEnforced()
{
    QFETCH(QString, reason);
    QFETCH(int, status);
    QFETCH(QString, message);
    QString query = u"token_ids="_s + m_ids.at(0);
    if (!reason.isEmpty())
        query += u"&"_s + reason;
    const FakeHttpResult result = rotate(query);
    QCOMPARE(result.status, status);
    if (status == 200)
        return;
    QCOMPARE(result.object().value(u"error_code"_s).toString(), u"PV1001"_s);
    QCOMPARE(result.object().value(u"message"_s).toString(), message);
    QVERIFY(result.object().value(u"context"_s).isObject());
    QVERIFY(m_fake->hasToken(u"customers"_s, m_ids.at(0)));

    m_fake->setForceAccessReason(false);
    if (reason.isEmpty())
        QCOMPARE(rotate(u"token_ids="_s + m_ids.at(0)).status, 200);
}

void TestFakePiiano::credentialErrors_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("status");
    QTest::addColumn<QJsonObject>("body");
    QTest::newRow("missing") << QString() << 401
                             << QJsonObject {{u"error_code"_s, u"PV1005"_s},
                                    {u"message"_s, u"The request is unauthorized."_s}, {u"context"_s, QJsonObject {}}};
    QTest::newRow("unknown") << u"not-a-key"_s << 401
                             << QJsonObject {{u"error_code"_s, u"PV1005"_s},
                                    {u"message"_s, u"The request is unauthorized."_s}, {u"context"_s, QJsonObject {}}};
    QTest::newRow("no capability") << ReaderKey.exposeUtf8() << 403
                                   << QJsonObject {{u"error_code"_s, u"PV1007"_s},
                                          {u"message"_s, u"The operation is forbidden due to missing capabilities."_s},
                                          {u"context"_s, QJsonObject {{u"username"_s, u"WebServer"_s}}}};
}

void TestFakePiiano::credentialErrors()
{
    QFETCH(QString, key);
    QFETCH(int, status);
    QFETCH(QJsonObject, body);
    const FakeHttpResult result
        = rotate(u"token_ids=%1&reason=Maintenance"_s.arg(m_ids.at(0)), SecretBytes::fromUtf8(key));
    QCOMPARE(result.status, status);
    QCOMPARE(result.header("Content-Type"), "application/json");
    QCOMPARE(result.object(), body);
}

void TestFakePiiano::unknownCollection()
{
    const FakeHttpResult result = post(u"/api/pvlt/1.0/data/collections/nothere/rotate/tokens"_s,
        u"token_ids=%1&reason=Maintenance"_s.arg(m_ids.at(0)));
    QCOMPARE(result.status, 404);
    QCOMPARE(result.object().value(u"error_code"_s).toString(), u"PV1004"_s);
}

void TestFakePiiano::queryAndDetokenize()
{
    const QString next
        = rotate(u"token_ids=%1&reason=Maintenance"_s.arg(m_ids.at(0))).object().value(m_ids.at(0)).toString();
    QCOMPARE(m_fake->orphanCount(), 1);

    const QJsonObject query {{u"token_ids"_s, QJsonArray {next, m_ids.at(0)}}};
    const FakeHttpResult metadata = post(u"/api/pvlt/1.0/data/collections/customers/query/tokens"_s,
        u"reason=Maintenance"_s, AdminKey, QJsonDocument(query).toJson());
    QCOMPARE(metadata.status, 200);
    const QJsonArray found = metadata.json().array();
    QCOMPARE(found.size(), 1); // the old id is gone
    QCOMPARE(found[0][u"token_id"_s].toString(), next);
    QCOMPARE(found[0][u"type"_s].toString(), u"pointer"_s);
    QCOMPARE(found[0][u"scope"_s].toString(), u"default"_s);
    QVERIFY(found[0][u"agg"_s].isObject());
    QCOMPARE(found[0][u"tokens"_s][0][u"tags"_s].toArray(), QJsonArray {u"crm"_s});
    QCOMPARE(m_fake->orphanCount(), 0);
    QCOMPARE(post(u"/api/pvlt/1.0/data/collections/customers/query/tokens"_s, u"reason=Maintenance"_s, AdminKey,
                 R"({"ids":[]})")
                 .status,
        400);

    FakeHttpClient::Headers auth {{"Authorization", "Bearer " + AdminKey.exposeBytes()}};
    const FakeHttpResult values = m_client.send("GET",
        FakeHttpClient::url(m_fake->baseUrl(), u"/api/pvlt/1.0/data/collections/customers/tokens"_s,
            u"token_ids=%1,%2&reason=AppFunctionality&props=email"_s.arg(next, m_ids.at(0))),
        auth);
    QCOMPARE(values.status, 200);
    QCOMPARE(values.json().array().size(), 1);
    QCOMPARE(values.json().array()[0][u"fields"_s].toObject(), (QJsonObject {{u"email"_s, u"pat@example.com"_s}}));
}

void TestFakePiiano::healthNeedsNoKey()
{
    for (const QString &path : {u"/api/pvlt/1.0/data/info/health"_s, u"/api/pvlt/1.0/ctl/info/health"_s}) {
        const FakeHttpResult result = m_client.send("GET", FakeHttpClient::url(m_fake->baseUrl(), path));
        QCOMPARE(result.status, 200);
        QCOMPARE(result.object(), (QJsonObject {{u"status"_s, u"pass"_s}}));
    }
}

void TestFakePiiano::faultBodies()
{
    m_fake->setFaultPlan(u"POST /api/pvlt/1.0/data/collections/*/rotate/tokens"_s,
        *FaultPlan::parse(u"throttle=1,retry-after=1,error=1,error-status=500"_s));
    const FakeHttpResult throttled = rotate(u"token_ids=%1&reason=Maintenance"_s.arg(m_ids.at(0)));
    QCOMPARE(throttled.status, 429);
    QCOMPARE(throttled.header("Retry-After"), "1");
    QCOMPARE(throttled.object().value(u"error_code"_s).toString(), u"PV1009"_s);
    const FakeHttpResult failed = rotate(u"token_ids=%1&reason=Maintenance"_s.arg(m_ids.at(0)));
    QCOMPARE(failed.status, 500);
    QCOMPARE(failed.object().value(u"error_code"_s).toString(), u"PV1000"_s);
    QVERIFY(failed.object().value(u"context"_s).isObject());
    QVERIFY(m_fake->hasToken(u"customers"_s, m_ids.at(0)));
}

QTEST_GUILESS_MAIN(TestFakePiiano)
#include "testfakepiiano.moc"
