// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sandboxlauncher.h"

#include <QObject>
#include <QSet>
#include <QStringList>

class AppContext;
class WorkspaceStore;
struct Account;

// Fills an empty workspace from the sandbox's announcements: one account per provider, its demo
// credential in the keychain (through SecretCustody, like any account), Glean's demo tokens
// imported with their secrets (Glean has no list call), then a refresh of every account that
// can list. finished() reports once, with whatever went wrong per account.
class DemoWorkspace final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoWorkspace)

public:
    explicit DemoWorkspace(AppContext *context, QObject *parent = nullptr);

    // The sandbox's own workspace, beside (never instead of) the user's default one.
    static QString defaultPath();
    // Opens `path` empty: the sandbox's data lives only in the sandbox process, so what an
    // earlier demo left is removed first. Refuses, like any open, while another TokenDesk holds it.
    static bool openFresh(WorkspaceStore *store, const QString &path);

    void populate(const QList<SandboxService> &services);

Q_SIGNALS:
    void finished(const QStringList &problems);

private:
    void addAccount(const SandboxService &service);
    void importGleanTokens(const Account &account, const SandboxService &service);
    void onAccountReady(const Account &account);
    void settle();

    AppContext *m_context;
    int m_pending = 0;
    QSet<qint64> m_refreshing;
    QStringList m_problems;
};
