// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/apierror.h"

#include <QString>

#include <optional>
#include <utility>

// What a provider parser makes of one answer: the value, or an ApiError that says what was wrong
// (Malformed with the JSON path, or the provider's own error). `requestId` keeps the provider's
// request id for the audit log on success too, where the answer carried one (Pangea, Vault).
template<typename T> struct Parsed
{
    std::optional<T> value;
    ApiError error;
    QString requestId;

    bool ok() const { return value.has_value(); }

    static Parsed success(T parsedValue, QString id = {})
    {
        Parsed result;
        result.value = std::move(parsedValue);
        result.requestId = std::move(id);
        return result;
    }

    static Parsed failure(ApiError parseError)
    {
        Parsed result;
        result.requestId = parseError.requestId;
        result.error = std::move(parseError);
        return result;
    }
};
