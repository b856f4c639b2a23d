// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakeserver.h"

#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

#if defined(Q_OS_WIN)
#include <winsock2.h>
#else
#include <sys/socket.h>
#endif

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Connect:
        return "CONNECT";
    case QHttpServerRequest::Method::Trace:
        return "TRACE";
    default:
        return {};
    }
}

} // namespace

FakeServer::FakeServer(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_random(QRandomGenerator::global()->generate())
{
    m_uptime.start();
    // One catch-all entry instead of QHttpServer::route(): the 6.4 router cannot capture paths
    // that span segments (Vault keys) and never matches verbs it does not know (LIST).
    m_server.setMissingHandler([this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        dispatch(request, std::move(responder));
    });
}

FakeServer::~FakeServer() = default;

bool FakeServer::listen(quint16 port)
{
    m_port = m_server.listen(QHostAddress::LocalHost, port);
    return m_port != 0;
}

QUrl FakeServer::baseUrl() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(m_port);
    return url;
}

QList<RecordedRequest> FakeServer::requests(QByteArrayView method, const QString &path) const
{
    QList<RecordedRequest> matching;
    for (const RecordedRequest &entry : m_log) {
        if ((method.isEmpty() || entry.request.method == method) && entry.request.path == path)
            matching.append(entry);
    }
    return matching;
}

void FakeServer::clearRequests()
{
    m_log.clear();
    m_firstLogged = m_nextSequence;
}

void FakeServer::addRoute(const QByteArray &method, const QString &pathPattern, Handler handler)
{
    m_routes.push_back({method, QRegularExpression(u"^(?:"_s + pathPattern + u")$"_s), std::move(handler)});
}

FakeResponse FakeServer::routeNotFound(const FakeRequest &, bool otherMethodMatched) const
{
    return otherMethodMatched ? FakeResponse::text(405, "Method Not Allowed") : FakeResponse::text(404, "Not Found");
}

QString FakeServer::randomString(qsizetype length, QStringView alphabet)
{
    QString text;
    text.reserve(length);
    for (qsizetype i = 0; i < length; ++i)
        text.append(alphabet.at(m_random.bounded(static_cast<int>(alphabet.size()))));
    return text;
}

QString FakeServer::randomUuid()
{
    QByteArray bytes(16, Qt::Uninitialized);
    for (char &byte : bytes)
        byte = static_cast<char>(m_random.bounded(256));
    bytes[6] = static_cast<char>((bytes.at(6) & 0x0f) | 0x40); // version 4
    bytes[8] = static_cast<char>((bytes.at(8) & 0x3f) | 0x80); // RFC 4122 variant
    return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
}

void FakeServer::dispatch(const QHttpServerRequest &httpRequest, QHttpServerResponder &&responder)
{
    FakeRequest request;
    request.method = methodName(httpRequest.method());
    if (request.method.isEmpty())
        request.method = unknownMethodName();
    request.path = httpRequest.url().path(QUrl::FullyDecoded);
    request.query = httpRequest.query();
    request.headers = httpRequest.headers();
    request.body = httpRequest.body();
    request.receivedAt = m_clock.nowUtc();

    const FaultDecision decision = m_faults.decide(request.method, request.path);
    const quint64 sequence = m_nextSequence++;
    m_log.append({sequence, request, m_uptime.elapsed(), 0, decision.kind});
    ++m_inFlight;
    m_maxConcurrent = std::max(m_maxConcurrent, m_inFlight);

    FakeResponse response;
    if (decision.kind == FaultKind::Throttle || decision.kind == FaultKind::ServerError) {
        response = faultResponse(decision.kind, decision.status, decision.retryAfterSeconds, request);
        response.status = decision.status;
        if (decision.kind == FaultKind::Throttle)
            response.headers.append({"Retry-After", QByteArray::number(decision.retryAfterSeconds)});
    } else {
        response = route(request);
    }

    auto shared = std::make_shared<QHttpServerResponder>(std::move(responder));
    // The socket dies with its connection; the responder only holds a raw pointer to it.
    const QPointer<QTcpSocket> socket = shared->socket();
    if (decision.latencyMs <= 0) {
        deliver(sequence, shared, socket, response, decision.kind);
        return;
    }
    QTimer::singleShot(decision.latencyMs, this, [this, sequence, shared, socket, response, kind = decision.kind] {
        deliver(sequence, shared, socket, response, kind);
    });
}

