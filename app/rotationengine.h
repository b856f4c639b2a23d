// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/rotation.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>

class AppContext;

// Starts rotations and picks up unfinished ones from the workspace's journal, within limits:
// at most `perAccount` rotations of one account and `overall` in all run at once, the rest
// queue. The GUI and tokendesk-cli share it, and with it the same rules.
class RotationEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RotationEngine)

public:
    struct Limits
    {
        int perAccount = 2;
        int overall = 4;
    };

    explicit RotationEngine(AppContext *context, QObject *parent = nullptr);

    Limits limits() const { return m_limits; }
    void setLimits(Limits limits) { m_limits = limits; }
    // Queues a rotation of the token; it is journaled when it starts. False, with the reason,
    // when it cannot (unknown token, a rotation of it already queued or under way). A rotation
    // that cannot be journaled when it starts (workspace not writable) ends Failed.
    bool rotate(qint64 tokenId, QString *error = nullptr);
    // Queues many tokens from the event loop, a batch at a time, so a window stays responsive
    // with thousands selected; a token that cannot be queued is reported by refused().
    void rotateAll(const QList<qint64> &tokenIds);
    // Queues the journal's unfinished rotations: interrupted ones at once (recovery), waiting
    // ones whose revoke or delete is due. Returns how many were queued.
    int resume();
    // Withdraws the tokens' rotations that have not started yet (nothing was journaled or sent
    // for them); rotations under way, and journaled ones being resumed, go on to a safe end.
    // Each withdrawn token is announced by cancelled(). Returns how many were withdrawn.
    int cancel(const QList<qint64> &tokenIds);
    bool isIdle() const { return m_toQueue.isEmpty() && m_queue.isEmpty() && m_active.isEmpty(); }

Q_SIGNALS:
    void progressed(const Rotation &rotation);
    void finished(const Rotation &rotation);
    void idle();
    void refused(qint64 tokenId, const QString &reason);
    void cancelled(qint64 tokenId);

private:
    struct Queued
    {
        Rotation rotation;
        bool resumed;
    };

    void enqueue(const Rotation &rotation, bool resumed);
    void startNext();
    void queueBatch();
    bool begin(Rotation &rotation, QString *error);
    QString nameKey(const Rotation &rotation) const;
    bool sharesName(const Rotation &rotation) const;

    AppContext *m_context;
    Limits m_limits;
    QList<Queued> m_queue;
    QList<qint64> m_toQueue; // rotateAll() tokens not yet looked at
    QSet<qint64> m_active; // rotation ids running in this process
    QSet<qint64> m_queuedIds; // journaled rotations waiting for a slot
    QSet<qint64> m_queuedTokens;
    QHash<qint64, int> m_activePerAccount;
    QHash<qint64, QString> m_activeNames; // rotation id -> "account/token name"
};
