// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../domain/providerkind.h"
#include "../domain/tokenstate.h"

#include <QDateTime>
#include <QSet>
#include <QSortFilterProxyModel>

#include <optional>

// The token view's filters over a TokenTableModel: a free-text search (name, provider, account,
// owner, scopes, provider id), a state filter, a provider filter, an account filter, "due before"
// and a token id set (e.g. failed rotations), all combined with AND. Sorting is the source's: a
// TokenTableModel keeps its own rows in order (on a worker thread when there are many), and this
// proxy keeps the source's order, so a header click never sorts 100,000 rows on the GUI thread.
// Over any other source it sorts like every TokenDesk table (RawValueOrder). Updates are dynamic:
// a token edited in the store moves to its sorted place or out of the filter.
class TokenSortFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenSortFilterModel)

public:
    explicit TokenSortFilterModel(QObject *parent = nullptr);
    ~TokenSortFilterModel() override;

    // Case-insensitive substring; leading and trailing spaces are ignored, empty shows everything.
    void setSearchText(const QString &text);
    QString searchText() const { return m_searchText; }
    void setStateFilter(std::optional<TokenState> state);
    std::optional<TokenState> stateFilter() const { return m_stateFilter; }
    void setProviderFilter(std::optional<ProviderKind> kind);
    std::optional<ProviderKind> providerFilter() const { return m_providerFilter; }
    // 0 shows every account.
    void setAccountFilter(qint64 accountId);
    qint64 accountFilter() const { return m_accountFilter; }
    // Only tokens whose next rotation is due before `limitUtc` (overdue ones included); an
    // invalid time switches the filter off. The caller computes it from its clock ("within N days").
    void setDueBefore(const QDateTime &limitUtc);
    QDateTime dueBefore() const { return m_dueBefore; }
    // Only these tokens (e.g. those whose last rotation failed); nullopt switches the filter off.
    void setTokenIdFilter(std::optional<QSet<qint64>> tokenIds);
    bool hasTokenIdFilter() const { return m_tokenIds.has_value(); }

    // Forwarded to a TokenTableModel source, which then holds the sort column and order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    static constexpr int LayoutChangeRows = 5000;

    void refilter();

    QString m_searchText;
    QString m_needle; // m_searchText trimmed and case-folded, like the source's SearchTextRole
    std::optional<TokenState> m_stateFilter;
    std::optional<ProviderKind> m_providerFilter;
    qint64 m_accountFilter = 0;
    QDateTime m_dueBefore;
    std::optional<QSet<qint64>> m_tokenIds;
};
