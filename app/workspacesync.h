// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/remotetoken.h"
#include "domain/providerkind.h"
#include "http/apierror.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>

class Provider;
class SecretStore;
class WorkspaceStore;
struct Account;
class SecretBytes;

// Reads an account's tokens from its provider and brings the workspace up to date: new tokens
// are added, known ones updated in place (matched by the provider's id), tokens the provider no
// longer lists are marked revoked rather than deleted, so their history stays. The admin
// credential is read from the SecretStore for the duration of the refresh only.
class WorkspaceSync final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkspaceSync)

public:
    using ProviderFactory = std::function<Provider *(const Account &, SecretBytes credential, QObject *parent)>;

    WorkspaceSync(WorkspaceStore *store, SecretStore *secrets, ProviderFactory factory, QObject *parent = nullptr);

    // Whether accounts of this kind have tokens to list (Glean has no list call; HashiCorp
    // Vault KV is where secrets are written, not a token issuer).
    static bool canList(ProviderKind kind) { return kind != ProviderKind::Glean && kind != ProviderKind::VaultKv; }

    void refresh(qint64 accountId);
    bool isRefreshing(qint64 accountId) const { return m_running.contains(accountId); }

    // Applies one listing to the workspace in a single transaction (public for tests).
    bool apply(const Account &account, const QList<RemoteToken> &remote, QString *error);

Q_SIGNALS:
    void refreshStarted(qint64 accountId);
    void refreshFinished(qint64 accountId, int tokenCount, const ApiError &error);

private:
    void fail(const Account &account, const ApiError &error);

    WorkspaceStore *m_store;
    SecretStore *m_secrets;
    ProviderFactory m_factory;
    QHash<qint64, QPointer<Provider>> m_running;
};
