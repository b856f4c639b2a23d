// SPDX-License-Identifier: GPL-3.0-or-later
#include "storerows.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

// Qt Sql binds a null QString as SQL NULL; the text columns are NOT NULL with '' for "none".
QString nonNull(const QString &text)
{
    return text.isNull() ? u""_s : text;
}

} // namespace

QVariant StoreRows::toColumn(const QDateTime &when)
{
    return when.isValid() ? QVariant(when.toMSecsSinceEpoch()) : QVariant(QMetaType(QMetaType::LongLong));
}

QDateTime StoreRows::fromColumn(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), QTimeZone::utc());
}

QString StoreRows::scopesToColumn(const QStringList &scopes)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(scopes)).toJson(QJsonDocument::Compact));
}

QStringList StoreRows::scopesFromColumn(const QString &text)
{
    QStringList scopes;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const auto &value : array)
        scopes << value.toString();
    return scopes;
}

const QString StoreRows::accountColumns
    = u"id, kind, display_name, base_url, credential_ref, ca_certificate_path, created_at"_s;
const QString StoreRows::tokenColumns
    = u"id, account_id, provider_id, name, scopes, owner, created_at, expires_at, "
      u"last_used_at, last_rotated_at, state, current_version, policy_interval, policy_grace, "
      u"policy_revoke_after, policy_delete_after, policy_notify_before, policy_automatic, "
      u"consumer_notes"_s;

Token StoreRows::tokenFromQuery(const QSqlQuery &q)
{
    Token t;
    t.id = q.value(0).toLongLong();
    t.accountId = q.value(1).toLongLong();
    t.providerId = q.value(2).toString();
    t.name = q.value(3).toString();
    t.scopes = scopesFromColumn(q.value(4).toString());
    t.owner = q.value(5).toString();
    t.createdAt = fromColumn(q.value(6));
    t.expiresAt = fromColumn(q.value(7));
    t.lastUsedAt = fromColumn(q.value(8));
    t.lastRotatedAt = fromColumn(q.value(9));
    t.state = TokenStateInfo::fromId(q.value(10).toString()).value_or(TokenState::Active);
    t.currentVersion = q.value(11).toInt();
    t.policy.interval = PolicyDuration::fromIso8601Stored(q.value(12).toString());
    t.policy.gracePeriod = PolicyDuration::fromIso8601Stored(q.value(13).toString());
    t.policy.revokeAfter = PolicyDuration::fromIso8601Stored(q.value(14).toString());
    t.policy.deleteAfter = PolicyDuration::fromIso8601Stored(q.value(15).toString());
    t.policy.notifyBefore = PolicyDuration::fromIso8601Stored(q.value(16).toString());
    t.policy.automatic = q.value(17).toInt() != 0;
    t.consumerNotes = q.value(18).toString();
    return t;
}

void StoreRows::bindToken(QSqlQuery &q, const Token &t)
{
    q.bindValue(u":account_id"_s, t.accountId);
    q.bindValue(u":provider_id"_s, nonNull(t.providerId));
    q.bindValue(u":name"_s, nonNull(t.name));
    q.bindValue(u":scopes"_s, scopesToColumn(t.scopes));
    q.bindValue(u":owner"_s, nonNull(t.owner));
    q.bindValue(u":created_at"_s, toColumn(t.createdAt));
    q.bindValue(u":expires_at"_s, toColumn(t.expiresAt));
    q.bindValue(u":last_used_at"_s, toColumn(t.lastUsedAt));
    q.bindValue(u":last_rotated_at"_s, toColumn(t.lastRotatedAt));
    q.bindValue(u":state"_s, TokenStateInfo::id(t.state));
    q.bindValue(u":current_version"_s, t.currentVersion);
    q.bindValue(u":policy_interval"_s, nonNull(t.policy.interval.toIso8601()));
    q.bindValue(u":policy_grace"_s, nonNull(t.policy.gracePeriod.toIso8601()));
    q.bindValue(u":policy_revoke_after"_s, nonNull(t.policy.revokeAfter.toIso8601()));
    q.bindValue(u":policy_delete_after"_s, nonNull(t.policy.deleteAfter.toIso8601()));
    q.bindValue(u":policy_notify_before"_s, nonNull(t.policy.notifyBefore.toIso8601()));
    q.bindValue(u":policy_automatic"_s, t.policy.automatic ? 1 : 0);
    q.bindValue(u":consumer_notes"_s, nonNull(t.consumerNotes));
}

