// SPDX-License-Identifier: GPL-3.0-or-later
#include "scriptedserver.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QTimer>

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
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "UNKNOWN";
    }
}

} // namespace

QByteArray ScriptedServer::Request::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (name.compare(key, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool ScriptedServer::Request::hasHeader(QByteArrayView name) const
{
    return std::any_of(headers.cbegin(), headers.cend(),
        [name](const auto &entry) { return name.compare(entry.first, Qt::CaseInsensitive) == 0; });
}

ScriptedServer::Answer::Answer(
    int code, QByteArray content, QList<std::pair<QByteArray, QByteArray>> fields, bool hangUpInstead)
    : status(code)
    , body(std::move(content))
    , headers(std::move(fields))
    , hangUp(hangUpInstead)
{ }

ScriptedServer::Exchange::Exchange(ScriptedServer *server, QHttpServerResponder &&responder)
    : m_server(server)
    , m_responder(std::make_shared<QHttpServerResponder>(std::move(responder)))
    , m_socket(m_responder->socket())
    , m_answered(std::make_shared<bool>(false))
{ }

void ScriptedServer::Exchange::answer(const Answer &answer)
{
    if (*m_answered)
        return;
    *m_answered = true;
    if (m_server)
        m_server->answered();
    if (!m_socket) // the client has gone
        return;
    if (answer.hangUp) {
        m_socket->abort();
        return;
    }
    m_responder->writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(answer.status));
    for (const auto &[name, value] : answer.headers)
        m_responder->writeHeader(name, value);
    m_responder->writeHeader("Content-Length", QByteArray::number(answer.body.size()));
    // Also for an empty body: writeBody() writes the blank line that ends the headers.
    m_responder->writeBody(answer.body);
}

void ScriptedServer::Exchange::answerLater(int milliseconds, const Answer &answer)
{
    Exchange self = *this;
    QTimer::singleShot(milliseconds, m_server.data(), [self, answer]() mutable { self.answer(answer); });
}

ScriptedServer::ScriptedServer(QObject *parent)
    : QObject(parent)
{
    m_server.setMissingHandler([this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        dispatch(request, std::move(responder));
    });
}

ScriptedServer::~ScriptedServer() = default;

bool ScriptedServer::listen()
{
    m_port = m_server.listen(QHostAddress::LocalHost, 0);
    return m_port != 0;
}

bool ScriptedServer::listenTls(const QSslCertificate &certificate, const QSslKey &key)
{
    m_tls = true;
    m_server.sslSetup(certificate, key);
    return listen();
}

QUrl ScriptedServer::url(const QString &path) const
{
    QUrl url;
    url.setScheme(m_tls ? u"https"_s : u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(m_port);
    url.setPath(path);
    return url;
}

void ScriptedServer::on(const QString &path, Handler handler)
{
    m_handlers.insert(path, std::move(handler));
}

void ScriptedServer::always(const QString &path, const Answer &answer, int delayMs)
{
    on(path, [answer, delayMs](const Request &, Exchange exchange) {
        if (delayMs > 0)
            exchange.answerLater(delayMs, answer);
        else
            exchange.answer(answer);
    });
}

void ScriptedServer::sequence(const QString &path, QList<Answer> answers)
{
    auto next = std::make_shared<qsizetype>(0);
    on(path, [answers, next](const Request &, Exchange exchange) {
        const qsizetype index = std::min(*next, answers.size() - 1);
        ++*next;
        exchange.answer(answers.at(index));
    });
}

void ScriptedServer::hang(const QString &path)
{
    on(path, [this](const Request &, Exchange exchange) { m_parked.push_back(std::move(exchange)); });
}

int ScriptedServer::count(const QString &path) const
{
    return static_cast<int>(
        std::count_if(m_requests.cbegin(), m_requests.cend(), [&path](const Request &r) { return r.path == path; }));
}

void ScriptedServer::dispatch(const QHttpServerRequest &httpRequest, QHttpServerResponder &&responder)
{
    Request request;
    request.method = methodName(httpRequest.method());
    request.path = httpRequest.url().path();
    request.headers = httpRequest.headers();
    request.body = httpRequest.body();
    m_requests.append(request);
    ++m_inFlight;
    m_maxInFlight = std::max(m_maxInFlight, m_inFlight);

    Exchange exchange(this, std::move(responder));
    const auto handler = m_handlers.constFind(request.path);
    if (handler == m_handlers.cend()) {
        exchange.answer({404, "no script for this path"});
        return;
    }
    (*handler)(request, exchange);
}

void ScriptedServer::answered()
{
    --m_inFlight;
}
