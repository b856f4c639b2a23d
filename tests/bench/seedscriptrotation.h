// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

class Provider;
class VaultKvClient;

// The rotation of the Dynatrace + Vault blog's script, for comparison: for each Vault path, one
// after another, read the token from Vault, look it up at Dynatrace, create a replacement with
// the same name and scopes, write it to Vault, delete the old token. No keychain, no journal, no
// verification and no undo: what the script does, at the speed it can do it.
class SeedScriptRotation final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SeedScriptRotation)

public:
    SeedScriptRotation(Provider *dynatrace, VaultKvClient *vault, QObject *parent = nullptr);

    // Rotates the token stored under each Vault path (field "token"), strictly in turn.
    void start(QStringList vaultPaths);

    int succeeded() const { return m_succeeded; }
    int failed() const { return m_failed; }

Q_SIGNALS:
    void finished();

private:
    void next();
    void fail();
    void done();

    Provider *m_dynatrace;
    VaultKvClient *m_vault;
    QStringList m_paths;
    int m_next = 0;
    int m_succeeded = 0;
    int m_failed = 0;
};
