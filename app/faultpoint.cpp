// SPDX-License-Identifier: GPL-3.0-or-later
#include "faultpoint.h"

#ifdef TOKENDESK_FAULT_INJECTION
#include <QtGlobal>

#include <csignal>
#include <cstdio>

void FaultPoint::reach(const QString &point)
{
    static const QString chosen = qEnvironmentVariable("TOKENDESK_FAULT_POINT");
    if (chosen.isEmpty() || chosen != point)
        return;
    std::fprintf(stderr, "fault point %s reached: SIGKILL\n", qPrintable(point));
    std::fflush(stderr);
    std::raise(SIGKILL);
}
#endif
