// SPDX-License-Identifier: GPL-3.0-or-later
// 1,000 Dynatrace rotations with Vault sinks while the fakes inject a fault into 10 % of all
// requests (429, 5xx, connections cut mid-answer, garbled JSON): every token ends rotated (its
// new secret stored, in Vault, and working) or unchanged and reported (its old secret still
// working, the reason given); no token is left at Dynatrace that nobody holds the secret of,
// and no readable Vault value outlives an undone rotation. Then an emergency revocation of all 1,001
// tokens of the account finishes and reports every one.
#include "appcontext.h"
#include "emergencyrevocation.h"
#include "fakedynatrace.h"
#include "fakevaultkv.h"
#include "mockclock.h"
#include "rotationengine.h"
#include "secretcustody.h"
#include "secrets/keychainsecretstore.h"
#include "secrets/secretjob.h"
#include "store/rotationstore.h"
#include "store/workspacestore.h"
#include "tempworkspace.h"
#include "workspacesync.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr int TokenCount = 1000;
constexpr int SinkEvery = 4; // every fourth token also writes to Vault

} // namespace

class TestRotationSoak : public QObject
{
    Q_OBJECT

private:
    MockClock m_clock {QDateTime::currentDateTimeUtc()};
    FakeDynatrace m_dynatrace {m_clock};
    FakeVaultKv m_vault {m_clock};
    TempWorkspace m_dir;
    WorkspaceStore m_store;
    KeychainSecretStore m_secrets;
    std::unique_ptr<AppContext> m_context;
    Account m_account;
    QHash<QString, SecretBytes> m_oldSecrets; // token name -> secret at the start

    QByteArray keychainValue(const QString &key)
    {
        SecretJob *job = m_secrets.read(key);
        QSignalSpy finished(job, &SecretJob::finished);
        if (!finished.wait(20000) || job->error() != SecretJob::Error::NoError)
            return {};
        return job->value().exposeBytes();
    }

