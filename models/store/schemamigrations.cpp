// SPDX-License-Identifier: GPL-3.0-or-later
#include "schemamigrations.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

SchemaMigrations::SchemaMigrations(SqlDialect dialect)
    : m_dialect(dialect)
{ }

QList<SchemaMigrations::Migration> SchemaMigrations::all()
{
    // Never edit a migration that has shipped: add a new one.
    return {
        {1,
            {
                uR"(CREATE TABLE accounts (
                    id ${ID},
                    kind VARCHAR(32) NOT NULL,
                    display_name VARCHAR(200) NOT NULL,
                    base_url VARCHAR(2000) NOT NULL,
                    credential_ref VARCHAR(500) NOT NULL,
                    ca_certificate_path VARCHAR(2000) NOT NULL DEFAULT '',
                    created_at BIGINT NOT NULL))"_s,
                uR"(CREATE TABLE tokens (
                    id ${ID},
                    account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                    provider_id VARCHAR(500) NOT NULL,
                    name VARCHAR(500) NOT NULL,
                    scopes TEXT NOT NULL DEFAULT '',
                    owner VARCHAR(500) NOT NULL DEFAULT '',
                    created_at BIGINT,
                    expires_at BIGINT,
                    last_used_at BIGINT,
                    last_rotated_at BIGINT,
                    state VARCHAR(32) NOT NULL,
                    current_version INTEGER NOT NULL DEFAULT 0,
                    policy_interval VARCHAR(32) NOT NULL DEFAULT '',
                    policy_grace VARCHAR(32) NOT NULL DEFAULT '',
                    policy_revoke_after VARCHAR(32) NOT NULL DEFAULT '',
                    policy_delete_after VARCHAR(32) NOT NULL DEFAULT '',
                    policy_notify_before VARCHAR(32) NOT NULL DEFAULT '',
                    policy_automatic INTEGER NOT NULL DEFAULT 0,
                    UNIQUE (account_id, provider_id)))"_s,
                u"CREATE INDEX tokens_by_account ON tokens(account_id)"_s,
                uR"(CREATE TABLE token_versions (
                    id ${ID},
                    token_id BIGINT NOT NULL REFERENCES tokens(id) ON DELETE CASCADE,
                    number INTEGER NOT NULL,
                    provider_id VARCHAR(500) NOT NULL DEFAULT '',
                    created_at BIGINT,
                    state VARCHAR(32) NOT NULL,
                    revoke_at BIGINT,
                    delete_at BIGINT,
                    secret_ref VARCHAR(500) NOT NULL DEFAULT '',
                    UNIQUE (token_id, number)))"_s,
                // No foreign keys: the audit trail outlives removed accounts and tokens.
                uR"(CREATE TABLE audit_events (
                    id ${ID},
                    at BIGINT NOT NULL,
                    os_user VARCHAR(200) NOT NULL,
                    account_id BIGINT NOT NULL DEFAULT 0,
                    account_name VARCHAR(200) NOT NULL DEFAULT '',
                    token_id BIGINT NOT NULL DEFAULT 0,
                    token_name VARCHAR(500) NOT NULL DEFAULT '',
                    action VARCHAR(100) NOT NULL,
                    outcome VARCHAR(32) NOT NULL,
                    request_id VARCHAR(200) NOT NULL DEFAULT '',
                    details TEXT NOT NULL DEFAULT ''))"_s,
            }},
        {2,
            {
                u"ALTER TABLE tokens ADD COLUMN consumer_notes TEXT NOT NULL DEFAULT ''"_s,
                u"CREATE INDEX audit_by_token ON audit_events(token_id, at)"_s,
            }},
        // Keychain keys carry the workspace id, so two workspaces never share a secret's key.
        {3,
            {
                u"CREATE TABLE workspace_info (workspace_id VARCHAR(64) NOT NULL)"_s,
                u"INSERT INTO workspace_info (workspace_id) VALUES ('${NEW_UUID}')"_s,
            }},
        // The audit log becomes a hash chain; the head is kept so deleting the newest rows shows.
        // Rows from before stay unchained until WorkspaceStore seals them on the next open.
        {4,
            {
                u"ALTER TABLE audit_events ADD COLUMN prev_hash VARCHAR(64) NOT NULL DEFAULT ''"_s,
                u"ALTER TABLE audit_events ADD COLUMN row_hash VARCHAR(64) NOT NULL DEFAULT ''"_s,
                u"ALTER TABLE workspace_info ADD COLUMN audit_head VARCHAR(64) NOT NULL DEFAULT ''"_s,
                u"ALTER TABLE workspace_info ADD COLUMN audit_rows BIGINT NOT NULL DEFAULT 0"_s,
            }},
        // Rotations as persisted state machines, and where each token's new secrets are written.
        {5,
            {
                uR"(CREATE TABLE rotations (
                    id ${ID},
                    token_id BIGINT NOT NULL REFERENCES tokens(id) ON DELETE CASCADE,
                    account_id BIGINT NOT NULL,
                    step VARCHAR(32) NOT NULL,
                    status VARCHAR(32) NOT NULL,
                    old_version INTEGER NOT NULL,
                    new_version INTEGER NOT NULL DEFAULT 0,
                    old_provider_id VARCHAR(500) NOT NULL DEFAULT '',
                    new_provider_id VARCHAR(500) NOT NULL DEFAULT '',
                    started_at BIGINT NOT NULL,
                    updated_at BIGINT NOT NULL,
                    due_at BIGINT,
                    error TEXT NOT NULL DEFAULT '',
                    extra TEXT NOT NULL DEFAULT '{}'))"_s,
                u"CREATE INDEX rotations_by_status ON rotations(status, due_at)"_s,
                u"CREATE INDEX rotations_by_token ON rotations(token_id)"_s,
                uR"(CREATE TABLE token_sinks (
                    id ${ID},
                    token_id BIGINT NOT NULL REFERENCES tokens(id) ON DELETE CASCADE,
                    vault_account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                    mount VARCHAR(200) NOT NULL,
                    path VARCHAR(1000) NOT NULL,
                    field VARCHAR(200) NOT NULL DEFAULT 'token'))"_s,
            }},
    };
}

