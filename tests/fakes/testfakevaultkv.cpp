// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakehttpclient.h"
#include "fakevaultkv.h"
#include "mockclock.h"

#include <QJsonArray>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {

const SecretBytes Root = SecretBytes::fromUtf8(u"hvs.rootrootrootrootrootroot"_s);
const SecretBytes App = SecretBytes::fromUtf8(u"hvs.CAESIappappappappappapp"_s);

QJsonObject writeBody(const QJsonObject &data, std::optional<int> cas = std::nullopt)
{
    QJsonObject body {{u"data"_s, data}};
    if (cas)
        body.insert(u"options"_s, QJsonObject {{u"cas"_s, *cas}});
    return body;
}

} // namespace

// Tests FakeVaultKv: the KV v2 envelope, check-and-set, versions, soft delete / destroy,
// metadata and LIST, namespaces, ACL rules, PATCH, health, lookup-self and error bodies.
class TestFakeVaultKv : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void badTokenIsPermissionDenied_data();
    void badTokenIsPermissionDenied();
    void writeThenReadInTheEnvelope();
    void checkAndSet_data();
    void checkAndSet();
    void casRequiredByMount();
    void deleteUndeleteDestroy();
    void metadataAndList();
    void maxVersionsPrunesOldest();
    void namespacesKeepSeparateState();
    void aclRulesLimitPaths();
    void patchMergesData();
    void healthAndLookupSelf();
    void unknownMountAndFaults();

private:
    FakeHttpResult call(const QByteArray &verb, const QString &path, const SecretBytes &token = Root,
        const QJsonObject &body = {}, const FakeHttpClient::Headers &extra = {})
    {
        FakeHttpClient::Headers headers = extra;
        if (!token.isEmpty())
            headers.append({"X-Vault-Token", token.exposeBytes()});
        const qsizetype mark = path.indexOf(u'?');
        const QUrl url
            = FakeHttpClient::url(m_fake->baseUrl(), path.left(mark), mark < 0 ? QString() : path.mid(mark + 1));
        return m_client.send(verb, url, headers, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson());
    }
    static QJsonObject errors(const QStringList &messages)
    {
        return {{u"errors"_s, QJsonArray::fromStringList(messages)}};
    }

    std::unique_ptr<MockClock> m_clock;
    std::unique_ptr<FakeVaultKv> m_fake;
    FakeHttpClient m_client;
};

void TestFakeVaultKv::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestFakeVaultKv::init()
{
    m_clock = std::make_unique<MockClock>();
    m_fake = std::make_unique<FakeVaultKv>(*m_clock);
    QVERIFY(m_fake->listen());
    m_fake->addMount(u"secret"_s);
    m_fake->addMount(u"secret"_s, u"team-a"_s);
    m_fake->addRootToken(Root);
    VaultTokenSeed app;
    app.displayName = u"token-tokendesk"_s;
    app.policies = {u"default"_s, u"tokendesk"_s};
    app.rules = {{u"secret/data/tokendesk/*"_s, {u"create"_s, u"read"_s, u"update"_s}},
        {u"secret/metadata/tokendesk/*"_s, {u"read"_s, u"list"_s}}};
    m_fake->addToken(App, app);
}

void TestFakeVaultKv::cleanup()
{
    m_fake.reset();
    m_clock.reset();
}

void TestFakeVaultKv::badTokenIsPermissionDenied_data()
{
    QTest::addColumn<QString>("token");
    QTest::newRow("missing") << QString();
    QTest::newRow("unknown") << u"hvs.nope"_s;
    QTest::newRow("revoked") << u"revoked"_s;
}

void TestFakeVaultKv::badTokenIsPermissionDenied()
{
    QFETCH(QString, token);
    SecretBytes credential = SecretBytes::fromUtf8(token);
    if (token == u"revoked"_s) {
        m_fake->revokeToken(App);
        credential = App;
    }
    for (const QString &path : {u"/v1/secret/data/tokendesk/x"_s, u"/v1/auth/token/lookup-self"_s}) {
        const FakeHttpResult result = call("GET", path, credential);
        QCOMPARE(result.status, 403);
        QCOMPARE(result.object(), errors({u"permission denied"_s}));
    }
}

