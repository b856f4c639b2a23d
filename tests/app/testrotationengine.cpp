// SPDX-License-Identifier: GPL-3.0-or-later
// The rotation engine end to end against the fakes, the real keychain and a real workspace:
// Dynatrace (create, store, Vault sink, verify, promote, revoke after grace, delete after a
// week), Glean (rotate with its own secret, old secret ends with its 10-minute buffer) and
// Pangea (server-side rotation); a failure after the create is undone; the journal and the audit
// chain record every step.
#include "appcontext.h"
#include "rotationengine.h"
#include "rotationrun.h"
#include "rotationworld.h"
#include "secrets/secretkey.h"
#include "secrets/unavailablesecretstore.h"
#include "store/rotationstore.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestRotationEngine : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RotationWorld> m_world;

    Rotation rotateAndWait(RotationEngine &engine, const QString &name)
    {
        QSignalSpy finished(&engine, &RotationEngine::finished);
        QString error;
        if (!engine.rotate(m_world->token(name)->id, &error)) {
            qWarning("rotate refused: %s", qPrintable(error));
            return {};
        }
        if (!finished.wait(30000))
            return {};
        return finished.constLast().constFirst().value<Rotation>();
    }

    Rotation resumeAndWait(RotationEngine &engine)
    {
        QSignalSpy finished(&engine, &RotationEngine::finished);
        if (engine.resume() == 0 || !finished.wait(30000))
            return {};
        return finished.constLast().constFirst().value<Rotation>();
    }

    QStringList actions(qint64 tokenId) const
    {
        QStringList result;
        for (const AuditEvent &event : m_world->store.auditEvents(tokenId))
            result << event.action + u':' + AuditEvent::outcomeId(event.outcome);
        return result;
    }

