// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspacestore.h"

#include "auditchain.h"
#include "schemamigrations.h"
#include "sqldialect.h"
#include "storerows.h"
#include "workspacelock.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QUuid>

using namespace Qt::StringLiterals;

WorkspaceStore::WorkspaceStore(QObject *parent)
    : QObject(parent)
    , m_connectionName(u"tokendesk-workspace-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{ }

WorkspaceStore::~WorkspaceStore()
{
    close();
}

QString WorkspaceStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/workspace.tokendesk"_s;
}

bool WorkspaceStore::open(const QString &path, OpenMode mode)
{
    close();
    m_error.clear();
    m_mode = mode;
    const QFileInfo info(path);
    m_path = info.absoluteFilePath();
    if (mode == OpenMode::ReadOnly && !info.exists())
        return fail(tr("The workspace “%1” does not exist.").arg(QDir::toNativeSeparators(m_path)));
    if (mode == OpenMode::ReadWrite) {
        if (!QDir().mkpath(info.absolutePath()))
            return fail(tr("Cannot create the folder “%1”.").arg(QDir::toNativeSeparators(info.absolutePath())));
        m_lock = std::make_unique<WorkspaceLock>(m_path);
        if (!m_lock->tryLock()) {
            const QString reason = m_lock->errorString();
            m_lock.reset();
            return fail(reason);
        }
    }

    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    db.setDatabaseName(m_path);
    if (mode == OpenMode::ReadOnly)
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
    const bool isNewFile = !info.exists();
    if (!db.open()) {
        const QString reason = db.lastError().text();
        db = QSqlDatabase();
        close();
        return fail(tr("Cannot open the workspace “%1”: %2").arg(QDir::toNativeSeparators(m_path), reason));
    }
    if (isNewFile) {
        // The workspace holds no secret, but its metadata (token names, owners) is still private.
        QFile::setPermissions(m_path, QFile::ReadOwner | QFile::WriteOwner);
    }
    const SqlDialect dialect = SqlDialect::forDriver(db.driverName());
    QString error = dialect.configureConnection(db, mode == OpenMode::ReadOnly);
    if (error.isEmpty() && mode == OpenMode::ReadWrite && SchemaMigrations(dialect).migrate(db, &error)) {
        if (db.transaction() && AuditChain::sealUnchained(db, &error))
            db.commit();
        else
            db.rollback();
    }
    if (error.isEmpty() && mode == OpenMode::ReadOnly) {
        const int version = SchemaMigrations(dialect).currentVersion(db, &error);
        if (error.isEmpty() && version != SchemaMigrations::latestVersion())
            error
                = tr("schema version %1 is not the one this TokenDesk reads (%2); open it once for writing to migrate")
                      .arg(version)
                      .arg(SchemaMigrations::latestVersion());
    }
    if (error.isEmpty()) {
        QSqlQuery query(db);
        if (query.exec(u"SELECT workspace_id FROM workspace_info"_s) && query.next())
            m_workspaceId = query.value(0).toString();
        else
            error = tr("the workspace has no id: %1").arg(query.lastError().text());
    }
    if (!error.isEmpty()) {
        db = QSqlDatabase();
        close();
        return fail(tr("Cannot open the workspace “%1”: %2").arg(QDir::toNativeSeparators(m_path), error));
    }
    return true;
}

void WorkspaceStore::close()
{
    if (QSqlDatabase::contains(m_connectionName)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    m_workspaceId.clear();
    m_lock.reset();
}

bool WorkspaceStore::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) && database().isOpen();
}

int WorkspaceStore::schemaVersion() const
{
    if (!isOpen())
        return 0;
    QSqlDatabase db = database();
    QString error;
    return SchemaMigrations(SqlDialect::forDriver(db.driverName())).currentVersion(db, &error);
}

QSqlDatabase WorkspaceStore::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool WorkspaceStore::fail(const QString &message)
{
    m_error = message;
    return false;
}

bool WorkspaceStore::requireWritable()
{
    if (!isOpen())
        return fail(tr("No workspace is open."));
    if (m_mode == OpenMode::ReadOnly)
        return fail(tr("The workspace is open read-only."));
    return true;
}

