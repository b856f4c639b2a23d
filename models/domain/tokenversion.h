// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secretref.h"
#include "tokenstate.h"

#include <QDateTime>
#include <QMetaType>

// One version of a token: created by a rotation, current until the next one, then in grace until
// revoked, and finally destroyed. `secret` points at its value in the keychain while it is live.
struct TokenVersion
{
    qint64 id = 0; // workspace row id; 0 until stored
    qint64 tokenId = 0; // owning Token
    int number = 0; // 1, 2, 3... per token
    QString providerId; // the provider's id for this version (Dynatrace creates a new token id)
    QDateTime createdAt; // UTC
    VersionState state = VersionState::Pending;
    QDateTime revokeAt; // UTC; invalid = not scheduled
    QDateTime deleteAt;
    SecretRef secret;

    friend bool operator==(const TokenVersion &, const TokenVersion &) = default;
};

Q_DECLARE_METATYPE(TokenVersion)
