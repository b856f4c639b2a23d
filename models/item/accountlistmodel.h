// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../domain/account.h"
#include "../domain/rotationdue.h"
#include "tokentablemodel.h"

#include <QAbstractListModel>
#include <QHash>
#include <QPointer>

class Clock;
class WorkspaceStore;

// The main window's account list: "All accounts" first, then every account by name, each with
// its provider, its health as last seen (connected, authentication failed, offline) and how many
// of its tokens are due soon or overdue. The counts follow the store's token signals one token at
// a time; refreshCounts() recomputes them as the clock moves (a view calls it once a minute).
class AccountListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountListModel)

public:
    enum class Health {
        Unknown, // not contacted since TokenDesk started
        Connected,
        AuthFailed, // the provider refused the credential (401, 403)
        Offline, // no answer: network, DNS, TLS or timeout
        Error, // the provider answered with another error
    };
    Q_ENUM(Health)

    enum Role {
        AccountIdRole = Qt::UserRole, // qint64; 0 for "All accounts"
        ProviderKindRole, // ProviderKind; invalid for "All accounts"
        HealthRole, // Health
        HealthTextRole, // "Connected", "Authentication failed: …"
        TokenCountRole, // int
        DueSoonCountRole, // int
        OverdueCountRole, // int
    };
    Q_ENUM(Role)

    // `store` must outlive the model or be destroyed with it; `clock` must outlive the model.
    AccountListModel(WorkspaceStore *store, const Clock &clock, QObject *parent = nullptr);
    ~AccountListModel() override;

    void reload();
    // The same from tokens already read (the main window reads them once for all its models).
    void reload(const QList<Token> &tokens);
    // Records what the last contact with the account showed; `detail` is the provider's message.
    void setHealth(qint64 accountId, Health health, const QString &detail = {});
    int rowOfAccount(qint64 accountId) const;
    static QString healthLabel(Health health);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

public Q_SLOTS:
    void refreshCounts();
    void refreshCounts(const QList<Token> &tokens);
    // From the token table's due states, without reading the workspace again.
    void refreshCounts(const QList<TokenTableModel::TokenDue> &states);

private:
    struct Counts
    {
        int tokens = 0;
        int dueSoon = 0;
        int overdue = 0;
    };
    struct Row
    {
        Account account;
        Health health = Health::Unknown;
        QString healthDetail;
    };

    void sortRows();
    void countToken(qint64 tokenId, qint64 accountId, DueState state, int sign);
    void emitCountsChanged(qint64 accountId);
    void onTokensAdded(const QList<Token> &tokens);
    void onTokenChanged(const Token &token);
    void onTokenRemoved(qint64 tokenId);

    QPointer<WorkspaceStore> m_store;
    const Clock &m_clock;
    QList<Row> m_rows; // without the "All accounts" row, which is row 0 of the model
    QHash<qint64, Counts> m_counts; // account id -> counts; key 0 holds the workspace's
    // token id -> (account id, due state) as counted, so a change can be undone exactly
    QHash<qint64, std::pair<qint64, DueState>> m_counted;
};
