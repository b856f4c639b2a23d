// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../domain/account.h"
#include "../domain/auditevent.h"
#include "../domain/token.h"
#include "../domain/tokenversion.h"

#include <QVariant>

class QSqlQuery;

// Maps workspace rows to domain values and back: timestamps as UTC milliseconds (NULL when
// unknown), scopes as a JSON array, durations as ISO 8601. Portable across SQLite and PostgreSQL.
class StoreRows final
{
public:
    static const QString accountColumns; // in accountFromQuery() order
    static const QString tokenColumns; // "id, account_id, ..." in tokenFromQuery() order
    static const QString tokenValues; // ":account_id, ..." bind names for INSERT (all but id)

    static QVariant toColumn(const QDateTime &when);
    static QDateTime fromColumn(const QVariant &value);
    static QString scopesToColumn(const QStringList &scopes);
    static QStringList scopesFromColumn(const QString &text);

    static Account accountFromQuery(const QSqlQuery &q);
    static void bindAccount(QSqlQuery &q, const Account &a);
    static Token tokenFromQuery(const QSqlQuery &q);
    static void bindToken(QSqlQuery &q, const Token &t);
    static TokenVersion versionFromQuery(const QSqlQuery &q);
    static void bindVersion(QSqlQuery &q, const TokenVersion &v);
    static AuditEvent auditFromQuery(const QSqlQuery &q);
    static void bindAudit(QSqlQuery &q, const AuditEvent &e);
};
