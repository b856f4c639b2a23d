// SPDX-License-Identifier: GPL-3.0-or-later
#include "vaultkvstore.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

// RFC 7396 JSON merge patch, as Vault's PATCH applies it to the data map.
QJsonObject mergePatch(QJsonObject target, const QJsonObject &patch)
{
    for (auto it = patch.constBegin(); it != patch.constEnd(); ++it) {
        if (it.value().isNull())
            target.remove(it.key());
        else if (it.value().isObject() && target.value(it.key()).isObject())
            target.insert(it.key(), mergePatch(target.value(it.key()).toObject(), it.value().toObject()));
        else
            target.insert(it.key(), it.value());
    }
    return target;
}

QJsonValue subkeysOf(const QJsonObject &data)
{
    QJsonObject keys;
    for (auto it = data.constBegin(); it != data.constEnd(); ++it)
        keys.insert(it.key(), it.value().isObject() ? subkeysOf(it.value().toObject()) : QJsonValue(QJsonValue::Null));
    return keys;
}

QJsonValue customMetadata(const QJsonObject &metadata)
{
    return metadata.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(metadata);
}

bool isGoDuration(const QString &text)
{
    static const QRegularExpression shape(u"^-?([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$|^0$"_s);
    return shape.match(text).hasMatch();
}

} // namespace

QString VaultKvStore::timestamp(const QDateTime &when)
{
    return when.isValid() ? when.toUTC().toString(Qt::ISODateWithMs) : QString();
}

void VaultKvStore::addMount(const QString &ns, const QString &name)
{
    m_namespaces[ns][name];
}

VaultKvMount *VaultKvStore::mount(const QString &ns, const QString &name)
{
    const auto space = m_namespaces.find(ns);
    if (space == m_namespaces.end())
        return nullptr;
    const auto found = space->find(name);
    return found == space->end() ? nullptr : &found.value();
}

const VaultKvMount *VaultKvStore::mount(const QString &ns, const QString &name) const
{
    return const_cast<VaultKvStore *>(this)->mount(ns, name);
}

const VaultKvSecret *VaultKvStore::secret(const QString &ns, const QString &mountName, const QString &path) const
{
    const VaultKvMount *found = mount(ns, mountName);
    if (!found)
        return nullptr;
    const auto it = found->secrets.constFind(path);
    return it == found->secrets.constEnd() ? nullptr : &it.value();
}

int VaultKvStore::effectiveMaxVersions(const VaultKvMount &mount, const VaultKvSecret &secret)
{
    if (secret.maxVersions > 0)
        return secret.maxVersions;
    return mount.maxVersions > 0 ? mount.maxVersions : DefaultMaxVersions;
}

QJsonObject VaultKvStore::versionMetadata(const VaultKvSecret &secret, const VaultKvVersion &version)
{
    return {{u"created_time"_s, timestamp(version.createdTime)},
        {u"custom_metadata"_s, customMetadata(secret.customMetadata)},
        {u"deletion_time"_s, timestamp(version.deletionTime)}, {u"destroyed"_s, version.destroyed},
        {u"version"_s, version.version}};
}

VaultKvResult VaultKvStore::readData(VaultKvMount &mount, const QString &path, int version)
{
    const auto found = mount.secrets.find(path);
    if (found == mount.secrets.end() || found->currentVersion == 0)
        return VaultKvResult::failure(404);
    const auto it = found->versions.find(version > 0 ? version : found->currentVersion);
    if (it == found->versions.end())
        return VaultKvResult::failure(404);
    const QJsonObject metadata = versionMetadata(*found, *it);
    // A deleted or destroyed version is a 404 that still carries its metadata.
    if (it->destroyed || it->deletionTime.isValid())
        return VaultKvResult::ok(QJsonObject {{u"data"_s, QJsonValue::Null}, {u"metadata"_s, metadata}}, 404);
    ++it->reads;
    return VaultKvResult::ok(QJsonObject {{u"data"_s, it->data}, {u"metadata"_s, metadata}});
}

