// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../domain/auditevent.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

#include <optional>

class WorkspaceStore;

// The audit trail, oldest first: of the whole workspace, or of one token after setTokenFilter().
// Call reload() once the store is open; new events from the store's auditAppended are appended
// as rows (never a reset), so a view scrolled to the bottom keeps following the log. Account and
// token names are those recorded in the event, because the trail outlives renames and removals.
class AuditLogModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditLogModel)

public:
    enum Column {
        TimeColumn,
        UserColumn,
        AccountColumn,
        TokenColumn,
        ActionColumn,
        OutcomeColumn,
        RequestIdColumn,
        DetailsColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        RawValueRole = Qt::UserRole,
        EventIdRole, // qint64
        AccountIdRole, // qint64, 0 for workspace-wide events
        TokenIdRole, // qint64, 0 when no token is concerned
        OutcomeRole, // AuditEvent::Outcome as int
    };
    Q_ENUM(Role)

    // `store` must outlive the model or be destroyed with it.
    explicit AuditLogModel(WorkspaceStore *store, QObject *parent = nullptr);
    ~AuditLogModel() override;

    // Reads the events that pass the token filter: the only reset besides setTokenFilter().
    void reload();
    // 0 shows the whole workspace; any other id only that token's events. Reloads.
    void setTokenFilter(qint64 tokenId);
    qint64 tokenFilter() const { return m_tokenFilter; }
    std::optional<AuditEvent> eventAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant displayValue(const AuditEvent &event, int column) const;
    QVariant rawValue(const AuditEvent &event, int column) const;
    void onAuditAppended(const AuditEvent &event);

    QPointer<WorkspaceStore> m_store;
    qint64 m_tokenFilter = 0;
    QList<AuditEvent> m_events;
};
