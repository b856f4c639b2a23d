// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretref.h"

using namespace Qt::StringLiterals;

QString SecretRef::toString() const
{
    switch (backend) {
    case Backend::Keychain:
        return u"keychain:"_s + location;
    case Backend::Vault:
        return u"vault:"_s + location;
    case Backend::None:
        break;
    }
    return {};
}

SecretRef SecretRef::fromString(const QString &text)
{
    if (text.startsWith(u"keychain:"))
        return keychain(text.mid(9));
    if (text.startsWith(u"vault:"))
        return vault(text.mid(6));
    return {};
}
