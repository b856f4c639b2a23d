// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/providerkind.h"

#include <QMetaType>
#include <QStringList>

#include <chrono>
#include <optional>

// What one provider can and cannot do, stated honestly so the engine plans only possible steps
// and the UI can say why an action is missing (Glean has no revoke call; Dynatrace has no
// rotate call, so TokenDesk creates a replacement and disables the old token).
struct ProviderCapabilities
{
    bool listTokens = false;
    bool listVersions = false; // the provider keeps a version history (Pangea)
    bool rotate = false; // one call mints the successor (Pangea, Glean, Piiano)
    bool create = false; // a new token can be created with the old one's name and scopes (Dynatrace)
    bool revoke = false; // an old secret can be disabled on demand
    bool deleteToken = false; // a disabled token can be deleted
    bool setPolicy = false; // rotation frequency / grace can be pushed (Pangea)
    bool lookupBySecret = false; // a secret can be turned into its id and metadata (Dynatrace)
    bool rotationIsServerSide = false; // the provider rotates on its own schedule (Pangea)
    bool replacesIds = false; // rotation issues new ids for the same data (Piiano)
    // How long the old secret stays valid after a rotation when the provider fixes it
    // (Glean: 10 minutes, not configurable). Empty = TokenDesk's policy decides.
    std::optional<std::chrono::seconds> fixedGracePeriod;
    // Short, translated sentences for the UI and `tokendesk-cli`: what is missing and why.
    QStringList limitations;

    // What it can do, as short translated words ("list", "rotate", "revoke", ...).
    QStringList abilities() const;
};

Q_DECLARE_METATYPE(ProviderCapabilities)
