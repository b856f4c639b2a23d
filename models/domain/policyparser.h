// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policyduration.h"

#include <QString>
#include <QStringView>

#include <optional>

// Outcome of parsing one duration: either a duration, or a message that names the bad part.
struct DurationParseResult
{
    std::optional<PolicyDuration> duration;
    QString error; // translated, e.g. "Unknown unit “yaer” in “1yaer”"
    qsizetype errorStart = -1; // position of the bad part in the input, for highlighting
    qsizetype errorLength = 0;

    bool ok() const { return duration.has_value(); }
};

// Parses the duration forms admins type and providers use:
//  - Pangea's <number><unit>: "1year", "6 months", "30days", "5hours", "10minutes", "1d", "44h",
//    "2M" (months), "15mins", "2hrs", "30secs"; singular or plural, with or without a space;
//  - ISO 8601: "P30D", "PT5H", "P1Y", "P2W", "P1DT12H" (folded into one unit when exact);
//  - Glean's bare minutes: "1440" (only where BareNumber::Minutes is allowed).
// Zero, negative, longer than PolicyDuration::MaximumNominalSeconds and empty input are errors.
class PolicyParser final
{
public:
    enum class BareNumber {
        Reject,
        Minutes,
    };

    static DurationParseResult parseDuration(QStringView text, BareNumber bareNumber = BareNumber::Reject);
};
