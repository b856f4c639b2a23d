// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakehttpclient.h"

#include <QSignalSpy>

using namespace Qt::StringLiterals;

QByteArray FakeHttpResult::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QNetworkReply *FakeHttpClient::start(
    const QByteArray &verb, const QUrl &url, const Headers &headers, const QByteArray &body)
{
    QNetworkRequest request(url);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    return m_manager.sendCustomRequest(request, verb, body);
}

FakeHttpResult FakeHttpClient::wait(QNetworkReply *reply, int timeoutMs)
{
    FakeHttpResult result;
    if (!reply->isFinished()) {
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(timeoutMs);
    }
    result.finished = reply->isFinished();
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    result.headers = reply->rawHeaderPairs();
    result.body = reply->readAll();
    reply->deleteLater();
    return result;
}

FakeHttpResult FakeHttpClient::send(
    const QByteArray &verb, const QUrl &url, const Headers &headers, const QByteArray &body, int timeoutMs)
{
    return wait(start(verb, url, headers, body), timeoutMs);
}

FakeHttpResult FakeHttpClient::postJson(const QUrl &url, const Headers &headers, const QJsonObject &body)
{
    Headers all = headers;
    all.append(std::make_pair(QByteArray("Content-Type"), QByteArray("application/json")));
    return send("POST", url, all, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QUrl FakeHttpClient::url(const QUrl &base, const QString &path, const QString &query)
{
    QUrl url = base;
    url.setPath(path);
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}
