// SPDX-License-Identifier: GPL-3.0-or-later
#include "requestwatch.h"

#include <QTest>

RequestWatch::RequestWatch(ApiRequest *request)
    : m_request(request)
    , m_spy(request, &ApiRequest::finished)
{ }

bool RequestWatch::wait(int timeoutMs)
{
    if (m_spy.isEmpty() && !m_spy.wait(timeoutMs)) {
        qWarning("ApiRequest::finished() was not emitted within %d ms", timeoutMs);
        return false;
    }
    if (!QTest::qWaitFor([this] { return m_request.isNull(); }, 2000)) {
        qWarning("the ApiRequest did not delete itself after finishing");
        return false;
    }
    if (m_spy.count() != 1) {
        qWarning("ApiRequest::finished() was emitted %d times", static_cast<int>(m_spy.count()));
        return false;
    }
    return true;
}

ApiResult RequestWatch::result() const
{
    return m_spy.isEmpty() ? ApiResult() : m_spy.first().first().value<ApiResult>();
}
