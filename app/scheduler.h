// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/rotation.h"
#include "domain/token.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <chrono>

class AppContext;
class RotationEngine;

// Rotates automatic tokens while TokenDesk runs. Each pass (once a minute, and at once after a
// sleep or downtime) resumes interrupted rotations and revokes old versions whose grace period
// has ended, then starts every automatic token whose start time has come: its due time (policy,
// or expiry minus a margin, whichever is earlier; RotationDue) moved earlier by a safety margin
// (a tenth of the interval, at most an hour, so Glean tokens rotate before they expire) and by a
// per-token jitter of up to ten minutes, so tokens made together do not rotate in the same
// minute. Nothing starts while the network is known to be offline. It also announces tokens
// entering their notify-before window, overdue manual tokens and every failed rotation, once
// each. Time comes from the AppContext's clock, so tests drive it with tick().
class Scheduler final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Scheduler)

public:
    Scheduler(AppContext *context, RotationEngine *engine, QObject *parent = nullptr);

    void start(std::chrono::milliseconds interval = std::chrono::minutes(1));
    void stop();
    // One pass at the clock's "now"; public so tests need no timer.
    void tick();
    void setOnline(bool online) { m_online = online; }
    bool isOnline() const { return m_online; }

    // When the scheduler starts this token's rotation, for its due time `due`.
    static QDateTime startTime(const Token &token, const QDateTime &due);

Q_SIGNALS:
    void rotationStarted(const Token &token);
    void dueSoon(const Token &token, const QDateTime &due);
    void overdue(const Token &token, const QDateTime &due);
    void rotationFailed(const Rotation &rotation, const QString &tokenName);
    void caughtUp(qint64 missedSeconds); // a pass came late (sleep, downtime)

private:
    AppContext *m_context;
    RotationEngine *m_engine;
    QTimer m_timer;
    std::chrono::milliseconds m_interval {std::chrono::minutes(1)};
    QDateTime m_lastTick;
    bool m_online = true;
    QHash<qint64, QDateTime> m_announcedDueSoon; // token -> the due time already announced
    QHash<qint64, QDateTime> m_announcedOverdue;
};
