// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

#include <optional>

// The provider families TokenDesk speaks to. The stable id is what the workspace stores
// and what the command line accepts; the display name is for people.
enum class ProviderKind {
    PangeaVault,
    Glean,
    Dynatrace,
    PiianoVault,
    VaultKv,
};

// Stable ids ("pangea", "glean", "dynatrace", "piiano", "vaultkv") and display names.
class ProviderKindInfo final
{
public:
    static QString id(ProviderKind kind);
    static QString displayName(ProviderKind kind);
    static std::optional<ProviderKind> fromId(const QString &id);
    static QList<ProviderKind> all();
};

Q_DECLARE_METATYPE(ProviderKind)