VaultKvResult VaultKvStore::addVersion(VaultKvMount &mount, VaultKvSecret &secret, const QJsonObject &data,
    const QJsonObject &options, const QDateTime &now)
{
    const bool hasCas = options.contains(u"cas"_s);
    if ((mount.casRequired || secret.casRequired) && !hasCas)
        return VaultKvResult::failure(400, {u"check-and-set parameter required for this call"_s});
    if (hasCas && options.value(u"cas"_s).toInteger(-1) != secret.currentVersion)
        return VaultKvResult::failure(400, {u"check-and-set parameter did not match the current version"_s});
    VaultKvVersion version;
    version.version = secret.currentVersion + 1;
    version.data = data;
    version.createdTime = now;
    secret.versions.insert(version.version, version);
    secret.currentVersion = version.version;
    if (!secret.createdTime.isValid())
        secret.createdTime = now;
    secret.updatedTime = now;
    while (secret.versions.size() > effectiveMaxVersions(mount, secret))
        secret.versions.erase(secret.versions.begin());
    secret.oldestVersion = secret.versions.firstKey();
    return VaultKvResult::ok(versionMetadata(secret, version));
}

VaultKvResult VaultKvStore::writeData(
    VaultKvMount &mount, const QString &path, const QJsonObject &body, const QDateTime &now)
{
    if (!body.value(u"data"_s).isObject())
        return VaultKvResult::failure(400, {u"no data provided"_s});
    const bool existed = mount.secrets.contains(path);
    VaultKvResult result = addVersion(
        mount, mount.secrets[path], body.value(u"data"_s).toObject(), body.value(u"options"_s).toObject(), now);
    if (!result.hasData && !existed)
        mount.secrets.remove(path);
    return result;
}

VaultKvResult VaultKvStore::patchData(
    VaultKvMount &mount, const QString &path, const QJsonObject &body, const QDateTime &now)
{
    const auto found = mount.secrets.find(path);
    if (found == mount.secrets.end() || !found->versions.contains(found->currentVersion))
        return VaultKvResult::failure(404);
    const VaultKvVersion &current = found->versions[found->currentVersion];
    if (current.destroyed || current.deletionTime.isValid())
        return VaultKvResult::failure(404);
    if (!body.value(u"data"_s).isObject())
        return VaultKvResult::failure(400, {u"no data provided"_s});
    return addVersion(mount, *found, mergePatch(current.data, body.value(u"data"_s).toObject()),
        body.value(u"options"_s).toObject(), now);
}

VaultKvResult VaultKvStore::deleteLatest(VaultKvMount &mount, const QString &path, const QDateTime &now)
{
    const auto found = mount.secrets.find(path);
    if (found != mount.secrets.end()) {
        const auto current = found->versions.find(found->currentVersion);
        if (current != found->versions.end() && !current->destroyed && !current->deletionTime.isValid())
            current->deletionTime = now;
    }
    return VaultKvResult::noContent();
}

VaultKvResult VaultKvStore::changeVersions(
    VaultKvMount &mount, const QString &operation, const QString &path, const QJsonObject &body, const QDateTime &now)
{
    const QJsonArray versions = body.value(u"versions"_s).toArray();
    if (versions.isEmpty())
        return VaultKvResult::failure(400, {u"no version number provided"_s});
    const auto found = mount.secrets.find(path);
    if (found == mount.secrets.end())
        return VaultKvResult::noContent();
    for (const QJsonValue &number : versions) {
        const auto it = found->versions.find(static_cast<int>(number.toInteger()));
        if (it == found->versions.end() || it->destroyed)
            continue;
        if (operation == u"delete"_s && !it->deletionTime.isValid())
            it->deletionTime = now;
        else if (operation == u"undelete"_s)
            it->deletionTime = {};
        else if (operation == u"destroy"_s) {
            it->destroyed = true;
            it->data = {};
        }
    }
    return VaultKvResult::noContent();
}

VaultKvResult VaultKvStore::readMetadata(const VaultKvMount &mount, const QString &path) const
{
    const auto found = mount.secrets.constFind(path);
    if (found == mount.secrets.constEnd())
        return VaultKvResult::failure(404);
    QJsonObject versions;
    for (const VaultKvVersion &version : found->versions)
        versions.insert(QString::number(version.version),
            QJsonObject {{u"created_time"_s, timestamp(version.createdTime)},
                {u"deletion_time"_s, timestamp(version.deletionTime)}, {u"destroyed"_s, version.destroyed}});
    return VaultKvResult::ok(QJsonObject {{u"cas_required"_s, found->casRequired},
        {u"created_time"_s, timestamp(found->createdTime)}, {u"current_version"_s, found->currentVersion},
        {u"custom_metadata"_s, customMetadata(found->customMetadata)},
        {u"delete_version_after"_s, found->deleteVersionAfter}, {u"max_versions"_s, found->maxVersions},
        {u"oldest_version"_s, found->oldestVersion}, {u"updated_time"_s, timestamp(found->updatedTime)},
        {u"versions"_s, versions}});
}

