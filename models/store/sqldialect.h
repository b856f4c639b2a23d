// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QSqlDatabase;

// The few places where SQLite and PostgreSQL (QPSQL, for shared team workspaces) differ.
// Everything else in the store is plain SQL both accept: BIGINT millisecond timestamps,
// VARCHAR/TEXT, INSERT ... RETURNING id (SQLite ≥ 3.35).
class SqlDialect final
{
public:
    enum class Kind {
        Sqlite,
        PostgreSql,
    };

    explicit SqlDialect(Kind kind);
    static SqlDialect forDriver(const QString &driverName);

    Kind kind() const { return m_kind; }
    // Column definition of an auto-assigned 64-bit primary key.
    QString identityColumn() const;
    // Replaces the ${ID} placeholder of portable migration text with identityColumn().
    QString expand(const QString &portableSql) const;
    // Connection settings the engine needs for durability and integrity; empty string on success.
    QString configureConnection(QSqlDatabase &db, bool readOnly) const;

private:
    Kind m_kind;
};
