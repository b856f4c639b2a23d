// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>
#include <QUrl>

// Where TokenDesk may send a credential. Plain http only to this machine (Piiano's default
// http://localhost:8123, a local Vault dev server); everything else over https. A redirect is
// followed only within the origin (scheme, host and port) the call was made to, because the
// credential headers travel with the redirected request: leaving the origin, or dropping from
// https to http, would hand the token to someone else. The checks answer with a translated reason
// for an ApiError Refused, or an empty string when the URL is fine.
class OriginPolicy final
{
    Q_DECLARE_TR_FUNCTIONS(OriginPolicy)

public:
    // Empty when a call may be sent to `url`.
    static QString checkTarget(const QUrl &url);
    // Empty when the redirect from `from` to `to` (an answer with `status` to a `method` call)
    // may be followed. A call that must not be sent twice follows no redirect at all: following
    // one means sending it again.
    static QString checkRedirect(
        const QUrl &from, const QUrl &to, QByteArrayView method, int status, bool idempotent = true);

    // localhost, 127.0.0.0/8, ::1 (and ::ffff:127.x.y.z).
    static bool isLoopbackHost(const QString &host);
    // Same scheme, host and port, default ports filled in.
    static bool sameOrigin(const QUrl &a, const QUrl &b);
    // "https://host:port", for messages.
    static QString origin(const QUrl &url);
};