bool WorkspaceStore::addAccount(Account &account)
{
    if (!requireWritable())
        return false;
    if (!account.createdAt.isValid())
        account.createdAt = QDateTime::currentDateTimeUtc();
    QSqlQuery q(database());
    q.prepare(u"INSERT INTO accounts (kind, display_name, base_url, credential_ref, ca_certificate_path, created_at) "
              u"VALUES (:kind, :display_name, :base_url, :credential_ref, :ca_certificate_path, :created_at) "
              u"RETURNING id"_s);
    StoreRows::bindAccount(q, account);
    if (!q.exec() || !q.next())
        return fail(tr("Cannot save the account “%1”: %2").arg(account.displayName, q.lastError().text()));
    account.id = q.value(0).toLongLong();
    Q_EMIT accountAdded(account);
    return true;
}

bool WorkspaceStore::updateAccount(const Account &account)
{
    if (!requireWritable())
        return false;
    QSqlQuery q(database());
    q.prepare(u"UPDATE accounts SET kind = :kind, display_name = :display_name, base_url = :base_url, "
              u"credential_ref = :credential_ref, ca_certificate_path = :ca_certificate_path, created_at = :created_at "
              u"WHERE id = :id"_s);
    StoreRows::bindAccount(q, account);
    q.bindValue(u":id"_s, account.id);
    if (!q.exec())
        return fail(tr("Cannot save the account “%1”: %2").arg(account.displayName, q.lastError().text()));
    if (q.numRowsAffected() != 1)
        return fail(tr("The account “%1” is no longer in the workspace.").arg(account.displayName));
    Q_EMIT accountChanged(account);
    return true;
}

bool WorkspaceStore::removeAccount(qint64 accountId)
{
    if (!requireWritable())
        return false;
    const QList<Token> doomed = tokensOfAccount(accountId);
    QSqlDatabase db = database();
    if (!db.transaction())
        return fail(db.lastError().text());
    QSqlQuery q(db);
    q.prepare(u"DELETE FROM accounts WHERE id = :id"_s);
    q.bindValue(u":id"_s, accountId);
    if (!q.exec() || !db.commit()) {
        const QString reason = q.lastError().isValid() ? q.lastError().text() : db.lastError().text();
        db.rollback();
        return fail(tr("Cannot remove the account: %1").arg(reason));
    }
    for (const Token &token : doomed)
        Q_EMIT tokenRemoved(token.id);
    Q_EMIT accountRemoved(accountId);
    return true;
}

QList<Account> WorkspaceStore::accounts() const
{
    QList<Account> result;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (q.exec(u"SELECT "_s + StoreRows::accountColumns + u" FROM accounts ORDER BY id"_s)) {
        while (q.next())
            result << StoreRows::accountFromQuery(q);
    }
    return result;
}

std::optional<Account> WorkspaceStore::account(qint64 accountId) const
{
    QSqlQuery q(database());
    q.prepare(u"SELECT id, kind, display_name, base_url, credential_ref, ca_certificate_path, created_at "
              u"FROM accounts WHERE id = :id"_s);
    q.bindValue(u":id"_s, accountId);
    if (q.exec() && q.next())
        return StoreRows::accountFromQuery(q);
    return std::nullopt;
}

bool WorkspaceStore::insertToken(Token &token)
{
    QSqlQuery q(database());
    q.prepare(u"INSERT INTO tokens ("_s + StoreRows::tokenColumns.mid(4) + u") VALUES ("_s + StoreRows::tokenValues
        + u") RETURNING id"_s);
    StoreRows::bindToken(q, token);
    if (!q.exec() || !q.next())
        return fail(tr("Cannot save the token “%1”: %2").arg(token.name, q.lastError().text()));
    token.id = q.value(0).toLongLong();
    return true;
}

bool WorkspaceStore::addToken(Token &token)
{
    QList<Token> one {token};
    if (!addTokens(one))
        return false;
    token.id = one.constFirst().id;
    return true;
}

bool WorkspaceStore::addTokens(QList<Token> &tokens)
{
    if (!requireWritable())
        return false;
    if (tokens.isEmpty())
        return true;
    QSqlDatabase db = database();
    if (!db.transaction())
        return fail(db.lastError().text());
    for (Token &token : tokens) {
        if (!insertToken(token)) {
            db.rollback();
            for (Token &unsaved : tokens)
                unsaved.id = 0;
            return false;
        }
    }
    if (!db.commit()) {
        const QString reason = db.lastError().text();
        db.rollback();
        return fail(tr("Cannot save tokens: %1").arg(reason));
    }
    Q_EMIT tokensAdded(tokens);
    return true;
}