const QString StoreRows::tokenValues
    = u":account_id, :provider_id, :name, :scopes, :owner, :created_at, :expires_at, "
      u":last_used_at, :last_rotated_at, :state, :current_version, :policy_interval, "
      u":policy_grace, :policy_revoke_after, :policy_delete_after, :policy_notify_before, "
      u":policy_automatic, :consumer_notes"_s;

Account StoreRows::accountFromQuery(const QSqlQuery &q)
{
    Account a;
    a.id = q.value(0).toLongLong();
    a.kind = ProviderKindInfo::fromId(q.value(1).toString()).value_or(ProviderKind::PangeaVault);
    a.displayName = q.value(2).toString();
    a.baseUrl = QUrl(q.value(3).toString());
    a.credential = SecretRef::fromString(q.value(4).toString());
    a.caCertificatePath = q.value(5).toString();
    a.createdAt = fromColumn(q.value(6));
    return a;
}

void StoreRows::bindAccount(QSqlQuery &q, const Account &a)
{
    q.bindValue(u":kind"_s, ProviderKindInfo::id(a.kind));
    q.bindValue(u":display_name"_s, nonNull(a.displayName));
    q.bindValue(u":base_url"_s, nonNull(a.baseUrl.toString()));
    q.bindValue(u":credential_ref"_s, nonNull(a.credential.toString()));
    q.bindValue(u":ca_certificate_path"_s, nonNull(a.caCertificatePath));
    q.bindValue(u":created_at"_s, toColumn(a.createdAt));
}

TokenVersion StoreRows::versionFromQuery(const QSqlQuery &q)
{
    TokenVersion v;
    v.id = q.value(0).toLongLong();
    v.tokenId = q.value(1).toLongLong();
    v.number = q.value(2).toInt();
    v.providerId = q.value(3).toString();
    v.createdAt = fromColumn(q.value(4));
    v.state = TokenStateInfo::versionStateFromId(q.value(5).toString()).value_or(VersionState::Pending);
    v.revokeAt = fromColumn(q.value(6));
    v.deleteAt = fromColumn(q.value(7));
    v.secret = SecretRef::fromString(q.value(8).toString());
    return v;
}

void StoreRows::bindVersion(QSqlQuery &q, const TokenVersion &v)
{
    q.bindValue(u":token_id"_s, v.tokenId);
    q.bindValue(u":number"_s, v.number);
    q.bindValue(u":provider_id"_s, nonNull(v.providerId));
    q.bindValue(u":created_at"_s, toColumn(v.createdAt));
    q.bindValue(u":state"_s, TokenStateInfo::id(v.state));
    q.bindValue(u":revoke_at"_s, toColumn(v.revokeAt));
    q.bindValue(u":delete_at"_s, toColumn(v.deleteAt));
    q.bindValue(u":secret_ref"_s, nonNull(v.secret.toString()));
}

AuditEvent StoreRows::auditFromQuery(const QSqlQuery &q)
{
    AuditEvent e;
    e.id = q.value(0).toLongLong();
    e.at = fromColumn(q.value(1));
    e.osUser = q.value(2).toString();
    e.accountId = q.value(3).toLongLong();
    e.accountName = q.value(4).toString();
    e.tokenId = q.value(5).toLongLong();
    e.tokenName = q.value(6).toString();
    e.action = q.value(7).toString();
    e.outcome = AuditEvent::outcomeFromId(q.value(8).toString());
    e.requestId = q.value(9).toString();
    e.details = q.value(10).toString();
    e.previousHash = q.value(11).toString();
    e.hash = q.value(12).toString();
    return e;
}

void StoreRows::bindAudit(QSqlQuery &q, const AuditEvent &e)
{
    q.bindValue(u":at"_s, toColumn(e.at));
    q.bindValue(u":os_user"_s, nonNull(e.osUser));
    q.bindValue(u":account_id"_s, e.accountId);
    q.bindValue(u":account_name"_s, nonNull(e.accountName));
    q.bindValue(u":token_id"_s, e.tokenId);
    q.bindValue(u":token_name"_s, nonNull(e.tokenName));
    q.bindValue(u":action"_s, nonNull(e.action));
    q.bindValue(u":outcome"_s, AuditEvent::outcomeId(e.outcome));
    q.bindValue(u":request_id"_s, nonNull(e.requestId));
    q.bindValue(u":details"_s, nonNull(e.details));
}
