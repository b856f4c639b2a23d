// SPDX-License-Identifier: GPL-3.0-or-later
#include "emergencyrevocation.h"

#include "appcontext.h"
#include "core/provider.h"
#include "core/provideroperation.h"
#include "domain/clock.h"
#include "osuser.h"
#include "secrets/secretjob.h"
#include "secrets/secretstore.h"
#include "store/workspacestore.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

// The versions that still work: current and in grace. A token read from a listing has no
// version rows; then the token's own id is its current version.
QList<TokenVersion> liveVersions(WorkspaceStore *store, const Token &token)
{
    QList<TokenVersion> live;
    for (const TokenVersion &v : store->versions(token.id)) {
        if (v.state == VersionState::Current || v.state == VersionState::Grace)
            live << v;
    }
    if (live.isEmpty() && token.state != TokenState::Revoked) {
        TokenVersion current;
        current.tokenId = token.id;
        current.number = std::max(1, token.currentVersion);
        current.providerId = token.providerId;
        current.state = VersionState::Current;
        live << current;
    }
    return live;
}

QString versionLabel(const TokenVersion &v)
{
    return v.providerId.isEmpty() ? u"v%1"_s.arg(v.number) : u"v%1 (%2)"_s.arg(v.number).arg(v.providerId);
}

} // namespace

