// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/rotation.h"
#include "rotationsubject.h"
#include "rotationundo.h"

#include <QObject>
#include <QPointer>

#include <functional>

class AppContext;
class Provider;

// A rotation that fails after the provider made a replacement token (Dynatrace) must leave the
// token as it was: no working replacement that nothing manages, no Vault path holding a value that
// is not current, no pending keychain entry, the old version current. This is the end of such a
// run: it journals that the rotation is being undone, undoes it (RotationUndo, and OrphanSearch
// when the create's answer was lost) and journals the outcome. An undo cut short stays
// Compensating, so the next start or `resume` runs it again. Finishes once, then deletes itself.
class RotationCompensation final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RotationCompensation)

public:
    using Progress = std::function<void(const Rotation &rotation)>;
    // The run ends with RotationRun::finish(status, message), `rotation` being its journaled state.
    using Done = std::function<void(const Rotation &rotation, Rotation::Status status, const QString &message)>;

    RotationCompensation(
        AppContext *context, Provider *provider, RotationSubject subject, Rotation rotation, QObject *parent);

    // `progressed` is told once the journal says Compensating (not again when it said so already).
    void run(const QString &reason, const Progress &progressed, Done done);

private:
    void undo(const QList<RotationUndo::Step> &steps, const RotationUndo::Done &done);
    // Records the end of the undo: Compensated, or still Compensating when a step failed.
    void close(const ApiError &error);
    void finish(Rotation::Status status, const QString &message);

    AppContext *m_context;
    QPointer<Provider> m_provider;
    RotationSubject m_subject;
    Rotation m_rotation;
    Done m_done;
};
