// SPDX-License-Identifier: GPL-3.0-or-later
#include "originpolicy.h"

#include "httplog.h"

#include <QHostAddress>

using namespace Qt::StringLiterals;

namespace {

int effectivePort(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return url.port(scheme == u"http"_s ? 80 : (scheme == u"https"_s ? 443 : -1));
}

} // namespace

QString OriginPolicy::checkTarget(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return tr("Refused to send to %1: not a valid http(s) URL").arg(HttpLog::redactUrl(url));
    // Credentials in the URL would be sent as Basic auth and end up in logs and history;
    // TokenDesk sends credentials in headers only.
    if (!url.userInfo().isEmpty())
        return tr("Refused to send to %1: the URL contains a user name or password").arg(HttpLog::redactUrl(url));
    const QString scheme = url.scheme().toLower();
    if (scheme == u"https"_s)
        return {};
    if (scheme == u"http"_s) {
        if (isLoopbackHost(url.host()))
            return {};
        return tr("Refused to send to %1: plain http is only allowed to this computer (localhost); use https")
            .arg(HttpLog::redactUrl(url));
    }
    return tr("Refused to send to %1: only https URLs are supported").arg(HttpLog::redactUrl(url));
}

QString OriginPolicy::checkRedirect(
    const QUrl &from, const QUrl &to, QByteArrayView method, int status, bool idempotent)
{
    const QString target = HttpLog::redactUrl(to);
    if (from.scheme().compare(u"https"_s, Qt::CaseInsensitive) == 0
        && to.scheme().compare(u"https"_s, Qt::CaseInsensitive) != 0) {
        return tr("Refused to follow the redirect to %1: it drops from https to an unencrypted connection").arg(target);
    }
    if (!sameOrigin(from, to)) {
        return tr("Refused to follow the redirect to %1: it leaves %2, and the credential must not go to another "
                  "server. Check the account's base URL.")
            .arg(target, origin(from));
    }
    if (!idempotent) {
        return tr("Refused to follow the redirect of a %1 call to %2: the call must not be sent twice. Check the "
                  "account's base URL.")
            .arg(QString::fromLatin1(method), target);
    }
    // 301, 302 and 303 to anything but GET or HEAD mean (or, by long browser habit, are taken to
    // mean) "fetch the result with a GET", which would turn a write into a read that reports
    // success. Only 307 and 308 ask for the same verb and body again.
    const bool keepsVerb = status == 307 || status == 308;
    const bool isRead
        = method.compare("GET", Qt::CaseInsensitive) == 0 || method.compare("HEAD", Qt::CaseInsensitive) == 0;
    if (!keepsVerb && !isRead) {
        return tr("Refused to follow the HTTP %1 redirect of a %2 call to %3: it asks for a GET without the call's "
                  "body. Check the account's base URL.")
            .arg(QString::number(status), QString::fromLatin1(method), target);
    }
    return {};
}

bool OriginPolicy::isLoopbackHost(const QString &host)
{
    QString name = host.toLower();
    if (name.endsWith(u'.'))
        name.chop(1);
    if (name == u"localhost"_s)
        return true;
    if (name.startsWith(u'[') && name.endsWith(u']'))
        name = name.mid(1, name.size() - 2);
    // Only literal addresses count: a name such as 127.0.0.1.example.com does not parse and
    // is refused, whatever it resolves to.
    QHostAddress address;
    return address.setAddress(name) && address.isLoopback();
}

bool OriginPolicy::sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0
        && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && effectivePort(a) == effectivePort(b);
}

QString OriginPolicy::origin(const QUrl &url)
{
    return url.scheme().toLower() + u"://"_s + url.host().toLower() + u':' + QString::number(effectivePort(url));
}
