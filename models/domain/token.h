// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rotationpolicy.h"
#include "tokenstate.h"

#include <QDateTime>
#include <QMetaType>
#include <QStringList>

// One API token at a provider, as the workspace knows it. Its secret values live in the
// keychain per version (see TokenVersion); this type only describes the token.
struct Token
{
    qint64 id = 0; // workspace row id; 0 until stored
    qint64 accountId = 0; // owning Account
    QString providerId; // the provider's own id (Pangea pvi_…, Dynatrace dt0c01.…, Piiano token id)
    QString name;
    QStringList scopes;
    QString owner;
    QDateTime createdAt; // all UTC; invalid = unknown
    QDateTime expiresAt;
    QDateTime lastUsedAt;
    QDateTime lastRotatedAt;
    TokenState state = TokenState::Active;
    RotationPolicy policy;
    int currentVersion = 0; // number of the current TokenVersion, 0 if none known
    QString consumerNotes; // which applications use this token

    friend bool operator==(const Token &, const Token &) = default;
};

Q_DECLARE_METATYPE(Token)
