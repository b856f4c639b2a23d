// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretcustody.h"

#include "osuser.h"
#include "secrets/secretjob.h"
#include "secrets/secretkey.h"
#include "secrets/secretstore.h"
#include "store/workspacestore.h"

using namespace Qt::StringLiterals;

SecretCustody::SecretCustody(WorkspaceStore *store, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_secrets(secrets)
{ }

void SecretCustody::addAccount(Account account, SecretBytes credential, QObject *context, AccountDone done)
{
    QPointer<QObject> guard(context);
    auto finish = [guard, done](const Account &saved, const QString &error) {
        if (guard)
            done(saved, error);
    };
    if (credential.isEmpty()) {
        finish(account, tr("Enter the account's credential."));
        return;
    }
    // The key needs the account id, so the row comes first with its reference filled in.
    account.credential = {};
    if (!m_store->addAccount(account)) {
        finish(account, m_store->errorString());
        return;
    }
    account.credential
        = SecretRef::keychain(SecretKey::forAccountCredential(m_store->workspaceId(), account.kind, account.id));
    if (!m_store->updateAccount(account)) {
        const QString error = m_store->errorString();
        m_store->removeAccount(account.id);
        finish(account, error);
        return;
    }
    SecretJob *job = m_secrets->write(account.credential.location, credential);
    connect(job, &SecretJob::finished, this, [this, account, finish](SecretJob *finished) {
        if (finished->error() != SecretJob::Error::NoError) {
            const QString error = finished->errorString();
            m_store->removeAccount(account.id);
            audit(account, nullptr, u"account.add"_s, false, error);
            finish(account, error);
            return;
        }
        audit(account, nullptr, u"account.add"_s, true, account.baseUrl.toString(QUrl::RemoveUserInfo));
        finish(account, {});
    });
}

void SecretCustody::removeAccount(qint64 accountId, QObject *context, RemoveDone done)
{
    QPointer<QObject> guard(context);
    auto finish = [guard, done](const QString &error) {
        if (guard)
            done(error);
    };
    const std::optional<Account> account = m_store->account(accountId);
    if (!account) {
        finish(tr("The account is no longer in the workspace."));
        return;
    }
    SecretJob *job = m_secrets->remove(account->credential.location);
    connect(job, &SecretJob::finished, this, [this, account = *account, finish](SecretJob *finished) {
        const bool gone
            = finished->error() == SecretJob::Error::NoError || finished->error() == SecretJob::Error::NotFound;
        if (!gone) {
            // Keep the account: removing it would leave a credential nobody can find to delete.
            audit(account, nullptr, u"account.remove"_s, false, finished->errorString());
            finish(finished->errorString());
            return;
        }
        if (!m_store->removeAccount(account.id)) {
            finish(m_store->errorString());
            return;
        }
        audit(account, nullptr, u"account.remove"_s, true, {});
        finish({});
    });
}

void SecretCustody::addVersionSecret(
    const Token &token, TokenVersion version, SecretBytes secret, QObject *context, VersionDone done)
{
    QPointer<QObject> guard(context);
    auto finish = [guard, done](const TokenVersion &saved, const QString &error) {
        if (guard)
            done(saved, error);
    };
    const std::optional<Account> account = m_store->account(token.accountId);
    if (!account) {
        finish(version, tr("The token's account is no longer in the workspace."));
        return;
    }
    version.tokenId = token.id;
    version.secret = SecretRef::keychain(
        SecretKey::forTokenVersion(m_store->workspaceId(), account->kind, account->id, token.id, version.number));
    SecretJob *job = m_secrets->write(version.secret.location, secret);
    connect(job, &SecretJob::finished, this, [this, token, version, account = *account, finish](SecretJob *finished) {
        TokenVersion saved = version;
        if (finished->error() != SecretJob::Error::NoError) {
            audit(account, &token, u"version.store"_s, false, finished->errorString());
            finish(saved, finished->errorString());
            return;
        }
        if (!m_store->addVersion(saved)) {
            // The secret stays in the keychain under its key: losing it would be worse than an
            // entry the workspace does not list yet.
            finish(saved, m_store->errorString());
            return;
        }
        audit(account, &token, u"version.store"_s, true, tr("version %1").arg(saved.number));
        finish(saved, {});
    });
}

void SecretCustody::audit(
    const Account &account, const Token *token, const QString &action, bool ok, const QString &details)
{
    AuditEvent event;
    event.osUser = OsUser::name();
    event.accountId = account.id;
    event.accountName = account.displayName;
    if (token) {
        event.tokenId = token->id;
        event.tokenName = token->name;
    }
    event.action = action;
    event.outcome = ok ? AuditEvent::Outcome::Succeeded : AuditEvent::Outcome::Failed;
    event.details = details;
    m_store->appendAudit(event);
}
