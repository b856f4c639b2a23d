// SPDX-License-Identifier: GPL-3.0-or-later
#include "versionledger.h"

#include "store/workspacestore.h"

VersionLedger::VersionLedger(WorkspaceStore *store)
    : m_store(store)
{ }

std::optional<TokenVersion> VersionLedger::version(qint64 tokenId, int number) const
{
    for (const TokenVersion &v : m_store->versions(tokenId)) {
        if (v.number == number)
            return v;
    }
    return std::nullopt;
}

bool VersionLedger::upsert(TokenVersion version)
{
    if (const std::optional<TokenVersion> existing = this->version(version.tokenId, version.number)) {
        version.id = existing->id;
        return m_store->updateVersion(version);
    }
    return m_store->addVersion(version);
}

bool VersionLedger::promote(const Token &token, const Rotation &rotation, const QDateTime &now,
    const QDateTime &revokeAt, const QDateTime &deleteAt)
{
    // Tokens read from a listing have no version row yet: the old version gets one now.
    TokenVersion oldVersion = version(token.id, rotation.oldVersion).value_or(TokenVersion());
    oldVersion.tokenId = token.id;
    oldVersion.number = rotation.oldVersion;
    if (oldVersion.providerId.isEmpty())
        oldVersion.providerId = rotation.oldProviderId;
    if (!oldVersion.createdAt.isValid())
        oldVersion.createdAt = token.createdAt;
    // Piiano's old ids stop at the rotate call: no grace at all.
    oldVersion.state = revokeAt <= now ? VersionState::Revoked : VersionState::Grace;
    oldVersion.revokeAt = revokeAt;
    oldVersion.deleteAt = deleteAt;

    std::optional<TokenVersion> newVersion = version(token.id, rotation.newVersion);
    if (!newVersion)
        return false;
    newVersion->state = VersionState::Current;

    // From the store, not the rotation's copy: a policy or notes edited meanwhile must survive.
    Token promoted = m_store->token(token.id).value_or(token);
    promoted.currentVersion = rotation.newVersion;
    promoted.providerId = rotation.newProviderId;
    promoted.lastRotatedAt = now;
    promoted.state = TokenState::Active;
    if (token.expiresAt.isValid() && token.createdAt.isValid())
        promoted.expiresAt = now.addSecs(token.createdAt.secsTo(token.expiresAt)); // same lifetime
    promoted.createdAt = now;
    return upsert(oldVersion) && m_store->updateVersion(*newVersion) && m_store->updateToken(promoted);
}

bool VersionLedger::retire(qint64 tokenId, int number, VersionState state, const QDateTime &deleteAt)
{
    std::optional<TokenVersion> old = version(tokenId, number);
    if (!old)
        return true;
    if (old->state != VersionState::Revoked)
        old->state = state;
    old->deleteAt = deleteAt;
    return m_store->updateVersion(*old);
}

bool VersionLedger::discardPending(qint64 tokenId, int number)
{
    std::optional<TokenVersion> pending = version(tokenId, number);
    if (!pending || pending->state != VersionState::Pending)
        return true;
    pending->state = VersionState::Destroyed;
    pending->secret = {};
    return m_store->updateVersion(*pending);
}
