// SPDX-License-Identifier: GPL-3.0-or-later
#include "retrypolicy.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

// A server asking for more than a day is misconfigured, not giving advice worth following.
constexpr std::chrono::seconds MaximumRetryAfter = std::chrono::hours(24);

} // namespace

RetryPolicy::RetryPolicy()
    : RetryPolicy([] { return QRandomGenerator::global()->generateDouble(); })
{ }

RetryPolicy::RetryPolicy(RandomSource random, std::chrono::milliseconds base, std::chrono::milliseconds cap)
    : m_random(std::move(random))
    , m_base(std::max(base, std::chrono::milliseconds(0)))
    , m_cap(std::max(cap, std::chrono::milliseconds(0)))
{ }

std::chrono::milliseconds RetryPolicy::ceiling(int failedAttempt) const
{
    if (failedAttempt < 1)
        return std::chrono::milliseconds(0);
    // Doubling past 2^30 overflows long before any sane cap is reached; stop once at the cap.
    std::chrono::milliseconds value = m_base;
    for (int i = 1; i < failedAttempt && value < m_cap; ++i)
        value *= 2;
    return std::min(value, m_cap);
}

std::chrono::milliseconds RetryPolicy::delay(int failedAttempt) const
{
    const double random = std::clamp(m_random ? m_random() : 1.0, 0.0, 1.0);
    const auto upper = static_cast<double>(ceiling(failedAttempt).count());
    return std::chrono::milliseconds(std::llround(random * upper));
}

bool RetryPolicy::isRetryableStatus(int status)
{
    return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
}

bool RetryPolicy::honoursRetryAfter(int status)
{
    return status == 429 || status == 503;
}

std::optional<std::chrono::seconds> RetryPolicy::parseRetryAfter(QByteArrayView value, const QDateTime &now)
{
    const QByteArray text = value.toByteArray().trimmed();
    if (text.isEmpty())
        return std::nullopt;

    const bool allDigits = std::all_of(text.cbegin(), text.cend(), [](char c) { return c >= '0' && c <= '9'; });
    if (allDigits) {
        if (text.size() > 9) // more than 31 years: clamp without overflowing
            return MaximumRetryAfter;
        return std::min(std::chrono::seconds(text.toLongLong()), MaximumRetryAfter);
    }

    // IMF-fixdate always ends in "GMT", which Qt's RFC 2822 parser does not take as a zone.
    QString date = QString::fromLatin1(text);
    if (!date.endsWith(u" GMT"_s))
        return std::nullopt;
    date.chop(3);
    date += u"+0000"_s;
    const QDateTime when = QDateTime::fromString(date, Qt::RFC2822Date);
    if (!when.isValid() || !now.isValid())
        return std::nullopt;
    const qint64 seconds = now.secsTo(when);
    return std::clamp(std::chrono::seconds(seconds), std::chrono::seconds(0), MaximumRetryAfter);
}
