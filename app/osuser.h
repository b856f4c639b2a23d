// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// The operating-system account running TokenDesk, recorded in every audit event.
class OsUser final
{
public:
    static QString name();
};