FakeResponse FakeServer::route(FakeRequest &request)
{
    bool otherMethodMatched = false;
    for (const Route &candidate : m_routes) {
        const QRegularExpressionMatch match = candidate.pattern.match(request.path);
        if (!match.hasMatch())
            continue;
        if (candidate.method != request.method) {
            otherMethodMatched = true;
            continue;
        }
        request.captures = match.capturedTexts().mid(1);
        return candidate.handler(request);
    }
    return routeNotFound(request, otherMethodMatched);
}

void FakeServer::writeHead(QHttpServerResponder &responder, const FakeResponse &response, qsizetype contentLength)
{
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
    if (!response.contentType.isEmpty())
        responder.writeHeader("Content-Type", response.contentType);
    for (const auto &[name, value] : response.headers)
        responder.writeHeader(name, value);
    responder.writeHeader("Content-Length", QByteArray::number(contentLength));
}

void FakeServer::deliver(quint64 sequence, const std::shared_ptr<QHttpServerResponder> &responder,
    const QPointer<QTcpSocket> &socket, const FakeResponse &response, FaultKind fault)
{
    if (!socket) {
        finish(sequence, 0);
        return;
    }
    FakeResponse out = response;
    switch (fault) {
    case FaultKind::MalformedJson:
        // A complete, well-framed HTTP answer whose JSON stops half-way: only the parser notices.
        if (out.status == 204 || out.body.isEmpty()) {
            out.status = out.status == 204 ? 200 : out.status;
            out.contentType = "application/json";
            out.body = "{\"";
        } else {
            out.body.truncate(std::max<qsizetype>(1, out.body.size() / 2));
        }
        break;
    case FaultKind::ResetMidBody: {
        // Announce the whole body, send half, then reset the connection (SO_LINGER 0) a moment
        // later so the half really leaves before the RST. The Content-Length stays honest, so
        // a client can always tell the answer is short, even where Qt reports no error.
        const QByteArray full = out.body.isEmpty() ? QByteArray("{\"reset\": true}") : out.body;
        writeHead(*responder, out, full.size());
        responder->writeBody(full.left(full.size() / 2));
        socket->flush();
        QTimer::singleShot(50, socket.data(), [socket] {
            if (socket)
                resetConnection(socket.data());
        });
        finish(sequence, out.status);
        return;
    }
    default:
        break;
    }
    writeHead(*responder, out, out.body.size());
    // Qt 6.4's responder ends the header block only in writeBody(), so an empty body (204) must
    // still be written or the client waits for the rest of the headers forever.
    responder->writeBody(out.body);
    finish(sequence, out.status);
}

void FakeServer::finish(quint64 sequence, int status)
{
    --m_inFlight;
    if (sequence >= m_firstLogged) {
        const auto index = static_cast<qsizetype>(sequence - m_firstLogged);
        if (index < m_log.size())
            m_log[index].status = status;
    }
    Q_EMIT answered(sequence);
}

void FakeServer::resetConnection(QTcpSocket *socket)
{
    const qintptr descriptor = socket->socketDescriptor();
    if (descriptor != -1) {
        linger option {};
        option.l_onoff = 1;
        option.l_linger = 0;
#if defined(Q_OS_WIN)
        ::setsockopt(static_cast<SOCKET>(descriptor), SOL_SOCKET, SO_LINGER, reinterpret_cast<const char *>(&option),
            sizeof option);
#else
        ::setsockopt(static_cast<int>(descriptor), SOL_SOCKET, SO_LINGER, &option, sizeof option);
#endif
    }
    socket->abort();
}
