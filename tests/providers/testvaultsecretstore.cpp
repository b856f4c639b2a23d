// SPDX-License-Identifier: GPL-3.0-or-later
// VaultSecretStore (a SecretStore over Vault KV v2) against the stateful fake HashiCorp Vault.
#include "fakevaultkv.h"
#include "http/httpclient.h"
#include "mockclock.h"
#include "secrets/secretjob.h"
#include "secrets/vaultsecretstore.h"
#include "vaultkv/vaultkvclient.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;

namespace {

// Runs one job to its end; tests may wait, production code never does.
struct Outcome
{
    SecretJob::Error error = SecretJob::Error::Other;
    QString errorString;
    QByteArray value;
    bool finishedOnce = false;
};

Outcome run(SecretJob *job)
{
    Outcome outcome;
    int finishedCount = 0;
    QObject::connect(job, &SecretJob::finished, [&](SecretJob *done) {
        ++finishedCount;
        outcome.error = done->error();
        outcome.errorString = done->errorString();
        outcome.value = done->value().exposeBytes();
    });
    if (!QTest::qWaitFor([&] { return finishedCount > 0; }, 30000))
        outcome.errorString = u"job did not finish within 30 s"_s;
    QTest::qWait(20);
    outcome.finishedOnce = finishedCount == 1;
    return outcome;
}

const QString Prefix = u"tokendesk-test"_s;
const QString Key = u"tokendesk/piiano/3/credential"_s;
const QString KvPath = u"tokendesk-test/tokendesk/piiano/3/credential"_s;
const QString MetadataPath = u"/v1/secret/metadata/tokendesk-test/tokendesk/piiano/3/credential"_s;
const QString DataPath = u"/v1/secret/data/tokendesk-test/tokendesk/piiano/3/credential"_s;

} // namespace

class TestVaultSecretStore : public QObject
{
    Q_OBJECT

private:
    MockClock m_clock;
    QNetworkAccessManager m_network;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<FakeVaultKv> m_fake;
    std::unique_ptr<VaultKvClient> m_client;
    std::unique_ptr<VaultSecretStore> m_store;
    SecretBytes m_root = SecretBytes("hvs.root-token-for-tests"_ba);

    std::unique_ptr<VaultKvClient> client(const SecretBytes &token, const QUrl &baseUrl)
    {
        VaultKvClient::Settings settings;
        settings.baseUrl = baseUrl;
        settings.mount = u"secret"_s;
        return std::make_unique<VaultKvClient>(m_http.get(), settings, token);
    }

    QString storedValue(int version = 0) const
    {
        return m_fake->secretData(u"secret"_s, KvPath, version).value_or(QJsonObject()).value(u"value"_s).toString();
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_http = std::make_unique<HttpClient>(&m_network);
        m_http->setRetryPolicy(
            RetryPolicy([] { return 0.5; }, std::chrono::milliseconds(20), std::chrono::milliseconds(100)));
        m_fake = std::make_unique<FakeVaultKv>(m_clock);
        QVERIFY(m_fake->listen());
        m_fake->addMount(u"secret"_s);
        m_fake->addRootToken(m_root);
        m_client = client(m_root, m_fake->baseUrl());
        m_store = std::make_unique<VaultSecretStore>(m_client.get(), Prefix);
    }

    void cleanup()
    {
        m_store.reset();
        m_client.reset();
        m_fake.reset();
        m_http.reset();
    }

    void roundTrip()
    {
        const Outcome written = run(m_store->write(Key, SecretBytes("pvaultauth-admin-key"_ba)));
        QCOMPARE(written.error, SecretJob::Error::NoError);
        QVERIFY(written.finishedOnce);
        QCOMPARE(storedValue(), u"pvaultauth-admin-key"_s);
        QCOMPARE(m_fake->secret(u"secret"_s, KvPath)->versions.value(1).data.keys(), QStringList {u"value"_s});

        const Outcome read = run(m_store->read(Key));
        QCOMPARE(read.error, SecretJob::Error::NoError);
        QCOMPARE(read.value, "pvaultauth-admin-key"_ba);
        QCOMPARE(m_store->locationFor(Key), u"secret/"_s + KvPath + u"#value"_s);
        QVERIFY(m_store->backendName().contains(u"Vault"_s));
    }

