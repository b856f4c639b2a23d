// SPDX-License-Identifier: GPL-3.0-or-later
#include "rotationstore.h"

#include "auditchain.h"
#include "storerows.h"
#include "workspacestore.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {

const QString Columns = u"id, token_id, account_id, step, status, old_version, new_version, old_provider_id, "
                        u"new_provider_id, started_at, updated_at, due_at, error, extra"_s;

// SQLite reads a null QString as NULL, which the NOT NULL columns refuse.
QString text(const QString &value)
{
    return value.isNull() ? u""_s : value;
}

Rotation fromQuery(const QSqlQuery &q)
{
    Rotation r;
    r.id = q.value(0).toLongLong();
    r.tokenId = q.value(1).toLongLong();
    r.accountId = q.value(2).toLongLong();
    r.step = Rotation::stepFromId(q.value(3).toString()).value_or(Rotation::Step::Reserve);
    r.status = Rotation::statusFromId(q.value(4).toString()).value_or(Rotation::Status::Failed);
    r.oldVersion = q.value(5).toInt();
    r.newVersion = q.value(6).toInt();
    r.oldProviderId = q.value(7).toString();
    r.newProviderId = q.value(8).toString();
    r.startedAt = StoreRows::fromColumn(q.value(9));
    r.updatedAt = StoreRows::fromColumn(q.value(10));
    r.dueAt = StoreRows::fromColumn(q.value(11));
    r.error = q.value(12).toString();
    r.extra = QJsonDocument::fromJson(q.value(13).toString().toUtf8()).object();
    return r;
}

} // namespace

RotationStore::RotationStore(WorkspaceStore *store)
    : m_store(store)
{ }

bool RotationStore::fail(const QString &message)
{
    m_error = message;
    return false;
}

bool RotationStore::begin(Rotation &rotation, AuditEvent event)
{
    if (const std::optional<Rotation> active = activeFor(rotation.tokenId)) {
        return fail(tr("The token already has a rotation in progress (step “%1”, started %2).")
                        .arg(Rotation::stepLabel(active->step), active->startedAt.toString(Qt::ISODate)));
    }
    rotation.id = 0;
    return record(rotation, std::move(event));
}

bool RotationStore::record(Rotation &rotation, AuditEvent event, const std::function<bool()> &alsoInTransaction)
{
    m_error.clear();
    if (!m_store->requireWritable())
        return fail(m_store->errorString());
    QSqlDatabase db = m_store->database();
    if (!db.transaction())
        return fail(tr("Cannot record the rotation: %1").arg(db.lastError().text()));
    const Rotation before = rotation;
    QString error;
    const bool ok = write(rotation, rotation.id == 0) && AuditChain::append(db, event, &error)
        && (!alsoInTransaction || alsoInTransaction()) && db.commit();
    if (!ok) {
        db.rollback();
        rotation = before;
        const QString reason = !m_error.isEmpty() ? m_error
            : !error.isEmpty()                    ? error
            : !m_store->errorString().isEmpty()   ? m_store->errorString()
                                                  : db.lastError().text();
        return fail(tr("Cannot record the rotation: %1").arg(reason));
    }
    Q_EMIT m_store->auditAppended(event);
    return true;
}

bool RotationStore::write(Rotation &rotation, bool insert)
{
    QSqlQuery q(m_store->database());
    if (insert) {
        q.prepare(u"INSERT INTO rotations (token_id, account_id, step, status, old_version, new_version, "
                  u"old_provider_id, new_provider_id, started_at, updated_at, due_at, error, extra) VALUES "
                  u"(:token_id, :account_id, :step, :status, :old_version, :new_version, :old_provider_id, "
                  u":new_provider_id, :started_at, :updated_at, :due_at, :error, :extra) RETURNING id"_s);
    } else {
        q.prepare(u"UPDATE rotations SET step = :step, status = :status, old_version = :old_version, "
                  u"new_version = :new_version, old_provider_id = :old_provider_id, new_provider_id = "
                  u":new_provider_id, updated_at = :updated_at, due_at = :due_at, error = :error, extra = :extra "
                  u"WHERE id = :id"_s);
        q.bindValue(u":id"_s, rotation.id);
    }
    if (insert) {
        q.bindValue(u":token_id"_s, rotation.tokenId);
        q.bindValue(u":account_id"_s, rotation.accountId);
        q.bindValue(u":started_at"_s, StoreRows::toColumn(rotation.startedAt));
    }
    q.bindValue(u":step"_s, Rotation::stepId(rotation.step));
    q.bindValue(u":status"_s, Rotation::statusId(rotation.status));
    q.bindValue(u":old_version"_s, rotation.oldVersion);
    q.bindValue(u":new_version"_s, rotation.newVersion);
    q.bindValue(u":old_provider_id"_s, text(rotation.oldProviderId));
    q.bindValue(u":new_provider_id"_s, text(rotation.newProviderId));
    q.bindValue(u":updated_at"_s, StoreRows::toColumn(rotation.updatedAt));
    q.bindValue(u":due_at"_s, StoreRows::toColumn(rotation.dueAt));
    q.bindValue(u":error"_s, text(rotation.error));
    q.bindValue(u":extra"_s, QString::fromUtf8(QJsonDocument(rotation.extra).toJson(QJsonDocument::Compact)));
    if (!q.exec())
        return fail(q.lastError().text());
    if (insert) {
        if (!q.next())
            return fail(q.lastError().text());
        rotation.id = q.value(0).toLongLong();
    }
    return true;
}

