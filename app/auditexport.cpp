// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditexport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace {

QString csvCell(QString text)
{
    if (!text.isEmpty() && QStringView(u"=+-@\t\r").contains(text.front()))
        text.prepend(u'\'');
    if (text.contains(u',') || text.contains(u'"') || text.contains(u'\n') || text.contains(u'\r'))
        return u'"' + text.replace(u"\""_s, u"\"\""_s) + u'"';
    return text;
}

QString isoUtc(const QDateTime &when)
{
    return when.isValid() ? when.toUTC().toString(Qt::ISODateWithMs) : QString();
}

} // namespace

QByteArray AuditExport::toCsv(const QList<AuditEvent> &events)
{
    QString out = u"id,at,os_user,account_id,account,token_id,token,action,outcome,request_id,details,"
                  u"previous_hash,hash\r\n"_s;
    for (const AuditEvent &e : events) {
        const QStringList cells {QString::number(e.id), isoUtc(e.at), e.osUser, QString::number(e.accountId),
            e.accountName, QString::number(e.tokenId), e.tokenName, e.action, AuditEvent::outcomeId(e.outcome),
            e.requestId, e.details, e.previousHash, e.hash};
        QStringList escaped;
        escaped.reserve(cells.size());
        for (const QString &cell : cells)
            escaped << csvCell(cell);
        out += escaped.join(u',') + u"\r\n"_s;
    }
    return out.toUtf8();
}

QByteArray AuditExport::toJson(const QList<AuditEvent> &events)
{
    QJsonArray array;
    for (const AuditEvent &e : events) {
        array.append(QJsonObject {
            {u"id"_s, e.id},
            {u"at"_s, isoUtc(e.at)},
            {u"osUser"_s, e.osUser},
            {u"accountId"_s, e.accountId},
            {u"account"_s, e.accountName},
            {u"tokenId"_s, e.tokenId},
            {u"token"_s, e.tokenName},
            {u"action"_s, e.action},
            {u"outcome"_s, AuditEvent::outcomeId(e.outcome)},
            {u"requestId"_s, e.requestId},
            {u"details"_s, e.details},
            {u"previousHash"_s, e.previousHash},
            {u"hash"_s, e.hash},
        });
    }
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

QByteArray AuditExport::format(Format format, const QList<AuditEvent> &events)
{
    return format == Format::Csv ? toCsv(events) : toJson(events);
}