EmergencyRevocation::EmergencyRevocation(AppContext *context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{ }

QList<EmergencyRevocation::Item> EmergencyRevocation::plan(AppContext *context, const QList<qint64> &tokenIds)
{
    QList<Item> items;
    WorkspaceStore *store = context->store();
    for (qint64 id : tokenIds) {
        const std::optional<Token> token = store->token(id);
        if (!token)
            continue;
        const std::optional<Account> account = store->account(token->accountId);
        Item item;
        item.tokenId = token->id;
        item.tokenName = token->name;
        item.accountName = account ? account->displayName : QString();
        for (const TokenVersion &v : liveVersions(store, *token))
            item.versions << versionLabel(v);
        const ProviderKind kind = account ? account->kind : ProviderKind::VaultKv;
        if (kind == ProviderKind::Glean) {
            item.outcome = Item::Outcome::NotPossible;
            item.stillValidUntil = token->expiresAt;
            item.message = tr("Glean has no revoke call: revoke the token in the Glean admin console.");
        } else if (kind == ProviderKind::PiianoVault) {
            item.outcome = Item::Outcome::NotPossible;
            item.message = tr("Piiano ids cannot be revoked: rotate them to retire the old ids at once.");
        } else if (item.versions.isEmpty()) {
            item.outcome = Item::Outcome::NotPossible;
            item.message = tr("Already revoked: no version works any more.");
        }
        items << item;
    }
    return items;
}

void EmergencyRevocation::start(const QList<qint64> &tokenIds)
{
    m_items = plan(m_context, tokenIds);
    m_done = 0;
    for (int i = 0; i < m_items.size(); ++i) {
        if (m_items.at(i).outcome == Item::Outcome::Planned) {
            revoke(i);
        } else {
            // Reported from the event loop like the rest, never before start() has returned.
            QTimer::singleShot(0, this, [this, i] { finishItem(i, m_items.at(i).outcome, m_items.at(i).message); });
        }
    }
    if (m_items.isEmpty())
        QTimer::singleShot(0, this, [this] { Q_EMIT finished(m_items); });
}

void EmergencyRevocation::retryFailed()
{
    for (int i = 0; i < m_items.size(); ++i) {
        if (m_items.at(i).outcome == Item::Outcome::Failed) {
            --m_done;
            m_items[i].outcome = Item::Outcome::Planned;
            m_items[i].message.clear();
            revoke(i);
        }
    }
}

void EmergencyRevocation::revoke(int index)
{
    ++m_running;
    const Item item = m_items.at(index);
    const std::optional<Token> token = m_context->store()->token(item.tokenId);
    const std::optional<Account> account = token ? m_context->store()->account(token->accountId) : std::nullopt;
    if (!token || !account) {
        finishItem(index, Item::Outcome::Failed, tr("The token is no longer in the workspace."));
        return;
    }
    withCredential(*account,
        [this, index, token = *token, account = *account](const SecretBytes &credential, const QString &error) {
            if (!error.isEmpty()) {
                finishItem(
                    index, Item::Outcome::Failed, tr("The account's credential could not be read: %1").arg(error));
                return;
            }
            Provider *provider = m_context->providers().create(account, credential, this);
            QList<std::pair<QString, int>> targets;
            for (const TokenVersion &v : liveVersions(m_context->store(), token)) {
                // Dynatrace versions are separate tokens; Pangea versions belong to one item.
                const QString id = account.kind == ProviderKind::Dynatrace && !v.providerId.isEmpty()
                    ? v.providerId
                    : token.providerId;
                targets << std::pair {id, v.number};
            }
            revokeVersions(index, provider, targets);
        });
}

void EmergencyRevocation::withCredential(const Account &account, CredentialDone done)
{
    if (const auto known = m_credentials.constFind(account.id); known != m_credentials.cend()) {
        // From the event loop, as after a read: nothing is reported before start() returns.
        QTimer::singleShot(0, this, [done = std::move(done), credential = *known] { done(credential, {}); });
        return;
    }
    QList<CredentialDone> &waiting = m_waitingForCredential[account.id];
    waiting << std::move(done);
    if (waiting.size() > 1)
        return; // the read is under way
    SecretJob *read = m_context->secrets()->read(account.credential.location);
    connect(read, &SecretJob::finished, this, [this, accountId = account.id](SecretJob *job) {
        const QList<CredentialDone> callers = m_waitingForCredential.take(accountId);
        const bool ok = job->error() == SecretJob::Error::NoError;
        if (ok)
            m_credentials.insert(accountId, job->value()); // a failed read is not kept: a retry reads again
        for (const CredentialDone &caller : callers)
            caller(job->value(), ok ? QString() : job->errorString());
    });
}

void EmergencyRevocation::forgetCredentials()
{
    m_credentials.clear(); // SecretBytes wipes its bytes when the last copy goes
}

void EmergencyRevocation::revokeVersions(int index, Provider *provider, QList<std::pair<QString, int>> targets)
{
    if (targets.isEmpty()) {
        provider->deleteLater();
        finishItem(index, Item::Outcome::Revoked, {});
        return;
    }
    const auto [id, number] = targets.takeFirst();
    ProviderOperation *operation = provider->revoke(id, number);
    connect(operation, &ProviderOperation::finished, this,
        [this, index, provider, targets, number = number](ProviderOperation *done) {
            // Already gone counts as revoked: the goal is that nothing works any more.
            if (!done->ok() && done->error().httpStatus != 404) {
                provider->deleteLater();
                finishItem(index, Item::Outcome::Failed, tr("v%1: %2").arg(number).arg(done->error().toString()));
                return;
            }
            for (TokenVersion v : m_context->store()->versions(m_items.at(index).tokenId)) {
                if (v.number == number) {
                    v.state = VersionState::Revoked;
                    v.revokeAt = m_context->clock().nowUtc();
                    m_context->store()->updateVersion(v);
                }
            }
            revokeVersions(index, provider, targets);
        });
}

void EmergencyRevocation::finishItem(int index, Item::Outcome outcome, const QString &message)
{
    Item &item = m_items[index];
    item.outcome = outcome;
    item.message = message;
    if (outcome != Item::Outcome::NotPossible)
        --m_running;
    ++m_done;
    std::optional<Token> token = m_context->store()->token(item.tokenId);
    if (outcome == Item::Outcome::Revoked && token) {
        token->state = TokenState::Revoked;
        m_context->store()->updateToken(*token);
    }
    AuditEvent event;
    event.at = m_context->clock().nowUtc();
    event.osUser = OsUser::name();
    event.accountId = token ? token->accountId : 0;
    event.accountName = item.accountName;
    event.tokenId = item.tokenId;
    event.tokenName = item.tokenName;
    event.action = u"revoke.emergency"_s;
    event.outcome = outcome == Item::Outcome::Revoked ? AuditEvent::Outcome::Succeeded
        : outcome == Item::Outcome::Failed            ? AuditEvent::Outcome::Failed
                                                      : AuditEvent::Outcome::Skipped;
    event.details = message.isEmpty() ? item.versions.join(u", "_s) : message;
    m_context->store()->appendAudit(event);
    Q_EMIT itemFinished(item);
    Q_EMIT progress(m_done, static_cast<int>(m_items.size()));
    if (m_done == m_items.size()) {
        forgetCredentials();
        Q_EMIT finished(m_items);
    }
}
