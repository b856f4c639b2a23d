// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../domain/tokenversion.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

#include <optional>

class WorkspaceStore;

// The versions of one token, oldest first, for the token details pane: number, state, the
// provider's id for the version, and when it was created, is (or was) revoked and deleted.
// setTokenId() switches tokens (a model reset, since it is a different list); while a token is
// shown, the store's versionAdded/versionChanged update single rows, and removing the token
// empties the model. Roles follow TokenTableModel: DisplayRole for people, RawValueRole to sort.
class VersionTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VersionTableModel)

public:
    enum Column {
        VersionColumn,
        StateColumn,
        ProviderIdColumn,
        CreatedColumn,
        RevokeAtColumn,
        DeleteAtColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        RawValueRole = Qt::UserRole,
        VersionIdRole, // qint64
        VersionStateRole, // VersionState
    };
    Q_ENUM(Role)

    // `store` must outlive the model or be destroyed with it.
    explicit VersionTableModel(WorkspaceStore *store, QObject *parent = nullptr);
    ~VersionTableModel() override;

    // Shows the versions of `tokenId` (0 = none); reloads when it is the token already shown.
    void setTokenId(qint64 tokenId);
    qint64 tokenId() const { return m_tokenId; }
    std::optional<TokenVersion> versionAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant displayValue(const TokenVersion &version, int column) const;
    QVariant rawValue(const TokenVersion &version, int column) const;
    int rowOfVersion(qint64 versionId) const;
    int insertionRow(int number) const;
    void insertVersion(const TokenVersion &version);
    void eraseRow(int row);

    void onVersionAdded(const TokenVersion &version);
    void onVersionChanged(const TokenVersion &version);
    void onTokenRemoved(qint64 tokenId);

    QPointer<WorkspaceStore> m_store;
    qint64 m_tokenId = 0;
    QList<TokenVersion> m_versions; // ordered by number; a token has a handful of versions
};
