// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHttpServer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpSocket>
#include <QUrl>

#include <functional>
#include <memory>
#include <utility>
#include <vector>

// A small HTTP(S) server on 127.0.0.1 for the HTTP client tests: each path runs a scripted
// handler that answers now, later (from a timer, so slow answers overlap as a real server's
// would) or never. It logs every request with its headers and counts how many are open at once.
class ScriptedServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScriptedServer)

public:
    struct Request
    {
        QByteArray method; // "UNKNOWN" for verbs Qt 6.4's parser does not name (LIST)
        QString path;
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray body;

        QByteArray header(QByteArrayView name) const;
        bool hasHeader(QByteArrayView name) const;
    };
    struct Answer
    {
        Answer(int code = 200, QByteArray content = {}, QList<std::pair<QByteArray, QByteArray>> fields = {},
            bool hangUpInstead = false);

        int status;
        QByteArray body;
        QList<std::pair<QByteArray, QByteArray>> headers;
        bool hangUp; // close the connection without answering
    };
    // One open exchange; answer() it once, or never.
    class Exchange
    {
    public:
        Exchange(ScriptedServer *server, QHttpServerResponder &&responder);
        void answer(const Answer &answer);
        void answerLater(int milliseconds, const Answer &answer);

    private:
        QPointer<ScriptedServer> m_server;
        std::shared_ptr<QHttpServerResponder> m_responder;
        QPointer<QTcpSocket> m_socket;
        std::shared_ptr<bool> m_answered;
    };
    using Handler = std::function<void(const Request &request, Exchange exchange)>;

    explicit ScriptedServer(QObject *parent = nullptr);
    ~ScriptedServer() override;

    // Plain http; false when no port could be bound.
    bool listen();
    // https with this certificate and key.
    bool listenTls(const QSslCertificate &certificate, const QSslKey &key);

    quint16 port() const { return m_port; }
    QUrl url(const QString &path) const;

    void on(const QString &path, Handler handler);
    // Shorthands: always the same answer; the answers in turn, the last one repeated; never.
    void always(const QString &path, const Answer &answer, int delayMs = 0);
    void sequence(const QString &path, QList<Answer> answers);
    void hang(const QString &path);

    const QList<Request> &requests() const { return m_requests; }
    int count(const QString &path) const;
    int inFlight() const { return m_inFlight; }
    int maxInFlight() const { return m_maxInFlight; }

private:
    void dispatch(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void answered();

    QHttpServer m_server;
    bool m_tls = false;
    quint16 m_port = 0;
    QHash<QString, Handler> m_handlers;
    QList<Request> m_requests;
    std::vector<Exchange> m_parked; // never answered, kept open until the server goes
    int m_inFlight = 0;
    int m_maxInFlight = 0;
};