void TestFakeVaultKv::writeThenReadInTheEnvelope()
{
    const FakeHttpResult written
        = call("POST", u"/v1/secret/data/tokendesk/glean/wiki"_s, App, writeBody({{u"token"_s, u"s3cr3t"_s}}, 0));
    QCOMPARE(written.status, 200);
    const QJsonObject envelope = written.object();
    QStringList keys = envelope.keys();
    keys.sort();
    QCOMPARE(keys,
        QStringList({u"auth"_s, u"data"_s, u"lease_duration"_s, u"lease_id"_s, u"mount_type"_s, u"renewable"_s,
            u"request_id"_s, u"warnings"_s, u"wrap_info"_s}));
    QVERIFY(!QUuid::fromString(envelope.value(u"request_id"_s).toString()).isNull());
    QCOMPARE(envelope.value(u"lease_id"_s).toString(), QString());
    QCOMPARE(envelope.value(u"renewable"_s).toBool(), false);
    QCOMPARE(envelope.value(u"lease_duration"_s).toInt(), 0);
    QVERIFY(envelope.value(u"wrap_info"_s).isNull() && envelope.value(u"warnings"_s).isNull()
        && envelope.value(u"auth"_s).isNull());
    const QJsonObject meta = envelope.value(u"data"_s).toObject();
    QCOMPARE(meta.value(u"version"_s).toInt(), 1);
    QCOMPARE(meta.value(u"deletion_time"_s).toString(), QString());
    QCOMPARE(meta.value(u"destroyed"_s).toBool(), false);
    QVERIFY(meta.value(u"custom_metadata"_s).isNull());
    QCOMPARE(m_fake->orphanCount(), 1);

    const FakeHttpResult read = call("GET", u"/v1/secret/data/tokendesk/glean/wiki"_s, App);
    QCOMPARE(read.status, 200);
    QCOMPARE(read.object()[u"data"_s][u"data"_s].toObject(), (QJsonObject {{u"token"_s, u"s3cr3t"_s}}));
    QCOMPARE(read.object()[u"data"_s][u"metadata"_s][u"version"_s].toInt(), 1);
    QCOMPARE(m_fake->orphanCount(), 0);
    QCOMPARE(call("GET", u"/v1/secret/data/tokendesk/none"_s, App).object(), errors({}));
}

void TestFakeVaultKv::checkAndSet_data()
{
    QTest::addColumn<int>("cas");
    QTest::addColumn<int>("status");
    QTest::newRow("only if absent, but present") << 0 << 400;
    QTest::newRow("stale version") << 1 << 400;
    QTest::newRow("current version") << 2 << 200;
    QTest::newRow("future version") << 3 << 400;
}

void TestFakeVaultKv::checkAndSet()
{
    QFETCH(int, cas);
    QFETCH(int, status);
    m_fake->seedSecret(u"secret"_s, u"tokendesk/pangea/ci"_s, {{u"token"_s, u"one"_s}});
    m_fake->seedSecret(u"secret"_s, u"tokendesk/pangea/ci"_s, {{u"token"_s, u"two"_s}});
    const FakeHttpResult result
        = call("POST", u"/v1/secret/data/tokendesk/pangea/ci"_s, App, writeBody({{u"token"_s, u"three"_s}}, cas));
    QCOMPARE(result.status, status);
    if (status == 400) {
        QCOMPARE(result.object(), errors({u"check-and-set parameter did not match the current version"_s}));
        QCOMPARE(m_fake->secret(u"secret"_s, u"tokendesk/pangea/ci"_s)->currentVersion, 2);
    } else {
        QCOMPARE(result.object()[u"data"_s][u"version"_s].toInt(), 3);
    }
}

void TestFakeVaultKv::casRequiredByMount()
{
    QCOMPARE(call("POST", u"/v1/secret/config"_s, Root, {{u"cas_required"_s, true}}).status, 204);
    QCOMPARE(call("GET", u"/v1/secret/config"_s).object()[u"data"_s][u"cas_required"_s].toBool(), true);
    const FakeHttpResult missing = call("PUT", u"/v1/secret/data/app"_s, Root, writeBody({{u"k"_s, u"v"_s}}));
    QCOMPARE(missing.status, 400);
    QCOMPARE(missing.object(), errors({u"check-and-set parameter required for this call"_s}));
    QVERIFY(!m_fake->secret(u"secret"_s, u"app"_s));
    QCOMPARE(call("PUT", u"/v1/secret/data/app"_s, Root, writeBody({{u"k"_s, u"v"_s}}, 0)).status, 200);
    QCOMPARE(call("PUT", u"/v1/secret/data/app"_s, Root, QJsonObject {{u"options"_s, QJsonObject {}}}).object(),
        errors({u"no data provided"_s}));
}

