// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/providerkind.h"

#include <QIcon>

// TokenDesk's own SVG icons, so that every action and provider has a sharp icon on any desktop
// and at any scale; the desktop theme's icon is preferred where one exists for the action.
class Icons final
{
public:
    // `name` is a file in :/icons/actions ("rotate"); `themeName` a freedesktop icon name.
    static QIcon action(const QString &name, const QString &themeName = {});
    static QIcon provider(ProviderKind kind);
    static QIcon application();
};
