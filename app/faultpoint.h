// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// Crash injection for the recovery tests: when TOKENDESK_FAULT_POINT names the point the
// engine reaches, the process kills itself with SIGKILL there, as a power cut would. Compiled
// in only when TOKENDESK_FAULT_INJECTION is defined (builds with tests); a release build has
// no way to trigger it.
class FaultPoint final
{
public:
#ifdef TOKENDESK_FAULT_INJECTION
    static void reach(const QString &point);
#else
    static void reach(const QString &) { }
#endif
};
