// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditlogmodel.h"

#include "../store/workspacestore.h"
#include "tabletext.h"
#include "tokentablemodel.h"

AuditLogModel::AuditLogModel(WorkspaceStore *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    Q_ASSERT(store);
    connect(store, &WorkspaceStore::auditAppended, this, &AuditLogModel::onAuditAppended);
}

AuditLogModel::~AuditLogModel() = default;

void AuditLogModel::reload()
{
    beginResetModel();
    m_events = m_store ? m_store->auditEvents(m_tokenFilter) : QList<AuditEvent>();
    endResetModel();
}

void AuditLogModel::setTokenFilter(qint64 tokenId)
{
    m_tokenFilter = tokenId;
    reload();
}

std::optional<AuditEvent> AuditLogModel::eventAt(int row) const
{
    if (row < 0 || row >= m_events.size())
        return std::nullopt;
    return m_events.at(row);
}

int AuditLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int AuditLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditEvent &event = m_events.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(event, index.column());
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn)
            return TableText::dateToolTip(event.at);
        if (index.column() == DetailsColumn)
            return event.details; // the cell elides long details; the tooltip shows them whole
        return {};
    case RawValueRole:
        return rawValue(event, index.column());
    case EventIdRole:
        return event.id;
    case AccountIdRole:
        return event.accountId;
    case TokenIdRole:
        return event.tokenId;
    case OutcomeRole:
        return int(event.outcome);
    default:
        return {};
    }
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case UserColumn:
        return tr("User");
    case AccountColumn:
        return tr("Account");
    case TokenColumn:
        return tr("Token");
    case ActionColumn:
        return tr("Action");
    case OutcomeColumn:
        return tr("Outcome");
    case RequestIdColumn:
        return tr("Request ID");
    case DetailsColumn:
        return tr("Details");
    default:
        return {};
    }
}

QVariant AuditLogModel::displayValue(const AuditEvent &event, int column) const
{
    switch (column) {
    case TimeColumn:
        return TableText::dateText(event.at, tr("unknown"));
    case UserColumn:
        return event.osUser;
    case AccountColumn:
        return event.accountName;
    case TokenColumn:
        return event.tokenName;
    case ActionColumn:
        return event.action;
    case OutcomeColumn:
        return AuditEvent::outcomeLabel(event.outcome);
    case RequestIdColumn:
        return event.requestId;
    case DetailsColumn:
        return event.details;
    default:
        return {};
    }
}

QVariant AuditLogModel::rawValue(const AuditEvent &event, int column) const
{
    switch (column) {
    case TimeColumn:
        return TableText::dateRawValue(event.at);
    case UserColumn:
        return event.osUser.toCaseFolded();
    case AccountColumn:
        return event.accountName.toCaseFolded();
    case TokenColumn:
        return event.tokenName.toCaseFolded();
    case ActionColumn:
        return event.action;
    case OutcomeColumn:
        return int(event.outcome);
    case RequestIdColumn:
        return event.requestId;
    case DetailsColumn:
        return event.details.toCaseFolded();
    default:
        return {};
    }
}

void AuditLogModel::onAuditAppended(const AuditEvent &event)
{
    if (m_tokenFilter != 0 && event.tokenId != m_tokenFilter)
        return;
    const int row = int(m_events.size());
    beginInsertRows({}, row, row);
    m_events.append(event);
    endInsertRows();
}
