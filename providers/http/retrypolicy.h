// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QDateTime>

#include <chrono>
#include <functional>
#include <optional>

// When to try a failed call again: exponential back-off with full jitter (a uniform wait between
// zero and min(cap, base * 2^(n-1)) after the n-th failed attempt), so that many clients that
// failed together do not come back together. Pure: the random source is injected, and tests pass
// one that returns a fixed value. Which failures are worth retrying is ApiRequest's business; the
// status helpers here only say what HTTP itself promises.
class RetryPolicy final
{
public:
    // Uniform in [0, 1]; values outside are clamped.
    using RandomSource = std::function<double()>;

    RetryPolicy(); // base 500 ms, cap 30 s, QRandomGenerator::global()
    explicit RetryPolicy(RandomSource random, std::chrono::milliseconds base = std::chrono::milliseconds(500),
        std::chrono::milliseconds cap = std::chrono::seconds(30));

    std::chrono::milliseconds base() const { return m_base; }
    std::chrono::milliseconds cap() const { return m_cap; }

    // The longest wait after failed attempt `failedAttempt` (1 = the first request failed).
    std::chrono::milliseconds ceiling(int failedAttempt) const;
    // The wait after failed attempt `failedAttempt`: random * ceiling(failedAttempt).
    std::chrono::milliseconds delay(int failedAttempt) const;

    // 429, 500, 502, 503, 504: the server may answer differently a moment later.
    static bool isRetryableStatus(int status);
    // 429 and 503 are the statuses whose Retry-After header means "come back then".
    static bool honoursRetryAfter(int status);
    // Retry-After as delta-seconds ("120") or IMF-fixdate ("Wed, 21 Oct 2015 07:28:00 GMT"),
    // counted from `now` (best: the answer's own Date header, which cancels clock skew). A date in
    // the past gives 0 s; values beyond a day are capped there; garbage gives nullopt.
    static std::optional<std::chrono::seconds> parseRetryAfter(QByteArrayView value, const QDateTime &now);

private:
    RandomSource m_random;
    std::chrono::milliseconds m_base;
    std::chrono::milliseconds m_cap;
};
