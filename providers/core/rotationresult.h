// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/secretbytes.h"
#include "remotetoken.h"

#include <QDateTime>
#include <QHash>
#include <QMetaType>

// What a rotate or create call produced. `newSecret` is shown once by every provider, so the
// engine stores it before anything else; the parser that fills it never logs it.
struct RotationResult
{
    SecretBytes newSecret; // empty for Piiano (ids change, values do not)
    QString newProviderId; // Dynatrace: the new token's id; Pangea: same item id
    int newVersion = 0; // Pangea: the new version number
    QDateTime createdAt; // UTC
    QDateTime expiresAt; // Glean: createdAt + rotationPeriodMinutes
    QDateTime oldValidUntil; // Glean: now + 10 minutes; invalid = until revoked
    qint64 rotationPeriodMinutes = 0; // Glean, inherited and fixed
    QHash<QString, QString> replacedIds; // Piiano: old token id -> new token id
    RemoteToken token; // the item after rotation, where the provider returns it
};
