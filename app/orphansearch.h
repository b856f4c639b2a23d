// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/rotation.h"
#include "rotationsubject.h"
#include "rotationundo.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>

class AppContext;
class Provider;
struct RemoteToken;

// A create whose answer was lost (a crash, a cut connection, a gateway error) may still have made
// the new version, and then nobody holds its secret. A Dynatrace replacement would stay a working
// token that nothing manages: the account is listed and every token only that create can have
// made is disabled and deleted, each removal audited as part of the rotation's undo. Pangea and
// Glean leave nothing to remove: the old secret stays valid (grace period, 10-minute buffer), so
// rotating again supersedes whatever the lost attempt made. Piiano's new ids cannot be found over
// its API, so the admin is told how to find them. Finishes once, then deletes itself.
class OrphanSearch final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrphanSearch)

public:
    // `failure` is empty when nothing is left behind. Otherwise the rotation ends in `status`: the
    // one it has when the account could not be listed (the next start looks again), else Failed.
    using Done = std::function<void(const QString &failure, Rotation::Status status)>;

    OrphanSearch(AppContext *context, Provider *provider, RotationSubject subject, Rotation rotation, QObject *parent);

    // Lists the account and removes the replacements the lost create may have made (Dynatrace).
    void run(Done done);
    // For a rotation that a restarted TokenDesk finds at its Create step: whatever the provider.
    void resume(Done done);

private:
    // The ids the workspace or another unfinished rotation accounts for: never an orphan.
    QSet<QString> knownIds() const;
    QList<RotationUndo::Step> removals(const QList<RemoteToken> &listed) const;
    void finish(const QString &failure, Rotation::Status status);

    AppContext *m_context;
    QPointer<Provider> m_provider;
    RotationSubject m_subject;
    Rotation m_rotation;
    Done m_done;
};
