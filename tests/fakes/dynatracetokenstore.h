// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dynatracetoken.h"

#include <QJsonArray>

#include <functional>
#include <optional>

// The state and the list logic behind FakeDynatrace: tokens, lookup by id or secret, validity,
// the v2 list query (fields, apiTokenSelector, sort, from/to, nextPageKey paging) and the JSON
// shapes of both API versions. No HTTP.
class DynatraceTokenStore
{
public:
    using RandomText = std::function<QString(qsizetype length, QStringView alphabet)>;
    explicit DynatraceTokenStore(RandomText randomText);

    // A fresh token with a dt0c01 id and secret (not yet added).
    DynatraceToken mint();
    DynatraceToken &add(DynatraceToken token);
    bool remove(const QString &id);
    const QList<DynatraceToken> &tokens() const { return m_tokens; }
    // By id, or by the whole secret where the API allows either.
    DynatraceToken *find(const QString &idOrSecret);
    const DynatraceToken *find(const QString &idOrSecret) const;
    DynatraceToken *findBySecret(const QString &secret);
    bool isUsable(const DynatraceToken &token, const QDateTime &now) const;

    // The v2 list query after validation, carried inside nextPageKey as well.
    struct ListQuery
    {
        qsizetype offset = 0;
        int pageSize = 200;
        QStringList fields;
        QString selector;
        QString sort = QStringLiteral("-creationDate");
        QDateTime from;
        QDateTime to;
    };
    // Empty on success, else the constraint violation text and the offending parameter.
    std::optional<std::pair<QString, QString>> parseListQuery(
        const QList<std::pair<QString, QString>> &params, const QDateTime &now, ListQuery &query) const;
    QList<const DynatraceToken *> select(const ListQuery &query) const;
    static QString encodePageKey(const ListQuery &query);
    static std::optional<ListQuery> decodePageKey(const QString &key);

    // "now+14d", an ISO-8601 time or UTC milliseconds; invalid on anything else.
    static QDateTime parseTime(const QString &text, const QDateTime &now);
    static QString isoTime(const QDateTime &when);

    static const QStringList &defaultFields();
    static const QStringList &allFields();
    QJsonObject v2Json(const DynatraceToken &token, const QStringList &fields) const;
    QJsonObject v1Json(const DynatraceToken &token) const;

private:
    static bool matchesSelector(const DynatraceToken &token, const QString &selector);

    RandomText m_randomText;
    QList<DynatraceToken> m_tokens;
};
