// SPDX-License-Identifier: GPL-3.0-or-later
#include "apicall.h"

ApiCall::ApiCall(QByteArray verb, QUrl target, QByteArray payload)
    : method(std::move(verb))
    , url(std::move(target))
    , body(std::move(payload))
    , idempotent(isIdempotentMethod(method))
{ }

void ApiCall::setHeader(const QByteArray &name, const QByteArray &value)
{
    headers.removeIf([&name](const auto &entry) { return entry.first.compare(name, Qt::CaseInsensitive) == 0; });
    headers.append({name, value});
}

QByteArray ApiCall::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (name.compare(key, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool ApiCall::isIdempotentMethod(QByteArrayView method)
{
    // RFC 9110 section 9.2.2, plus Vault's LIST, which only reads.
    for (const char *verb : {"GET", "HEAD", "PUT", "DELETE", "LIST", "OPTIONS"}) {
        if (method.compare(QByteArrayView(verb), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}
