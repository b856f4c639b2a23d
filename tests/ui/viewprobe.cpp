// SPDX-License-Identifier: GPL-3.0-or-later
#include "viewprobe.h"

#include "item/accountlistmodel.h"
#include "item/tokentablemodel.h"

#include <QListView>
#include <QTableView>
#include <QTest>

QModelIndex ViewProbe::rowOfToken(const QTableView *table, qint64 tokenId)
{
    const QAbstractItemModel *model = table->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, TokenTableModel::NameColumn);
        if (index.data(TokenTableModel::TokenIdRole).toLongLong() == tokenId)
            return index;
    }
    return {};
}

QModelIndex ViewProbe::rowOfAccount(const QListView *list, qint64 accountId)
{
    const QAbstractItemModel *model = list->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(AccountListModel::AccountIdRole).toLongLong() == accountId)
            return index;
    }
    return {};
}

bool ViewProbe::clickOn(QAbstractItemView *view, const QModelIndex &index)
{
    if (!index.isValid())
        return false;
    view->scrollTo(index);
    const QRect rect = view->visualRect(index);
    if (!rect.isValid() || !view->viewport()->rect().contains(rect.center()))
        return false;
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    return true;
}

qint64 ViewProbe::currentTokenId(const QTableView *table)
{
    return table->selectionModel()->currentIndex().data(TokenTableModel::TokenIdRole).toLongLong();
}

QStringList ViewProbe::tokenNames(const QTableView *table)
{
    QStringList names;
    for (int row = 0; row < table->model()->rowCount(); ++row)
        names << table->model()->index(row, TokenTableModel::NameColumn).data().toString();
    names.sort();
    return names;
}

bool ViewProbe::showAndActivate(QWidget &window)
{
    window.show();
    window.activateWindow();
    return QTest::qWaitForWindowActive(&window);
}
