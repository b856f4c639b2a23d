// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QStringList>
#include <QUrlQuery>

// One request as a fake server's handlers see it. The method is a string because Vault's LIST
// verb has no QHttpServerRequest::Method value; `captures` holds the groups of the route pattern.
struct FakeRequest
{
    QByteArray method; // "GET", "POST", ..., "LIST"
    QString path; // fully decoded, e.g. "/v1/secret/data/team/app"
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QStringList captures;
    QDateTime receivedAt; // from the fake's Clock

    // First value of a header, compared case-insensitively as HTTP requires.
    QByteArray header(QByteArrayView name) const;
    bool hasQueryItem(const QString &key) const { return query.hasQueryItem(key); }
    // First value of a query parameter, fully decoded.
    QString queryValue(const QString &key) const;
    // All values of a list parameter, whether repeated (`a=1&a=2`) or comma-joined (`a=1,2`).
    QStringList queryValues(const QString &key) const;
    // The credential after "<scheme> " in the Authorization header (case-insensitive scheme).
    QByteArray authorization(QByteArrayView scheme) const;
    // The body as a JSON object; false in `ok` when it is not one (empty bodies count as {}
    // only when `emptyIsObject` is set).
    QJsonObject jsonObject(bool *ok, bool emptyIsObject = false) const;
};
