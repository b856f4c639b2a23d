// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

// One secret value of a Glean indexing token. Rotation supersedes it; it then works for a
// fixed 10-minute buffer.
struct GleanSecret
{
    QString value;
    QDateTime createdAt;
    QDateTime supersededAt; // invalid while it is the current secret
    bool minted = false; // returned by /rotatetoken rather than seeded
    bool used = false; // presented as a credential at least once
};

// A Glean indexing API token as the admin console creates it: a rotation period (0 = not
// rotatable), an absolute expiry that rotation does not extend, and its secrets, newest last.
struct GleanToken
{
    QString id;
    QString name;
    qint64 rotationPeriodMinutes = 1440;
    QDateTime expiresAt; // invalid = never
    bool revoked = false;
    QList<GleanSecret> secrets;
};

// What a test or the sandbox seeds FakeGlean with.
struct GleanTokenSeed
{
    QString name;
    qint64 rotationPeriodMinutes = 1440;
    QDateTime expiresAt;
    QDateTime createdAt; // of the current secret; invalid = the clock's now
};
