// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakeresponse.h"

#include <QJsonDocument>

FakeResponse FakeResponse::json(int status, const QJsonObject &object, const QByteArray &contentType)
{
    return {status, contentType, QJsonDocument(object).toJson(QJsonDocument::Compact), {}};
}

FakeResponse FakeResponse::json(int status, const QJsonArray &array, const QByteArray &contentType)
{
    return {status, contentType, QJsonDocument(array).toJson(QJsonDocument::Compact), {}};
}

FakeResponse FakeResponse::text(int status, const QByteArray &text, const QByteArray &contentType)
{
    return {status, contentType, text, {}};
}

FakeResponse FakeResponse::empty(int status)
{
    return {status, {}, {}, {}};
}

FakeResponse &FakeResponse::withHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append({name, value});
    return *this;
}
