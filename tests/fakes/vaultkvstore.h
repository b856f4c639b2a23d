// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "vaultkvsecret.h"

#include <QHash>
#include <QJsonValue>
#include <QStringList>

// What a KV v2 operation produced: an HTTP status and either the `data` of Vault's envelope
// or its `errors` list (which may be empty, as on a plain 404).
struct VaultKvResult
{
    int status = 200;
    QJsonValue data;
    QStringList errors;
    bool hasData = false; // false: answer {"errors": [...]} (or nothing for 204)

    static VaultKvResult ok(const QJsonValue &data, int status = 200) { return {status, data, {}, true}; }
    static VaultKvResult noContent() { return {204, {}, {}, false}; }
    static VaultKvResult failure(int status, const QStringList &errors = {}) { return {status, {}, errors, false}; }
};

// The KV v2 engine behind FakeVaultKv: namespaces, mounts, keys, versions, check-and-set,
// soft delete / undelete / destroy, metadata and listing, with Vault's exact error strings.
// No HTTP and no authorization.
class VaultKvStore
{
public:
    static constexpr int DefaultMaxVersions = 10;

    void addMount(const QString &ns, const QString &mount);
    bool hasNamespace(const QString &ns) const { return m_namespaces.contains(ns); }
    VaultKvMount *mount(const QString &ns, const QString &name);
    const VaultKvMount *mount(const QString &ns, const QString &name) const;
    const VaultKvSecret *secret(const QString &ns, const QString &mountName, const QString &path) const;
    QStringList namespaces() const { return m_namespaces.keys(); }
    const QHash<QString, QHash<QString, VaultKvMount>> &all() const { return m_namespaces; }

    VaultKvResult readData(VaultKvMount &mount, const QString &path, int version);
    VaultKvResult writeData(VaultKvMount &mount, const QString &path, const QJsonObject &body, const QDateTime &now);
    VaultKvResult patchData(VaultKvMount &mount, const QString &path, const QJsonObject &body, const QDateTime &now);
    VaultKvResult deleteLatest(VaultKvMount &mount, const QString &path, const QDateTime &now);
    // "delete", "undelete" or "destroy" of the versions listed in the body.
    VaultKvResult changeVersions(VaultKvMount &mount, const QString &operation, const QString &path,
        const QJsonObject &body, const QDateTime &now);
    VaultKvResult readMetadata(const VaultKvMount &mount, const QString &path) const;
    VaultKvResult writeMetadata(
        VaultKvMount &mount, const QString &path, const QJsonObject &body, const QDateTime &now);
    VaultKvResult deleteMetadata(VaultKvMount &mount, const QString &path);
    VaultKvResult list(const VaultKvMount &mount, const QString &prefix) const;
    VaultKvResult readSubkeys(VaultKvMount &mount, const QString &path, int version);
    VaultKvResult readConfig(const VaultKvMount &mount) const;
    VaultKvResult writeConfig(VaultKvMount &mount, const QJsonObject &body);

    static QString timestamp(const QDateTime &when);

private:
    static QJsonObject versionMetadata(const VaultKvSecret &secret, const VaultKvVersion &version);
    static int effectiveMaxVersions(const VaultKvMount &mount, const VaultKvSecret &secret);
    // Adds a version with `data` after the CAS checks; prunes versions beyond max_versions.
    VaultKvResult addVersion(VaultKvMount &mount, VaultKvSecret &secret, const QJsonObject &data,
        const QJsonObject &options, const QDateTime &now);

    QHash<QString, QHash<QString, VaultKvMount>> m_namespaces; // "" = root namespace
};
