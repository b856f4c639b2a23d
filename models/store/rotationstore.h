// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../domain/auditevent.h"
#include "../domain/rotation.h"
#include "../domain/tokensink.h"

#include <QCoreApplication>
#include <QList>
#include <QSet>

#include <functional>
#include <optional>

class WorkspaceStore;

// What the rotation engine keeps in the workspace: each rotation's state (the journal) and
// each token's Vault sinks. record() writes a rotation's new state, its audit entry, and any
// other workspace change of that step in one transaction, so the journal never says more or
// less than what happened.
class RotationStore final
{
    Q_DECLARE_TR_FUNCTIONS(RotationStore)

public:
    explicit RotationStore(WorkspaceStore *store);

    // Inserts a new rotation with its first audit entry. Refused while the token has one that
    // is not finished: two rotations of one token must never interleave.
    bool begin(Rotation &rotation, AuditEvent event);
    // Saves the rotation's state with `event`; `alsoInTransaction` makes the step's other
    // workspace changes (versions, token) and must return false to roll everything back.
    bool record(Rotation &rotation, AuditEvent event, const std::function<bool()> &alsoInTransaction = {});

    std::optional<Rotation> rotation(qint64 id) const;
    std::optional<Rotation> activeFor(qint64 tokenId) const;
    QList<Rotation> unfinished() const; // running, compensating and waiting, oldest first
    QList<Rotation> forToken(qint64 tokenId) const;
    // Tokens whose most recent rotation failed (cleaned up or not), for the "rotation failed" filter.
    QSet<qint64> tokensWithFailedRotation() const;

    QList<TokenSink> sinks(qint64 tokenId) const;
    bool setSinks(qint64 tokenId, QList<TokenSink> &sinks);

    QString errorString() const { return m_error; }

private:
    QList<Rotation> select(const QString &where, const QVariantMap &bindings) const;
    bool write(Rotation &rotation, bool insert);
    bool fail(const QString &message);

    WorkspaceStore *m_store;
    QString m_error;
};
