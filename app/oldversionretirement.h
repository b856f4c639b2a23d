// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/rotation.h"
#include "http/apierror.h"
#include "rotationsubject.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

#include <functional>

class AppContext;
class Provider;

// Consumers keep using the old version through its grace period, so it goes only after the new
// one is current, in two steps: revoked when the grace period ends (Glean has no revoke call; its
// old secret simply expires), deleted when the retention ends (Dynatrace). Makes each step's call
// at the provider and says what the journal records for it; RotationRun journals it like every
// other step, so a crash in between repeats the call, and a 404 answer then counts as done.
// Finishes once, then deletes itself.
class OldVersionRetirement final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OldVersionRetirement)

public:
    // What the journal records after a successful step.
    struct Retired
    {
        Rotation::Step next = Rotation::Step::Done;
        QDateTime dueAt; // the rotation's due time from now on: when `next` is due
        QString details; // of the audit line
        QString requestId;
        std::function<bool()> ledger; // the old version's new state, written in the journal's transaction
    };
    // `error` is set when the provider refused the step; `retired` is then empty.
    using Done = std::function<void(const ApiError &error, const Retired &retired)>;

    OldVersionRetirement(
        AppContext *context, Provider *provider, RotationSubject subject, Rotation rotation, QObject *parent);

    void revoke(Done done); // Rotation::Step::RevokeOld
    void remove(Done done); // Rotation::Step::DeleteOld

private:
    void revoked(const QString &details, const QString &requestId);
    void finish(const ApiError &error, const Retired &retired);

    AppContext *m_context;
    QPointer<Provider> m_provider;
    RotationSubject m_subject;
    Rotation m_rotation;
    Done m_done;
};
