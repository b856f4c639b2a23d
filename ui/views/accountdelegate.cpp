// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountdelegate.h"

#include "icons.h"
#include "item/accountlistmodel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

using namespace Qt::StringLiterals;

namespace {
constexpr int Margin = 6;
constexpr int IconSize = 24;
} // namespace

AccountDelegate::AccountDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

QColor AccountDelegate::overdueColor()
{
    return QColor(0xd0, 0x31, 0x2d);
}

QColor AccountDelegate::dueSoonColor()
{
    return QColor(0xc7, 0x7c, 0x02);
}

QColor AccountDelegate::okColor()
{
    return QColor(0x2e, 0x8b, 0x57);
}

QSize AccountDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const int line = option.fontMetrics.height();
    return {200, std::max(IconSize, 2 * line + 2) + 2 * Margin};
}

int AccountDelegate::paintBadge(
    QPainter *painter, int right, int centerY, const QString &text, const QColor &color, const QFont &font)
{
    const QFontMetrics metrics(font);
    const int height = metrics.height() + 2;
    const int width = std::max(height, metrics.horizontalAdvance(text) + 10);
    const QRect rect(right - width, centerY - height / 2, width, height);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawRoundedRect(rect, height / 2.0, height / 2.0);
    painter->setPen(Qt::white);
    painter->setFont(font);
    painter->drawText(rect, Qt::AlignCenter, text);
    return rect.left() - 4;
}

void AccountDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    opt.icon = QIcon();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // background and focus

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect area = option.rect.adjusted(Margin, Margin, -Margin, -Margin);
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = option.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    const QColor text = option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor dim = text;
    dim.setAlphaF(0.7f);

    const QVariant kind = index.data(AccountListModel::ProviderKindRole);
    const QIcon icon = kind.isValid() ? Icons::provider(kind.value<ProviderKind>()) : Icons::application();
    const QRect iconRect(area.left(), area.center().y() - IconSize / 2, IconSize, IconSize);
    icon.paint(painter, iconRect);

    QFont smallFont = option.font;
    smallFont.setPointSizeF(std::max(7.0, option.font.pointSizeF() * 0.85));
    int right = area.right();
    const int overdue = index.data(AccountListModel::OverdueCountRole).toInt();
    const int dueSoon = index.data(AccountListModel::DueSoonCountRole).toInt();
    if (overdue > 0)
        right = paintBadge(painter, right, area.center().y(), QString::number(overdue), overdueColor(), smallFont);
    if (dueSoon > 0)
        right = paintBadge(painter, right, area.center().y(), QString::number(dueSoon), dueSoonColor(), smallFont);

    const int textLeft = iconRect.right() + Margin;
    const int lineHeight = option.fontMetrics.height();
    const QRect nameRect(textLeft, area.top(), right - textLeft, lineHeight);
    QFont nameFont = option.font;
    nameFont.setBold(index.row() == 0);
    painter->setFont(nameFont);
    painter->setPen(text);
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(nameFont).elidedText(index.data().toString(), Qt::ElideRight, nameRect.width()));

    const auto health = index.data(AccountListModel::HealthRole).value<AccountListModel::Health>();
    int healthLeft = textLeft;
    const int healthY = area.top() + lineHeight + 2;
    if (kind.isValid()) {
        QColor dot = dim;
        if (health == AccountListModel::Health::Connected)
            dot = okColor();
        else if (health == AccountListModel::Health::AuthFailed || health == AccountListModel::Health::Error)
            dot = overdueColor();
        else if (health == AccountListModel::Health::Offline)
            dot = dueSoonColor();
        painter->setPen(Qt::NoPen);
        painter->setBrush(dot);
        const int d = 8;
        painter->drawEllipse(QRect(healthLeft, healthY + (lineHeight - d) / 2, d, d));
        healthLeft += d + 4;
    }
    QString detail = kind.isValid() ? AccountListModel::healthLabel(health)
                                    : index.data(AccountListModel::HealthTextRole).toString();
    const int tokens = index.data(AccountListModel::TokenCountRole).toInt();
    detail += u" · "_s + tr("%n token(s)", nullptr, tokens);
    painter->setFont(smallFont);
    painter->setPen(dim);
    const QRect detailRect(healthLeft, healthY, right - healthLeft, lineHeight);
    painter->drawText(detailRect, Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(smallFont).elidedText(detail, Qt::ElideRight, detailRect.width()));
    painter->restore();
}
