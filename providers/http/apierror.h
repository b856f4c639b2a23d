// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

#include <chrono>
#include <optional>

// Why a provider call failed, with the provider's own words first: its error code
// ("PV3087", "ValidationError", Dynatrace's error.code), its message, its request id, the HTTP
// status, and whether trying again can help. Shown to admins as is, so it never holds a secret.
struct ApiError
{
    enum class Kind {
        None,
        Network, // connection refused, reset, DNS
        Timeout, // no data for the inactivity timeout, or past the overall deadline
        Tls, // certificate or handshake problem (never ignored)
        Http, // an HTTP error status without a provider error body
        Provider, // the provider's own error (code + message)
        Malformed, // the answer does not have the documented shape
        Refused, // TokenDesk refused to send (plain http to a remote host, off-origin redirect)
        Cancelled,
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString providerCode;
    QString message;
    QString requestId;
    bool retryable = false;
    std::optional<std::chrono::seconds> retryAfter;

    bool isError() const { return kind != Kind::None; }
    // "PV3087: Token not found (HTTP 404, request 7f3a…)", translated.
    QString toString() const;

    static ApiError malformed(const QString &what);
};

Q_DECLARE_METATYPE(ApiError)