    void writesWithCheckAndSet()
    {
        // The mount insists on cas; every write of the store sends one.
        m_fake->store().mount({}, u"secret"_s)->casRequired = true;
        QCOMPARE(run(m_store->write(Key, SecretBytes("first"_ba))).error, SecretJob::Error::NoError);
        QCOMPARE(run(m_store->write(Key, SecretBytes("second"_ba))).error, SecretJob::Error::NoError);
        QCOMPARE(m_fake->secret(u"secret"_s, KvPath)->currentVersion, 2);
        QCOMPARE(storedValue(1), u"first"_s);
        QCOMPARE(storedValue(), u"second"_s);
        QCOMPARE(run(m_store->read(Key)).value, "second"_ba);
        QCOMPARE(m_fake->requests("GET", MetadataPath).size(), 2);
        QCOMPARE(m_fake->requests("POST", DataPath).size(), 2);
    }

    void concurrentWriterIsNotOverwrittenBlindly()
    {
        QCOMPARE(run(m_store->write(Key, SecretBytes("first"_ba))).error, SecretJob::Error::NoError);
        // Hold the metadata answer back and slip another writer's version in before our write.
        FaultPlan slow;
        slow.latencyMs = 300;
        m_fake->setFaultPlan(u"GET "_s + MetadataPath, slow);
        m_fake->clearRequests();
        SecretJob *job = m_store->write(Key, SecretBytes("ours"_ba));
        QTRY_COMPARE_WITH_TIMEOUT(m_fake->requests("GET", MetadataPath).size(), 1, 5000);
        m_fake->seedSecret(u"secret"_s, KvPath, {{u"value"_s, u"theirs"_s}});
        const Outcome written = run(job);
        QCOMPARE(written.error, SecretJob::Error::NoError);
        QCOMPARE(m_fake->requests("POST", DataPath).size(), 2); // cas 1 refused, then cas 2
        QCOMPARE(m_fake->secret(u"secret"_s, KvPath)->currentVersion, 3);
        QCOMPARE(storedValue(2), u"theirs"_s);
        QCOMPARE(storedValue(), u"ours"_s);
    }

    void readOfAnUnknownKeyIsNotFound()
    {
        const Outcome read = run(m_store->read(u"tokendesk/piiano/3/nothing"_s));
        QCOMPARE(read.error, SecretJob::Error::NotFound);
        QVERIFY(read.value.isEmpty());
        QVERIFY2(read.errorString.contains(u"Vault"_s), qPrintable(read.errorString));
        QVERIFY(!read.errorString.contains(u"keychain"_s, Qt::CaseInsensitive));
    }

    void removeDeletesEveryVersion()
    {
        QCOMPARE(run(m_store->write(Key, SecretBytes("first"_ba))).error, SecretJob::Error::NoError);
        QCOMPARE(run(m_store->write(Key, SecretBytes("second"_ba))).error, SecretJob::Error::NoError);
        QCOMPARE(run(m_store->remove(Key)).error, SecretJob::Error::NoError);
        QVERIFY(!m_fake->secret(u"secret"_s, KvPath));
        QCOMPARE(run(m_store->read(Key)).error, SecretJob::Error::NotFound);
        QCOMPARE(run(m_store->remove(Key)).error, SecretJob::Error::NoError); // twice is harmless
        // After a remove the key starts again at version 1 (cas 0).
        QCOMPARE(run(m_store->write(Key, SecretBytes("again"_ba))).error, SecretJob::Error::NoError);
        QCOMPARE(m_fake->secret(u"secret"_s, KvPath)->currentVersion, 1);
    }

