// SPDX-License-Identifier: GPL-3.0-or-later
#include "orphansearch.h"

#include "appcontext.h"
#include "core/provider.h"
#include "core/provideroperation.h"
#include "store/rotationstore.h"
#include "store/workspacestore.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

// The messages become the rotation's error, so they keep RotationRun's translation context.

OrphanSearch::OrphanSearch(
    AppContext *context, Provider *provider, RotationSubject subject, Rotation rotation, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_provider(provider)
    , m_subject(std::move(subject))
    , m_rotation(std::move(rotation))
{ }

void OrphanSearch::resume(Done done)
{
    if (m_subject.capabilities().replacesIds) {
        m_done = std::move(done);
        finish(QCoreApplication::translate("RotationRun",
                   "TokenDesk stopped while Piiano was rotating %1. Whether Piiano issued a new id is unknown: list "
                   "the collection by tag to find it before using the old id again.")
                   .arg(m_subject.token().providerId),
            Rotation::Status::Failed);
        return;
    }
    if (!m_subject.capabilities().create) {
        // Pangea and Glean: the old secret stays valid (grace period, 10-minute buffer), so simply
        // rotating again is safe; a version made by the lost attempt is superseded.
        m_done = std::move(done);
        finish({}, m_rotation.status);
        return;
    }
    // Dynatrace: a replacement may exist that nobody holds the secret of. Find it and remove it.
    run(std::move(done));
}

void OrphanSearch::run(Done done)
{
    m_done = std::move(done);
    ProviderOperation *listing = m_provider->listTokens();
    connect(listing, &ProviderOperation::finished, this, [this](ProviderOperation *listed) {
        if (!listed->ok()) {
            // Without the listing nobody knows whether a replacement exists: the rotation stays
            // open, so the next start or `resume` looks again.
            m_subject.append(u"rotate.recover"_s, AuditEvent::Outcome::Failed, listed->error().toString());
            finish(QCoreApplication::translate("RotationRun",
                       "The search for a replacement made before its answer was lost failed (%1); TokenDesk looks "
                       "again at the next start or “resume”.")
                       .arg(listed->error().toString()),
                m_rotation.status);
            return;
        }
        const QList<RotationUndo::Step> steps = removals(listed->tokens());
        if (steps.isEmpty()) {
            finish({}, m_rotation.status);
            return;
        }
        auto *undo = new RotationUndo(
            m_context, m_provider, m_subject.token().id, m_rotation.extra.value(u"sinkWrites"_s).toArray(), this);
        undo->run(steps, std::bind_front(&RotationSubject::appendUndoStep, m_subject),
            [this](const ApiError &error, const QString &) {
                if (error.isError()) {
                    finish(QCoreApplication::translate(
                               "RotationRun", "A replacement whose secret was never received could not be removed: %1")
                               .arg(error.toString()),
                        Rotation::Status::Failed);
                    return;
                }
                finish({}, m_rotation.status);
            });
    });
}

QSet<QString> OrphanSearch::knownIds() const
{
    QSet<QString> known;
    for (const Token &token : m_context->store()->tokensOfAccount(m_subject.account().id)) {
        known.insert(token.providerId);
        for (const TokenVersion &version : m_context->store()->versions(token.id))
            known.insert(version.providerId);
    }
    for (const Rotation &other : RotationStore(m_context->store()).unfinished()) {
        if (other.id != m_rotation.id)
            known.insert(other.newProviderId);
    }
    return known;
}

QList<RotationUndo::Step> OrphanSearch::removals(const QList<RemoteToken> &listed) const
{
    // Ours are the tokens of this name made since the rotation began that nothing records:
    // not a workspace token or version, nor the replacement of another unfinished rotation.
    const QSet<QString> known = knownIds();
    QList<RotationUndo::Step> steps;
    for (const RemoteToken &remote : listed) {
        const bool ours = remote.name == m_subject.token().name && !known.contains(remote.providerId)
            && (!remote.createdAt.isValid() || remote.createdAt >= m_rotation.startedAt.addSecs(-300));
        if (ours) {
            steps << RotationUndo::Step {RotationUndo::Kind::DisableToken, remote.providerId}
                  << RotationUndo::Step {RotationUndo::Kind::DeleteToken, remote.providerId};
        }
    }
    return steps;
}

void OrphanSearch::finish(const QString &failure, Rotation::Status status)
{
    m_done(failure, status);
    deleteLater();
}
