// SPDX-License-Identifier: GPL-3.0-or-later
// VaultKvClient against the stateful fake HashiCorp Vault (real sockets, real wire format).
#include "fakevaultkv.h"
#include "http/httpclient.h"
#include "mockclock.h"
#include "vaultkv/vaultkvclient.h"
#include "vaultkv/vaultkvparser.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// Runs one operation to its end; tests may wait, production code never does.
struct Outcome
{
    bool ok = false;
    bool casMismatch = false;
    ApiError error;
    VaultSecretVersion version;
    VaultSecretMetadata metadata;
    bool finishedOnce = false;
};

Outcome run(VaultOperation *operation)
{
    Outcome outcome;
    int finishedCount = 0;
    QObject::connect(operation, &VaultOperation::finished, [&](VaultOperation *done) {
        ++finishedCount;
        outcome.ok = done->ok();
        outcome.casMismatch = done->isCasMismatch();
        outcome.error = done->error();
        outcome.version = done->version();
        outcome.metadata = done->metadata();
    });
    if (!QTest::qWaitFor([&] { return finishedCount > 0; }, 30000))
        outcome.error.message = u"operation did not finish within 30 s"_s;
    QTest::qWait(20);
    outcome.finishedOnce = finishedCount == 1;
    return outcome;
}

const QString Path = u"apps/billing/api-token"_s;
const QString DataPath = u"/v1/secret/data/apps/billing/api-token"_s;
const QString TeamNamespace = u"team-a"_s;

SecretBytes secret(const char *text)
{
    return SecretBytes(QByteArray(text));
}

} // namespace

class TestVaultKvClient : public QObject
{
    Q_OBJECT

private:
    MockClock m_clock;
    QNetworkAccessManager m_network;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<FakeVaultKv> m_fake;
    SecretBytes m_root = secret("hvs.root-token-for-tests");
    SecretBytes m_teamToken = secret("hvs.team-a-token-for-tests");

    std::unique_ptr<VaultKvClient> client(
        const SecretBytes &token, const QString &ns = {}, const QString &mount = u"secret"_s)
    {
        VaultKvClient::Settings settings;
        settings.baseUrl = m_fake->baseUrl();
        settings.mount = mount;
        settings.ns = ns;
        return std::make_unique<VaultKvClient>(m_http.get(), settings, token);
    }

    QString storedValue(const QString &path, int version = 0, const QString &ns = {}) const
    {
        return m_fake->secretData(u"secret"_s, path, version, ns).value_or(QJsonObject()).value(u"value"_s).toString();
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_http = std::make_unique<HttpClient>(&m_network);
        // Short, fixed back-off: the tests check what is retried, not how long the waits are.
        m_http->setRetryPolicy(
            RetryPolicy([] { return 0.5; }, std::chrono::milliseconds(20), std::chrono::milliseconds(100)));
        m_fake = std::make_unique<FakeVaultKv>(m_clock);
        QVERIFY(m_fake->listen());
        m_fake->addMount(u"secret"_s);
        m_fake->addRootToken(m_root);
        m_fake->addMount(u"secret"_s, TeamNamespace);
        m_fake->addRootToken(m_teamToken, TeamNamespace);
    }

    void cleanup()
    {
        m_fake.reset();
        m_http.reset();
    }

