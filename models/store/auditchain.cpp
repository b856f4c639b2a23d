// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditchain.h"

#include "storerows.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

const QString SelectRows = u"SELECT id, at, os_user, account_id, account_name, token_id, token_name, action, outcome, "
                           u"request_id, details, prev_hash, row_hash FROM audit_events ORDER BY id"_s;

struct Head
{
    QString hash;
    qint64 rows = 0;
};

std::optional<Head> readHead(QSqlDatabase &db, QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(u"SELECT audit_head, audit_rows FROM workspace_info"_s) || !q.next()) {
        *error = q.lastError().text();
        return std::nullopt;
    }
    return Head {q.value(0).toString(), q.value(1).toLongLong()};
}

bool storeHash(QSqlDatabase &db, qint64 id, const QString &previous, const QString &hash, QString *error)
{
    QSqlQuery q(db);
    q.prepare(u"UPDATE audit_events SET prev_hash = :prev, row_hash = :hash WHERE id = :id"_s);
    q.bindValue(u":prev"_s, previous.isNull() ? u""_s : previous); // NULL would break the NOT NULL column
    q.bindValue(u":hash"_s, hash);
    q.bindValue(u":id"_s, id);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

bool moveHead(QSqlDatabase &db, const QString &hash, qint64 rows, QString *error)
{
    QSqlQuery q(db);
    q.prepare(u"UPDATE workspace_info SET audit_head = :hash, audit_rows = :rows"_s);
    q.bindValue(u":hash"_s, hash);
    q.bindValue(u":rows"_s, rows);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

} // namespace

QString AuditChain::hashOf(const QString &previousHash, const AuditEvent &event)
{
    // A JSON array is an unambiguous encoding: no field can run into the next one.
    const QJsonArray fields {event.id, event.at.isValid() ? event.at.toMSecsSinceEpoch() : qint64(0), event.osUser,
        event.accountId, event.accountName, event.tokenId, event.tokenName, event.action,
        AuditEvent::outcomeId(event.outcome), event.requestId, event.details};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(previousHash.toLatin1());
    hash.addData(QByteArrayView("\n"));
    hash.addData(QJsonDocument(fields).toJson(QJsonDocument::Compact));
    return QString::fromLatin1(hash.result().toHex());
}

bool AuditChain::append(QSqlDatabase &db, AuditEvent &event, QString *error)
{
    const std::optional<Head> head = readHead(db, error);
    if (!head)
        return false;
    QSqlQuery q(db);
    q.prepare(u"INSERT INTO audit_events (at, os_user, account_id, account_name, token_id, token_name, action, "
              u"outcome, request_id, details) VALUES (:at, :os_user, :account_id, :account_name, :token_id, "
              u":token_name, :action, :outcome, :request_id, :details) RETURNING id"_s);
    StoreRows::bindAudit(q, event);
    if (!q.exec() || !q.next()) {
        *error = q.lastError().text();
        return false;
    }
    event.id = q.value(0).toLongLong();
    q.finish();
    event.previousHash = head->hash;
    event.hash = hashOf(head->hash, event);
    return storeHash(db, event.id, event.previousHash, event.hash, error)
        && moveHead(db, event.hash, head->rows + 1, error);
}

AuditChain::Verification AuditChain::verify(QSqlDatabase &db)
{
    Verification result;
    QString error;
    const std::optional<Head> head = readHead(db, &error);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!head || !q.exec(SelectRows)) {
        result.intact = false;
        result.problem = tr("The audit log cannot be read: %1").arg(head ? q.lastError().text() : error);
        return result;
    }
    QString previous;
    qint64 lastId = 0;
    while (q.next()) {
        const AuditEvent event = StoreRows::auditFromQuery(q);
        if (event.previousHash != previous) {
            result.intact = false;
            result.brokenAtId = event.id;
            result.problem = lastId == 0
                ? tr("Audit row %1 is not the start of the log: rows before it were deleted.").arg(event.id)
                : tr("Audit row %1 does not follow row %2: a row between them was deleted or inserted.")
                      .arg(event.id)
                      .arg(lastId);
            return result;
        }
        if (hashOf(previous, event) != event.hash) {
            result.intact = false;
            result.brokenAtId = event.id;
            result.problem = tr("Audit row %1 was changed after it was written.").arg(event.id);
            return result;
        }
        previous = event.hash;
        lastId = event.id;
        ++result.rowsChecked;
    }
    if (result.rowsChecked != head->rows || previous != head->hash) {
        result.intact = false;
        result.problem = result.rowsChecked < head->rows
            ? tr("Rows were deleted from the end of the audit log: %1 written, %2 left (the last intact row is %3).")
                  .arg(head->rows)
                  .arg(result.rowsChecked)
                  .arg(lastId)
            : tr("The audit log's end does not match the workspace's record of it (after row %1).").arg(lastId);
    }
    return result;
}

bool AuditChain::sealUnchained(QSqlDatabase &db, QString *error)
{
    const std::optional<Head> head = readHead(db, error);
    if (!head)
        return false;
    if (head->rows > 0)
        return true;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(SelectRows)) {
        *error = q.lastError().text();
        return false;
    }
    QList<AuditEvent> rows;
    while (q.next())
        rows << StoreRows::auditFromQuery(q);
    q.finish();
    if (rows.isEmpty())
        return true;
    QString previous;
    for (const AuditEvent &event : std::as_const(rows)) {
        const QString hash = hashOf(previous, event);
        if (!storeHash(db, event.id, previous, hash, error))
            return false;
        previous = hash;
    }
    return moveHead(db, previous, rows.size(), error);
}