    Account addAccount(ProviderKind kind, const QString &name, const QUrl &url, const SecretBytes &credential)
    {
        Account account;
        account.kind = kind;
        account.displayName = name;
        account.baseUrl = url;
        bool done = false;
        m_context->custody()->addAccount(account, credential, this, [&](const Account &saved, const QString &) {
            account = saved;
            done = true;
        });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(done, 20000); }();
        return account;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dynatrace.listen());
        QVERIFY(m_vault.listen());
        DynatraceTokenSeed manager;
        manager.name = u"tokendesk-manager"_s;
        manager.scopes = {u"apiTokens.read"_s, u"apiTokens.write"_s};
        const SecretBytes managerSecret = m_dynatrace.addToken(manager);
        for (int i = 0; i < TokenCount; ++i) {
            DynatraceTokenSeed seed;
            seed.name = u"svc-%1"_s.arg(i, 4, 10, QChar(u'0'));
            seed.scopes = {u"metrics.ingest"_s};
            m_oldSecrets.insert(seed.name, m_dynatrace.addToken(seed));
        }
        m_vault.addMount(u"secret"_s);
        const SecretBytes vaultToken("hvs.SoakTestRootToken0000000"_ba);
        m_vault.addRootToken(vaultToken);

        QVERIFY(m_store.open(m_dir.path()));
        m_context = std::make_unique<AppContext>(&m_store, &m_secrets, m_clock);
        m_account = addAccount(ProviderKind::Dynatrace, u"Dynatrace"_s, m_dynatrace.baseUrl(), managerSecret);
        const Account vault = addAccount(ProviderKind::VaultKv, u"Vault"_s, m_vault.baseUrl(), vaultToken);
        QSignalSpy refreshed(m_context->sync(), &WorkspaceSync::refreshFinished);
        m_context->sync()->refresh(m_account.id);
        QVERIFY(refreshed.wait(30000));
        QCOMPARE(m_store.tokens().size(), TokenCount + 1);
        RotationStore rotations(&m_store);
        for (const Token &token : m_store.tokens()) {
            if (!token.name.startsWith(u"svc-"_s) || token.name.mid(4).toInt() % SinkEvery != 0)
                continue;
            QList<TokenSink> sinks {{0, 0, vault.id, u"secret"_s, u"soak/"_s + token.name, u"token"_s}};
            QVERIFY(rotations.setSinks(token.id, sinks));
        }
    }

    void thousandRotationsUnderFaults()
    {
        FaultPlan faults;
        faults.randomRate = 0.10;
        faults.seed = 4242;
        m_dynatrace.setFaultPlan({}, faults);
        faults.seed = 4343;
        m_vault.setFaultPlan({}, faults);

        RotationEngine *engine = m_context->engine();
        QSignalSpy idle(engine, &RotationEngine::idle);
        QHash<qint64, Rotation> outcomes;
        connect(
            engine, &RotationEngine::finished, this, [&outcomes](const Rotation &r) { outcomes.insert(r.tokenId, r); });
        for (const Token &token : m_store.tokens()) {
            if (token.name.startsWith(u"svc-"_s))
                QVERIFY(engine->rotate(token.id));
        }
        QVERIFY(idle.wait(600000));
        // An undo cut short by a fault is retried, as the next start or `resume` would.
        m_dynatrace.setFaultPlan({}, {});
        m_vault.setFaultPlan({}, {});
        if (engine->resume() > 0)
            QVERIFY(idle.wait(120000));
        // Left unfinished: only the rotated ones, waiting for their grace period to end.
        const auto waiting = std::count_if(outcomes.cbegin(), outcomes.cend(),
            [](const Rotation &r) { return r.status == Rotation::Status::Waiting; });
        QCOMPARE(RotationStore(&m_store).unfinished().size(), waiting);

        int rotated = 0;
        int unchanged = 0;
        QSet<QByteArray> stored;
        for (const Token &token : m_store.tokens()) {
            if (!token.name.startsWith(u"svc-"_s))
                continue;
            const Rotation outcome = outcomes.value(token.id);
            const VaultKvSecret *sink = m_vault.secret(u"secret"_s, u"soak/"_s + token.name);
            if (outcome.status == Rotation::Status::Waiting) {
                ++rotated;
                QCOMPARE(token.currentVersion, 2);
                QByteArray secret;
                for (const TokenVersion &v : m_store.versions(token.id)) {
                    if (v.number == 2)
                        secret = keychainValue(v.secret.location);
                }
                QVERIFY2(m_dynatrace.isSecretValid(SecretBytes(secret)), qPrintable(token.name));
                stored.insert(secret);
                if (sink)
                    QCOMPARE(
                        sink->versions.value(sink->currentVersion).data.value(u"token"_s).toString().toUtf8(), secret);
            } else {
                ++unchanged;
                QVERIFY2(outcome.status == Rotation::Status::Failed || outcome.status == Rotation::Status::Compensated,
                    qPrintable(token.name + u": "_s + Rotation::statusId(outcome.status)));
                QVERIFY2(!outcome.error.isEmpty(), qPrintable(token.name));
                QCOMPARE(token.currentVersion, 1);
                QVERIFY2(m_dynatrace.isSecretValid(m_oldSecrets.value(token.name)), qPrintable(token.name));
                // A Vault key written before the failure did not exist before: its value was destroyed.
                if (sink && sink->currentVersion > 0)
                    QVERIFY2(sink->versions.value(sink->currentVersion).destroyed, qPrintable(token.name));
            }
        }
        qInfo("%d rotated, %d unchanged and reported", rotated, unchanged);
        QCOMPARE(rotated + unchanged, TokenCount);
        QVERIFY(rotated > TokenCount / 2);
        QVERIFY(unchanged > 0); // the faults did bite
        for (const DynatraceToken &orphan : m_dynatrace.tokens()) {
            if (!orphan.createdViaApi || !orphan.enabled || orphan.lastUsedDate.isValid())
                continue;
            // Say whose it is and what the rotation recorded, so a failure here is diagnosable.
            const std::optional<Token> owner = [&] {
                for (const Token &t : m_store.tokens())
                    if (t.name == orphan.name)
                        return std::optional(t);
                return std::optional<Token>();
            }();
            QStringList trail;
            for (const AuditEvent &e : m_store.auditEvents(owner ? owner->id : -1))
                trail << e.action + u':' + AuditEvent::outcomeId(e.outcome) + u':' + e.details;
            qWarning("orphan %s of %s: %s", qPrintable(orphan.id), qPrintable(orphan.name),
                qPrintable(trail.join(u" | "_s)));
        }
        QCOMPARE(m_dynatrace.orphanCount(), 0);
        // Zero secrets lost: the working tokens are exactly the manager, the unchanged old ones and
        // the replacements whose secrets the keychain holds (old ones still in grace count too).
        QCOMPARE(stored.size(), rotated);
        QCOMPARE(m_dynatrace.enabledCount(), 1 + unchanged + 2 * rotated);
    }

    void emergencyRevocationOfTheWholeAccount()
    {
        QList<qint64> ids;
        for (const Token &token : m_store.tokensOfAccount(m_account.id))
            ids << token.id;
        EmergencyRevocation revocation(m_context.get());
        QSignalSpy finished(&revocation, &EmergencyRevocation::finished);
        QSignalSpy reported(&revocation, &EmergencyRevocation::itemFinished);
        revocation.start(ids);
        QVERIFY(finished.wait(600000));
        QCOMPARE(reported.size(), ids.size());
        int revoked = 0;
        for (const EmergencyRevocation::Item &item : revocation.items()) {
            if (item.outcome == EmergencyRevocation::Item::Outcome::Revoked)
                ++revoked;
            else // only the management token, which cannot disable itself; say why another failed
                QVERIFY2(item.tokenName == u"tokendesk-manager"_s, qPrintable(item.tokenName + u": "_s + item.message));
        }
        QCOMPARE(revoked, ids.size() - 1);
        QCOMPARE(m_dynatrace.enabledCount(), 1); // only the management token still works
    }
};

QTEST_GUILESS_MAIN(TestRotationSoak)
#include "testrotationsoak.moc"
