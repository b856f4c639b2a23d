// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "item/accountlistmodel.h"

#include <QObject>
#include <QSet>
#include <QStringList>

class AppContext;
struct Account;
struct ApiError;

// One Refresh of every account that can list its tokens: starts them together, reports each
// account's health as its answer comes (connected, authentication failed, offline, provider
// error) and, at the end, one summary line for the status bar. A Glean account, which cannot
// list, gets its connection test instead, so its health is known too. One round at a time.
class RefreshRound final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RefreshRound)

public:
    explicit RefreshRound(AppContext *context, QObject *parent = nullptr);

    // False when no account can be refreshed (or a round is running); `summary` says why.
    bool start(QString *summary);
    // An account refreshed on its own (a new one), counted into the current round if any.
    void add(qint64 accountId);
    bool isRunning() const { return !m_pending.isEmpty(); }
    static AccountListModel::Health healthOf(const ApiError &error);

Q_SIGNALS:
    void accountChecked(qint64 accountId, AccountListModel::Health health, const QString &detail);
    void finished(const QString &summary);

private:
    void checkConnection(const Account &account);
    void onRefreshFinished(qint64 accountId, int tokenCount, const ApiError &error);

    AppContext *m_context;
    QSet<qint64> m_pending;
    QStringList m_problems;
    int m_tokens = 0;
};
