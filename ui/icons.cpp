// SPDX-License-Identifier: GPL-3.0-or-later
#include "icons.h"

using namespace Qt::StringLiterals;

QIcon Icons::action(const QString &name, const QString &themeName)
{
    const QIcon own(u":/icons/actions/%1.svg"_s.arg(name));
    return themeName.isEmpty() ? own : QIcon::fromTheme(themeName, own);
}

QIcon Icons::provider(ProviderKind kind)
{
    return QIcon(u":/icons/providers/%1.svg"_s.arg(ProviderKindInfo::id(kind)));
}

QIcon Icons::application()
{
    return QIcon(u":/icons/tokendesk.svg"_s);
}
