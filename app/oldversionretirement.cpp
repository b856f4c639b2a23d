// SPDX-License-Identifier: GPL-3.0-or-later
#include "oldversionretirement.h"

#include "appcontext.h"
#include "core/provider.h"
#include "core/provideroperation.h"
#include "domain/clock.h"
#include "retirementschedule.h"
#include "secrets/secretstore.h"
#include "store/workspacestore.h"
#include "versionledger.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

// The audit details keep RotationRun's translation context, as the rest of the rotation's trail.

OldVersionRetirement::OldVersionRetirement(
    AppContext *context, Provider *provider, RotationSubject subject, Rotation rotation, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_provider(provider)
    , m_subject(std::move(subject))
    , m_rotation(std::move(rotation))
{ }

void OldVersionRetirement::revoke(Done done)
{
    m_done = std::move(done);
    if (!m_subject.capabilities().revoke) {
        // Glean has no revoke call: its old secret simply stops working at the end of its buffer.
        revoked(QCoreApplication::translate("RotationRun", "version %1 expired on its own (no revoke call)")
                    .arg(m_rotation.oldVersion),
            {});
        return;
    }
    ProviderOperation *operation = m_provider->revoke(m_rotation.oldProviderId, m_rotation.oldVersion);
    connect(operation, &ProviderOperation::finished, this, [this](ProviderOperation *answer) {
        if (!answer->ok() && answer->error().httpStatus != 404) {
            finish(answer->error(), {});
            return;
        }
        revoked(QCoreApplication::translate("RotationRun", "version %1 revoked").arg(m_rotation.oldVersion),
            answer->auditRequestId());
    });
}

void OldVersionRetirement::revoked(const QString &details, const QString &requestId)
{
    const QDateTime removeAt
        = RetirementSchedule::deleteAt(m_subject.token().policy, m_subject.capabilities(), m_context->clock().nowUtc());
    const VersionState state = m_subject.capabilities().revoke ? VersionState::Revoked : VersionState::Expired;
    WorkspaceStore *store = m_context->store();
    const qint64 tokenId = m_subject.token().id;
    const int number = m_rotation.oldVersion;
    finish({},
        {removeAt.isValid() ? Rotation::Step::DeleteOld : Rotation::Step::Done, removeAt, details, requestId,
            [store, tokenId, number, state, removeAt] {
                return VersionLedger(store).retire(tokenId, number, state, removeAt);
            }});
}

void OldVersionRetirement::remove(Done done)
{
    m_done = std::move(done);
    ProviderOperation *operation = m_provider->deleteToken(m_rotation.oldProviderId);
    connect(operation, &ProviderOperation::finished, this, [this](ProviderOperation *answer) {
        if (!answer->ok() && answer->error().httpStatus != 404) {
            finish(answer->error(), {});
            return;
        }
        // The old secret is of no use to anyone now: out of the keychain with it.
        for (const TokenVersion &v : m_context->store()->versions(m_subject.token().id)) {
            if (v.number == m_rotation.oldVersion && !v.secret.location.isEmpty())
                m_context->secrets()->remove(v.secret.location);
        }
        WorkspaceStore *store = m_context->store();
        const qint64 tokenId = m_subject.token().id;
        const int number = m_rotation.oldVersion;
        finish({},
            {Rotation::Step::Done, m_rotation.dueAt,
                QCoreApplication::translate("RotationRun", "version %1 deleted").arg(m_rotation.oldVersion),
                answer->auditRequestId(), [store, tokenId, number] {
                    return VersionLedger(store).retire(tokenId, number, VersionState::Destroyed, {});
                }});
    });
}

void OldVersionRetirement::finish(const ApiError &error, const Retired &retired)
{
    m_done(error, retired);
    deleteLater();
}