void TestFakeVaultKv::deleteUndeleteDestroy()
{
    for (int i = 1; i <= 3; ++i)
        m_fake->seedSecret(u"secret"_s, u"app"_s, {{u"v"_s, i}});
    QCOMPARE(call("GET", u"/v1/secret/data/app?version=1"_s).object()[u"data"_s][u"data"_s][u"v"_s].toInt(), 1);

    QCOMPARE(call("DELETE", u"/v1/secret/data/app"_s).status, 204);
    const FakeHttpResult deleted = call("GET", u"/v1/secret/data/app"_s);
    QCOMPARE(deleted.status, 404);
    QVERIFY(deleted.object()[u"data"_s][u"data"_s].isNull());
    QCOMPARE(deleted.object()[u"data"_s][u"metadata"_s][u"deletion_time"_s].toString(),
        m_clock->nowUtc().toString(Qt::ISODateWithMs));

    QCOMPARE(call("POST", u"/v1/secret/undelete/app"_s, Root, {{u"versions"_s, QJsonArray {3}}}).status, 204);
    QCOMPARE(call("GET", u"/v1/secret/data/app"_s).status, 200);

    QCOMPARE(call("PUT", u"/v1/secret/destroy/app"_s, Root, {{u"versions"_s, QJsonArray {2}}}).status, 204);
    const FakeHttpResult destroyed = call("GET", u"/v1/secret/data/app?version=2"_s);
    QCOMPARE(destroyed.status, 404);
    QCOMPARE(destroyed.object()[u"data"_s][u"metadata"_s][u"destroyed"_s].toBool(), true);
    QCOMPARE(call("POST", u"/v1/secret/undelete/app"_s, Root, {{u"versions"_s, QJsonArray {2}}}).status, 204);
    QCOMPARE(call("GET", u"/v1/secret/data/app?version=2"_s).status, 404); // destroyed is permanent

    QCOMPARE(call("POST", u"/v1/secret/delete/app"_s, Root, {{u"versions"_s, QJsonArray {1}}}).status, 204);
    QCOMPARE(call("GET", u"/v1/secret/data/app?version=1"_s).status, 404);
    QCOMPARE(call("POST", u"/v1/secret/delete/app"_s, Root, {{u"versions"_s, QJsonArray {}}}).object(),
        errors({u"no version number provided"_s}));
    QCOMPARE(m_fake->secretData(u"secret"_s, u"app"_s), std::optional<QJsonObject>(QJsonObject {{u"v"_s, 3}}));
}

void TestFakeVaultKv::metadataAndList()
{
    m_fake->seedSecret(u"secret"_s, u"apps/ci"_s, {{u"a"_s, u"1"_s}});
    m_fake->seedSecret(u"secret"_s, u"apps/ci"_s, {{u"a"_s, u"2"_s}});
    m_fake->seedSecret(u"secret"_s, u"apps/billing/export"_s, {{u"b"_s, u"1"_s}});

    const FakeHttpResult metadata = call("GET", u"/v1/secret/metadata/apps/ci"_s);
    QCOMPARE(metadata.status, 200);
    const QJsonObject data = metadata.object().value(u"data"_s).toObject();
    QCOMPARE(data.value(u"current_version"_s).toInt(), 2);
    QCOMPARE(data.value(u"oldest_version"_s).toInt(), 1);
    QCOMPARE(data.value(u"versions"_s).toObject().keys(), QStringList({u"1"_s, u"2"_s}));

    const QJsonArray expected {u"billing/"_s, u"ci"_s};
    QCOMPARE(call("LIST", u"/v1/secret/metadata/apps/"_s).object()[u"data"_s][u"keys"_s].toArray(), expected);
    QCOMPARE(m_fake->requests().constLast().request.method, "LIST");
    QCOMPARE(call("GET", u"/v1/secret/metadata/apps?list=true"_s).object()[u"data"_s][u"keys"_s].toArray(), expected);
    QCOMPARE(call("LIST", u"/v1/secret/metadata/"_s).object()[u"data"_s][u"keys"_s].toArray(), QJsonArray {u"apps/"_s});
    const FakeHttpResult empty = call("LIST", u"/v1/secret/metadata/nothing/"_s);
    QCOMPARE(empty.status, 404);
    QCOMPARE(empty.object(), errors({}));

    QCOMPARE(call("POST", u"/v1/secret/metadata/apps/ci"_s, Root,
                 {{u"custom_metadata"_s, QJsonObject {{u"provider"_s, u"pangea"_s}}}})
                 .status,
        204);
    QCOMPARE(call("GET", u"/v1/secret/data/apps/ci"_s)
                 .object()[u"data"_s][u"metadata"_s][u"custom_metadata"_s][u"provider"_s]
                 .toString(),
        u"pangea"_s);
    QCOMPARE(call("DELETE", u"/v1/secret/metadata/apps/ci"_s).status, 204);
    QCOMPARE(call("GET", u"/v1/secret/data/apps/ci"_s).status, 404);
    QCOMPARE(call("GET", u"/v1/secret/metadata/apps/ci"_s).status, 404);
}

