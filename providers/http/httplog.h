// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringView>
#include <QUrl>

#include <chrono>
#include <utility>

struct ApiCall;
struct ApiError;
struct ApiResult;

// The one place where the HTTP layer writes to the log (category tokendesk.providers.http), so
// that redaction is decided once: URLs lose their user info, fragment and the values of
// secret-looking query parameters (api-token, token, key, secret, password, ...; ids such as
// token_ids stay readable), credential headers (Authorization, X-Api-Key, X-Vault-Token, Cookie,
// Proxy-Authorization and any name that says token, secret, key or auth) show only their name,
// and bodies are never logged at all, because they carry the secrets being rotated.
class HttpLog final
{
public:
    // The URL for logs, messages and the audit trail.
    static QString redactUrl(const QUrl &url);
    static bool isSecretQueryKey(QStringView key);
    static bool isSecretHeader(QByteArrayView name);
    // "Name: value, Name: <redacted>, ..." for the given headers.
    static QString describeHeaders(const QList<std::pair<QByteArray, QByteArray>> &headers);

    // One attempt goes out (debug).
    static void attemptStarted(const ApiCall &call, int attempt);
    // A failed attempt will be repeated after `delay` (info).
    static void retryScheduled(
        const ApiCall &call, int failedAttempt, const ApiError &error, std::chrono::milliseconds delay);
    // The call is over: one line with method, URL, status, attempts, time, correlation id, the
    // server's request id and the headers sent (info on success, warning on failure).
    static void callFinished(const ApiCall &call, const ApiResult &result);

    static constexpr QStringView Redacted = u"<redacted>";
};
