// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/policyduration.h"
#include "domain/secretbytes.h"

#include <QDateTime>
#include <QStringList>

// What a rotation (or a Dynatrace "create a replacement") needs from the engine. Each provider
// reads the fields it uses: Glean rotates with the current secret as its credential, Dynatrace
// copies name and scopes, Piiano needs the token ids and an access reason.
struct RotateRequest
{
    QString providerId;
    QString name;
    QStringList scopes;
    QDateTime expiresAt; // the replacement's expiry (Dynatrace); invalid = none
    SecretBytes currentSecret; // Glean: the token being rotated is the bearer
    PolicyDuration gracePeriod; // Pangea: overrides the item's grace period when set
    QStringList tokenIds; // Piiano: data token ids to rotate in the collection
    QString accessReason = QStringLiteral("Maintenance"); // Piiano's required reason
};
