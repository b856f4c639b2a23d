// SPDX-License-Identifier: GPL-3.0-or-later
#include "rotationcompensation.h"

#include "appcontext.h"
#include "core/provider.h"
#include "domain/clock.h"
#include "faultpoint.h"
#include "orphansearch.h"
#include "store/rotationstore.h"
#include "versionledger.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

// The messages end up as the rotation's error, so they keep RotationRun's translation context.

RotationCompensation::RotationCompensation(
    AppContext *context, Provider *provider, RotationSubject subject, Rotation rotation, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_provider(provider)
    , m_subject(std::move(subject))
    , m_rotation(std::move(rotation))
{ }

void RotationCompensation::run(const QString &reason, const Progress &progressed, Done done)
{
    m_done = std::move(done);
    if (m_rotation.status != Rotation::Status::Compensating) {
        m_rotation.extra.insert(u"failedAt"_s, Rotation::stepId(m_rotation.step));
        m_rotation.status = Rotation::Status::Compensating;
        m_rotation.error = reason;
        m_rotation.updatedAt = m_context->clock().nowUtc();
        // Best effort: the undo runs even when the workspace cannot record it (a full disk).
        RotationStore(m_context->store())
            .record(m_rotation, m_subject.line(u"rotate.compensate"_s, AuditEvent::Outcome::Started, reason));
        progressed(m_rotation);
        FaultPoint::reach(u"compensating"_s);
    }
    if (m_rotation.extra.value(u"findOrphans"_s).toBool()) {
        auto *search = new OrphanSearch(m_context, m_provider, m_subject, m_rotation, this);
        search->run([this](const QString &failure, Rotation::Status status) {
            if (!failure.isEmpty()) {
                finish(status, failure);
                return;
            }
            undo({RotationUndo::Step {RotationUndo::Kind::DropSecret, m_subject.secretKey(m_rotation.newVersion)}},
                [this](const ApiError &error, const QString &) { close(error); });
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
    steps << RotationUndo::Step {RotationUndo::Kind::DropSecret, m_subject.secretKey(m_rotation.newVersion)};
    undo(steps, [this](const ApiError &error, const QString &note) {
        if (!note.isEmpty())
            m_rotation.error += u' ' + note;
        close(error);
    });
}

void RotationCompensation::undo(const QList<RotationUndo::Step> &steps, const RotationUndo::Done &done)
{
    auto *rotationUndo = new RotationUndo(
        m_context, m_provider, m_subject.token().id, m_rotation.extra.value(u"sinkWrites"_s).toArray(), this);
    rotationUndo->run(steps, std::bind_front(&RotationSubject::appendUndoStep, m_subject), done);
}

void RotationCompensation::close(const ApiError &error)
{
    if (error.isError()) {
        finish(Rotation::Status::Compensating,
            QCoreApplication::translate(
                "RotationRun", "%1 The undo is incomplete (%2); TokenDesk retries it at the next start or “resume”.")
                .arg(m_rotation.error, error.toString()));
        return;
    }
    m_rotation.status = Rotation::Status::Compensated;
    m_rotation.updatedAt = m_context->clock().nowUtc();
    RotationStore(m_context->store())
        .record(m_rotation,
            m_subject.line(u"rotate.compensated"_s, AuditEvent::Outcome::Succeeded,
                QCoreApplication::translate("RotationRun", "undone; version %1 stays current")
                    .arg(m_rotation.oldVersion)),
            [this] {
                return VersionLedger(m_context->store()).discardPending(m_subject.token().id, m_rotation.newVersion);
            });
    finish(Rotation::Status::Compensated, m_rotation.error);
}

void RotationCompensation::finish(Rotation::Status status, const QString &message)
{
    m_done(m_rotation, status, message);
    deleteLater();
}
