// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/provideroperation.h"

#include <QList>

// What one provider operation came to, collected by runOperation() for the provider tests.
struct ProviderOutcome
{
    bool ok = false;
    ApiError error;
    QList<RemoteToken> tokens;
    RotationResult rotation;
    bool finishedOnce = false;
    int progressReports = 0;
};

// Runs one operation to its end and waits for it (tests may wait; production code never does).
// A run that does not finish within `timeoutMs` comes back with ok false and a message saying so;
// finishedOnce tells whether finished() came exactly once.
ProviderOutcome runOperation(ProviderOperation *operation, int timeoutMs = 30000);
