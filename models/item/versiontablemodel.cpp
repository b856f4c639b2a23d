// SPDX-License-Identifier: GPL-3.0-or-later
#include "versiontablemodel.h"

#include "../store/workspacestore.h"
#include "tabletext.h"
#include "tokentablemodel.h"

#include <algorithm>

using namespace Qt::StringLiterals;

VersionTableModel::VersionTableModel(WorkspaceStore *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    Q_ASSERT(store);
    connect(store, &WorkspaceStore::versionAdded, this, &VersionTableModel::onVersionAdded);
    connect(store, &WorkspaceStore::versionChanged, this, &VersionTableModel::onVersionChanged);
    // Removing a token (or its account) deletes its versions without a signal per version.
    connect(store, &WorkspaceStore::tokenRemoved, this, &VersionTableModel::onTokenRemoved);
}

VersionTableModel::~VersionTableModel() = default;

void VersionTableModel::setTokenId(qint64 tokenId)
{
    beginResetModel();
    m_tokenId = tokenId;
    m_versions.clear();
    if (m_store && tokenId != 0) {
        m_versions = m_store->versions(tokenId);
        // The store sorts by number already; keep the invariant even if that ever changes.
        std::stable_sort(m_versions.begin(), m_versions.end(),
            [](const TokenVersion &a, const TokenVersion &b) { return a.number < b.number; });
    }
    endResetModel();
}

std::optional<TokenVersion> VersionTableModel::versionAt(int row) const
{
    if (row < 0 || row >= m_versions.size())
        return std::nullopt;
    return m_versions.at(row);
}

int VersionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_versions.size());
}

int VersionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VersionTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TokenVersion &version = m_versions.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(version, index.column());
    case Qt::ToolTipRole:
        switch (index.column()) {
        case CreatedColumn:
            return TableText::dateToolTip(version.createdAt);
        case RevokeAtColumn:
            return TableText::dateToolTip(version.revokeAt);
        case DeleteAtColumn:
            return TableText::dateToolTip(version.deleteAt);
        default:
            return {};
        }
    case RawValueRole:
        return rawValue(version, index.column());
    case VersionIdRole:
        return version.id;
    case VersionStateRole:
        return QVariant::fromValue(version.state);
    default:
        return {};
    }
}

QVariant VersionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case VersionColumn:
        return tr("Version");
    case StateColumn:
        return tr("State");
    case ProviderIdColumn:
        return tr("Provider ID");
    case CreatedColumn:
        return tr("Created");
    case RevokeAtColumn:
        return tr("Revoke at");
    case DeleteAtColumn:
        return tr("Delete at");
    default:
        return {};
    }
}

QVariant VersionTableModel::displayValue(const TokenVersion &version, int column) const
{
    switch (column) {
    case VersionColumn:
        return u"v%1"_s.arg(version.number);
    case StateColumn:
        return TokenStateInfo::label(version.state);
    case ProviderIdColumn:
        return version.providerId;
    case CreatedColumn:
        return TableText::dateText(version.createdAt, tr("unknown"));
    case RevokeAtColumn:
        return TableText::dateText(version.revokeAt, tr("not scheduled"));
    case DeleteAtColumn:
        return TableText::dateText(version.deleteAt, tr("not scheduled"));
    default:
        return {};
    }
}

QVariant VersionTableModel::rawValue(const TokenVersion &version, int column) const
{
    switch (column) {
    case VersionColumn:
        return version.number;
    case StateColumn:
        return int(version.state);
    case ProviderIdColumn:
        return version.providerId.toCaseFolded();
    case CreatedColumn:
        return TableText::dateRawValue(version.createdAt);
    case RevokeAtColumn:
        return TableText::dateRawValue(version.revokeAt);
    case DeleteAtColumn:
        return TableText::dateRawValue(version.deleteAt);
    default:
        return {};
    }
}

int VersionTableModel::rowOfVersion(qint64 versionId) const
{
    for (int row = 0; row < m_versions.size(); ++row) {
        if (m_versions.at(row).id == versionId)
            return row;
    }
    return -1;
}

int VersionTableModel::insertionRow(int number) const
{
    const auto it = std::upper_bound(m_versions.cbegin(), m_versions.cend(), number,
        [](int n, const TokenVersion &version) { return n < version.number; });
    return int(it - m_versions.cbegin());
}

void VersionTableModel::insertVersion(const TokenVersion &version)
{
    const int row = insertionRow(version.number);
    beginInsertRows({}, row, row);
    m_versions.insert(row, version);
    endInsertRows();
}

void VersionTableModel::eraseRow(int row)
{
    beginRemoveRows({}, row, row);
    m_versions.removeAt(row);
    endRemoveRows();
}

void VersionTableModel::onVersionAdded(const TokenVersion &version)
{
    if (m_tokenId == 0 || version.tokenId != m_tokenId || rowOfVersion(version.id) >= 0)
        return;
    insertVersion(version);
}

void VersionTableModel::onVersionChanged(const TokenVersion &version)
{
    if (m_tokenId == 0)
        return;
    const int row = rowOfVersion(version.id);
    const bool belongsHere = version.tokenId == m_tokenId;
    if (row < 0) {
        if (belongsHere)
            insertVersion(version);
        return;
    }
    if (!belongsHere) {
        eraseRow(row);
        return;
    }
    if (m_versions.at(row).number == version.number) {
        m_versions[row] = version;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    // A renumbered version moves to keep the list ordered by number.
    eraseRow(row);
    insertVersion(version);
}

void VersionTableModel::onTokenRemoved(qint64 tokenId)
{
    if (tokenId == 0 || tokenId != m_tokenId)
        return;
    if (!m_versions.isEmpty()) {
        beginRemoveRows({}, 0, int(m_versions.size()) - 1);
        m_versions.clear();
        endRemoveRows();
    }
    m_tokenId = 0;
}