private Q_SLOTS:
    void init()
    {
        m_world = std::make_unique<RotationWorld>();
        QString error;
        QVERIFY2(m_world->setUp(&error), qPrintable(error));
    }

    void cleanup() { m_world.reset(); }

    void dynatraceRotatesThroughGraceRevokeAndDelete()
    {
        RotationEngine engine(m_world->context.get());
        const Token before = *m_world->token(u"otel-collector"_s);
        Rotation rotation = rotateAndWait(engine, u"otel-collector"_s);
        QCOMPARE(rotation.status, Rotation::Status::Waiting);
        QCOMPARE(rotation.step, Rotation::Step::RevokeOld);
        QCOMPARE(rotation.newVersion, 2);

        // The new token exists, is stored, written to Vault, and is the token's current version.
        const Token after = *m_world->token(u"otel-collector"_s);
        QCOMPARE(after.currentVersion, 2);
        QVERIFY(after.providerId != before.providerId);
        const QList<TokenVersion> versions = m_world->store.versions(after.id);
        QCOMPARE(versions.size(), 2);
        const TokenVersion &oldVersion = versions.at(0).number == 1 ? versions.at(0) : versions.at(1);
        const TokenVersion &newVersion = versions.at(0).number == 2 ? versions.at(0) : versions.at(1);
        QCOMPARE(oldVersion.state, VersionState::Grace);
        QCOMPARE(newVersion.state, VersionState::Current);
        const QByteArray stored = m_world->keychainValue(newVersion.secret.location);
        QVERIFY(m_world->dynatrace.isSecretValid(SecretBytes(stored)));
        QVERIFY(m_world->dynatrace.isSecretValid(m_world->otelSecret)); // the old one still works in grace
        const VaultKvSecret *sink = m_world->vault.secret(u"secret"_s, u"tokendesk/otel-collector"_s);
        QVERIFY(sink);
        QCOMPARE(sink->versions.value(sink->currentVersion).data.value(u"token"_s).toString().toUtf8(), stored);

        // Nothing happens before the grace period ends.
        QCOMPARE(engine.resume(), 0);
        m_world->clock.advanceMinutes(61);
        rotation = resumeAndWait(engine);
        QCOMPARE(rotation.step, Rotation::Step::DeleteOld);
        QCOMPARE(rotation.status, Rotation::Status::Waiting);
        QVERIFY(!m_world->dynatrace.isSecretValid(m_world->otelSecret));
        QVERIFY(m_world->dynatrace.token(m_world->otelId).has_value()); // disabled, not yet deleted

        m_world->clock.advanceDays(7);
        rotation = resumeAndWait(engine);
        QCOMPARE(rotation.status, Rotation::Status::Done);
        QVERIFY(!m_world->dynatrace.token(m_world->otelId).has_value());
        QCOMPARE(m_world->dynatrace.orphanCount(), 0);

        QCOMPARE(actions(after.id),
            QStringList({u"rotate.start:started"_s, u"rotate.reserve:succeeded"_s, u"rotate.create:succeeded"_s,
                u"rotate.store:succeeded"_s, u"rotate.sink:succeeded"_s, u"rotate.verify:succeeded"_s,
                u"rotate.promote:succeeded"_s, u"rotate.revoke-old:succeeded"_s, u"rotate.delete-old:succeeded"_s}));
        QVERIFY(m_world->store.verifyAudit().intact);
    }

    // The rotation promotes the token as the workspace has it then, not as it was when the
    // rotation began: a policy or notes saved meanwhile stay.
    void editsDuringARotationSurviveThePromotion()
    {
        RotationEngine engine(m_world->context.get());
        const qint64 id = m_world->token(u"otel-collector"_s)->id;
        bool edited = false;
        connect(&engine, &RotationEngine::progressed, this, [&](const Rotation &r) {
            if (edited || r.step != Rotation::Step::Verify)
                return;
            Token token = *m_world->store.token(id);
            token.consumerNotes = u"edited mid-rotation"_s;
            token.policy.interval = PolicyDuration(45, PolicyDuration::Unit::Days);
            QVERIFY(m_world->store.updateToken(token));
            edited = true;
        });
        const Rotation rotation = rotateAndWait(engine, u"otel-collector"_s);
        QCOMPARE(rotation.status, Rotation::Status::Waiting);
        QVERIFY(edited);
        const Token after = *m_world->store.token(id);
        QCOMPARE(after.currentVersion, 2);
        QCOMPARE(after.consumerNotes, u"edited mid-rotation"_s);
        QCOMPARE(after.policy.interval, PolicyDuration(45, PolicyDuration::Unit::Days));
    }

    void aFailedVaultWriteIsUndone()
    {
        // The sink points where the Vault token may not write: the step fails after the create.
        QList<TokenSink> sinks {{0, 0, m_world->vaultAccount.id, u"secret"_s, u"elsewhere/otel"_s, u"token"_s}};
        RotationStore rotations(&m_world->store);
        const Token before = *m_world->token(u"otel-collector"_s);
        QVERIFY(rotations.setSinks(before.id, sinks));
        const int tokensBefore = m_world->dynatrace.tokenCount();

        RotationEngine engine(m_world->context.get());
        const Rotation rotation = rotateAndWait(engine, u"otel-collector"_s);
        QCOMPARE(rotation.status, Rotation::Status::Compensated);
        QVERIFY2(rotation.error.contains(u"403"_s), qPrintable(rotation.error));
        QCOMPARE(m_world->dynatrace.tokenCount(), tokensBefore); // the replacement is gone again
        QCOMPARE(m_world->dynatrace.orphanCount(), 0);
        QVERIFY(m_world->dynatrace.isSecretValid(m_world->otelSecret));
        const Token after = *m_world->token(u"otel-collector"_s);
        QCOMPARE(after.currentVersion, before.currentVersion);
        QCOMPARE(after.providerId, before.providerId);
        const QString pendingKey = SecretKey::forTokenVersion(
            m_world->store.workspaceId(), ProviderKind::Dynatrace, after.accountId, after.id, 2);
        QVERIFY(m_world->keychainValue(pendingKey).isEmpty()); // the pending secret left the keychain
        QVERIFY(actions(after.id).contains(u"rotate.compensated:succeeded"_s));
    }

    // The "rotation failed" filter: a token is listed while its most recent rotation failed or
    // was compensated, and no longer once a later one succeeds or is under way.
    void tokensWithFailedRotationFollowTheLatestRotation()
    {
        RotationStore rotations(&m_world->store);
        QCOMPARE(rotations.tokensWithFailedRotation(), QSet<qint64>());
        const qint64 otel = m_world->token(u"otel-collector"_s)->id;
        const QList<TokenSink> goodSinks = rotations.sinks(otel);
        QList<TokenSink> badSinks {{0, 0, m_world->vaultAccount.id, u"secret"_s, u"elsewhere/otel"_s, u"token"_s}};
        QVERIFY(rotations.setSinks(otel, badSinks));
        RotationEngine engine(m_world->context.get());
        QCOMPARE(rotateAndWait(engine, u"otel-collector"_s).status, Rotation::Status::Compensated);
        QCOMPARE(rotations.tokensWithFailedRotation(), QSet<qint64>({otel}));

        // Straight into the journal: a failed rotation, and a failed one followed by a new one.
        const auto journal = [&](const Token &token, Rotation::Status status) {
            Rotation rotation;
            rotation.tokenId = token.id;
            rotation.accountId = token.accountId;
            rotation.status = status;
            rotation.startedAt = m_world->clock.nowUtc();
            rotation.updatedAt = m_world->clock.nowUtc();
            AuditEvent event;
            event.at = m_world->clock.nowUtc();
            event.osUser = u"tester"_s;
            event.tokenId = token.id;
            event.tokenName = token.name;
            event.action = u"rotate.start"_s;
            return rotations.begin(rotation, event);
        };
        const Token deployer = *m_world->token(u"ci-deployer"_s);
        const Token wiki = *m_world->token(u"wiki-connector"_s);
        QVERIFY(journal(deployer, Rotation::Status::Failed));
        QVERIFY(journal(wiki, Rotation::Status::Failed));
        QCOMPARE(rotations.tokensWithFailedRotation(), QSet<qint64>({otel, deployer.id, wiki.id}));
        QVERIFY(journal(wiki, Rotation::Status::Running));
        QCOMPARE(rotations.tokensWithFailedRotation(), QSet<qint64>({otel, deployer.id}));

        // A later rotation that succeeds takes the token off the list.
        QList<TokenSink> restored = goodSinks;
        QVERIFY(rotations.setSinks(otel, restored));
        QCOMPARE(rotateAndWait(engine, u"otel-collector"_s).status, Rotation::Status::Waiting);
        QCOMPARE(rotations.tokensWithFailedRotation(), QSet<qint64>({deployer.id}));
    }

    void gleanOldSecretEndsWithItsBuffer()
    {
        RotationEngine engine(m_world->context.get());
        Rotation rotation = rotateAndWait(engine, u"wiki-connector"_s);
        QCOMPARE(rotation.status, Rotation::Status::Waiting);
        const Token after = *m_world->token(u"wiki-connector"_s);
        QCOMPARE(after.currentVersion, 2);
        QVERIFY(m_world->glean.isSecretValid(m_world->gleanSecret)); // inside the 10-minute buffer
        QCOMPARE(rotation.dueAt, m_world->clock.nowUtc().addSecs(600));

        m_world->clock.advanceMinutes(11);
        rotation = resumeAndWait(engine);
        QCOMPARE(rotation.status, Rotation::Status::Done); // no revoke call, nothing to delete
        QVERIFY(!m_world->glean.isSecretValid(m_world->gleanSecret));
        for (const TokenVersion &v : m_world->store.versions(after.id)) {
            if (v.number == 1)
                QCOMPARE(v.state, VersionState::Expired);
        }
    }

    void pangeaRotatesServerSide()
    {
        RotationEngine engine(m_world->context.get());
        const Rotation rotation = rotateAndWait(engine, u"ci-deployer"_s);
        QVERIFY2(rotation.status == Rotation::Status::Waiting, qPrintable(rotation.error));
        const Token after = *m_world->token(u"ci-deployer"_s);
        QCOMPARE(after.providerId, m_world->pangeaItemId);
        QCOMPARE(after.currentVersion, rotation.newVersion);
        const SecretBytes current = m_world->pangea.currentToken(m_world->pangeaItemId);
        for (const TokenVersion &v : m_world->store.versions(after.id)) {
            if (v.number == rotation.newVersion)
                QCOMPARE(m_world->keychainValue(v.secret.location), current.exposeBytes());
        }
    }

    void anUnreadableCredentialChangesNothing()
    {
        UnavailableSecretStore locked(u"The keyring is locked."_s);
        AppContext lockedContext(&m_world->store, &locked, m_world->clock);
        RotationEngine engine(&lockedContext);
        const int before = m_world->dynatrace.tokenCount();
        QSignalSpy finished(&engine, &RotationEngine::finished);
        QVERIFY(engine.rotate(m_world->token(u"otel-collector"_s)->id));
        QVERIFY(finished.wait(20000));
        const Rotation rotation = finished.constFirst().constFirst().value<Rotation>();
        QCOMPARE(rotation.status, Rotation::Status::Failed);
        QVERIFY2(rotation.error.contains(u"The keyring is locked."_s), qPrintable(rotation.error));
        QVERIFY2(rotation.error.contains(u"Nothing changed"_s), qPrintable(rotation.error));
        QCOMPARE(m_world->dynatrace.tokenCount(), before);
    }

    void rotateAllQueuesFromTheEventLoopAndReportsRefusals()
    {
        RotationEngine engine(m_world->context.get());
        QSignalSpy refused(&engine, &RotationEngine::refused);
        QSignalSpy finished(&engine, &RotationEngine::finished);
        QSignalSpy idle(&engine, &RotationEngine::idle);
        const qint64 otel = m_world->token(u"otel-collector"_s)->id;
        const qint64 pangea = m_world->token(u"ci-deployer"_s)->id;
        engine.rotateAll({otel, 999999, pangea, otel});
        QVERIFY(!engine.isIdle());
        QCOMPARE(finished.size(), 0); // nothing happens before the event loop turns
        QVERIFY(idle.wait(30000));
        QCOMPARE(finished.size(), 2);
        QCOMPARE(refused.size(), 2); // the unknown id, and otel-collector's second request
        QCOMPARE(refused.at(0).at(0).toLongLong(), 999999);
        QCOMPARE(refused.at(1).at(1).toString(), u"The token already has a rotation queued or in progress."_s);
    }

    void oneRotationPerTokenAtATime()
    {
        RotationEngine engine(m_world->context.get());
        const qint64 id = m_world->token(u"otel-collector"_s)->id;
        QVERIFY(engine.rotate(id));
        QString error;
        QVERIFY(!engine.rotate(id, &error));
        QCOMPARE(error, u"The token already has a rotation queued or in progress."_s);
        QSignalSpy idle(&engine, &RotationEngine::idle);
        QVERIFY(idle.wait(30000));
    }
};

QTEST_GUILESS_MAIN(TestRotationEngine)
#include "testrotationengine.moc"
