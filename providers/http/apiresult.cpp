// SPDX-License-Identifier: GPL-3.0-or-later
#include "apiresult.h"

QByteArray ApiResult::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (name.compare(key, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

HttpAnswer ApiResult::answer() const
{
    HttpAnswer answer;
    answer.status = httpStatus;
    answer.body = body;
    answer.headers = headers;
    return answer;
}
