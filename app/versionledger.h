// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/rotation.h"
#include "domain/token.h"
#include "domain/tokenversion.h"

#include <optional>

class WorkspaceStore;

// The workspace side of a rotation's steps: the token's version rows and the token row itself.
// Each call is meant to run inside the transaction of the journal entry that records its step
// (RotationStore::record), so the versions never disagree with the journal.
class VersionLedger final
{
public:
    explicit VersionLedger(WorkspaceStore *store);

    std::optional<TokenVersion> version(qint64 tokenId, int number) const;
    // Inserts the version, or updates the row with the same token and number.
    bool upsert(TokenVersion version);
    // New version current, the old one in grace until `revokeAt` (revoked at once when that has
    // passed), and the token pointing at the new version (Dynatrace: at the new token id).
    bool promote(const Token &token, const Rotation &rotation, const QDateTime &now, const QDateTime &revokeAt,
        const QDateTime &deleteAt);
    // The old version's end: revoked (or expired on its own when the provider has no revoke call).
    bool retire(qint64 tokenId, int number, VersionState state, const QDateTime &deleteAt);
    // A pending version whose rotation was undone: destroyed, without a secret reference.
    bool discardPending(qint64 tokenId, int number);

private:
    WorkspaceStore *m_store;
};
