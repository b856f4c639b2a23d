// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspacesync.h"

#include "core/provider.h"
#include "osuser.h"
#include "secrets/secretjob.h"
#include "secrets/secretstore.h"
#include "store/workspacestore.h"

using namespace Qt::StringLiterals;

namespace {

// What the provider says overrides what the workspace knew; TokenDesk's own fields (policy it
// enforces itself, consumer notes, state of an ongoing rotation) stay.
Token merged(Token local, const RemoteToken &remote)
{
    local.providerId = remote.providerId;
    local.name = remote.name.isEmpty() ? remote.providerId : remote.name;
    local.scopes = remote.scopes;
    local.owner = remote.owner;
    local.createdAt = remote.createdAt;
    local.expiresAt = remote.expiresAt;
    local.lastUsedAt = remote.lastUsedAt;
    if (remote.lastRotatedAt.isValid())
        local.lastRotatedAt = remote.lastRotatedAt;
    if (!remote.policy.isNull()) {
        // The provider knows its own rotation settings; revoke-after, delete-after and
        // notify-before exist only in TokenDesk and must survive a refresh.
        local.policy.interval = remote.policy.interval;
        local.policy.gracePeriod = remote.policy.gracePeriod;
        local.policy.automatic = remote.policy.automatic;
    }
    if (!remote.versions.isEmpty()) {
        for (const RemoteVersion &version : remote.versions) {
            if (version.state == VersionState::Current)
                local.currentVersion = std::max(local.currentVersion, version.number);
        }
    } else if (local.currentVersion == 0) {
        local.currentVersion = 1;
    }
    if (local.state != TokenState::Rotating && local.state != TokenState::RotationFailed) {
        const bool expired = remote.expiresAt.isValid() && remote.expiresAt < QDateTime::currentDateTimeUtc();
        local.state = expired ? TokenState::Expired : remote.enabled ? TokenState::Active : TokenState::Disabled;
    }
    return local;
}

} // namespace

WorkspaceSync::WorkspaceSync(WorkspaceStore *store, SecretStore *secrets, ProviderFactory factory, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_secrets(secrets)
    , m_factory(std::move(factory))
{ }

void WorkspaceSync::refresh(qint64 accountId)
{
    if (m_running.contains(accountId))
        return;
    const std::optional<Account> account = m_store->account(accountId);
    if (!account)
        return;
    m_running.insert(accountId, nullptr);
    Q_EMIT refreshStarted(accountId);
    SecretJob *read = m_secrets->read(account->credential.location);
    connect(read, &SecretJob::finished, this, [this, account = *account](SecretJob *job) {
        if (job->error() != SecretJob::Error::NoError) {
            ApiError error;
            error.kind = ApiError::Kind::Refused;
            error.message = tr("The account's credential could not be read: %1").arg(job->errorString());
            fail(account, error);
            return;
        }
        Provider *provider = m_factory(account, job->value(), this);
        if (!provider) {
            ApiError error;
            error.kind = ApiError::Kind::Refused;
            error.message
                = tr("TokenDesk cannot list tokens of %1 accounts.").arg(ProviderKindInfo::displayName(account.kind));
            fail(account, error);
            return;
        }
        m_running.insert(account.id, provider);
        ProviderOperation *operation = provider->listTokens();
        connect(operation, &ProviderOperation::finished, this, [this, account, provider](ProviderOperation *done) {
            provider->deleteLater();
            if (!done->ok()) {
                fail(account, done->error());
                return;
            }
            QString error;
            if (!apply(account, done->tokens(), &error)) {
                ApiError storeError;
                storeError.kind = ApiError::Kind::Refused;
                storeError.message = error;
                fail(account, storeError);
                return;
            }
            m_running.remove(account.id);
            Q_EMIT refreshFinished(account.id, static_cast<int>(done->tokens().size()), {});
        });
    });
}

bool WorkspaceSync::apply(const Account &account, const QList<RemoteToken> &remote, QString *error)
{
    QHash<QString, Token> known;
    for (const Token &token : m_store->tokensOfAccount(account.id))
        known.insert(token.providerId, token);
    const QSet<QString> retired = m_store->retiredProviderIds(account.id);
    QList<Token> added;
    QList<Token> updated;
    for (const RemoteToken &item : remote) {
        auto it = known.find(item.providerId);
        if (it == known.end()) {
            if (retired.contains(item.providerId))
                continue; // an earlier version of a token we know, not a token of its own
            Token fresh;
            fresh.accountId = account.id;
            added << merged(fresh, item);
            continue;
        }
        const Token next = merged(*it, item);
        if (!(next == *it))
            updated << next;
        known.erase(it);
    }
    // Tokens the provider no longer lists are gone there; keep them with their history.
    for (Token gone : std::as_const(known)) {
        if (gone.state != TokenState::Revoked && gone.state != TokenState::Rotating) {
            gone.state = TokenState::Revoked;
            updated << gone;
        }
    }
    if (!m_store->applyTokenChanges(added, updated)) {
        *error = m_store->errorString();
        return false;
    }
    AuditEvent event;
    event.osUser = OsUser::name();
    event.accountId = account.id;
    event.accountName = account.displayName;
    event.action = u"account.refresh"_s;
    event.details = tr("%1 tokens listed, %2 new, %3 changed").arg(remote.size()).arg(added.size()).arg(updated.size());
    m_store->appendAudit(event);
    return true;
}

void WorkspaceSync::fail(const Account &account, const ApiError &error)
{
    m_running.remove(account.id);
    AuditEvent event;
    event.osUser = OsUser::name();
    event.accountId = account.id;
    event.accountName = account.displayName;
    event.action = u"account.refresh"_s;
    event.outcome = AuditEvent::Outcome::Failed;
    event.requestId = error.requestId;
    event.details = error.toString();
    m_store->appendAudit(event);
    Q_EMIT refreshFinished(account.id, 0, error);
}