bool WorkspaceStore::writeToken(const Token &token)
{
    QSqlQuery q(database());
    q.prepare(u"UPDATE tokens SET account_id = :account_id, provider_id = :provider_id, name = :name, "
              u"scopes = :scopes, owner = :owner, created_at = :created_at, expires_at = :expires_at, "
              u"last_used_at = :last_used_at, last_rotated_at = :last_rotated_at, state = :state, "
              u"current_version = :current_version, policy_interval = :policy_interval, policy_grace = :policy_grace, "
              u"policy_revoke_after = :policy_revoke_after, policy_delete_after = :policy_delete_after, "
              u"policy_notify_before = :policy_notify_before, policy_automatic = :policy_automatic, "
              u"consumer_notes = :consumer_notes WHERE id = :id"_s);
    StoreRows::bindToken(q, token);
    q.bindValue(u":id"_s, token.id);
    if (!q.exec())
        return fail(tr("Cannot save the token “%1”: %2").arg(token.name, q.lastError().text()));
    if (q.numRowsAffected() != 1)
        return fail(tr("The token “%1” is no longer in the workspace.").arg(token.name));
    return true;
}

bool WorkspaceStore::updateToken(const Token &token)
{
    if (!requireWritable() || !writeToken(token))
        return false;
    Q_EMIT tokenChanged(token);
    return true;
}

bool WorkspaceStore::applyTokenChanges(QList<Token> &added, const QList<Token> &updated)
{
    if (!requireWritable())
        return false;
    QSqlDatabase db = database();
    if (!db.transaction())
        return fail(db.lastError().text());
    bool ok = true;
    for (Token &token : added)
        ok = ok && insertToken(token);
    for (const Token &token : updated)
        ok = ok && writeToken(token);
    if (!ok || !db.commit()) {
        if (ok)
            fail(tr("Cannot save tokens: %1").arg(db.lastError().text()));
        db.rollback();
        for (Token &token : added)
            token.id = 0;
        return false;
    }
    if (!added.isEmpty())
        Q_EMIT tokensAdded(added);
    for (const Token &token : updated)
        Q_EMIT tokenChanged(token);
    return true;
}

bool WorkspaceStore::removeToken(qint64 tokenId)
{
    if (!requireWritable())
        return false;
    QSqlQuery q(database());
    q.prepare(u"DELETE FROM tokens WHERE id = :id"_s);
    q.bindValue(u":id"_s, tokenId);
    if (!q.exec())
        return fail(tr("Cannot remove the token: %1").arg(q.lastError().text()));
    if (q.numRowsAffected() == 1)
        Q_EMIT tokenRemoved(tokenId);
    return true;
}

int WorkspaceStore::tokenCount() const
{
    QSqlQuery q(database());
    return q.exec(u"SELECT COUNT(*) FROM tokens"_s) && q.next() ? q.value(0).toInt() : 0;
}

QList<Token> WorkspaceStore::tokens() const
{
    QList<Token> result;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (q.exec(u"SELECT "_s + StoreRows::tokenColumns + u" FROM tokens ORDER BY id"_s)) {
        while (q.next())
            result << StoreRows::tokenFromQuery(q);
    }
    return result;
}

QList<Token> WorkspaceStore::tokensOfAccount(qint64 accountId) const
{
    QList<Token> result;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(u"SELECT "_s + StoreRows::tokenColumns + u" FROM tokens WHERE account_id = :account_id ORDER BY id"_s);
    q.bindValue(u":account_id"_s, accountId);
    if (q.exec()) {
        while (q.next())
            result << StoreRows::tokenFromQuery(q);
    }
    return result;
}

std::optional<Token> WorkspaceStore::token(qint64 tokenId) const
{
    QSqlQuery q(database());
    q.prepare(u"SELECT "_s + StoreRows::tokenColumns + u" FROM tokens WHERE id = :id"_s);
    q.bindValue(u":id"_s, tokenId);
    if (q.exec() && q.next())
        return StoreRows::tokenFromQuery(q);
    return std::nullopt;
}

