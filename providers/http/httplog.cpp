// SPDX-License-Identifier: GPL-3.0-or-later
#include "httplog.h"

#include "apicall.h"
#include "apiresult.h"

#include <QLoggingCategory>
#include <QRegularExpression>
#include <QUrlQuery>

#include <algorithm>
#include <iterator>

using namespace Qt::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcHttp, "tokendesk.providers.http")

// Token shapes worth hiding wherever they show up in a URL, whatever the parameter is called:
// Dynatrace accepts a token's secret in place of its id in /apiTokens/{id} (the public part
// before the second dot stays readable), and Pangea tokens look like pts_ + 32 characters.
const QRegularExpression &dynatraceSecret()
{
    static const QRegularExpression pattern(u"\\b(dt0c01\\.[A-Za-z0-9]+)\\.[^/?#&=\\s]+"_s);
    return pattern;
}

const QRegularExpression &pangeaToken()
{
    static const QRegularExpression pattern(u"\\bp[a-z]{2}_[a-z0-9]{32}\\b"_s);
    return pattern;
}

QString redactTokenShapes(QString text)
{
    text.replace(dynatraceSecret(), u"\\1."_s + HttpLog::Redacted);
    text.replace(pangeaToken(), HttpLog::Redacted.toString());
    return text;
}

QString errorSummary(const ApiError &error)
{
    static const char *const kinds[]
        = {"None", "Network", "Timeout", "Tls", "Http", "Provider", "Malformed", "Refused", "Cancelled"};
    const auto index = static_cast<std::size_t>(error.kind);
    const QString kind = index < std::size(kinds) ? QString::fromLatin1(kinds[index]) : u"?"_s;
    return kind + u": "_s + error.toString();
}

} // namespace

QString HttpLog::redactUrl(const QUrl &url)
{
    if (url.isEmpty())
        return {};
    QString text = url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
    if (url.hasQuery()) {
        QStringList parts;
        const QUrlQuery query(url);
        const auto items = query.queryItems(QUrl::PrettyDecoded);
        for (const auto &[key, value] : items)
            parts << key + u'=' + (isSecretQueryKey(key) ? Redacted.toString() : value);
        text += u'?' + parts.join(u'&');
    }
    return redactTokenShapes(text);
}

bool HttpLog::isSecretQueryKey(QStringView key)
{
    // The last word of the name decides: api-token, access_token, client_secret, X-Amz-Signature
    // are secret; token_ids, nextPageKey and version are not.
    static const QStringList secretWords {u"token"_s, u"secret"_s, u"key"_s, u"apikey"_s, u"password"_s, u"passwd"_s,
        u"pwd"_s, u"signature"_s, u"sig"_s, u"credential"_s, u"credentials"_s, u"auth"_s, u"authorization"_s,
        u"session"_s, u"sessionid"_s, u"code"_s};
    const QString name = key.toString().toLower();
    const qsizetype separator = std::max(name.lastIndexOf(u'-'), name.lastIndexOf(u'_'));
    const QString lastWord = separator < 0 ? name : name.mid(separator + 1);
    return secretWords.contains(lastWord) || secretWords.contains(name);
}

bool HttpLog::isSecretHeader(QByteArrayView name)
{
    static const char *const exact[]
        = {"authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "x-vault-token"};
    static const char *const fragments[]
        = {"token", "secret", "key", "password", "auth", "cookie", "session", "signature", "credential"};
    const QByteArray lower = name.toByteArray().toLower();
    for (const char *candidate : exact) {
        if (lower == candidate)
            return true;
    }
    for (const char *fragment : fragments) {
        if (lower.contains(fragment))
            return true;
    }
    return false;
}

QString HttpLog::describeHeaders(const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    QStringList parts;
    for (const auto &[name, value] : headers) {
        const QString shown
            = isSecretHeader(name) ? Redacted.toString() : redactTokenShapes(QString::fromLatin1(value));
        parts << QString::fromLatin1(name) + u": "_s + shown;
    }
    return parts.join(u", "_s);
}

void HttpLog::attemptStarted(const ApiCall &call, int attempt)
{
    qCDebug(lcHttp).noquote() << call.method << redactUrl(call.url) << u"attempt"_s << attempt << u"of"_s
                              << call.maxAttempts << u"[%1]"_s.arg(call.correlationId);
}

void HttpLog::retryScheduled(
    const ApiCall &call, int failedAttempt, const ApiError &error, std::chrono::milliseconds delay)
{
    qCInfo(lcHttp).noquote() << call.method << redactUrl(call.url) << u"attempt"_s << failedAttempt
                             << u"failed (%1), retrying in"_s.arg(errorSummary(error)) << delay.count()
                             << u"ms [%1]"_s.arg(call.correlationId);
}

void HttpLog::callFinished(const ApiCall &call, const ApiResult &result)
{
    const QString outcome
        = result.ok() ? u"HTTP %1"_s.arg(result.httpStatus) : u"failed (%1)"_s.arg(errorSummary(result.error));
    const QString line
        = u"%1 %2 -> %3 after %4 attempt(s) in %5 ms [%6]%7; sent headers: %8"_s.arg(QString::fromLatin1(call.method),
            redactUrl(call.url), outcome, QString::number(result.attempts), QString::number(result.elapsed.count()),
            call.correlationId, result.requestId.isEmpty() ? QString() : u" request id %1"_s.arg(result.requestId),
            describeHeaders(call.headers));
    if (result.ok() || result.error.kind == ApiError::Kind::Cancelled)
        qCInfo(lcHttp).noquote() << line;
    else
        qCWarning(lcHttp).noquote() << line;
}
