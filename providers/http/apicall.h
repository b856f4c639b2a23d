// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QUrl>

#include <chrono>
#include <utility>

// One HTTP exchange as a provider describes it: verb, URL, headers (the credential goes here),
// body, and the limits that bound it. HttpClient::send() turns it into an ApiRequest.
//
// Build it with ApiCall(method, url[, body]): that constructor derives `idempotent` from the verb.
// Assigning `method` afterwards does not, so set `idempotent` yourself when you change the verb or
// when a provider documents a POST as a read (Pangea's /v2/get and /v2/list are).
struct ApiCall
{
    ApiCall() = default;
    ApiCall(QByteArray verb, QUrl target, QByteArray payload = {});

    QByteArray method = "GET"; // GET, POST, PUT, DELETE, PATCH, LIST (Vault)
    QUrl url;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray contentType = "application/json"; // sent when there is a body or the verb carries one
    // May this call be sent twice? A non-idempotent call is retried only when the connection was
    // refused, i.e. when it cannot have reached the server.
    bool idempotent = true;
    // No bytes for this long ends an attempt (0: no limit).
    std::chrono::milliseconds inactivityTimeout = std::chrono::seconds(30);
    // The whole call from send(): queue, attempts, waits between them (0 or less: no limit).
    std::chrono::milliseconds deadline = std::chrono::seconds(120);
    int maxAttempts = 4;
    QString caCertificatePath; // PEM or DER file trusted in addition to the system CAs
    QString correlationId; // a UUID is made by HttpClient::send() when empty

    // Replaces every header of that name (matched case-insensitively) with one value.
    void setHeader(const QByteArray &name, const QByteArray &value);
    // First value of a header, matched case-insensitively; empty when absent.
    QByteArray header(QByteArrayView name) const;

    // GET, HEAD, PUT, DELETE, LIST, OPTIONS: sending them twice has the effect of sending them once.
    static bool isIdempotentMethod(QByteArrayView method);
};
