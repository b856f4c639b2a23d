// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/auditevent.h"

#include <QByteArray>
#include <QList>

// The audit log as CSV (RFC 4180, UTF-8, one header row) or JSON (an array of objects), with
// each row's chain hashes so an exported copy can later be compared with the workspace.
// Cells that a spreadsheet would run as a formula (=, +, -, @) are prefixed with an apostrophe.
class AuditExport final
{
public:
    enum class Format {
        Csv,
        Json,
    };

    static QByteArray toCsv(const QList<AuditEvent> &events);
    static QByteArray toJson(const QList<AuditEvent> &events);
    static QByteArray format(Format format, const QList<AuditEvent> &events);
};