void TestFakeVaultKv::maxVersionsPrunesOldest()
{
    QCOMPARE(call("POST", u"/v1/secret/metadata/app"_s, Root, {{u"max_versions"_s, 2}}).status, 204);
    for (int i = 1; i <= 3; ++i)
        QCOMPARE(call("POST", u"/v1/secret/data/app"_s, Root, writeBody({{u"v"_s, i}})).status, 200);
    const QJsonObject data = call("GET", u"/v1/secret/metadata/app"_s).object().value(u"data"_s).toObject();
    QCOMPARE(data.value(u"oldest_version"_s).toInt(), 2);
    QCOMPARE(data.value(u"versions"_s).toObject().keys(), QStringList({u"2"_s, u"3"_s}));
    QCOMPARE(call("GET", u"/v1/secret/data/app?version=1"_s).status, 404);
}

void TestFakeVaultKv::namespacesKeepSeparateState()
{
    QCOMPARE(call("POST", u"/v1/secret/data/shared"_s, Root, writeBody({{u"who"_s, u"root"_s}})).status, 200);
    QCOMPARE(call("POST", u"/v1/secret/data/shared"_s, Root, writeBody({{u"who"_s, u"team-a"_s}}),
                 {{"X-Vault-Namespace", "team-a/"}})
                 .status,
        200);
    QCOMPARE(call("GET", u"/v1/secret/data/shared"_s).object()[u"data"_s][u"data"_s][u"who"_s].toString(), u"root"_s);
    QCOMPARE(call("GET", u"/v1/secret/data/shared"_s, Root, {}, {{"X-Vault-Namespace", "team-a"}})
                 .object()[u"data"_s][u"data"_s][u"who"_s]
                 .toString(),
        u"team-a"_s);
    // The namespace may also lead the path.
    QCOMPARE(call("GET", u"/v1/team-a/secret/data/shared"_s).object()[u"data"_s][u"data"_s][u"who"_s].toString(),
        u"team-a"_s);
    QCOMPARE(m_fake->secret(u"secret"_s, u"shared"_s, u"team-a"_s)->currentVersion, 1);
    QCOMPARE(call("GET", u"/v1/secret/data/shared"_s, Root, {}, {{"X-Vault-Namespace", "team-b"}}).status, 404);
}

void TestFakeVaultKv::aclRulesLimitPaths()
{
    QCOMPARE(
        call("POST", u"/v1/secret/data/tokendesk/dynatrace/otel"_s, App, writeBody({{u"t"_s, u"x"_s}})).status, 200);
    QCOMPARE(call("LIST", u"/v1/secret/metadata/tokendesk/"_s, App).status, 200);
    const QJsonObject denied = errors({u"1 error occurred:\n\t* permission denied\n\n"_s});
    QCOMPARE(call("POST", u"/v1/secret/data/other"_s, App, writeBody({{u"t"_s, u"x"_s}})).object(), denied);
    QCOMPARE(call("DELETE", u"/v1/secret/metadata/tokendesk/dynatrace/otel"_s, App).object(), denied);
    QCOMPARE(call("LIST", u"/v1/secret/metadata/"_s, App).status, 403);
    // Without a matching rule a missing mount is hidden behind the same 403 (root gets 404).
    QCOMPARE(call("GET", u"/v1/kv/data/x"_s, App).object(), denied);
    QCOMPARE(call("GET", u"/v1/secret/data/tokendesk/x"_s, App, {}, {{"X-Vault-Namespace", "team-a"}}).status, 403);
    QVERIFY(!m_fake->secret(u"secret"_s, u"other"_s));
}