    void badTokenIsAccessDenied()
    {
        m_fake->seedSecret(u"secret"_s, KvPath, {{u"value"_s, u"first"_s}});
        auto bad = client(SecretBytes("hvs.not-a-token"_ba), m_fake->baseUrl());
        VaultSecretStore store(bad.get(), Prefix);
        const std::function<SecretJob *()> calls[] = {[&] { return store.read(Key); },
            [&] { return store.write(Key, SecretBytes("x"_ba)); }, [&] { return store.remove(Key); }};
        for (const auto &call : calls) {
            const Outcome outcome = run(call());
            QCOMPARE(outcome.error, SecretJob::Error::AccessDenied);
            QVERIFY2(outcome.errorString.contains(u"permission denied"_s), qPrintable(outcome.errorString));
            QVERIFY(!outcome.errorString.contains(u"hvs."_s));
        }
        QCOMPARE(storedValue(), u"first"_s);
    }

    void sealedVaultIsLocked()
    {
        m_fake->seedSecret(u"secret"_s, KvPath, {{u"value"_s, u"first"_s}});
        FaultPlan sealed;
        sealed.serverErrorCount = 100;
        sealed.serverErrorStatus = 503;
        m_fake->setFaultPlan(u"*"_s, sealed);
        const Outcome read = run(m_store->read(Key));
        QCOMPARE(read.error, SecretJob::Error::Locked);
        QVERIFY2(read.errorString.contains(u"sealed"_s), qPrintable(read.errorString));
        QCOMPARE(run(m_store->write(Key, SecretBytes("x"_ba))).error, SecretJob::Error::Locked);
        QCOMPARE(m_fake->requests("POST", DataPath).size(), 0);
    }

    void unreachableVaultIsNoBackend()
    {
        // A port that was free a moment ago: the connection is refused.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        QUrl url;
        url.setScheme(u"http"_s);
        url.setHost(u"127.0.0.1"_s);
        url.setPort(probe.serverPort());
        probe.close();
        auto unreachable = client(m_root, url);
        VaultSecretStore store(unreachable.get(), Prefix);
        const Outcome read = run(store.read(Key));
        QCOMPARE(read.error, SecretJob::Error::NoBackend);
        QVERIFY2(read.errorString.contains(u"Vault"_s), qPrintable(read.errorString));
    }

    void slowVaultIsTimeout()
    {
        m_fake->seedSecret(u"secret"_s, KvPath, {{u"value"_s, u"first"_s}});
        m_client->setCallDeadline(std::chrono::milliseconds(300));
        FaultPlan slow;
        slow.latencyMs = 2000;
        m_fake->setFaultPlan(u"GET "_s + DataPath, slow);
        const Outcome read = run(m_store->read(Key));
        QCOMPARE(read.error, SecretJob::Error::Timeout);
        // The call's own deadline ends it, in Vault's words, long before the job's watchdog.
        QVERIFY2(read.errorString.contains(u"Vault"_s), qPrintable(read.errorString));
        QVERIFY(!read.errorString.contains(u"keychain"_s, Qt::CaseInsensitive));
    }

    void otherFailuresAreOther()
    {
        // A value under another field name is not one this store wrote.
        m_fake->seedSecret(u"secret"_s, KvPath, {{u"password"_s, u"first"_s}});
        const Outcome read = run(m_store->read(Key));
        QCOMPARE(read.error, SecretJob::Error::Other);
        QVERIFY2(read.errorString.contains(u"value"_s), qPrintable(read.errorString));

        const Outcome badKey = run(m_store->write(u"../escape"_s, SecretBytes("x"_ba)));
        QCOMPARE(badKey.error, SecretJob::Error::Other);
        const Outcome empty = run(m_store->write(Key, SecretBytes()));
        QCOMPARE(empty.error, SecretJob::Error::Other);
        QCOMPARE(m_fake->requests("POST", DataPath).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestVaultSecretStore)
#include "testvaultsecretstore.moc"