VaultKvResult VaultKvStore::writeMetadata(
    VaultKvMount &mount, const QString &path, const QJsonObject &body, const QDateTime &now)
{
    if (body.contains(u"max_versions"_s) && body.value(u"max_versions"_s).toInteger(-1) < 0)
        return VaultKvResult::failure(400, {u"max_versions must be a non-negative integer"_s});
    if (body.contains(u"delete_version_after"_s) && !isGoDuration(body.value(u"delete_version_after"_s).toString()))
        return VaultKvResult::failure(400, {u"invalid duration for delete_version_after"_s});
    const QJsonObject custom = body.value(u"custom_metadata"_s).toObject();
    for (auto it = custom.constBegin(); it != custom.constEnd(); ++it) {
        if (!it.value().isString())
            return VaultKvResult::failure(400, {u"custom_metadata values must be strings"_s});
    }
    VaultKvSecret &secret = mount.secrets[path];
    if (!secret.createdTime.isValid())
        secret.createdTime = now;
    secret.updatedTime = now;
    if (body.contains(u"max_versions"_s))
        secret.maxVersions = static_cast<int>(body.value(u"max_versions"_s).toInteger());
    if (body.contains(u"cas_required"_s))
        secret.casRequired = body.value(u"cas_required"_s).toBool();
    if (body.contains(u"delete_version_after"_s))
        secret.deleteVersionAfter = body.value(u"delete_version_after"_s).toString();
    if (body.contains(u"custom_metadata"_s))
        secret.customMetadata = custom;
    return VaultKvResult::noContent();
}

VaultKvResult VaultKvStore::deleteMetadata(VaultKvMount &mount, const QString &path)
{
    mount.secrets.remove(path);
    return VaultKvResult::noContent();
}

VaultKvResult VaultKvStore::list(const VaultKvMount &mount, const QString &prefix) const
{
    const QString folder = prefix.isEmpty() || prefix.endsWith(u'/') ? prefix : prefix + u"/"_s;
    QStringList keys;
    for (auto it = mount.secrets.constBegin(); it != mount.secrets.constEnd(); ++it) {
        if (!it.key().startsWith(folder))
            continue;
        const QString rest = it.key().mid(folder.size());
        const qsizetype slash = rest.indexOf(u'/');
        const QString key = slash < 0 ? rest : rest.left(slash + 1);
        if (!key.isEmpty() && !keys.contains(key))
            keys.append(key);
    }
    if (keys.isEmpty())
        return VaultKvResult::failure(404);
    keys.sort();
    return VaultKvResult::ok(QJsonObject {{u"keys"_s, QJsonArray::fromStringList(keys)}});
}

VaultKvResult VaultKvStore::readSubkeys(VaultKvMount &mount, const QString &path, int version)
{
    VaultKvResult read = readData(mount, path, version);
    if (!read.hasData)
        return read;
    const QJsonObject object = read.data.toObject();
    const QJsonValue subkeys
        = read.status == 200 ? subkeysOf(object.value(u"data"_s).toObject()) : QJsonValue(QJsonValue::Null);
    read.data = QJsonObject {{u"subkeys"_s, subkeys}, {u"metadata"_s, object.value(u"metadata"_s)}};
    return read;
}

VaultKvResult VaultKvStore::readConfig(const VaultKvMount &mount) const
{
    return VaultKvResult::ok(QJsonObject {{u"cas_required"_s, mount.casRequired},
        {u"delete_version_after"_s, mount.deleteVersionAfter}, {u"max_versions"_s, mount.maxVersions}});
}

VaultKvResult VaultKvStore::writeConfig(VaultKvMount &mount, const QJsonObject &body)
{
    if (body.contains(u"max_versions"_s))
        mount.maxVersions = static_cast<int>(body.value(u"max_versions"_s).toInteger());
    if (body.contains(u"cas_required"_s))
        mount.casRequired = body.value(u"cas_required"_s).toBool();
    if (body.contains(u"delete_version_after"_s)) {
        if (!isGoDuration(body.value(u"delete_version_after"_s).toString()))
            return VaultKvResult::failure(400, {u"invalid duration for delete_version_after"_s});
        mount.deleteVersionAfter = body.value(u"delete_version_after"_s).toString();
    }
    return VaultKvResult::noContent();
}
