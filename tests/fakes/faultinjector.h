// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "faultplan.h"

#include <QByteArray>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <optional>
#include <vector>

// What to do to one request: how long to hold the answer and which fault (if any) to inject.
struct FaultDecision
{
    FaultKind kind = FaultKind::None;
    int latencyMs = 0;
    int status = 0; // 429 or the 5xx of a server error
    int retryAfterSeconds = 0;
};

// Holds a fake's fault plans: one global plan and any number of route plans, and decides per
// request. Routes are "[METHOD ]/path/glob" where `*` matches any run of characters, for example
// "POST /v2/secret/rotate" or "/api/v2/apiTokens*"; "" and "*" name the global plan. Latencies of
// the global plan and the first matching route plan add up; a route's one-shot faults are used
// before the global ones. Random faults use the plan's own seeded generator, so a run repeats.
class FaultInjector
{
public:
    void setPlan(const QString &route, const FaultPlan &plan);
    void clear();
    // The plan as it stands now, with the counters that are left.
    FaultPlan plan(const QString &route) const;
    FaultDecision decide(QByteArrayView method, const QString &path);

private:
    struct Entry
    {
        QString route;
        QByteArray method; // empty = any
        QRegularExpression pattern;
        FaultPlan plan;
        QRandomGenerator random;
    };

    static bool isGlobal(const QString &route);
    static Entry makeEntry(const QString &route, const FaultPlan &plan);
    static bool takeOneShot(Entry &entry, FaultDecision &decision);
    static bool takeRandom(Entry &entry, FaultDecision &decision);

    std::optional<Entry> m_global;
    std::vector<Entry> m_routes;
};
