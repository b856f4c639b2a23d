// SPDX-License-Identifier: GPL-3.0-or-later
// The sort order every table shares, through a real QSortFilterProxyModel over a plain item
// model: known values by value, unknown (invalid) values last in both directions, equal values by
// id so that a re-sort never shuffles rows; and lessThan() itself is a strict weak order.
#include "item/rawvalueorder.h"

#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

constexpr int ValueRole = Qt::UserRole;
constexpr int IdRole = Qt::UserRole + 1;

// The smallest proxy that sorts with RawValueOrder, as TokenSortFilterModel does.
class OrderedProxy final : public QSortFilterProxyModel
{
public:
    OrderedProxy() { setSortRole(ValueRole); }

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override
    {
        return RawValueOrder::lessThan(left, right, ValueRole, IdRole, sortOrder());
    }
};

// Rows named by their text; value invalid when `value` is an invalid QVariant.
void addRow(QStandardItemModel &model, const QString &name, const QVariant &value, qint64 id)
{
    auto *item = new QStandardItem(name);
    item->setData(value, ValueRole);
    item->setData(id, IdRole);
    model.appendRow(item);
}

QStringList names(const QAbstractItemModel &model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result << model.index(row, 0).data().toString();
    return result;
}

} // namespace

class TestRawValueOrder final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unknownValuesLastInBothOrders()
    {
        QStandardItemModel model;
        // Deliberately scrambled: neither insertion order nor id order matches the value order.
        addRow(model, u"none-7"_s, QVariant(), 7);
        addRow(model, u"ten"_s, 10, 3);
        addRow(model, u"two-9"_s, 2, 9);
        addRow(model, u"none-2"_s, QVariant(), 2);
        addRow(model, u"thirty"_s, 30, 1);
        addRow(model, u"two-4"_s, 2, 4);
        addRow(model, u"none-5"_s, QVariant(), 5);
        OrderedProxy proxy;
        proxy.setSourceModel(&model);

        proxy.sort(0, Qt::AscendingOrder);
        QCOMPARE(names(proxy),
            QStringList({u"two-4"_s, u"two-9"_s, u"ten"_s, u"thirty"_s, u"none-2"_s, u"none-5"_s, u"none-7"_s}));
        // Descending reverses the known values and the ties, but the unknown ones stay at the end.
        proxy.sort(0, Qt::DescendingOrder);
        QCOMPARE(names(proxy),
            QStringList({u"thirty"_s, u"ten"_s, u"two-9"_s, u"two-4"_s, u"none-7"_s, u"none-5"_s, u"none-2"_s}));

        // Re-sorting gives the same order again, whatever order the rows arrive in.
        model.sort(0, Qt::DescendingOrder); // scrambles the source
        proxy.sort(0, Qt::AscendingOrder);
        QCOMPARE(names(proxy),
            QStringList({u"two-4"_s, u"two-9"_s, u"ten"_s, u"thirty"_s, u"none-2"_s, u"none-5"_s, u"none-7"_s}));
    }

    void datesAndStrings()
    {
        const QDateTime t0(QDate(2026, 3, 1), QTime(8, 30), QTimeZone::utc());
        QStandardItemModel dates;
        addRow(dates, u"later"_s, t0.addDays(3), 1);
        addRow(dates, u"unknown"_s, QVariant(), 2);
        addRow(dates, u"sooner"_s, t0, 3);
        OrderedProxy proxy;
        proxy.setSourceModel(&dates);
        proxy.sort(0, Qt::AscendingOrder);
        QCOMPARE(names(proxy), QStringList({u"sooner"_s, u"later"_s, u"unknown"_s}));
        proxy.sort(0, Qt::DescendingOrder);
        QCOMPARE(names(proxy), QStringList({u"later"_s, u"sooner"_s, u"unknown"_s}));

        QStandardItemModel strings;
        addRow(strings, u"b"_s, u"b"_s, 1);
        addRow(strings, u"a"_s, u"a"_s, 2);
        addRow(strings, u"empty"_s, QString(), 3); // an empty string is a value, not unknown
        proxy.setSourceModel(&strings);
        proxy.sort(0, Qt::AscendingOrder);
        QCOMPARE(names(proxy), QStringList({u"empty"_s, u"a"_s, u"b"_s}));
    }

    void lessThanIsAStrictWeakOrder()
    {
        QStandardItemModel model;
        addRow(model, u"a"_s, 1, 1);
        addRow(model, u"b"_s, 1, 2);
        addRow(model, u"c"_s, QVariant(), 3);
        addRow(model, u"d"_s, QVariant(), 4);
        addRow(model, u"e"_s, 0, 5);
        for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            for (int i = 0; i < model.rowCount(); ++i) {
                const QModelIndex a = model.index(i, 0);
                QVERIFY2(!RawValueOrder::lessThan(a, a, ValueRole, IdRole, order), qPrintable(a.data().toString()));
                for (int j = 0; j < model.rowCount(); ++j) {
                    if (i == j)
                        continue;
                    const QModelIndex b = model.index(j, 0);
                    // Distinct ids: exactly one of the two is less.
                    const bool ab = RawValueOrder::lessThan(a, b, ValueRole, IdRole, order);
                    const bool ba = RawValueOrder::lessThan(b, a, ValueRole, IdRole, order);
                    QVERIFY2(ab != ba, qPrintable(a.data().toString() + u' ' + b.data().toString()));
                }
            }
        }
        // Equal values: the smaller id first.
        QVERIFY(RawValueOrder::lessThan(model.index(0, 0), model.index(1, 0), ValueRole, IdRole, Qt::AscendingOrder));
        QVERIFY(RawValueOrder::lessThan(model.index(2, 0), model.index(3, 0), ValueRole, IdRole, Qt::AscendingOrder));
    }
};

QTEST_GUILESS_MAIN(TestRawValueOrder)
#include "testrawvalueorder.moc"
