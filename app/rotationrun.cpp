// SPDX-License-Identifier: GPL-3.0-or-later
#include "rotationrun.h"

#include "appcontext.h"
#include "core/provider.h"
#include "core/provideroperation.h"
#include "domain/clock.h"
#include "faultpoint.h"
#include "newversionrequest.h"
#include "oldversionretirement.h"
#include "orphansearch.h"
#include "retirementschedule.h"
#include "rotationcompensation.h"
#include "secrets/secretjob.h"
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
    case Rotation::Step::DeleteOld:
        retireOld();
        return;
    case Rotation::Step::Done:
        finish(Rotation::Status::Done, {});
        return;
    }
}

RotationSubject RotationRun::subject() const
{
    return RotationSubject(m_context, m_account, m_token, m_capabilities);
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
    auto *request = new NewVersionRequest(m_context, m_provider, subject(), m_rotation, m_oldSecret, this);
    request->run([this](const NewVersionRequest::Answer &answer) {
        using Outcome = NewVersionRequest::Outcome;
        if (answer.outcome == Outcome::AnswerLost) {
            m_rotation.extra.insert(u"findOrphans"_s, true);
            compensate(tr("%1; the answer was lost, so a replacement may exist that TokenDesk has no secret of.")
                           .arg(answer.error.toString()));
            return;
        }
        if (answer.outcome == Outcome::Refused) {
            failStep(u"rotate.create"_s, answer.error);
            return;
        }
        m_rotation = answer.rotation;
        m_newSecret = answer.secret;
        if (answer.outcome == Outcome::Stored) {
            if (!m_newSecret.isEmpty()) // Piiano has no secret value
                m_secretInKeychain = true;
            advance(Rotation::Step::Store, u"rotate.create"_s, answer.details, answer.requestId);
            return;
        }
        const QString reason = tr("The new secret could not be stored in the keychain: %1").arg(answer.error.message);
        subject().append(u"rotate.store"_s, AuditEvent::Outcome::Failed, reason, answer.requestId);
        if (m_capabilities.create) {
            compensate(reason);
            return;
        }
        finish(Rotation::Status::Failed,
            tr("%1 %2 has already issued it and the old secret works only until the provider ends it; issue a "
               "new token in the provider's console if it stops.")
                .arg(reason, m_account.displayName));
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
        advance(Rotation::Step::Promote, u"rotate.verify"_s, tr("the new secret works"), done->auditRequestId());
    });
}

void RotationRun::promote()
{
    const QDateTime now = m_context->clock().nowUtc();
    QDateTime revokeAt = RetirementSchedule::graceEnd(m_token.policy, m_capabilities, now);
    if (const QString until = m_rotation.extra.value(u"oldValidUntil"_s).toString(); !until.isEmpty())
        revokeAt = QDateTime::fromString(until, Qt::ISODate); // Glean says when the old secret stops
    m_rotation.dueAt = revokeAt;
    const auto also = [this, now, revokeAt] {
        return VersionLedger(m_context->store())
            .promote(m_token, m_rotation, now, revokeAt,
                RetirementSchedule::deleteAt(m_token.policy, m_capabilities, revokeAt));
    };
    advance(Rotation::Step::RevokeOld, u"rotate.promote"_s,
        tr("version %1 is current; version %2 stays valid until %3")
            .arg(m_rotation.newVersion)
            .arg(m_rotation.oldVersion)
            .arg(revokeAt.toString(Qt::ISODate)),
        {}, also);
}

void RotationRun::retireOld()
{
    // The engine resumes a waiting rotation only when it is due; a direct call waits too.
    if (m_rotation.dueAt.isValid() && m_rotation.dueAt > m_context->clock().nowUtc()) {
        finish(Rotation::Status::Waiting, {});
        return;
    }
    const bool revoking = m_rotation.step == Rotation::Step::RevokeOld;
    const QString action = revoking ? u"rotate.revoke-old"_s : u"rotate.delete-old"_s;
    const auto journal = [this, action](const ApiError &error, const OldVersionRetirement::Retired &retired) {
        if (error.isError()) {
            failStep(action, error);
            return;
        }
        m_rotation.dueAt = retired.dueAt;
        advance(retired.next, action, retired.details, retired.requestId, retired.ledger);
    };
    auto *retirement = new OldVersionRetirement(m_context, m_provider, subject(), m_rotation, this);
    revoking ? retirement->revoke(journal) : retirement->remove(journal);
}

void RotationRun::resumeAfterUnknownCreate()
{
    auto *search = new OrphanSearch(m_context, m_provider, subject(), m_rotation, this);
    search->resume([this](const QString &failure, Rotation::Status status) {
        if (!failure.isEmpty()) {
            finish(status, failure);
            return;
        }
        m_resumed = false;
        if (!m_capabilities.create)
            m_repeatingLostCreate = true; // Pangea, Glean: the lost attempt may have rotated already
        create();
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
    auto *compensation = new RotationCompensation(m_context, m_provider, subject(), m_rotation, this);
    compensation->run(
        reason,
        [this](const Rotation &rotation) {
            m_rotation = rotation;
            Q_EMIT progressed(m_rotation);
        },
        [this](const Rotation &rotation, Rotation::Status status, const QString &message) {
            m_rotation = rotation;
            finish(status, message);
        });
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
    if (!m_journal.record(
            m_rotation, subject().line(action, AuditEvent::Outcome::Succeeded, details, requestId), also)) {
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
    subject().append(action, AuditEvent::Outcome::Failed, message, error.requestId);
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
        m_journal.record(m_rotation, subject().line(u"rotate.retry-later"_s, AuditEvent::Outcome::Skipped, message));
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
        m_journal.record(
            m_rotation, subject().line(u"rotate."_s + Rotation::statusId(status), outcome, m_rotation.error));
    }
    Q_EMIT finished(m_rotation);
    deleteLater();
}
