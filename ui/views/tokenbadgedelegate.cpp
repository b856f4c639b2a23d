// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenbadgedelegate.h"

#include "domain/rotationdue.h"
#include "domain/tokenstate.h"
#include "item/tokentablemodel.h"
#include "views/accountdelegate.h"

#include <QApplication>
#include <QPainter>

TokenBadgeDelegate::TokenBadgeDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

void TokenBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (index.column() == TokenTableModel::StateColumn) {
        paintStatePill(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    if (index.column() == TokenTableModel::DueInColumn) {
        const auto due = index.data(TokenTableModel::DueStateRole).value<DueState>();
        if (due == DueState::Overdue) {
            opt.palette.setColor(QPalette::Text, AccountDelegate::overdueColor());
            opt.font.setBold(true);
        } else if (due == DueState::DueSoon) {
            opt.palette.setColor(QPalette::Text, AccountDelegate::dueSoonColor());
        }
    }
    QStyledItemDelegate::paint(painter, opt, index);
}

void TokenBadgeDelegate::paintStatePill(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString label = opt.text;
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const auto state = index.data(TokenTableModel::TokenStateRole).value<TokenState>();
    const bool failed = m_failed.contains(index.data(TokenTableModel::TokenIdRole).toLongLong());
    QColor color = option.palette.color(QPalette::Mid);
    QString text = label;
    if (failed) {
        color = AccountDelegate::overdueColor();
        text = tr("rotation failed");
    } else {
        switch (state) {
        case TokenState::Active:
            color = AccountDelegate::okColor();
            break;
        case TokenState::Rotating:
            color = option.palette.color(QPalette::Highlight);
            break;
        case TokenState::RotationFailed:
        case TokenState::Revoked:
            color = AccountDelegate::overdueColor();
            break;
        case TokenState::Expired:
            color = AccountDelegate::dueSoonColor();
            break;
        case TokenState::Disabled:
            break;
        }
    }
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QFont font = option.font;
    font.setPointSizeF(std::max(7.0, font.pointSizeF() * 0.9));
    const QFontMetrics metrics(font);
    const int height = std::min(option.rect.height() - 4, metrics.height() + 2);
    const int width = std::min(option.rect.width() - 6, metrics.horizontalAdvance(text) + 14);
    const QRect pill(option.rect.left() + 3, option.rect.center().y() - height / 2 + 1, width, height);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawRoundedRect(pill, height / 2.0, height / 2.0);
    painter->setPen(Qt::white);
    painter->setFont(font);
    painter->drawText(pill, Qt::AlignCenter, metrics.elidedText(text, Qt::ElideRight, pill.width() - 8));
    painter->restore();
}
