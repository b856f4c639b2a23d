// SPDX-License-Identifier: GPL-3.0-or-later
#include "pangeaitemstore.h"

#include "domain/policyparser.h"

#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr QStringView Base32 = u"abcdefghijklmnopqrstuvwxyz234567";
constexpr QStringView LowerAlnum = u"abcdefghijklmnopqrstuvwxyz0123456789";

} // namespace

PangeaItemStore::PangeaItemStore(RandomText randomText)
    : m_randomText(std::move(randomText))
{ }

QString PangeaItemStore::newItemId()
{
    return u"pvi_"_s + m_randomText(32, Base32);
}

QString PangeaItemStore::newTokenValue()
{
    return u"pts_"_s + m_randomText(32, LowerAlnum);
}

PangeaItem &PangeaItemStore::add(PangeaItem item)
{
    m_items.append(std::move(item));
    return m_items.last();
}

PangeaItem *PangeaItemStore::find(const QString &id)
{
    for (PangeaItem &item : m_items) {
        if (item.id == id)
            return &item;
    }
    return nullptr;
}

const PangeaItem *PangeaItemStore::find(const QString &id) const
{
    return const_cast<PangeaItemStore *>(this)->find(id);
}

const QStringList &PangeaItemStore::filterKeys()
{
    static const QStringList keys {
        u"type"_s, u"folder"_s, u"name"_s, u"name__contains"_s, u"tags"_s, u"created_at__gt"_s, u"created_at__lt"_s};
    return keys;
}

QList<const PangeaItem *> PangeaItemStore::select(
    const QJsonObject &filter, const QString &orderBy, bool descending) const
{
    const auto date = [&filter](const QString &key) {
        const QString text = filter.value(key).toString();
        const QDateTime when = QDateTime::fromString(text, Qt::ISODateWithMs);
        return when.isValid() ? when : QDate::fromString(text, Qt::ISODate).startOfDay(QTimeZone::utc());
    };
    const auto text = [&filter](const QString &key) { return filter.value(key).toString(); };
    QList<const PangeaItem *> matching;
    for (const PangeaItem &item : m_items) {
        if ((filter.contains(u"type"_s) && text(u"type"_s) != u"pangea_token"_s)
            || (filter.contains(u"folder"_s) && text(u"folder"_s) != item.folder)
            || (filter.contains(u"name"_s) && text(u"name"_s) != item.name)
            || (filter.contains(u"name__contains"_s) && !item.name.contains(text(u"name__contains"_s)))
            || (filter.contains(u"tags"_s) && !item.tags.contains(text(u"tags"_s)))
            || (filter.contains(u"created_at__gt"_s) && !(item.createdAt > date(u"created_at__gt"_s)))
            || (filter.contains(u"created_at__lt"_s) && !(item.createdAt < date(u"created_at__lt"_s))))
            continue;
        matching.append(&item);
    }
    const auto key = [&orderBy](const PangeaItem *item) -> QString {
        if (orderBy == u"name"_s)
            return item->name;
        if (orderBy == u"folder"_s)
            return item->folder;
        if (orderBy == u"last_rotated"_s)
            return timestamp(item->lastRotated);
        if (orderBy == u"id"_s)
            return item->id;
        return timestamp(item->createdAt);
    };
    // The id breaks ties so that the cursor of /v2/list is stable.
    std::stable_sort(matching.begin(), matching.end(), [&](const PangeaItem *a, const PangeaItem *b) {
        const QString left = key(a) + a->id;
        const QString right = key(b) + b->id;
        return descending ? right < left : left < right;
    });
    return matching;
}

std::pair<PangeaItem *, PangeaVersion *> PangeaItemStore::findToken(const QString &token)
{
    if (token.isEmpty())
        return {nullptr, nullptr};
    for (PangeaItem &item : m_items) {
        for (PangeaVersion &version : item.versions) {
            if (version.token == token)
                return {&item, &version};
        }
    }
    return {nullptr, nullptr};
}

bool PangeaItemStore::isTokenValid(const QString &token, const QDateTime &now) const
{
    const auto [item, version] = const_cast<PangeaItemStore *>(this)->findToken(token);
    if (!item || !item->enabled || (item->disabledAt.isValid() && item->disabledAt <= now))
        return false;
    if (version->state == u"active"_s)
        return true;
    return version->graceUntil.isValid() && now < version->graceUntil;
}

const PangeaVersion &PangeaItemStore::rotate(
    PangeaItem &item, const QDateTime &now, const QString &state, const QString &grace)
{
    if (!item.versions.isEmpty()) {
        PangeaVersion &previous = item.versions.last();
        QString target = state.isEmpty() ? item.rotationState : state;
        if (target.isEmpty() || target == u"inherited"_s)
            target = u"destroyed"_s;
        const QString period = grace.isEmpty() ? item.rotationGracePeriod : grace;
        previous.rotatedAt = now;
        if (previous.state == u"active"_s) {
            previous.state = target;
            previous.graceUntil = isDuration(period) ? addDuration(now, period) : now;
            if (target == u"destroyed"_s)
                previous.destroyedAt = previous.graceUntil;
        }
    }
    PangeaVersion next;
    next.version = item.versions.isEmpty() ? 1 : item.versions.constLast().version + 1;
    next.createdAt = now;
    next.token = newTokenValue();
    next.minted = true;
    item.versions.append(next);
    item.lastRotated = now;
    return item.versions.constLast();
}

