// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

// Draws one row of the account list: provider icon, account name, a health line with a coloured
// dot (connected, authentication failed, offline) and badges for due and overdue tokens. Colours
// come from the palette, with the state colours chosen to read on light and dark palettes alike.
class AccountDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountDelegate)

public:
    explicit AccountDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // Badge colours shared with the token table: overdue red, due-soon amber, fine green.
    static QColor overdueColor();
    static QColor dueSoonColor();
    static QColor okColor();

private:
    static int paintBadge(
        QPainter *painter, int right, int centerY, const QString &text, const QColor &color, const QFont &font);
};
