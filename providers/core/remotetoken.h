// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/rotationpolicy.h"
#include "domain/tokenstate.h"

#include <QDateTime>
#include <QMetaType>
#include <QStringList>

// One version of a token as the provider reports it (Pangea item_versions[]).
struct RemoteVersion
{
    int number = 0;
    QString providerState; // the provider's own word: "active", "deactivated", "destroyed", ...
    VersionState state = VersionState::Current;
    QDateTime createdAt; // UTC
    QDateTime rotatedAt;
    QDateTime destroyedAt;

    friend bool operator==(const RemoteVersion &, const RemoteVersion &) = default;
};

// A token as the provider describes it, before TokenDesk stores it in the workspace. Never holds
// a secret value: parsers drop secret fields of list and get answers on purpose.
struct RemoteToken
{
    QString providerId; // Pangea pvi_…, Dynatrace dt0c01.…, Piiano token id, Glean: configured name
    QString name;
    QStringList scopes;
    QString owner;
    QDateTime createdAt; // all UTC; invalid = unknown
    QDateTime expiresAt;
    QDateTime lastUsedAt;
    QDateTime lastRotatedAt;
    QDateTime nextRotationAt; // when the provider itself will rotate (Pangea)
    bool enabled = true;
    RotationPolicy policy; // what the provider reports of its own rotation settings
    QString providerRotationState; // Pangea rotation_state ("destroyed", "deactivated", ...)
    QList<RemoteVersion> versions;

    friend bool operator==(const RemoteToken &, const RemoteToken &) = default;
};

// One page of a listing; `nextPage` is the provider's cursor (Pangea `last`, Dynatrace
// `nextPageKey`), empty on the last page.
struct RemoteTokenPage
{
    QList<RemoteToken> tokens;
    QString nextPage;
    int totalCount = -1; // -1 when the provider does not say
};

Q_DECLARE_METATYPE(RemoteVersion)
Q_DECLARE_METATYPE(RemoteToken)
