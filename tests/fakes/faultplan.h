// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

#include <optional>

// The ways a fake can misbehave on purpose.
enum class FaultKind {
    None,
    Throttle, // 429 with Retry-After and the provider's own throttling body
    ServerError, // 500/502/503/504 with the provider's own error body
    ResetMidBody, // headers and half the body, then a TCP reset
    MalformedJson, // a complete HTTP answer whose JSON body is cut in half
};

QString faultKindName(FaultKind kind);

// What to inject for one route (or for all of them). Counters are consumed one request at a
// time; latency and the random rate apply to every matching request. Throttle and server
// errors answer before the handler runs (state unchanged, as a real gateway would); a reset or
// malformed body happens after it ran, so the change took effect but its answer was lost.
//
// Text form, for the sandbox's command line and environment:
//   latency=200,throttle=2,retry-after=3,error=3,error-status=502,reset=1,malformed=1,rate=10,seed=7
// (`rate` is a percentage of requests that get one random fault of the four kinds).
struct FaultPlan
{
    int latencyMs = 0;
    int throttleCount = 0;
    int retryAfterSeconds = 1;
    int serverErrorCount = 0;
    int serverErrorStatus = 503;
    int resetCount = 0;
    int malformedCount = 0;
    double randomRate = 0.0; // 0..1
    quint32 seed = 0;

    bool isEmpty() const;
    QString toString() const;
    static std::optional<FaultPlan> parse(QStringView text, QString *error = nullptr);

    friend bool operator==(const FaultPlan &, const FaultPlan &) = default;
};
