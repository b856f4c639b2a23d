// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSet>
#include <QStyledItemDelegate>

// The token table's status badges: the state as a coloured pill (active, rotating, failed,
// revoked, expired) and the due column in the colour of its urgency, so an admin scanning
// 10,000 rows sees at once what needs attention. A token whose last rotation failed gets a red
// "rotation failed" pill whatever its stored state.
class TokenBadgeDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenBadgeDelegate)

public:
    explicit TokenBadgeDelegate(QObject *parent = nullptr);

    void setFailedTokens(const QSet<qint64> &tokenIds) { m_failed = tokenIds; }
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    void paintStatePill(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;

    QSet<qint64> m_failed;
};
