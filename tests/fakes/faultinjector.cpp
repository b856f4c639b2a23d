// SPDX-License-Identifier: GPL-3.0-or-later
#include "faultinjector.h"

using namespace Qt::StringLiterals;

bool FaultInjector::isGlobal(const QString &route)
{
    const QString trimmed = route.trimmed();
    return trimmed.isEmpty() || trimmed == u"*"_s;
}

FaultInjector::Entry FaultInjector::makeEntry(const QString &route, const FaultPlan &plan)
{
    Entry entry;
    entry.route = route.trimmed();
    entry.plan = plan;
    entry.random.seed(plan.seed);
    QString glob = entry.route;
    const qsizetype space = glob.indexOf(u' ');
    if (space > 0) {
        entry.method = glob.left(space).toUpper().toLatin1();
        glob = glob.mid(space + 1).trimmed();
    }
    // Our own glob rather than QRegularExpression::wildcardToRegularExpression: in Qt 6.4 its `*`
    // stops at '/', and routes need to span path segments.
    QString regex = u"^"_s;
    const QStringList pieces = glob.split(u'*');
    for (qsizetype i = 0; i < pieces.size(); ++i) {
        if (i > 0)
            regex += u".*"_s;
        regex += QRegularExpression::escape(pieces.at(i));
    }
    regex += u"$"_s;
    entry.pattern.setPattern(regex);
    return entry;
}

void FaultInjector::setPlan(const QString &route, const FaultPlan &plan)
{
    if (isGlobal(route)) {
        m_global = makeEntry(u"*"_s, plan);
        return;
    }
    Entry entry = makeEntry(route, plan);
    for (Entry &existing : m_routes) {
        if (existing.route == entry.route) {
            existing = std::move(entry);
            return;
        }
    }
    m_routes.push_back(std::move(entry));
}

void FaultInjector::clear()
{
    m_global.reset();
    m_routes.clear();
}

FaultPlan FaultInjector::plan(const QString &route) const
{
    if (isGlobal(route))
        return m_global ? m_global->plan : FaultPlan {};
    for (const Entry &entry : m_routes) {
        if (entry.route == route.trimmed())
            return entry.plan;
    }
    return {};
}

bool FaultInjector::takeOneShot(Entry &entry, FaultDecision &decision)
{
    FaultPlan &plan = entry.plan;
    if (plan.throttleCount > 0) {
        --plan.throttleCount;
        decision.kind = FaultKind::Throttle;
        decision.status = 429;
        decision.retryAfterSeconds = plan.retryAfterSeconds;
        return true;
    }
    if (plan.serverErrorCount > 0) {
        --plan.serverErrorCount;
        decision.kind = FaultKind::ServerError;
        decision.status = plan.serverErrorStatus;
        return true;
    }
    if (plan.resetCount > 0) {
        --plan.resetCount;
        decision.kind = FaultKind::ResetMidBody;
        return true;
    }
    if (plan.malformedCount > 0) {
        --plan.malformedCount;
        decision.kind = FaultKind::MalformedJson;
        return true;
    }
    return false;
}

bool FaultInjector::takeRandom(Entry &entry, FaultDecision &decision)
{
    const FaultPlan &plan = entry.plan;
    if (plan.randomRate <= 0.0 || entry.random.generateDouble() >= plan.randomRate)
        return false;
    switch (entry.random.bounded(4)) {
    case 0:
        decision.kind = FaultKind::Throttle;
        decision.status = 429;
        decision.retryAfterSeconds = plan.retryAfterSeconds;
        break;
    case 1:
        decision.kind = FaultKind::ServerError;
        decision.status = plan.serverErrorStatus;
        break;
    case 2:
        decision.kind = FaultKind::ResetMidBody;
        break;
    default:
        decision.kind = FaultKind::MalformedJson;
        break;
    }
    return true;
}

FaultDecision FaultInjector::decide(QByteArrayView method, const QString &path)
{
    FaultDecision decision;
    Entry *route = nullptr;
    for (Entry &entry : m_routes) {
        if ((entry.method.isEmpty() || entry.method == method) && entry.pattern.match(path).hasMatch()) {
            route = &entry;
            break;
        }
    }
    if (m_global)
        decision.latencyMs += m_global->plan.latencyMs;
    if (route)
        decision.latencyMs += route->plan.latencyMs;
    if (route && takeOneShot(*route, decision))
        return decision;
    if (m_global && takeOneShot(*m_global, decision))
        return decision;
    if (route && takeRandom(*route, decision))
        return decision;
    if (m_global)
        takeRandom(*m_global, decision);
    return decision;
}
