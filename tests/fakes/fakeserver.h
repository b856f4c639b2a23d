// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/clock.h"
#include "fakeresponse.h"
#include "faultinjector.h"
#include "recordedrequest.h"

#include <QElapsedTimer>
#include <QHttpServer>
#include <QObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QUrl>

#include <functional>
#include <memory>
#include <vector>

class QTcpSocket;

// Base of the stateful provider fakes: a Qt HTTP server on 127.0.0.1 with its own router, a
// request log, an in-flight counter and fault injection. Subclasses register handlers with
// addRoute() and say how their provider words errors (faultResponse(), routeNotFound()).
//
// Answers are written from timers, never from a sleeping handler, so injected latency overlaps
// across connections exactly as a slow real server's would. Handlers run when the request
// arrives; state changes therefore happen before the (possibly delayed or broken) answer.
class FakeServer : public QObject
{
    Q_OBJECT

public:
    explicit FakeServer(const Clock &clock = Clock::system(), QObject *parent = nullptr);
    ~FakeServer() override;

    // Loopback only; port 0 picks a free one. False if the port is taken.
    bool listen(quint16 port = 0);
    quint16 port() const { return m_port; }
    QUrl baseUrl() const;

    FaultInjector &faults() { return m_faults; }
    void setFaultPlan(const QString &route, const FaultPlan &plan) { m_faults.setPlan(route, plan); }

    const QList<RecordedRequest> &requests() const { return m_log; }
    // Requests whose method matches (empty = any) and whose path equals `path`.
    QList<RecordedRequest> requests(QByteArrayView method, const QString &path) const;
    void clearRequests();
    int inFlight() const { return m_inFlight; }
    int maxConcurrent() const { return m_maxConcurrent; }
    void resetMaxConcurrent() { m_maxConcurrent = m_inFlight; }

    // Seeds the generator behind minted ids and secrets, so a sandbox run can be repeated.
    void setRandomSeed(quint32 seed) { m_random.seed(seed); }

Q_SIGNALS:
    // Emitted when an answer (or the broken half of one) has gone out, or could not because the
    // client had gone; `sequence` is the RecordedRequest's.
    void answered(quint64 sequence);

protected:
    using Handler = std::function<FakeResponse(const FakeRequest &)>;

    // `pathPattern` is a regular expression over the decoded path; its groups become captures.
    void addRoute(const QByteArray &method, const QString &pathPattern, Handler handler);
    // The provider's body for an injected 429 or 5xx (status and Retry-After are given).
    virtual FakeResponse faultResponse(
        FaultKind kind, int status, int retryAfterSeconds, const FakeRequest &request) const = 0;
    // No route matched; `otherMethodMatched` tells 405 situations from 404 ones.
    virtual FakeResponse routeNotFound(const FakeRequest &request, bool otherMethodMatched) const;
    // Name for a verb Qt 6.4 parses but does not know (it reports Method::Unknown).
    virtual QByteArray unknownMethodName() const { return "UNKNOWN"; }

    const Clock &clock() const { return m_clock; }
    QRandomGenerator &random() { return m_random; }
    // `length` characters from `alphabet`, from the fake's generator.
    QString randomString(qsizetype length, QStringView alphabet);
    QString randomUuid();

private:
    struct Route
    {
        QByteArray method;
        QRegularExpression pattern;
        Handler handler;
    };

    void dispatch(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    FakeResponse route(FakeRequest &request);
    void deliver(quint64 sequence, const std::shared_ptr<QHttpServerResponder> &responder,
        const QPointer<QTcpSocket> &socket, const FakeResponse &response, FaultKind fault);
    void finish(quint64 sequence, int status);
    static void writeHead(QHttpServerResponder &responder, const FakeResponse &response, qsizetype contentLength);
    static void resetConnection(QTcpSocket *socket);

    const Clock &m_clock;
    QHttpServer m_server;
    quint16 m_port = 0;
    std::vector<Route> m_routes;
    FaultInjector m_faults;
    QList<RecordedRequest> m_log;
    quint64 m_nextSequence = 0;
    quint64 m_firstLogged = 0; // sequence of m_log.first()
    QElapsedTimer m_uptime;
    QRandomGenerator m_random;
    int m_inFlight = 0;
    int m_maxConcurrent = 0;
};