int SchemaMigrations::latestVersion()
{
    return all().constLast().version;
}

int SchemaMigrations::currentVersion(QSqlDatabase &db, QString *error) const
{
    if (!db.tables().contains(u"schema_version"_s))
        return 0;
    QSqlQuery query(db);
    if (!query.exec(u"SELECT MAX(version) FROM schema_version"_s)) {
        *error = query.lastError().text();
        return -1;
    }
    return query.next() ? query.value(0).toInt() : 0;
}

bool SchemaMigrations::migrate(QSqlDatabase &db, QString *error, int target) const
{
    if (target < 0)
        target = latestVersion();
    const int current = currentVersion(db, error);
    if (current < 0)
        return false;
    if (current > latestVersion()) {
        *error = QCoreApplication::translate("SchemaMigrations",
            "This workspace was written by a newer TokenDesk (schema %1; this version knows up to %2). "
            "Update TokenDesk to open it.")
                     .arg(current)
                     .arg(latestVersion());
        return false;
    }
    for (const Migration &migration : all()) {
        if (migration.version <= current || migration.version > target)
            continue;
        if (!db.transaction()) {
            *error = db.lastError().text();
            return false;
        }
        QStringList statements = migration.statements;
        if (migration.version == 1)
            statements.prepend(u"CREATE TABLE schema_version (version INTEGER NOT NULL)"_s);
        statements << u"INSERT INTO schema_version (version) VALUES (%1)"_s.arg(migration.version);
        for (const QString &statement : std::as_const(statements)) {
            QSqlQuery query(db);
            QString sql = m_dialect.expand(statement);
            sql.replace(u"${NEW_UUID}"_s, QUuid::createUuid().toString(QUuid::WithoutBraces));
            if (!query.exec(sql)) {
                *error = QCoreApplication::translate("SchemaMigrations", "Schema migration %1 failed: %2")
                             .arg(migration.version)
                             .arg(query.lastError().text());
                db.rollback();
                return false;
            }
        }
        if (!db.commit()) {
            *error = db.lastError().text();
            db.rollback();
            return false;
        }
    }
    return true;
}
