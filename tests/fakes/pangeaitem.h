// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QStringList>

// One version of a Pangea Vault token item, as FakePangea keeps it.
struct PangeaVersion
{
    int version = 0;
    QString state = QStringLiteral("active"); // active, deactivated, suspended, compromised, destroyed
    QDateTime createdAt;
    QDateTime rotatedAt; // when it stopped being current
    QDateTime destroyedAt; // when it is (to be) destroyed
    QDateTime graceUntil; // a rotated-away token still authenticates until then
    QString token; // ^p[a-z]{2}_[a-z0-9]{32}$
    bool minted = false; // created by a rotation rather than seeded
    bool presented = false; // used as a bearer credential at least once
};

// A Pangea Vault item of type pangea_token with its versions and rotation settings.
struct PangeaItem
{
    QString id; // pvi_ + 32 base32 characters
    QString name;
    QString folder = QStringLiteral("/");
    QStringList tags;
    QJsonObject metadata;
    bool enabled = true;
    QDateTime createdAt;
    QDateTime disabledAt;
    QDateTime lastRotated;
    QString rotationFrequency; // "30d", "never", empty = not set
    QString rotationState = QStringLiteral("destroyed");
    QString rotationGracePeriod; // empty = none: the old token dies with the rotation
    QList<PangeaVersion> versions;

    const PangeaVersion *latest() const { return versions.isEmpty() ? nullptr : &versions.constLast(); }
};

// What a test or the sandbox seeds FakePangea with: one pangea_token item with `versions`
// versions (all but the last already rotated away and destroyed).
struct PangeaTokenSeed
{
    QString name;
    QString folder = QStringLiteral("/");
    QStringList tags;
    QJsonObject metadata;
    QString rotationFrequency;
    QString rotationState = QStringLiteral("destroyed");
    QString rotationGracePeriod;
    int versions = 1;
    QDateTime createdAt; // invalid = 30 days per version before the clock's now
};
