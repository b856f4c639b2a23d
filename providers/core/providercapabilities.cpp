// SPDX-License-Identifier: GPL-3.0-or-later
#include "providercapabilities.h"

#include <QCoreApplication>

QStringList ProviderCapabilities::abilities() const
{
    QStringList words;
    if (listTokens)
        words << QCoreApplication::translate("ProviderCapabilities", "list tokens");
    if (listVersions)
        words << QCoreApplication::translate("ProviderCapabilities", "version history");
    if (rotate)
        words << QCoreApplication::translate("ProviderCapabilities", "rotate");
    if (create)
        words << QCoreApplication::translate("ProviderCapabilities", "create a replacement");
    if (revoke)
        words << QCoreApplication::translate("ProviderCapabilities", "revoke");
    if (deleteToken)
        words << QCoreApplication::translate("ProviderCapabilities", "delete");
    if (setPolicy)
        words << QCoreApplication::translate("ProviderCapabilities", "push the rotation policy");
    return words;
}
