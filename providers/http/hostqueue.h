// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <QUrl>

#include <deque>
#include <functional>

// Caps how many calls run at once against one host (host:port), queueing the rest in arrival
// order, so a bulk rotation does not trip a provider's rate limit or open more connections than
// QNetworkAccessManager would use anyway. Callers acquire() a slot with a start function, which
// runs at once or when a slot frees, and release() it when their attempt is over. Single-threaded:
// lives in HttpClient's thread.
class HostQueue final
{
public:
    using Ticket = quint64;
    using Start = std::function<void()>;

    explicit HostQueue(int limit = 6);

    int limit() const { return m_limit; }
    // At least 1; raising the limit starts waiting calls.
    void setLimit(int limit);

    // Calls `start` now if `host` has a free slot, else queues it: at the back for a new call, at
    // the front for a retry (`ahead`), which has waited longer than anything behind it. The ticket
    // lets a waiting call leave the queue with cancel().
    Ticket acquire(const QString &host, Start start, bool ahead = false);
    // Gives back one slot of `host` and starts the next waiting call, if any.
    void release(const QString &host);
    // Removes a waiting call; false when it is not waiting (already started, or unknown).
    bool cancel(const QString &host, Ticket ticket);

    int running(const QString &host) const;
    int waiting(const QString &host) const;

    // "host:port" with the scheme's default port filled in; hosts are compared lower-case.
    static QString keyFor(const QUrl &url);

private:
    struct Waiter
    {
        Ticket ticket;
        Start start;
    };
    struct Host
    {
        int running = 0;
        std::deque<Waiter> waiters;
    };

    void pump(const QString &host);
    void forgetIfIdle(const QString &host);

    QHash<QString, Host> m_hosts;
    int m_limit;
    Ticket m_nextTicket = 1;
};
