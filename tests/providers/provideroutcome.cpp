// SPDX-License-Identifier: GPL-3.0-or-later
#include "provideroutcome.h"

#include <QTest>

using namespace Qt::StringLiterals;

ProviderOutcome runOperation(ProviderOperation *operation, int timeoutMs)
{
    ProviderOutcome outcome;
    int finishedCount = 0;
    // The connections end with this function, so an operation that outlives a timed-out run
    // cannot write into a dead outcome.
    QObject context;
    QObject::connect(
        operation, &ProviderOperation::progress, &context, [&outcome](int, int) { ++outcome.progressReports; });
    QObject::connect(operation, &ProviderOperation::finished, &context, [&](ProviderOperation *done) {
        ++finishedCount;
        outcome.ok = done->ok();
        outcome.error = done->error();
        outcome.tokens = done->tokens();
        outcome.rotation = done->rotation();
    });
    if (!QTest::qWaitFor([&] { return finishedCount > 0; }, timeoutMs))
        outcome.error.message = u"operation did not finish within %1 ms"_s.arg(timeoutMs);
    // A second finished() would come from the event loop too: give it a chance to show up.
    QTest::qWait(20);
    outcome.finishedOnce = finishedCount == 1;
    return outcome;
}
