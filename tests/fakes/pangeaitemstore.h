// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pangeaitem.h"

#include <QJsonArray>
#include <QJsonObject>

#include <functional>
#include <optional>

// The state behind FakePangea: token items, their versions and the rules of rotation and
// token validity (active versions authenticate; a rotated-away version until its grace period
// ends; nothing of a disabled item). Pure data and rules, no HTTP; JSON in the v1 and v2 shapes.
class PangeaItemStore
{
public:
    // Mints item ids and token values; injected so that the server's seeded generator is used.
    using RandomText = std::function<QString(qsizetype length, QStringView alphabet)>;
    explicit PangeaItemStore(RandomText randomText);

    QString newItemId();
    QString newTokenValue();

    PangeaItem &add(PangeaItem item);
    PangeaItem *find(const QString &id);
    const PangeaItem *find(const QString &id) const;
    const QList<PangeaItem> &items() const { return m_items; }

    // /v2/list: the items matching `filter` (keys of filterKeys()), sorted.
    static const QStringList &filterKeys();
    QList<const PangeaItem *> select(const QJsonObject &filter, const QString &orderBy, bool descending) const;

    // The item and version a token value belongs to, or nulls.
    std::pair<PangeaItem *, PangeaVersion *> findToken(const QString &token);
    bool isTokenValid(const QString &token, const QDateTime &now) const;

    // Makes a new active version; the previous one moves to `state` (default: the item's
    // rotation_state) and keeps authenticating for `grace` (default: the item's grace period).
    const PangeaVersion &rotate(PangeaItem &item, const QDateTime &now, const QString &state, const QString &grace);
    // /v2/state/change: an explicit state ends any grace period at once.
    void changeState(PangeaVersion &version, const QString &state, const QDateTime &now);

    // "30d", "2M", "10days", "5hours": a positive number and a unit, no spaces. Pangea's own
    // grammar; PolicyParser is more lenient (ISO 8601, spaces) than the service.
    static bool isDuration(const QString &text);
    static QDateTime addDuration(const QDateTime &when, const QString &duration);

    QDateTime nextRotation(const PangeaItem &item) const;
    // v2 item with the chosen versions (values included), as /v2/get and /v2/secret/rotate answer.
    QJsonObject itemJson(const PangeaItem &item, const QList<const PangeaVersion *> &versions) const;
    // v2 list entry: every version, no token values.
    QJsonObject listItemJson(const PangeaItem &item) const;
    // v1 /v1/get result.
    QJsonObject legacyItemJson(const PangeaItem &item, const PangeaVersion *version, bool withVersions) const;

    static QString timestamp(const QDateTime &when);

private:
    QJsonObject versionJson(const PangeaVersion &version, bool withToken) const;
    void addItemFields(QJsonObject &object, const PangeaItem &item) const;

    RandomText m_randomText;
    QList<PangeaItem> m_items;
};
