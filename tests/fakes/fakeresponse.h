// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

// What a fake's handler answers: status, content type, body and extra headers. The base class
// writes it to the wire, possibly late, truncated or cut off when a fault is injected.
struct FakeResponse
{
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    static FakeResponse json(int status, const QJsonObject &object, const QByteArray &contentType = "application/json");
    static FakeResponse json(int status, const QJsonArray &array, const QByteArray &contentType = "application/json");
    static FakeResponse text(
        int status, const QByteArray &text, const QByteArray &contentType = "text/plain; charset=utf-8");
    // No body and no Content-Type, as for 204.
    static FakeResponse empty(int status);

    FakeResponse &withHeader(const QByteArray &name, const QByteArray &value);
};
