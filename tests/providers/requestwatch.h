// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/apirequest.h"
#include "http/apiresult.h"

#include <QPointer>
#include <QSignalSpy>

// Watches one ApiRequest from right after HttpClient::send(): wait() is true only when finished()
// came, came exactly once, and the job then deleted itself.
class RequestWatch final
{
public:
    explicit RequestWatch(ApiRequest *request);

    bool wait(int timeoutMs = 10000);
    int emissions() const { return static_cast<int>(m_spy.count()); }
    ApiResult result() const;
    ApiRequest *request() const { return m_request.data(); }

private:
    QPointer<ApiRequest> m_request;
    QSignalSpy m_spy;
};
