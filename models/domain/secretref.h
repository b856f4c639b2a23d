// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

// Where a secret lives, never the secret itself. The workspace stores these; the value stays in
// the OS keychain (location = keychain key) or in HashiCorp Vault (location = "mount/path#field").
struct SecretRef
{
    enum class Backend {
        None,
        Keychain,
        Vault,
    };

    Backend backend = Backend::None;
    QString location;

    bool isNull() const { return backend == Backend::None || location.isEmpty(); }
    // "keychain:<key>" or "vault:<mount/path#field>", the form stored in the workspace.
    QString toString() const;
    static SecretRef fromString(const QString &text);
    static SecretRef keychain(const QString &key) { return {Backend::Keychain, key}; }
    static SecretRef vault(const QString &location) { return {Backend::Vault, location}; }

    friend bool operator==(const SecretRef &, const SecretRef &) = default;
};

Q_DECLARE_METATYPE(SecretRef)