QList<Rotation> RotationStore::select(const QString &where, const QVariantMap &bindings) const
{
    QList<Rotation> result;
    QSqlQuery q(m_store->database());
    q.setForwardOnly(true);
    q.prepare(u"SELECT "_s + Columns + u" FROM rotations WHERE "_s + where + u" ORDER BY id"_s);
    for (auto it = bindings.constBegin(); it != bindings.constEnd(); ++it)
        q.bindValue(it.key(), it.value());
    if (q.exec()) {
        while (q.next())
            result << fromQuery(q);
    }
    return result;
}

std::optional<Rotation> RotationStore::rotation(qint64 id) const
{
    const QList<Rotation> found = select(u"id = :id"_s, {{u":id"_s, id}});
    return found.isEmpty() ? std::nullopt : std::optional(found.constFirst());
}

std::optional<Rotation> RotationStore::activeFor(qint64 tokenId) const
{
    const QList<Rotation> found
        = select(u"token_id = :token AND status IN ('running', 'compensating', 'waiting')"_s, {{u":token"_s, tokenId}});
    return found.isEmpty() ? std::nullopt : std::optional(found.constLast());
}

QList<Rotation> RotationStore::unfinished() const
{
    return select(u"status IN ('running', 'compensating', 'waiting')"_s, {});
}

QList<Rotation> RotationStore::forToken(qint64 tokenId) const
{
    return select(u"token_id = :token"_s, {{u":token"_s, tokenId}});
}

QSet<qint64> RotationStore::tokensWithFailedRotation() const
{
    QSet<qint64> result;
    QSqlQuery q(m_store->database());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT r.token_id FROM rotations r WHERE r.status IN ('failed', 'compensated') "
                "AND r.id = (SELECT MAX(id) FROM rotations WHERE token_id = r.token_id)"_s))
        return result;
    while (q.next())
        result.insert(q.value(0).toLongLong());
    return result;
}

QList<TokenSink> RotationStore::sinks(qint64 tokenId) const
{
    QList<TokenSink> result;
    QSqlQuery q(m_store->database());
    q.prepare(u"SELECT id, token_id, vault_account_id, mount, path, field FROM token_sinks WHERE token_id = :token "
              u"ORDER BY id"_s);
    q.bindValue(u":token"_s, tokenId);
    if (q.exec()) {
        while (q.next()) {
            result << TokenSink {q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(),
                q.value(3).toString(), q.value(4).toString(), q.value(5).toString()};
        }
    }
    return result;
}

bool RotationStore::setSinks(qint64 tokenId, QList<TokenSink> &sinks)
{
    if (!m_store->requireWritable())
        return fail(m_store->errorString());
    QSqlDatabase db = m_store->database();
    if (!db.transaction())
        return fail(db.lastError().text());
    QSqlQuery q(db);
    q.prepare(u"DELETE FROM token_sinks WHERE token_id = :token"_s);
    q.bindValue(u":token"_s, tokenId);
    bool ok = q.exec();
    for (TokenSink &sink : sinks) {
        if (!ok)
            break;
        sink.tokenId = tokenId;
        QSqlQuery insert(db);
        insert.prepare(u"INSERT INTO token_sinks (token_id, vault_account_id, mount, path, field) VALUES (:token, "
                       u":vault, :mount, :path, :field) RETURNING id"_s);
        insert.bindValue(u":token"_s, tokenId);
        insert.bindValue(u":vault"_s, sink.vaultAccountId);
        insert.bindValue(u":mount"_s, sink.mount);
        insert.bindValue(u":path"_s, sink.path);
        insert.bindValue(u":field"_s, sink.field);
        ok = insert.exec() && insert.next();
        if (ok)
            sink.id = insert.value(0).toLongLong();
        else
            m_error = insert.lastError().text();
    }
    if (!ok || !db.commit()) {
        const QString reason = m_error.isEmpty() ? q.lastError().text() : m_error;
        db.rollback();
        return fail(tr("Cannot save the token's Vault destinations: %1").arg(reason));
    }
    return true;
}
