// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakerequest.h"

#include <QJsonDocument>

QByteArray FakeRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QString FakeRequest::queryValue(const QString &key) const
{
    return query.queryItemValue(key, QUrl::FullyDecoded);
}

QStringList FakeRequest::queryValues(const QString &key) const
{
    QStringList values;
    const QStringList raw = query.allQueryItemValues(key, QUrl::FullyDecoded);
    for (const QString &item : raw) {
        const QStringList parts = item.split(u',', Qt::SkipEmptyParts);
        for (const QString &part : parts)
            values.append(part.trimmed());
    }
    return values;
}

QByteArray FakeRequest::authorization(QByteArrayView scheme) const
{
    const QByteArray value = header("Authorization").trimmed();
    const qsizetype space = value.indexOf(' ');
    if (space <= 0)
        return {};
    if (value.left(space).compare(scheme, Qt::CaseInsensitive) != 0)
        return {};
    return value.mid(space + 1).trimmed();
}

QJsonObject FakeRequest::jsonObject(bool *ok, bool emptyIsObject) const
{
    if (body.trimmed().isEmpty()) {
        *ok = emptyIsObject;
        return {};
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    *ok = error.error == QJsonParseError::NoError && document.isObject();
    return document.object();
}