void PangeaItemStore::changeState(PangeaVersion &version, const QString &state, const QDateTime &now)
{
    version.state = state;
    version.graceUntil = {};
    if (state == u"destroyed"_s)
        version.destroyedAt = now;
}

bool PangeaItemStore::isDuration(const QString &text)
{
    static const QRegularExpression shape(u"^[1-9][0-9]{0,5}[A-Za-z]+$"_s);
    return shape.match(text).hasMatch() && PolicyParser::parseDuration(text).ok();
}

QDateTime PangeaItemStore::addDuration(const QDateTime &when, const QString &duration)
{
    const DurationParseResult parsed = PolicyParser::parseDuration(duration);
    return parsed.ok() ? parsed.duration->addTo(when) : when;
}

QDateTime PangeaItemStore::nextRotation(const PangeaItem &item) const
{
    if (!isDuration(item.rotationFrequency))
        return {};
    return addDuration(item.lastRotated.isValid() ? item.lastRotated : item.createdAt, item.rotationFrequency);
}

QString PangeaItemStore::timestamp(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

QJsonObject PangeaItemStore::versionJson(const PangeaVersion &version, bool withToken) const
{
    QJsonObject object {
        {u"version"_s, version.version}, {u"state"_s, version.state}, {u"created_at"_s, timestamp(version.createdAt)}};
    if (version.rotatedAt.isValid())
        object.insert(u"rotated_at"_s, timestamp(version.rotatedAt));
    if (version.destroyedAt.isValid())
        object.insert(u"destroyed_at"_s, timestamp(version.destroyedAt));
    if (withToken)
        object.insert(u"token"_s, version.token);
    return object;
}

void PangeaItemStore::addItemFields(QJsonObject &object, const PangeaItem &item) const
{
    object.insert(u"id"_s, item.id);
    object.insert(u"type"_s, u"pangea_token"_s);
    object.insert(u"name"_s, item.name);
    object.insert(u"folder"_s, item.folder);
    object.insert(u"tags"_s, QJsonArray::fromStringList(item.tags));
    object.insert(u"metadata"_s, item.metadata);
    object.insert(u"created_at"_s, timestamp(item.createdAt));
    if (item.lastRotated.isValid())
        object.insert(u"last_rotated"_s, timestamp(item.lastRotated));
    if (const QDateTime next = nextRotation(item); next.isValid())
        object.insert(u"next_rotation"_s, timestamp(next));
    if (item.disabledAt.isValid())
        object.insert(u"disabled_at"_s, timestamp(item.disabledAt));
    if (!item.rotationFrequency.isEmpty())
        object.insert(u"rotation_frequency"_s, item.rotationFrequency);
    object.insert(u"rotation_state"_s, item.rotationState);
    if (!item.rotationGracePeriod.isEmpty())
        object.insert(u"rotation_grace_period"_s, item.rotationGracePeriod);
}

QJsonObject PangeaItemStore::itemJson(const PangeaItem &item, const QList<const PangeaVersion *> &versions) const
{
    QJsonObject object;
    addItemFields(object, item);
    object.insert(u"enabled"_s, item.enabled);
    object.insert(u"num_versions"_s, item.versions.size());
    QJsonArray array;
    for (const PangeaVersion *version : versions)
        array.append(versionJson(*version, true));
    object.insert(u"item_versions"_s, array);
    return object;
}

QJsonObject PangeaItemStore::listItemJson(const PangeaItem &item) const
{
    QJsonObject object;
    addItemFields(object, item);
    object.insert(u"enabled"_s, item.enabled);
    object.insert(u"num_versions"_s, item.versions.size());
    QJsonArray array;
    for (const PangeaVersion &version : item.versions)
        array.append(versionJson(version, false));
    object.insert(u"item_versions"_s, array);
    return object;
}

QJsonObject PangeaItemStore::legacyItemJson(
    const PangeaItem &item, const PangeaVersion *version, bool withVersions) const
{
    const auto legacyVersion = [](const PangeaVersion &v) {
        QJsonObject object {{u"version"_s, v.version}, {u"created_at"_s, timestamp(v.createdAt)}, {u"state"_s, v.state},
            {u"secret"_s, v.token}};
        if (v.destroyedAt.isValid())
            object.insert(u"destroy_at"_s, timestamp(v.destroyedAt));
        return object;
    };
    QJsonObject object;
    addItemFields(object, item);
    object.insert(u"item_state"_s, item.enabled ? u"enabled"_s : u"disabled"_s);
    if (version)
        object.insert(u"current_version"_s, legacyVersion(*version));
    if (withVersions) {
        QJsonArray array;
        for (const PangeaVersion &v : item.versions)
            array.append(legacyVersion(v));
        object.insert(u"versions"_s, array);
    }
    return object;
}
