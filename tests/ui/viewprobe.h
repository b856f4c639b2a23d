// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QModelIndex>
#include <QStringList>
#include <QWidget>

class QAbstractItemView;
class QListView;
class QTableView;

// What the main window tests ask of real widgets: a named child (the test stops when it is
// missing), the row of a token or an account, a click in the middle of an item as a user does,
// and what the token table shows.
class ViewProbe final
{
public:
    template<typename T> static T *part(const QWidget &parent, const QString &name)
    {
        T *widget = parent.findChild<T *>(name);
        if (!widget)
            qFatal("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
        return widget;
    }

    // The token table's row (name column) showing `tokenId`, invalid when filtered out.
    // Shows the window and waits until it is the active one (keyboard shortcuts need that).
    static bool showAndActivate(QWidget &window);
    static QModelIndex rowOfToken(const QTableView *table, qint64 tokenId);
    static QModelIndex rowOfAccount(const QListView *list, qint64 accountId);
    // False when `index` is invalid or not on screen.
    static bool clickOn(QAbstractItemView *view, const QModelIndex &index);
    static qint64 currentTokenId(const QTableView *table);
    // The names the table shows, sorted.
    static QStringList tokenNames(const QTableView *table);
};
