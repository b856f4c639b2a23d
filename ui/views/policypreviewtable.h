// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policypreview.h"

#include <QTableWidget>

// The policy editor's look ahead: one row per coming rotation with when it runs and when its old
// version is revoked and deleted, each time in local time with UTC below it, so admins in any
// time zone read the same instants. Every time cell keeps its instant (UTC) in Qt::UserRole.
class PolicyPreviewTable final : public QTableWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PolicyPreviewTable)

public:
    enum Column {
        RotationColumn,
        RevokeColumn,
        DeleteColumn,
        ColumnCount,
    };

    explicit PolicyPreviewTable(QWidget *parent = nullptr);

    // `providerName` explains a missing delete time ("Glean does not delete old versions").
    void showResult(const PolicyPreview::Result &result, const QString &providerName);
    void showNothing();

    // "31/01/2026 13:00" in local time and "31/01/2026 12:00 UTC", as the cells show them.
    static QString localText(const QDateTime &when);
    static QString utcText(const QDateTime &when);

private:
    QTableWidgetItem *timeItem(const QDateTime &when, const QString &firstLine = {}) const;
};