    void writeWithCasZeroCreates()
    {
        const Outcome written = run(client(m_root)->writeSecret(Path, u"value"_s, secret("first"), 0));
        QVERIFY2(written.ok, qPrintable(written.error.toString()));
        QVERIFY(written.finishedOnce);
        QCOMPARE(written.version.version, 1);
        QCOMPARE(written.version.createdAt, m_clock.nowUtc());
        QVERIFY(written.version.value.isEmpty());
        QCOMPARE(storedValue(Path), u"first"_s);

        const QList<RecordedRequest> sent = m_fake->requests("POST", DataPath);
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.constFirst().request.header("X-Vault-Token"), m_root.exposeBytes());
        QVERIFY(sent.constFirst().request.header("X-Vault-Namespace").isEmpty());
        const QJsonObject body = QJsonDocument::fromJson(sent.constFirst().request.body).object();
        QCOMPARE(body.value(u"options"_s).toObject().value(u"cas"_s).toInt(-1), 0);
    }

    void secondCasZeroFailsWithTheCasError()
    {
        auto vault = client(m_root);
        QVERIFY(run(vault->writeSecret(Path, u"value"_s, secret("first"), 0)).ok);
        m_fake->clearRequests();
        const Outcome again = run(vault->writeSecret(Path, u"value"_s, secret("second"), 0));
        QVERIFY(!again.ok);
        QVERIFY(again.casMismatch);
        QCOMPARE(again.error.kind, ApiError::Kind::Provider);
        QCOMPARE(again.error.httpStatus, 400);
        QCOMPARE(again.error.providerCode, VaultKvParser::CasMismatchCode);
        QVERIFY2(again.error.message.contains(u"check-and-set"_s), qPrintable(again.error.message));
        QCOMPARE(m_fake->requests("POST", DataPath).size(), 1);
        QCOMPARE(m_fake->secret(u"secret"_s, Path)->currentVersion, 1);
        QCOMPARE(storedValue(Path), u"first"_s);
    }

    void writeWithCurrentCasIncrementsTheVersion()
    {
        auto vault = client(m_root);
        QVERIFY(run(vault->writeSecret(Path, u"value"_s, secret("first"), 0)).ok);
        const Outcome metadata = run(vault->readMetadata(Path));
        QVERIFY2(metadata.ok, qPrintable(metadata.error.toString()));
        QCOMPARE(metadata.metadata.currentVersion, 1);

        m_clock.advanceMinutes(5);
        const Outcome written
            = run(vault->writeSecret(Path, u"value"_s, secret("second"), metadata.metadata.currentVersion));
        QVERIFY2(written.ok, qPrintable(written.error.toString()));
        QCOMPARE(written.version.version, 2);
        QCOMPARE(written.version.createdAt, m_clock.nowUtc());
        QCOMPARE(storedValue(Path), u"second"_s);

        // A stale cas is refused, and the key stays as it was.
        const Outcome stale = run(vault->writeSecret(Path, u"value"_s, secret("third"), 1));
        QVERIFY(stale.casMismatch);
        QCOMPARE(m_fake->secret(u"secret"_s, Path)->currentVersion, 2);
    }

    void writeWithoutCasAddsAVersion()
    {
        auto vault = client(m_root);
        QVERIFY(run(vault->writeSecret(Path, u"value"_s, secret("first"))).ok);
        const Outcome written = run(vault->writeSecret(Path, u"value"_s, secret("second")));
        QVERIFY2(written.ok, qPrintable(written.error.toString()));
        QCOMPARE(written.version.version, 2);
        const QJsonObject body
            = QJsonDocument::fromJson(m_fake->requests("POST", DataPath).constLast().request.body).object();
        QVERIFY(!body.contains(u"options"_s));
    }

    void readsCurrentAndOlderVersions()
    {
        m_fake->seedSecret(u"secret"_s, Path, {{u"value"_s, u"first"_s}, {u"note"_s, u"not a secret"_s}});
        m_clock.advanceDays(1);
        m_fake->seedSecret(u"secret"_s, Path, {{u"value"_s, u"second"_s}});
        auto vault = client(m_root);

        const Outcome current = run(vault->readSecret(Path, u"value"_s));
        QVERIFY2(current.ok, qPrintable(current.error.toString()));
        QCOMPARE(current.version.version, 2);
        QCOMPARE(current.version.value.exposeBytes(), "second"_ba);
        QCOMPARE(current.version.createdAt, m_clock.nowUtc());

        const Outcome older = run(vault->readSecret(Path, u"value"_s, 1));
        QVERIFY2(older.ok, qPrintable(older.error.toString()));
        QCOMPARE(older.version.version, 1);
        QCOMPARE(older.version.value.exposeBytes(), "first"_ba);
        QCOMPARE(older.version.fieldNames, (QStringList {u"note"_s, u"value"_s}));
        QCOMPARE(m_fake->requests("GET", DataPath).constLast().request.queryValue(u"version"_s), u"1"_s);

        const Outcome missingVersion = run(vault->readSecret(Path, u"value"_s, 7));
        QCOMPARE(missingVersion.error.httpStatus, 404);
        const Outcome missingKey = run(vault->readSecret(u"apps/nothing"_s, u"value"_s));
        QCOMPARE(missingKey.error.httpStatus, 404);
        QCOMPARE(missingKey.error.providerCode, VaultKvParser::NotFoundCode);
        const Outcome missingField = run(vault->readSecret(Path, u"password"_s));
        QCOMPARE(missingField.error.kind, ApiError::Kind::Malformed);
    }

    void metadataListsTheVersions()
    {
        const QDateTime created = m_clock.nowUtc();
        m_fake->seedSecret(u"secret"_s, Path, {{u"value"_s, u"first"_s}});
        m_clock.advanceMinutes(1);
        m_fake->seedSecret(u"secret"_s, Path, {{u"value"_s, u"second"_s}});
        m_clock.advanceMinutes(1);
        m_fake->seedSecret(u"secret"_s, Path, {{u"value"_s, u"third"_s}});
        const Outcome metadata = run(client(m_root)->readMetadata(Path));
        QVERIFY2(metadata.ok, qPrintable(metadata.error.toString()));
        QCOMPARE(metadata.metadata.currentVersion, 3);
        QCOMPARE(metadata.metadata.oldestVersion, 1);
        QCOMPARE(metadata.metadata.versions.keys(), (QList<int> {1, 2, 3}));
        QCOMPARE(metadata.metadata.createdAt, created);
        QCOMPARE(metadata.metadata.updatedAt, m_clock.nowUtc());

        const Outcome missing = run(client(m_root)->readMetadata(u"apps/nothing"_s));
        QCOMPARE(missing.error.httpStatus, 404);
    }

    void namespacesAreKeptApart()
    {
        auto root = client(m_root);
        auto team = client(m_teamToken, TeamNamespace);
        QVERIFY(run(root->writeSecret(Path, u"value"_s, secret("root value"), 0)).ok);
        const Outcome teamWrite = run(team->writeSecret(Path, u"value"_s, secret("team value"), 0));
        QVERIFY2(teamWrite.ok, qPrintable(teamWrite.error.toString()));
        QCOMPARE(teamWrite.version.version, 1); // a cas of 0 holds: the team's key is its own

        QCOMPARE(storedValue(Path), u"root value"_s);
        QCOMPARE(storedValue(Path, 0, TeamNamespace), u"team value"_s);
        QCOMPARE(run(root->readSecret(Path, u"value"_s)).version.value.exposeBytes(), "root value"_ba);
        QCOMPARE(run(team->readSecret(Path, u"value"_s)).version.value.exposeBytes(), "team value"_ba);
        QCOMPARE(m_fake->requests("GET", DataPath).constLast().request.header("X-Vault-Namespace"), "team-a"_ba);

        // The team's token does not reach outside its namespace.
        const Outcome outside = run(client(m_teamToken)->readSecret(Path, u"value"_s));
        QCOMPARE(outside.error.httpStatus, 403);
    }

    void badTokenNamesTheProblem()
    {
        m_fake->seedSecret(u"secret"_s, Path, {{u"value"_s, u"first"_s}});
        m_fake->clearRequests();
        const Outcome read = run(client(secret("hvs.not-a-token"))->readSecret(Path, u"value"_s));
        QVERIFY(!read.ok);
        QCOMPARE(read.error.httpStatus, 403);
        QCOMPARE(read.error.kind, ApiError::Kind::Provider);
        QCOMPARE(read.error.providerCode, VaultKvParser::PermissionDeniedCode);
        QVERIFY2(read.error.toString().contains(u"permission denied"_s), qPrintable(read.error.toString()));
        QVERIFY(!read.error.toString().contains(u"hvs."_s));
        QCOMPARE(m_fake->requests().size(), 1); // a refusal is not retried
    }

    void sealedVaultIsRetriedOnReads()
    {
        m_fake->seedSecret(u"secret"_s, Path, {{u"value"_s, u"first"_s}});
        FaultPlan sealed;
        sealed.serverErrorCount = 2;
        sealed.serverErrorStatus = 503;
        m_fake->setFaultPlan(u"GET /v1/secret/*"_s, sealed);
        m_fake->clearRequests();
        const Outcome read = run(client(m_root)->readSecret(Path, u"value"_s));
        QVERIFY2(read.ok, qPrintable(read.error.toString()));
        QCOMPARE(read.version.value.exposeBytes(), "first"_ba);
        QCOMPARE(m_fake->requests("GET", DataPath).size(), 3);

        // Sealed for longer than the retries last: the code says why.
        sealed.serverErrorCount = 10;
        m_fake->setFaultPlan(u"GET /v1/secret/*"_s, sealed);
        const Outcome metadata = run(client(m_root)->readMetadata(Path));
        QCOMPARE(metadata.error.httpStatus, 503);
        QCOMPARE(metadata.error.providerCode, VaultKvParser::SealedCode);
        QVERIFY(metadata.error.retryable);
    }

    void writeThatGetsAServerErrorIsReportedOnce()
    {
        FaultPlan fails;
        fails.serverErrorCount = 1;
        fails.serverErrorStatus = 500;
        m_fake->setFaultPlan(u"POST "_s + DataPath, fails);
        const Outcome written = run(client(m_root)->writeSecret(Path, u"value"_s, secret("first")));
        QVERIFY(!written.ok);
        QCOMPARE(written.error.httpStatus, 500);
        QVERIFY(!written.error.retryable);
        QCOMPARE(m_fake->requests("POST", DataPath).size(), 1);
        QVERIFY(!m_fake->secret(u"secret"_s, Path));
    }

    void lostAnswerOfAWriteWithoutCasIsNotRepeated()
    {
        FaultPlan reset;
        reset.resetCount = 1;
        m_fake->setFaultPlan(u"POST "_s + DataPath, reset);
        const Outcome written = run(client(m_root)->writeSecret(Path, u"value"_s, secret("first")));
        QVERIFY(!written.ok);
        QCOMPARE(written.error.kind, ApiError::Kind::Network);
        QCOMPARE(m_fake->requests("POST", DataPath).size(), 1);
        QCOMPARE(m_fake->secret(u"secret"_s, Path)->currentVersion, 1);
    }

    void writeWithCasIsRetriedWithoutDuplicating_data()
    {
        QTest::addColumn<int>("fault"); // FaultKind
        QTest::newRow("503 before the write") << int(FaultKind::ServerError);
        QTest::newRow("answer lost after the write") << int(FaultKind::ResetMidBody);
    }

    void writeWithCasIsRetriedWithoutDuplicating()
    {
        QFETCH(int, fault);
        auto vault = client(m_root);
        QVERIFY(run(vault->writeSecret(Path, u"value"_s, secret("first"), 0)).ok);
        FaultPlan plan;
        if (fault == int(FaultKind::ServerError)) {
            plan.serverErrorCount = 1;
            plan.serverErrorStatus = 503;
        } else {
            plan.resetCount = 1;
        }
        m_fake->setFaultPlan(u"POST "_s + DataPath, plan);
        m_fake->clearRequests();
        const Outcome written = run(vault->writeSecret(Path, u"value"_s, secret("second"), 1));
        QVERIFY2(written.ok, qPrintable(written.error.toString()));
        QCOMPARE(written.version.version, 2);
        QVERIFY(written.version.value.isEmpty());
        QCOMPARE(m_fake->requests("POST", DataPath).size(), 2);
        QCOMPARE(m_fake->secret(u"secret"_s, Path)->currentVersion, 2);
        QCOMPARE(storedValue(Path), u"second"_s);
    }

    void retriedCasWriteStillSeesAnotherWriter()
    {
        // The first attempt fails before Vault sees it; meanwhile someone else writes version 2.
        auto vault = client(m_root);
        QVERIFY(run(vault->writeSecret(Path, u"value"_s, secret("first"), 0)).ok);
        m_fake->seedSecret(u"secret"_s, Path, {{u"value"_s, u"theirs"_s}});
        FaultPlan plan;
        plan.serverErrorCount = 1;
        plan.serverErrorStatus = 503;
        m_fake->setFaultPlan(u"POST "_s + DataPath, plan);
        const Outcome written = run(vault->writeSecret(Path, u"value"_s, secret("mine"), 1));
        QVERIFY(!written.ok);
        QVERIFY(written.casMismatch);
        QCOMPARE(storedValue(Path), u"theirs"_s);
        QCOMPARE(m_fake->secret(u"secret"_s, Path)->currentVersion, 2);
    }

    void destroyVersionsRemovesOnlyThose()
    {
        m_fake->seedSecret(u"secret"_s, Path, {{u"value"_s, u"first"_s}});
        m_fake->seedSecret(u"secret"_s, Path, {{u"value"_s, u"second"_s}});
        auto vault = client(m_root);
        const Outcome destroyed = run(vault->destroyVersions(Path, {1}));
        QVERIFY2(destroyed.ok, qPrintable(destroyed.error.toString()));
        QVERIFY(m_fake->secret(u"secret"_s, Path)->versions.value(1).destroyed);
        // Vault's OpenAPI document declares only POST for destroy.
        QCOMPARE(m_fake->requests("POST", u"/v1/secret/destroy/"_s + Path).size(), 1);
        const Outcome gone = run(vault->readSecret(Path, u"value"_s, 1));
        QCOMPARE(gone.error.providerCode, VaultKvParser::VersionDestroyedCode);
        QCOMPARE(run(vault->readSecret(Path, u"value"_s)).version.value.exposeBytes(), "second"_ba);
        QCOMPARE(run(vault->destroyVersions(Path, {})).error.kind, ApiError::Kind::Refused);
    }

    void deleteMetadataRemovesEverything()
    {
        m_fake->seedSecret(u"secret"_s, Path, {{u"value"_s, u"first"_s}});
        auto vault = client(m_root);
        QVERIFY(run(vault->deleteMetadata(Path)).ok);
        QVERIFY(!m_fake->secret(u"secret"_s, Path));
        QVERIFY(run(vault->deleteMetadata(Path)).ok);
        // A mount that does not exist is an error, not "already gone".
        const Outcome wrongMount = run(client(m_root, {}, u"nosuch"_s)->deleteMetadata(Path));
        QVERIFY(!wrongMount.ok);
        QCOMPARE(wrongMount.error.httpStatus, 404);
    }

    void refusesBadInputWithoutSending_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("mount");
        QTest::newRow("dot dot") << u"apps/../other"_s << u"secret"_s;
        QTest::newRow("empty path") << u"/"_s << u"secret"_s;
        QTest::newRow("no mount") << Path << u""_s;
    }

    void refusesBadInputWithoutSending()
    {
        QFETCH(QString, path);
        QFETCH(QString, mount);
        auto vault = client(m_root, {}, mount);
        m_fake->clearRequests();
        QCOMPARE(run(vault->readSecret(path, u"value"_s)).error.kind, ApiError::Kind::Refused);
        QCOMPARE(run(vault->writeSecret(path, u"value"_s, secret("x"), 0)).error.kind, ApiError::Kind::Refused);
        QCOMPARE(m_fake->requests().size(), 0);
    }

    void baseUrlMayCarryV1AndPathsAreNormalised()
    {
        VaultKvClient::Settings settings;
        settings.baseUrl = m_fake->baseUrl();
        settings.baseUrl.setPath(u"/v1/"_s);
        settings.mount = u"/secret/"_s;
        VaultKvClient vault(m_http.get(), settings, m_root);
        QVERIFY(run(vault.writeSecret(u"/apps//billing/api-token/"_s, u"value"_s, secret("first"), 0)).ok);
        QCOMPARE(storedValue(Path), u"first"_s);
        QCOMPARE(vault.location(Path, u"value"_s), u"secret/apps/billing/api-token#value"_s);
    }
};

QTEST_GUILESS_MAIN(TestVaultKvClient)
#include "testvaultkvclient.moc"
