// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fakerequest.h"
#include "faultplan.h"

// One entry of a fake's request log, for tests to inspect: the request as received, the status
// that went out (0 while the answer is still held back by latency) and the fault injected.
struct RecordedRequest
{
    quint64 sequence = 0; // position in the server's lifetime, stable across clearRequests()
    FakeRequest request;
    qint64 elapsedMs = 0; // monotonic time since the server started, for ordering and timing
    int status = 0;
    FaultKind fault = FaultKind::None;
};
