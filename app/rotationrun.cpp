// SPDX-License-Identifier: GPL-3.0-or-later
#include "rotationrun.h"

#include "appcontext.h"
#include "core/provider.h"
#include "core/provideroperation.h"
#include "domain/clock.h"
#include "faultpoint.h"
#include "osuser.h"
#include "retirementschedule.h"
#include "secrets/secretjob.h"
#include "secrets/secretkey.h"
#include "secrets/secretstore.h"
#include "sinkwriter.h"
#include "store/workspacestore.h"
#include "versionledger.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

const QByteArray RotationRun::ReservedMarker = "tokendesk:reserved-for-rotation";

RotationRun::RotationRun(AppContext *context, Rotation rotation, bool resumed, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_journal(context->store())
    , m_rotation(std::move(rotation))
    , m_resumed(resumed)
{ }

RotationRun::~RotationRun() = default;

void RotationRun::start()
{
    const std::optional<Token> token = m_context->store()->token(m_rotation.tokenId);
    const std::optional<Account> account = m_context->store()->account(m_rotation.accountId);
    if (!token || !account) {
        finish(Rotation::Status::Failed, tr("The token or its account is no longer in the workspace."));
        return;
    }
    m_token = *token;
    m_account = *account;
    prepare();
}

void RotationRun::prepare()
{
    SecretJob *credential = m_context->secrets()->read(m_account.credential.location);
    connect(credential, &SecretJob::finished, this, [this](SecretJob *job) {
        if (job->error() != SecretJob::Error::NoError) {
            ApiError error;
            error.kind = ApiError::Kind::Refused;
            error.message = tr("The account's credential could not be read: %1").arg(job->errorString());
            failStep(u"rotate.prepare"_s, error);
            return;
        }
        m_provider = m_context->providers().create(m_account, job->value(), this);
        if (!m_provider) {
            finish(Rotation::Status::Failed, tr("%1 tokens cannot be rotated.").arg(m_account.displayName));
            return;
        }
        m_capabilities = m_provider->capabilities();
        // The current version's secret: Glean rotates with it, and a failed Vault write is undone with it.
        const QList<TokenVersion> versions = m_context->store()->versions(m_token.id);
        const auto current = std::find_if(versions.cbegin(), versions.cend(),
            [this](const TokenVersion &v) { return v.number == m_rotation.oldVersion; });
        if (current == versions.cend() || current->secret.location.isEmpty()) {
            dispatch();
            return;
        }
        SecretJob *old = m_context->secrets()->read(current->secret.location);
        connect(old, &SecretJob::finished, this, [this](SecretJob *read) {
            if (read->error() == SecretJob::Error::NoError)
                m_oldSecret = read->value();
            dispatch();
        });
    });
}

void RotationRun::dispatch()
{
    if (m_rotation.status == Rotation::Status::Compensating) {
        compensate(m_rotation.error);
        return;
    }
    switch (m_rotation.step) {
    case Rotation::Step::Reserve:
        reserve();
        return;
    case Rotation::Step::Create:
        m_resumed ? resumeAfterUnknownCreate() : create();
        return;
    case Rotation::Step::Store:
        if (!m_resumed) {
            store();
            return;
        }
        // The secret reached the keychain or it did not; which one decides how to go on.
        resumeWithStoredSecret([this] { store(); },
            [this] {
                if (m_capabilities.create) {
                    compensate(tr("TokenDesk stopped before the new secret was stored; the replacement is removed."));
                } else {
                    m_repeatingLostCreate = true;
                    create();
                }
            });
        return;
    case Rotation::Step::Sink:
    case Rotation::Step::Verify:
    case Rotation::Step::Promote: {
        const auto step = m_rotation.step;
        const auto run = [this, step] {
            step == Rotation::Step::Sink ? sink() : step == Rotation::Step::Verify ? verify() : promote();
        };
        if (m_newSecret.isEmpty() && !m_capabilities.replacesIds)
            resumeWithStoredSecret(
                run, [this] { finish(Rotation::Status::Failed, tr("The new secret is missing from the keychain.")); });
        else
            run();
        return;
    }
    case Rotation::Step::RevokeOld:
        revokeOld();
        return;
    case Rotation::Step::DeleteOld:
        deleteOld();
        return;
    case Rotation::Step::Done:
        finish(Rotation::Status::Done, {});
        return;
    }
}

QString RotationRun::newSecretKey() const
{
    return SecretKey::forTokenVersion(
        m_context->store()->workspaceId(), m_account.kind, m_account.id, m_token.id, m_rotation.newVersion);
}

void RotationRun::reserve()
{
    m_rotation.newVersion = std::max(m_rotation.newVersion, m_rotation.oldVersion + 1);
    // Writing a marker under the new version's key proves the keychain is unlocked and writable
    // before the provider mints a secret that would otherwise exist only in memory.
    SecretJob *job = m_context->secrets()->write(newSecretKey(), SecretBytes(ReservedMarker));
    connect(job, &SecretJob::finished, this, [this](SecretJob *done) {
        if (done->error() != SecretJob::Error::NoError) {
            ApiError error;
            error.kind = ApiError::Kind::Refused;
            error.message = tr("The keychain cannot take the new secret: %1").arg(done->errorString());
            failStep(u"rotate.reserve"_s, error);
            return;
        }
        advance(Rotation::Step::Create, u"rotate.reserve"_s,
            tr("keychain ready for version %1").arg(m_rotation.newVersion));
    });
}

void RotationRun::create()
{
    RotateRequest request;
    request.providerId = m_token.providerId;
    request.name = m_token.name;
    request.scopes = m_token.scopes;
    if (m_token.expiresAt.isValid() && m_token.createdAt.isValid())
        request.expiresAt = m_context->clock().nowUtc().addSecs(m_token.createdAt.secsTo(m_token.expiresAt));
    request.currentSecret = m_oldSecret;
    request.gracePeriod = m_token.policy.gracePeriod;
    if (m_capabilities.replacesIds)
        request.tokenIds = {m_token.providerId};
    ProviderOperation *operation = m_provider->rotate(request);
    connect(operation, &ProviderOperation::finished, this, [this](ProviderOperation *done) {
        if (!done->ok()) {
            const ApiError &error = done->error();
            // A cut connection, a garbled answer or a gateway error after a create leave it
            // unknown whether the token exists: a replacement nobody holds must not stay behind.
            const bool outcomeUnknown = error.kind == ApiError::Kind::Network || error.kind == ApiError::Kind::Timeout
                || error.kind == ApiError::Kind::Malformed || error.httpStatus >= 500;
            if (m_capabilities.create && outcomeUnknown) {
                m_rotation.extra.insert(u"findOrphans"_s, true);
                compensate(tr("%1; the answer was lost, so a replacement may exist that TokenDesk has no secret of.")
                               .arg(error.toString()));
                return;
            }
            failStep(u"rotate.create"_s, error);
            return;
        }
        FaultPoint::reach(u"create-returned"_s);
        const RotationResult &result = done->rotation();
        m_newSecret = result.newSecret;
        m_rotation.newProviderId = result.replacedIds.value(m_token.providerId, result.newProviderId);
        if (m_rotation.newProviderId.isEmpty())
            m_rotation.newProviderId = m_token.providerId;
        if (result.oldValidUntil.isValid())
            m_rotation.extra.insert(u"oldValidUntil"_s, result.oldValidUntil.toString(Qt::ISODate));
        if (!result.replacedIds.isEmpty()) {
            QJsonObject mapping;
            for (auto it = result.replacedIds.constBegin(); it != result.replacedIds.constEnd(); ++it)
                mapping.insert(it.key(), it.value());
            m_rotation.extra.insert(u"replacedIds"_s, mapping);
        }
        const QString details = m_capabilities.replacesIds
            ? tr("new id %1 replaces %2").arg(m_rotation.newProviderId, m_token.providerId)
            : tr("version %1 created (%2)").arg(m_rotation.newVersion).arg(m_rotation.newProviderId);
        const QString requestId = requestIdOf(done);
        if (m_newSecret.isEmpty()) { // Piiano: new ids, no secret value
            advance(Rotation::Step::Store, u"rotate.create"_s, details, requestId);
            return;
        }
        // The secret exists only in this process: into the keychain first, the journal after.
        SecretJob *job = m_context->secrets()->write(newSecretKey(), m_newSecret);
        connect(job, &SecretJob::finished, this, [this, details, requestId](SecretJob *written) {
            if (written->error() == SecretJob::Error::NoError) {
                m_secretInKeychain = true;
                advance(Rotation::Step::Store, u"rotate.create"_s, details, requestId);
                return;
            }
            const QString reason
                = tr("The new secret could not be stored in the keychain: %1").arg(written->errorString());
            AuditEvent failed = event(u"rotate.store"_s, AuditEvent::Outcome::Failed, reason, requestId);
            m_context->store()->appendAudit(failed);
            if (m_capabilities.create) {
                compensate(reason);
                return;
            }
            finish(Rotation::Status::Failed,
                tr("%1 %2 has already issued it and the old secret works only until the provider ends it; issue a "
                   "new token in the provider's console if it stops.")
                    .arg(reason, m_account.displayName));
        });
    });
}

void RotationRun::store()
{
    auto recordVersion = [this] {
        TokenVersion version;
        version.tokenId = m_token.id;
        version.number = m_rotation.newVersion;
        version.providerId = m_rotation.newProviderId;
        version.createdAt = m_context->clock().nowUtc();
        version.state = VersionState::Pending;
        if (!m_newSecret.isEmpty())
            version.secret = SecretRef::keychain(newSecretKey());
        const Rotation::Step next = m_capabilities.replacesIds ? Rotation::Step::Promote : Rotation::Step::Sink;
        advance(next, u"rotate.store"_s, tr("version %1 stored as pending").arg(version.number), {},
            [this, version] { return VersionLedger(m_context->store()).upsert(version); });
    };
    if (m_newSecret.isEmpty() || m_secretInKeychain) { // Piiano has no secret value
        recordVersion();
        return;
    }
    SecretJob *job = m_context->secrets()->write(newSecretKey(), m_newSecret);
    connect(job, &SecretJob::finished, this, [this, recordVersion](SecretJob *done) {
        if (done->error() != SecretJob::Error::NoError) {
            ApiError error;
            error.kind = ApiError::Kind::Refused;
            error.message = tr("The new secret could not be stored in the keychain: %1").arg(done->errorString());
            failStep(u"rotate.store"_s, error);
            return;
        }
        recordVersion();
    });
}

void RotationRun::sink()
{
    RotationStore journal(m_context->store());
    const QList<TokenSink> sinks = journal.sinks(m_token.id);
    if (sinks.isEmpty()) {
        advance(Rotation::Step::Verify, u"rotate.sink"_s, tr("no Vault destination configured"));
        return;
    }
    auto *writer = new SinkWriter(m_context->store(), m_context->secrets(), m_context->http(), this);
    writer->write(sinks, m_newSecret, [this](const ApiError &error, const QList<SinkWriter::Write> &attempted) {
        // Kept with the rotation, so an undo knows which Vault versions to put back.
        m_rotation.extra.insert(u"sinkWrites"_s, SinkWriter::toJson(attempted));
        if (error.isError()) {
            failStep(u"rotate.sink"_s, error);
            return;
        }
        QStringList written;
        for (const SinkWriter::Write &w : attempted)
            written << u"%1/%2#%3@%4"_s.arg(w.sink.mount, w.sink.path, w.sink.field).arg(w.newVersion);
        advance(Rotation::Step::Verify, u"rotate.sink"_s, written.join(u", "_s));
    });
}

void RotationRun::verify()
{
    ProviderOperation *operation = m_provider->verifySecret(m_rotation.newProviderId, m_newSecret);
    connect(operation, &ProviderOperation::finished, this, [this](ProviderOperation *done) {
        if (!done->ok()) {
            failStep(u"rotate.verify"_s, done->error());
            return;
        }
        advance(Rotation::Step::Promote, u"rotate.verify"_s, tr("the new secret works"), requestIdOf(done));
    });
}

QDateTime RotationRun::graceEnd(const QDateTime &from) const
{
    return RetirementSchedule::graceEnd(m_token.policy, m_capabilities, from);
}

QDateTime RotationRun::deleteAt(const QDateTime &revokedAt) const
{
    return RetirementSchedule::deleteAt(m_token.policy, m_capabilities, revokedAt);
}

void RotationRun::promote()
{
    const QDateTime now = m_context->clock().nowUtc();
    QDateTime revokeAt = graceEnd(now);
    if (const QString until = m_rotation.extra.value(u"oldValidUntil"_s).toString(); !until.isEmpty())
        revokeAt = QDateTime::fromString(until, Qt::ISODate); // Glean says when the old secret stops
    m_rotation.dueAt = revokeAt;
    const auto also = [this, now, revokeAt] {
        return VersionLedger(m_context->store()).promote(m_token, m_rotation, now, revokeAt, deleteAt(revokeAt));
    };
    advance(Rotation::Step::RevokeOld, u"rotate.promote"_s,
        tr("version %1 is current; version %2 stays valid until %3")
            .arg(m_rotation.newVersion)
            .arg(m_rotation.oldVersion)
            .arg(revokeAt.toString(Qt::ISODate)),
        {}, also);
}

void RotationRun::revokeOld()
{
    // The engine resumes a waiting rotation only when it is due; a direct call waits too.
    if (m_rotation.dueAt.isValid() && m_rotation.dueAt > m_context->clock().nowUtc()) {
        finish(Rotation::Status::Waiting, {});
        return;
    }
    const auto markRevoked = [this](const QString &details, const QString &requestId) {
        const QDateTime removeAt = deleteAt(m_context->clock().nowUtc());
        m_rotation.dueAt = removeAt;
        advance(removeAt.isValid() ? Rotation::Step::DeleteOld : Rotation::Step::Done, u"rotate.revoke-old"_s, details,
            requestId, [this, removeAt] {
                return VersionLedger(m_context->store())
                    .retire(m_token.id, m_rotation.oldVersion,
                        m_capabilities.revoke ? VersionState::Revoked : VersionState::Expired, removeAt);
            });
    };
    if (!m_capabilities.revoke) {
        // Glean has no revoke call: its old secret simply stops working at the end of its buffer.
        markRevoked(tr("version %1 expired on its own (no revoke call)").arg(m_rotation.oldVersion), {});
        return;
    }
    ProviderOperation *operation = m_provider->revoke(m_rotation.oldProviderId, m_rotation.oldVersion);
    connect(operation, &ProviderOperation::finished, this, [this, markRevoked](ProviderOperation *done) {
        if (!done->ok() && done->error().httpStatus != 404) {
            failStep(u"rotate.revoke-old"_s, done->error());
            return;
        }
        markRevoked(tr("version %1 revoked").arg(m_rotation.oldVersion), requestIdOf(done));
    });
}

void RotationRun::deleteOld()
{
    if (m_rotation.dueAt.isValid() && m_rotation.dueAt > m_context->clock().nowUtc()) {
        finish(Rotation::Status::Waiting, {});
        return;
    }
    ProviderOperation *operation = m_provider->deleteToken(m_rotation.oldProviderId);
    connect(operation, &ProviderOperation::finished, this, [this](ProviderOperation *done) {
        if (!done->ok() && done->error().httpStatus != 404) {
            failStep(u"rotate.delete-old"_s, done->error());
            return;
        }
        // The old secret is of no use to anyone now: out of the keychain with it.
        for (const TokenVersion &v : m_context->store()->versions(m_token.id)) {
            if (v.number == m_rotation.oldVersion && !v.secret.location.isEmpty())
                m_context->secrets()->remove(v.secret.location);
        }
        advance(Rotation::Step::Done, u"rotate.delete-old"_s, tr("version %1 deleted").arg(m_rotation.oldVersion),
            requestIdOf(done), [this] {
                return VersionLedger(m_context->store())
                    .retire(m_token.id, m_rotation.oldVersion, VersionState::Destroyed, {});
            });
    });
}

void RotationRun::resumeAfterUnknownCreate()
{
    if (m_capabilities.replacesIds) {
        finish(Rotation::Status::Failed,
            tr("TokenDesk stopped while Piiano was rotating %1. Whether Piiano issued a new id is unknown: list the "
               "collection by tag to find it before using the old id again.")
                .arg(m_token.providerId));
        return;
    }
    if (!m_capabilities.create) {
        // Pangea and Glean: the old secret stays valid (grace period, 10-minute buffer), so simply
        // rotating again is safe; a version made by the lost attempt is superseded.
        m_resumed = false;
        m_repeatingLostCreate = true;
        create();
        return;
    }
    // Dynatrace: a replacement may exist that nobody holds the secret of. Find it and remove it,
    // then start over.
    removeOrphans([this] {
        m_resumed = false;
        create();
    });
}

void RotationRun::removeOrphans(const std::function<void()> &then)
{
    ProviderOperation *listing = m_provider->listTokens();
    connect(listing, &ProviderOperation::finished, this, [this, then](ProviderOperation *done) {
        if (!done->ok()) {
            // Without the listing nobody knows whether a replacement exists: the rotation stays
            // open, so the next start or `resume` looks again.
            AuditEvent line = event(u"rotate.recover"_s, AuditEvent::Outcome::Failed, done->error().toString());
            m_context->store()->appendAudit(line);
            finish(m_rotation.status,
                tr("The search for a replacement made before its answer was lost failed (%1); TokenDesk looks again "
                   "at the next start or “resume”.")
                    .arg(done->error().toString()));
            return;
        }
        // Ours are the tokens of this name made since the rotation began that nothing records:
        // not a workspace token or version, nor the replacement of another unfinished rotation.
        QSet<QString> known;
        for (const Token &token : m_context->store()->tokensOfAccount(m_account.id)) {
            known.insert(token.providerId);
            for (const TokenVersion &version : m_context->store()->versions(token.id))
                known.insert(version.providerId);
        }
        for (const Rotation &other : m_journal.unfinished()) {
            if (other.id != m_rotation.id)
                known.insert(other.newProviderId);
        }
        QList<RotationUndo::Step> steps;
        for (const RemoteToken &remote : done->tokens()) {
            const bool ours = remote.name == m_token.name && !known.contains(remote.providerId)
                && (!remote.createdAt.isValid() || remote.createdAt >= m_rotation.startedAt.addSecs(-300));
            if (ours) {
                steps << RotationUndo::Step {RotationUndo::Kind::DisableToken, remote.providerId}
                      << RotationUndo::Step {RotationUndo::Kind::DeleteToken, remote.providerId};
            }
        }
        if (steps.isEmpty()) {
            then();
            return;
        }
        runUndo(steps, [this, then](const ApiError &error, const QString &) {
            if (error.isError()) {
                finish(Rotation::Status::Failed,
                    tr("A replacement whose secret was never received could not be removed: %1").arg(error.toString()));
                return;
            }
            then();
        });
    });
}

void RotationRun::resumeWithStoredSecret(const std::function<void()> &onSecret, const std::function<void()> &onMissing)
{
    SecretJob *job = m_context->secrets()->read(newSecretKey());
    connect(job, &SecretJob::finished, this, [this, onSecret, onMissing](SecretJob *read) {
        const bool stored = read->error() == SecretJob::Error::NoError && !read->value().isEmpty()
            && read->value().exposeBytes() != ReservedMarker;
        m_resumed = false;
        if (!stored) {
            onMissing();
            return;
        }
        m_newSecret = read->value();
        onSecret();
    });
}

void RotationRun::compensate(const QString &reason)
{
    if (m_rotation.status != Rotation::Status::Compensating) {
        m_rotation.extra.insert(u"failedAt"_s, Rotation::stepId(m_rotation.step));
        m_rotation.status = Rotation::Status::Compensating;
        m_rotation.error = reason;
        m_rotation.updatedAt = m_context->clock().nowUtc();
        // Best effort: the undo runs even when the workspace cannot record it (a full disk).
        m_journal.record(m_rotation, event(u"rotate.compensate"_s, AuditEvent::Outcome::Started, reason));
        Q_EMIT progressed(m_rotation);
        FaultPoint::reach(u"compensating"_s);
    }
    if (m_rotation.extra.value(u"findOrphans"_s).toBool()) {
        removeOrphans([this] {
            runUndo({RotationUndo::Step {RotationUndo::Kind::DropSecret, newSecretKey()}},
                [this](const ApiError &error, const QString &) { closeCompensation(error); });
        });
        return;
    }
    const auto failedAt = Rotation::stepFromId(m_rotation.extra.value(u"failedAt"_s).toString());
    QList<RotationUndo::Step> steps;
    if (!m_rotation.newProviderId.isEmpty() && m_rotation.newProviderId != m_rotation.oldProviderId) {
        steps << RotationUndo::Step {RotationUndo::Kind::DisableToken, m_rotation.newProviderId}
              << RotationUndo::Step {RotationUndo::Kind::DeleteToken, m_rotation.newProviderId};
    }
    if (failedAt && *failedAt >= Rotation::Step::Sink && *failedAt <= Rotation::Step::Promote)
        steps << RotationUndo::Step {RotationUndo::Kind::RestoreSinks, {}};
    steps << RotationUndo::Step {RotationUndo::Kind::DropSecret, newSecretKey()};
    runUndo(steps, [this](const ApiError &error, const QString &note) {
        if (!note.isEmpty())
            m_rotation.error += u' ' + note;
        closeCompensation(error);
    });
}

void RotationRun::closeCompensation(const ApiError &error)
{
    if (error.isError()) {
        finish(Rotation::Status::Compensating,
            tr("%1 The undo is incomplete (%2); TokenDesk retries it at the next start or “resume”.")
                .arg(m_rotation.error, error.toString()));
        return;
    }
    m_rotation.status = Rotation::Status::Compensated;
    m_rotation.updatedAt = m_context->clock().nowUtc();
    m_journal.record(m_rotation,
        event(u"rotate.compensated"_s, AuditEvent::Outcome::Succeeded,
            tr("undone; version %1 stays current").arg(m_rotation.oldVersion)),
        [this] { return VersionLedger(m_context->store()).discardPending(m_token.id, m_rotation.newVersion); });
    finish(Rotation::Status::Compensated, m_rotation.error);
}

void RotationRun::runUndo(const QList<RotationUndo::Step> &steps, const RotationUndo::Done &done)
{
    auto *undo
        = new RotationUndo(m_context, m_provider, m_token.id, m_rotation.extra.value(u"sinkWrites"_s).toArray(), this);
    undo->run(
        steps,
        [this](const QString &step, const ApiError &error, const QString &requestId) {
            AuditEvent line = event(u"rotate.compensate"_s,
                error.isError() ? AuditEvent::Outcome::Failed : AuditEvent::Outcome::Succeeded,
                error.isError() ? tr("%1: %2").arg(step, error.toString()) : step, requestId);
            m_context->store()->appendAudit(line);
        },
        done);
}

void RotationRun::advance(Rotation::Step next, const QString &action, const QString &details, const QString &requestId,
    const std::function<bool()> &also)
{
    const QDateTime now = m_context->clock().nowUtc();
    m_rotation.step = next;
    m_rotation.updatedAt = now;
    m_rotation.error.clear();
    const bool waits = (next == Rotation::Step::RevokeOld || next == Rotation::Step::DeleteOld)
        && m_rotation.dueAt.isValid() && m_rotation.dueAt > now;
    m_rotation.status = next == Rotation::Step::Done ? Rotation::Status::Done
        : waits                                      ? Rotation::Status::Waiting
                                                     : Rotation::Status::Running;
    if (!m_journal.record(m_rotation, event(action, AuditEvent::Outcome::Succeeded, details, requestId), also)) {
        const QString reason = m_journal.errorString();
        if (next > Rotation::Step::Store && next <= Rotation::Step::Promote && m_capabilities.create)
            compensate(reason);
        else
            finish(Rotation::Status::Failed, reason);
        return;
    }
    Q_EMIT progressed(m_rotation);
    FaultPoint::reach(Rotation::stepId(next));
    if (m_rotation.status == Rotation::Status::Running)
        dispatch();
    else
        finish(m_rotation.status, {});
}

void RotationRun::failStep(const QString &action, const ApiError &error)
{
    const QString message = error.toString();
    AuditEvent failed = event(action, AuditEvent::Outcome::Failed, message, error.requestId);
    m_context->store()->appendAudit(failed);
    const Rotation::Step step = m_rotation.step;
    if (step <= Rotation::Step::Create) {
        // Nothing changed at the provider: only the keychain reservation goes.
        if (m_rotation.newVersion > 0)
            m_context->secrets()->remove(newSecretKey());
        if (m_repeatingLostCreate) {
            // Glean will not rotate a secret twice: the secret of the lost attempt is gone for good.
            finish(Rotation::Status::Failed,
                tr("%1 TokenDesk stopped right after %2 issued a new secret, before it was stored, and the "
                   "provider refuses to rotate the old secret again. Version %3 keeps working only until the "
                   "provider ends it (Glean: 10 minutes after that rotation); issue a new token in the provider's "
                   "console and add it to TokenDesk.")
                    .arg(message, m_account.displayName)
                    .arg(m_rotation.oldVersion));
            return;
        }
        finish(Rotation::Status::Failed,
            tr("%1 Nothing changed; version %2 stays current.").arg(message).arg(m_rotation.oldVersion));
        return;
    }
    if (step == Rotation::Step::RevokeOld || step == Rotation::Step::DeleteOld) {
        // The new version already works; the old one is simply revoked later.
        m_rotation.status = Rotation::Status::Waiting;
        m_rotation.dueAt = m_context->clock().nowUtc().addSecs(15 * 60);
        m_rotation.error = message;
        m_journal.record(m_rotation, event(u"rotate.retry-later"_s, AuditEvent::Outcome::Skipped, message));
        finish(Rotation::Status::Waiting, message);
        return;
    }
    if (m_capabilities.create) {
        compensate(message);
        return;
    }
    // Pangea, Glean, Piiano: the provider has already moved on and cannot be rolled back.
    finish(Rotation::Status::Failed,
        tr("%1 %2 already issued version %3, which is kept in the keychain as pending; version %4 stays valid "
           "until the provider ends it.")
            .arg(message, m_account.displayName)
            .arg(m_rotation.newVersion)
            .arg(m_rotation.oldVersion));
}

void RotationRun::finish(Rotation::Status status, const QString &message)
{
    if (m_finished)
        return;
    m_finished = true;
    m_newSecret.clear();
    m_oldSecret.clear();
    const bool changed = m_rotation.status != status || (!message.isEmpty() && m_rotation.error != message);
    m_rotation.status = status;
    if (!message.isEmpty())
        m_rotation.error = message;
    if (changed && m_rotation.id != 0) {
        m_rotation.updatedAt = m_context->clock().nowUtc();
        const auto outcome
            = status == Rotation::Status::Failed ? AuditEvent::Outcome::Failed : AuditEvent::Outcome::Skipped;
        m_journal.record(m_rotation, event(u"rotate."_s + Rotation::statusId(status), outcome, m_rotation.error));
    }
    Q_EMIT finished(m_rotation);
    deleteLater();
}

AuditEvent RotationRun::event(
    const QString &action, AuditEvent::Outcome outcome, const QString &details, const QString &requestId) const
{
    AuditEvent e;
    e.at = m_context->clock().nowUtc();
    e.osUser = OsUser::name();
    e.accountId = m_account.id;
    e.accountName = m_account.displayName;
    e.tokenId = m_token.id;
    e.tokenName = m_token.name;
    e.action = action;
    e.outcome = outcome;
    e.requestId = requestId;
    e.details = details;
    return e;
}

QString RotationRun::requestIdOf(const ProviderOperation *operation)
{
    if (!operation->requestIds().isEmpty())
        return operation->requestIds().constLast();
    return operation->correlationIds().isEmpty() ? QString() : operation->correlationIds().constLast();
}
