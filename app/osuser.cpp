// SPDX-License-Identifier: GPL-3.0-or-later
#include "osuser.h"

#include <QtGlobal>

using namespace Qt::StringLiterals;

QString OsUser::name()
{
    for (const char *variable : {"USER", "USERNAME", "LOGNAME"}) {
        const QString value = qEnvironmentVariable(variable);
        if (!value.isEmpty())
            return value;
    }
    return u"unknown"_s;
}
