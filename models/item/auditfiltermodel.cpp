// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditfiltermodel.h"

#include "auditlogmodel.h"
#include "rawvalueorder.h"

#include <algorithm>

AuditFilterModel::AuditFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(AuditLogModel::RawValueRole);
    setDynamicSortFilter(true);
}

AuditFilterModel::~AuditFilterModel() = default;

void AuditFilterModel::setTimeRange(const QDateTime &from, const QDateTime &to)
{
    const QDateTime fromUtc = from.isValid() ? from.toUTC() : QDateTime();
    const QDateTime toUtc = to.isValid() ? to.toUTC() : QDateTime();
    if (fromUtc == m_from && toUtc == m_to)
        return;
    m_from = fromUtc;
    m_to = toUtc;
    invalidateRowsFilter();
}

void AuditFilterModel::setAccountFilter(std::optional<qint64> accountId)
{
    if (accountId == m_accountId)
        return;
    m_accountId = accountId;
    invalidateRowsFilter();
}

void AuditFilterModel::setTokenText(const QString &text)
{
    m_tokenText = text;
    const QString needle = text.trimmed().toCaseFolded();
    if (needle == m_tokenNeedle)
        return;
    m_tokenNeedle = needle;
    bool isNumber = false;
    const qint64 number = QStringView(needle).mid(needle.startsWith(u'#') ? 1 : 0).toLongLong(&isNumber);
    m_tokenNumber = isNumber && number > 0 ? std::optional(number) : std::nullopt;
    invalidateRowsFilter();
}

void AuditFilterModel::setTokenIdFilter(std::optional<qint64> tokenId)
{
    if (tokenId == m_tokenId)
        return;
    m_tokenId = tokenId;
    invalidateRowsFilter();
}

void AuditFilterModel::setActionFilter(const QString &action)
{
    if (action == m_action)
        return;
    m_action = action;
    invalidateRowsFilter();
}

void AuditFilterModel::setOutcomeFilter(std::optional<AuditEvent::Outcome> outcome)
{
    if (outcome == m_outcome)
        return;
    m_outcome = outcome;
    invalidateRowsFilter();
}

bool AuditFilterModel::isFiltering() const
{
    return m_from.isValid() || m_to.isValid() || m_accountId || !m_tokenNeedle.isEmpty() || m_tokenId
        || !m_action.isEmpty() || m_outcome;
}

QList<AuditEvent> AuditFilterModel::events() const
{
    const auto *source = qobject_cast<const AuditLogModel *>(sourceModel());
    if (!source)
        return {};
    QList<int> sourceRows;
    sourceRows.reserve(rowCount());
    for (int row = 0; row < rowCount(); ++row)
        sourceRows << mapToSource(index(row, 0)).row();
    std::sort(sourceRows.begin(), sourceRows.end());
    QList<AuditEvent> result;
    result.reserve(sourceRows.size());
    for (int row : std::as_const(sourceRows)) {
        if (std::optional<AuditEvent> event = source->eventAt(row))
            result << std::move(*event);
    }
    return result;
}

bool AuditFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *source = sourceModel();
    const QModelIndex first = source->index(sourceRow, 0, sourceParent);
    // The integer checks first; dates and strings only for rows that pass them.
    if (m_accountId && first.data(AuditLogModel::AccountIdRole).toLongLong() != *m_accountId)
        return false;
    if (m_outcome && first.data(AuditLogModel::OutcomeRole).toInt() != int(*m_outcome))
        return false;
    const qint64 tokenId = first.data(AuditLogModel::TokenIdRole).toLongLong();
    if (m_tokenId && tokenId != *m_tokenId)
        return false;
    if (!m_action.isEmpty()
        && source->index(sourceRow, AuditLogModel::ActionColumn, sourceParent).data().toString() != m_action)
        return false;
    if (m_from.isValid() || m_to.isValid()) {
        const QDateTime at = source->index(sourceRow, AuditLogModel::TimeColumn, sourceParent)
                                 .data(AuditLogModel::RawValueRole)
                                 .toDateTime();
        if (!at.isValid() || (m_from.isValid() && at < m_from) || (m_to.isValid() && at > m_to))
            return false;
    }
    if (m_tokenNeedle.isEmpty() || (m_tokenNumber && tokenId == *m_tokenNumber))
        return true;
    // The source's raw token name is case-folded already, as is the needle.
    return source->index(sourceRow, AuditLogModel::TokenColumn, sourceParent)
        .data(AuditLogModel::RawValueRole)
        .toString()
        .contains(m_tokenNeedle, Qt::CaseSensitive);
}

bool AuditFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    return RawValueOrder::lessThan(left, right, sortRole(), AuditLogModel::EventIdRole, sortOrder());
}
