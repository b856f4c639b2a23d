// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostqueue.h"

#include <algorithm>

using namespace Qt::StringLiterals;

HostQueue::HostQueue(int limit)
    : m_limit(std::max(1, limit))
{ }

void HostQueue::setLimit(int limit)
{
    m_limit = std::max(1, limit);
    const QStringList hosts = m_hosts.keys();
    for (const QString &host : hosts)
        pump(host);
}

HostQueue::Ticket HostQueue::acquire(const QString &host, Start start, bool ahead)
{
    const Ticket ticket = m_nextTicket++;
    Host &entry = m_hosts[host];
    if (ahead)
        entry.waiters.push_front({ticket, std::move(start)});
    else
        entry.waiters.push_back({ticket, std::move(start)});
    pump(host);
    return ticket;
}

void HostQueue::release(const QString &host)
{
    const auto it = m_hosts.find(host);
    if (it == m_hosts.end() || it->running <= 0)
        return;
    --it->running;
    pump(host);
}

bool HostQueue::cancel(const QString &host, Ticket ticket)
{
    const auto it = m_hosts.find(host);
    if (it == m_hosts.end())
        return false;
    auto &waiters = it->waiters;
    const auto found
        = std::find_if(waiters.begin(), waiters.end(), [ticket](const Waiter &w) { return w.ticket == ticket; });
    if (found == waiters.end())
        return false;
    waiters.erase(found);
    forgetIfIdle(host);
    return true;
}

int HostQueue::running(const QString &host) const
{
    const auto it = m_hosts.constFind(host);
    return it == m_hosts.constEnd() ? 0 : it->running;
}

int HostQueue::waiting(const QString &host) const
{
    const auto it = m_hosts.constFind(host);
    return it == m_hosts.constEnd() ? 0 : static_cast<int>(it->waiters.size());
}

QString HostQueue::keyFor(const QUrl &url)
{
    const int defaultPort = url.scheme().compare(u"http"_s, Qt::CaseInsensitive) == 0 ? 80 : 443;
    return url.host().toLower() + u':' + QString::number(url.port(defaultPort));
}

void HostQueue::pump(const QString &host)
{
    // A start function may release or acquire on this queue before it returns, so the entry is
    // looked up afresh on every round instead of being held by reference across the call.
    for (;;) {
        const auto it = m_hosts.find(host);
        if (it == m_hosts.end())
            return;
        if (it->running >= m_limit || it->waiters.empty()) {
            forgetIfIdle(host);
            return;
        }
        Start start = std::move(it->waiters.front().start);
        it->waiters.pop_front();
        ++it->running;
        if (start)
            start();
    }
}

void HostQueue::forgetIfIdle(const QString &host)
{
    const auto it = m_hosts.find(host);
    if (it != m_hosts.end() && it->running == 0 && it->waiters.empty())
        m_hosts.erase(it);
}