void TestFakeVaultKv::patchMergesData()
{
    m_fake->seedSecret(u"secret"_s, u"app"_s, {{u"keep"_s, u"1"_s}, {u"drop"_s, u"2"_s}, {u"change"_s, u"3"_s}});
    const QJsonObject patch {{u"data"_s, QJsonObject {{u"drop"_s, QJsonValue::Null}, {u"change"_s, u"30"_s}}},
        {u"options"_s, QJsonObject {{u"cas"_s, 1}}}};
    const FakeHttpResult wrongType
        = call("PATCH", u"/v1/secret/data/app"_s, Root, patch, {{"Content-Type", "application/json"}});
    QCOMPARE(wrongType.status, 415);
    const FakeHttpResult patched
        = call("PATCH", u"/v1/secret/data/app"_s, Root, patch, {{"Content-Type", "application/merge-patch+json"}});
    QCOMPARE(patched.status, 200);
    QCOMPARE(patched.object()[u"data"_s][u"version"_s].toInt(), 2);
    QCOMPARE(*m_fake->secretData(u"secret"_s, u"app"_s), (QJsonObject {{u"keep"_s, u"1"_s}, {u"change"_s, u"30"_s}}));
    QCOMPARE(
        call("PATCH", u"/v1/secret/data/missing"_s, Root, patch, {{"Content-Type", "application/merge-patch+json"}})
            .status,
        404);
}

void TestFakeVaultKv::healthAndLookupSelf()
{
    const FakeHttpResult health = call("GET", u"/v1/sys/health"_s, SecretBytes());
    QCOMPARE(health.status, 200);
    QCOMPARE(health.object().value(u"initialized"_s).toBool(), true);
    QCOMPARE(health.object().value(u"sealed"_s).toBool(), false);
    QCOMPARE(health.object().value(u"standby"_s).toBool(), false);

    const FakeHttpResult self = call("GET", u"/v1/auth/token/lookup-self"_s, App);
    QCOMPARE(self.status, 200);
    const QJsonObject data = self.object().value(u"data"_s).toObject();
    QCOMPARE(data.value(u"id"_s).toString(), App.exposeUtf8());
    QCOMPARE(data.value(u"display_name"_s).toString(), u"token-tokendesk"_s);
    QCOMPARE(data.value(u"policies"_s).toArray(), (QJsonArray {u"default"_s, u"tokendesk"_s}));
    QCOMPARE(data.value(u"ttl"_s).toInteger(), 768 * 3600);
    m_clock->advanceSeconds(768 * 3600);
    QCOMPARE(call("GET", u"/v1/auth/token/lookup-self"_s, App).status, 403); // expired
    // Bearer works like X-Vault-Token.
    QCOMPARE(m_client
                 .send("GET", FakeHttpClient::url(m_fake->baseUrl(), u"/v1/auth/token/lookup-self"_s),
                     {{"Authorization", "Bearer " + Root.exposeBytes()}})
                 .status,
        200);
}

void TestFakeVaultKv::unknownMountAndFaults()
{
    const FakeHttpResult unknown = call("GET", u"/v1/kv/data/x"_s);
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.object(), errors({u"no handler for route \"kv/data/x\". route entry not found."_s}));

    m_fake->setFaultPlan(u"/v1/secret/*"_s, *FaultPlan::parse(u"throttle=1,retry-after=5,error=1"_s));
    const FakeHttpResult throttled = call("GET", u"/v1/secret/data/x"_s);
    QCOMPARE(throttled.status, 429);
    QCOMPARE(throttled.header("Retry-After"), "5");
    QCOMPARE(throttled.object(), errors({u"request path \"secret/data/x\": rate limit quota exceeded"_s}));
    const FakeHttpResult sealed = call("GET", u"/v1/secret/data/x"_s);
    QCOMPARE(sealed.status, 503);
    QCOMPARE(sealed.object(), errors({u"Vault is sealed"_s}));
}

QTEST_GUILESS_MAIN(TestFakeVaultKv)
#include "testfakevaultkv.moc"
