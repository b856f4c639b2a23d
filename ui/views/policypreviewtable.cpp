// SPDX-License-Identifier: GPL-3.0-or-later
#include "policypreviewtable.h"

#include <QHeaderView>
#include <QLocale>

using namespace Qt::StringLiterals;

PolicyPreviewTable::PolicyPreviewTable(QWidget *parent)
    : QTableWidget(0, ColumnCount, parent)
{
    setObjectName(u"policyPreview"_s);
    setAccessibleName(tr("Next rotations under this policy"));
    setHorizontalHeaderLabels({tr("Rotation"), tr("Old version revoked"), tr("Old version deleted")});
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setWordWrap(true);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
}

QString PolicyPreviewTable::localText(const QDateTime &when)
{
    return QLocale().toString(when.toLocalTime(), QLocale::ShortFormat);
}

QString PolicyPreviewTable::utcText(const QDateTime &when)
{
    return tr("%1 UTC").arg(QLocale().toString(when.toUTC(), QLocale::ShortFormat));
}

QTableWidgetItem *PolicyPreviewTable::timeItem(const QDateTime &when, const QString &firstLine) const
{
    // Where local time is UTC, one line says both.
    const bool utcHere = when.toLocalTime().offsetFromUtc() == 0;
    QString text = firstLine.isEmpty() ? (utcHere ? utcText(when) : localText(when)) : firstLine;
    if (!firstLine.isEmpty() || !utcHere)
        text += u'\n' + utcText(when);
    auto *item = new QTableWidgetItem(text);
    item->setData(Qt::UserRole, when.toUTC());
    item->setToolTip(tr("%1 local time, %2").arg(localText(when), utcText(when)));
    return item;
}

void PolicyPreviewTable::showResult(const PolicyPreview::Result &result, const QString &providerName)
{
    setRowCount(0);
    setHorizontalHeaderItem(
        RotationColumn, new QTableWidgetItem(result.manualOnly ? tr("Due (manual only)") : tr("Rotation")));
    setRowCount(static_cast<int>(result.rotations.size()));
    for (int row = 0; row < rowCount(); ++row) {
        const PolicyPreview::Entry &entry = result.rotations.at(row);
        QTableWidgetItem *rotation = entry.overdue
            ? timeItem(entry.rotateAt, tr("Now (overdue since %1)").arg(localText(entry.due)))
            : timeItem(entry.rotateAt);
        if (!result.manualOnly && !entry.overdue && entry.rotateAt != entry.due)
            rotation->setToolTip(tr("Starts at %1 local time, %2, ahead of its due time %3 local time, so that "
                                    "it is done in time.")
                                     .arg(localText(entry.rotateAt), utcText(entry.rotateAt), localText(entry.due)));
        setItem(row, RotationColumn, rotation);
        setItem(row, RevokeColumn, timeItem(entry.revokeAt));
        if (entry.deleteAt.isValid()) {
            setItem(row, DeleteColumn, timeItem(entry.deleteAt));
        } else {
            auto *never = new QTableWidgetItem(tr("never"));
            never->setToolTip(tr("TokenDesk never deletes %1 tokens.").arg(providerName));
            setItem(row, DeleteColumn, never);
        }
    }
}

void PolicyPreviewTable::showNothing()
{
    setRowCount(0);
}
