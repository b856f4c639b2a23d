// SPDX-License-Identifier: GPL-3.0-or-later
#include "providerkind.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

QString ProviderKindInfo::id(ProviderKind kind)
{
    switch (kind) {
    case ProviderKind::PangeaVault:
        return u"pangea"_s;
    case ProviderKind::Glean:
        return u"glean"_s;
    case ProviderKind::Dynatrace:
        return u"dynatrace"_s;
    case ProviderKind::PiianoVault:
        return u"piiano"_s;
    case ProviderKind::VaultKv:
        return u"vaultkv"_s;
    }
    return {};
}

QString ProviderKindInfo::displayName(ProviderKind kind)
{
    switch (kind) {
    case ProviderKind::PangeaVault:
        return QCoreApplication::translate("ProviderKind", "Pangea Vault");
    case ProviderKind::Glean:
        return QCoreApplication::translate("ProviderKind", "Glean");
    case ProviderKind::Dynatrace:
        return QCoreApplication::translate("ProviderKind", "Dynatrace");
    case ProviderKind::PiianoVault:
        return QCoreApplication::translate("ProviderKind", "Piiano Vault");
    case ProviderKind::VaultKv:
        return QCoreApplication::translate("ProviderKind", "HashiCorp Vault KV");
    }
    return {};
}

std::optional<ProviderKind> ProviderKindInfo::fromId(const QString &id)
{
    for (ProviderKind kind : all()) {
        if (ProviderKindInfo::id(kind) == id)
            return kind;
    }
    return std::nullopt;
}

QList<ProviderKind> ProviderKindInfo::all()
{
    return {ProviderKind::PangeaVault, ProviderKind::Glean, ProviderKind::Dynatrace, ProviderKind::PiianoVault,
        ProviderKind::VaultKv};
}