bool WorkspaceStore::addVersion(TokenVersion &version)
{
    if (!requireWritable())
        return false;
    QSqlQuery q(database());
    q.prepare(u"INSERT INTO token_versions (token_id, number, provider_id, created_at, state, revoke_at, delete_at, "
              u"secret_ref) VALUES (:token_id, :number, :provider_id, :created_at, :state, :revoke_at, :delete_at, "
              u":secret_ref) RETURNING id"_s);
    StoreRows::bindVersion(q, version);
    if (!q.exec() || !q.next())
        return fail(tr("Cannot save version %1: %2").arg(version.number).arg(q.lastError().text()));
    version.id = q.value(0).toLongLong();
    Q_EMIT versionAdded(version);
    return true;
}

bool WorkspaceStore::updateVersion(const TokenVersion &version)
{
    if (!requireWritable())
        return false;
    QSqlQuery q(database());
    q.prepare(u"UPDATE token_versions SET token_id = :token_id, number = :number, provider_id = :provider_id, "
              u"created_at = :created_at, state = :state, revoke_at = :revoke_at, delete_at = :delete_at, "
              u"secret_ref = :secret_ref WHERE id = :id"_s);
    StoreRows::bindVersion(q, version);
    q.bindValue(u":id"_s, version.id);
    if (!q.exec())
        return fail(tr("Cannot save version %1: %2").arg(version.number).arg(q.lastError().text()));
    if (q.numRowsAffected() != 1)
        return fail(tr("Version %1 is no longer in the workspace.").arg(version.number));
    Q_EMIT versionChanged(version);
    return true;
}

QList<TokenVersion> WorkspaceStore::versions(qint64 tokenId) const
{
    QList<TokenVersion> result;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(u"SELECT id, token_id, number, provider_id, created_at, state, revoke_at, delete_at, secret_ref "
              u"FROM token_versions WHERE token_id = :token_id ORDER BY number"_s);
    q.bindValue(u":token_id"_s, tokenId);
    if (q.exec()) {
        while (q.next())
            result << StoreRows::versionFromQuery(q);
    }
    return result;
}

QSet<QString> WorkspaceStore::retiredProviderIds(qint64 accountId) const
{
    QSet<QString> result;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(u"SELECT v.provider_id FROM token_versions v JOIN tokens t ON t.id = v.token_id "
              u"WHERE t.account_id = :account AND v.provider_id <> '' AND v.provider_id <> t.provider_id"_s);
    q.bindValue(u":account"_s, accountId);
    if (q.exec()) {
        while (q.next())
            result.insert(q.value(0).toString());
    }
    return result;
}

bool WorkspaceStore::appendAudit(AuditEvent &event)
{
    if (!requireWritable())
        return false;
    if (!event.at.isValid())
        event.at = QDateTime::currentDateTimeUtc();
    QSqlDatabase db = database();
    // Row, hash and chain head change together or not at all.
    if (!db.transaction())
        return fail(tr("Cannot write the audit log: %1").arg(db.lastError().text()));
    QString error;
    if (!AuditChain::append(db, event, &error) || !db.commit()) {
        db.rollback();
        return fail(tr("Cannot write the audit log: %1").arg(error.isEmpty() ? db.lastError().text() : error));
    }
    Q_EMIT auditAppended(event);
    return true;
}

AuditChain::Verification WorkspaceStore::verifyAudit() const
{
    QSqlDatabase db = database();
    return AuditChain::verify(db);
}

QList<AuditEvent> WorkspaceStore::auditEvents(qint64 tokenId) const
{
    QList<AuditEvent> result;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    QString sql = u"SELECT id, at, os_user, account_id, account_name, token_id, token_name, action, outcome, "
                  u"request_id, details, prev_hash, row_hash FROM audit_events"_s;
    if (tokenId != 0)
        sql += u" WHERE token_id = :token_id"_s;
    q.prepare(sql + u" ORDER BY id"_s);
    if (tokenId != 0)
        q.bindValue(u":token_id"_s, tokenId);
    if (q.exec()) {
        while (q.next())
            result << StoreRows::auditFromQuery(q);
    }
    return result;
}
