// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../domain/account.h"
#include "../domain/auditevent.h"
#include "../domain/token.h"
#include "../domain/tokenversion.h"
#include "auditchain.h"

#include <QObject>
#include <QSet>

#include <memory>
#include <optional>

class QSqlDatabase;
class WorkspaceLock;

// The workspace: accounts, tokens, versions and the audit trail in one SQLite file (Qt Sql).
// It holds references to secrets and never a secret value. Opening for writing takes a lock
// file so that a second TokenDesk process is refused with a clear message; every multi-row
// change runs in one transaction. Signals tell item models exactly what changed, so views
// update incrementally. All calls are on the owning thread; SQLite in WAL mode answers in
// microseconds for the sizes a workspace has, so no call blocks the GUI noticeably.
class WorkspaceStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkspaceStore)

public:
    enum class OpenMode {
        ReadWrite,
        ReadOnly,
    };

    explicit WorkspaceStore(QObject *parent = nullptr);
    ~WorkspaceStore() override;

    // Creates the file (and its folder) if needed and migrates the schema to the newest version.
    bool open(const QString &path, OpenMode mode = OpenMode::ReadWrite);
    void close();
    bool isOpen() const;
    bool isReadOnly() const { return m_mode == OpenMode::ReadOnly; }
    QString path() const { return m_path; }
    int schemaVersion() const;
    // A random id given to the workspace when it was created; keychain keys include it.
    QString workspaceId() const { return m_workspaceId; }
    // The last error, translated and specific ("database or disk is full", "locked by pid 42").
    QString errorString() const { return m_error; }

    // <data folder>/workspace.tokendesk, the embedded default the app opens without --workspace.
    static QString defaultPath();

    bool addAccount(Account &account);
    bool updateAccount(const Account &account);
    bool removeAccount(qint64 accountId); // removes its tokens and their versions too
    QList<Account> accounts() const;
    std::optional<Account> account(qint64 accountId) const;

    bool addToken(Token &token);
    bool addTokens(QList<Token> &tokens); // one transaction, one tokensAdded signal
    bool updateToken(const Token &token);
    // Adds `added` and updates `updated` in one transaction (a provider refresh); signals are
    // emitted only after the commit, so views never show a change that was rolled back.
    bool applyTokenChanges(QList<Token> &added, const QList<Token> &updated);
    bool removeToken(qint64 tokenId);
    QList<Token> tokens() const;
    int tokenCount() const;
    QList<Token> tokensOfAccount(qint64 accountId) const;
    std::optional<Token> token(qint64 tokenId) const;

    bool addVersion(TokenVersion &version);
    bool updateVersion(const TokenVersion &version);
    QList<TokenVersion> versions(qint64 tokenId) const;
    // The provider ids of the account's versions that are no longer current (a Dynatrace
    // rotation leaves the old token behind under its own id), so a listing is not mistaken
    // for new tokens. One query, however many tokens the account has.
    QSet<QString> retiredProviderIds(qint64 accountId) const;

    // Appends to the hash-chained audit log (see AuditChain); `event` gets its id and hashes.
    bool appendAudit(AuditEvent &event);
    AuditChain::Verification verifyAudit() const;
    QList<AuditEvent> auditEvents(qint64 tokenId = 0) const; // 0 = whole workspace, oldest first

    // The connection, for the store's helper classes (AuditChain, RotationStore) that add
    // their rows inside one transaction with the store's own.
    QSqlDatabase database() const;
    bool requireWritable();

Q_SIGNALS:
    void accountAdded(const Account &account);
    void accountChanged(const Account &account);
    void accountRemoved(qint64 accountId);
    void tokensAdded(const QList<Token> &tokens);
    void tokenChanged(const Token &token);
    void tokenRemoved(qint64 tokenId);
    void versionAdded(const TokenVersion &version);
    void versionChanged(const TokenVersion &version);
    void auditAppended(const AuditEvent &event);

private:
    bool fail(const QString &message);
    bool insertToken(Token &token);
    bool writeToken(const Token &token);

    QString m_connectionName;
    QString m_path;
    QString m_workspaceId;
    QString m_error;
    OpenMode m_mode = OpenMode::ReadWrite;
    std::unique_ptr<WorkspaceLock> m_lock;
};
