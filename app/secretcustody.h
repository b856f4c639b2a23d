// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/account.h"
#include "domain/secretbytes.h"
#include "domain/token.h"
#include "domain/tokenversion.h"

#include <QObject>
#include <QPointer>

#include <functional>

class SecretStore;
class WorkspaceStore;

// The one path by which secrets enter TokenDesk's keeping: the value goes to the SecretStore
// (OS keychain), and only a SecretRef goes into the workspace. Every call is asynchronous and
// answers through its callback exactly once, on the owning thread; the callback is dropped if
// `context` is destroyed first.
class SecretCustody final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretCustody)

public:
    using AccountDone = std::function<void(const Account &saved, const QString &error)>;
    using VersionDone = std::function<void(const TokenVersion &saved, const QString &error)>;
    using RemoveDone = std::function<void(const QString &error)>;

    SecretCustody(WorkspaceStore *store, SecretStore *secrets, QObject *parent = nullptr);

    // Saves the account, then its credential under tokendesk/<provider>/<account>/credential.
    // If the keychain refuses, the account row is removed again so no account points at nothing.
    void addAccount(Account account, SecretBytes credential, QObject *context, AccountDone done);
    // Removes the keychain credential first, then the account (and its tokens) from the workspace.
    void removeAccount(qint64 accountId, QObject *context, RemoveDone done);
    // Keeps a token version's secret in the keychain and records the version with its reference.
    // The secret is written before the version row: a secret must never exist only in memory.
    void addVersionSecret(
        const Token &token, TokenVersion version, SecretBytes secret, QObject *context, VersionDone done);

private:
    void audit(const Account &account, const Token *token, const QString &action, bool ok, const QString &details);

    WorkspaceStore *m_store;
    SecretStore *m_secrets;
};
