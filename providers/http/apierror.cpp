// SPDX-License-Identifier: GPL-3.0-or-later
#include "apierror.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

QString ApiError::toString() const
{
    if (!isError())
        return {};
    QString text;
    if (!providerCode.isEmpty())
        text = providerCode + u": "_s;
    text += message.isEmpty() ? QCoreApplication::translate("ApiError", "request failed") : message;
    QStringList context;
    if (httpStatus > 0)
        context << QCoreApplication::translate("ApiError", "HTTP %1").arg(httpStatus);
    if (!requestId.isEmpty())
        context << QCoreApplication::translate("ApiError", "request %1").arg(requestId);
    if (!context.isEmpty())
        text += u" ("_s + context.join(u", "_s) + u')';
    return text;
}

ApiError ApiError::malformed(const QString &what)
{
    ApiError error;
    error.kind = Kind::Malformed;
    error.message = QCoreApplication::translate("ApiError", "Unexpected answer from the provider: %1").arg(what);
    return error;
}
