// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrl>

// What one test request got back: status, headers, body, or the network error instead.
struct FakeHttpResult
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    bool finished = false;

    QByteArray header(QByteArrayView name) const;
    // The body as JSON; isNull() when it does not parse.
    QJsonDocument json() const { return QJsonDocument::fromJson(body); }
    QJsonObject object() const { return json().object(); }
};

// Test-only HTTP client for the fake-server tests: asynchronous QNetworkAccessManager requests
// with any verb (LIST included), awaited with QSignalSpy so the fakes keep serving meanwhile.
class FakeHttpClient
{
public:
    using Headers = QList<std::pair<QByteArray, QByteArray>>;

    QNetworkReply *start(
        const QByteArray &verb, const QUrl &url, const Headers &headers = {}, const QByteArray &body = {});
    static FakeHttpResult wait(QNetworkReply *reply, int timeoutMs = 5000);
    FakeHttpResult send(const QByteArray &verb, const QUrl &url, const Headers &headers = {},
        const QByteArray &body = {}, int timeoutMs = 5000);
    // POST with a JSON object body and Content-Type application/json.
    FakeHttpResult postJson(const QUrl &url, const Headers &headers, const QJsonObject &body);

    static QUrl url(const QUrl &base, const QString &path, const QString &query = {});

private:
    QNetworkAccessManager m_manager;
};
