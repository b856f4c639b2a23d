// SPDX-License-Identifier: GPL-3.0-or-later
#include "item/versiontablemodel.h"
#include "store/workspacestore.h"
#include "tempworkspace.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

using FailureMode = QAbstractItemModelTester::FailureReportingMode;

namespace {

const QDateTime t0(QDate(2026, 3, 1), QTime(8, 30), QTimeZone::utc());

QVariant cell(const QAbstractItemModel &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.index(row, column).data(role);
}

QStringList versionColumn(const QAbstractItemModel &model)
{
    QStringList shown;
    for (int row = 0; row < model.rowCount(); ++row)
        shown << cell(model, row, VersionTableModel::VersionColumn).toString();
    return shown;
}

} // namespace

class TestVersionTableModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("TZ", "EAT-3"); // UTC+3 all year, without tzdata
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    }

    void init()
    {
        m_workspace = std::make_unique<TempWorkspace>();
        m_store = std::make_unique<WorkspaceStore>();
        QVERIFY2(m_store->open(m_workspace->path()), qPrintable(m_store->errorString()));
        Account account;
        account.kind = ProviderKind::Dynatrace;
        account.displayName = u"Dynatrace"_s;
        account.credential = SecretRef::keychain(u"tokendesk/dynatrace/1/credential"_s);
        QVERIFY(m_store->addAccount(account));
        m_token = Token();
        m_token.accountId = account.id;
        m_token.providerId = u"dt0c01.A"_s;
        m_token.name = u"ingest"_s;
        QVERIFY(m_store->addToken(m_token));
        m_other = m_token;
        m_other.id = 0;
        m_other.providerId = u"dt0c01.B"_s;
        QVERIFY(m_store->addToken(m_other));
    }

    void cleanup()
    {
        m_store.reset();
        m_workspace.reset();
    }

    void columnsAndHeaders()
    {
        VersionTableModel model(m_store.get());
        QAbstractItemModelTester tester(&model, FailureMode::Fatal);
        QCOMPARE(model.columnCount(), 6);
        QCOMPARE(model.rowCount(), 0);
        QStringList headers;
        for (int column = 0; column < model.columnCount(); ++column)
            headers << model.headerData(column, Qt::Horizontal).toString();
        QCOMPARE(headers,
            QStringList({u"Version"_s, u"State"_s, u"Provider ID"_s, u"Created"_s, u"Revoke at"_s, u"Delete at"_s}));
    }

    void showsOneTokensVersionsInOrder()
    {
        for (int number : {3, 1, 2})
            addVersion(m_token.id, number);
        addVersion(m_other.id, 7);

        VersionTableModel model(m_store.get());
        QAbstractItemModelTester tester(&model, FailureMode::Fatal);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setTokenId(m_token.id);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.tokenId(), m_token.id);
        QCOMPARE(versionColumn(model), QStringList({u"v1"_s, u"v2"_s, u"v3"_s}));

        // Another token is another list: a reset is the honest signal.
        model.setTokenId(m_other.id);
        QCOMPARE(reset.count(), 2);
        QCOMPARE(versionColumn(model), QStringList({u"v7"_s}));
        model.setTokenId(0);
        QCOMPARE(model.rowCount(), 0);
    }

    void displayAndRawValues()
    {
        TokenVersion version = addVersion(m_token.id, 3);
        VersionTableModel model(m_store.get());
        QAbstractItemModelTester tester(&model, FailureMode::Fatal);
        model.setTokenId(m_token.id);

        QCOMPARE(cell(model, 0, VersionTableModel::VersionColumn).toString(), u"v3"_s);
        QCOMPARE(cell(model, 0, VersionTableModel::VersionColumn, VersionTableModel::RawValueRole), QVariant(3));
        QCOMPARE(cell(model, 0, VersionTableModel::StateColumn).toString(), u"Current"_s);
        QCOMPARE(cell(model, 0, 0, VersionTableModel::VersionStateRole).value<VersionState>(), VersionState::Current);
        QCOMPARE(cell(model, 0, 0, VersionTableModel::VersionIdRole).toLongLong(), version.id);
        QCOMPARE(cell(model, 0, VersionTableModel::ProviderIdColumn).toString(), u"dt0c01.V3"_s);
        QCOMPARE(cell(model, 0, VersionTableModel::ProviderIdColumn, VersionTableModel::RawValueRole).toString(),
            u"dt0c01.v3"_s);
        // Created 08:30 UTC reads 11:30 in UTC+3; the raw value stays UTC.
        QCOMPARE(cell(model, 0, VersionTableModel::CreatedColumn).toString(), u"04/03/2026 11:30"_s);
        const QDateTime raw
            = cell(model, 0, VersionTableModel::CreatedColumn, VersionTableModel::RawValueRole).toDateTime();
        QCOMPARE(raw, t0.addDays(3));
        QCOMPARE(raw.timeSpec(), Qt::UTC);
        QVERIFY(cell(model, 0, VersionTableModel::CreatedColumn, Qt::ToolTipRole)
                    .toString()
                    .contains(u"2026-03-04 08:30:00 UTC"_s));
        QCOMPARE(cell(model, 0, VersionTableModel::RevokeAtColumn).toString(), u"not scheduled"_s);
        QVERIFY(!cell(model, 0, VersionTableModel::RevokeAtColumn, VersionTableModel::RawValueRole).isValid());
        QCOMPARE(cell(model, 0, VersionTableModel::DeleteAtColumn).toString(), u"05/03/2026 11:30"_s);
        QCOMPARE(model.versionAt(0)->number, 3);
        QVERIFY(!model.versionAt(1));
    }

    void addedVersionIsInsertedInOrder()
    {
        addVersion(m_token.id, 1);
        addVersion(m_token.id, 9);
        VersionTableModel model(m_store.get());
        QAbstractItemModelTester tester(&model, FailureMode::Fatal);
        model.setTokenId(m_token.id);

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy aboutToReset(&model, &QAbstractItemModel::modelAboutToBeReset);
        addVersion(m_token.id, 10);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 2);
        addVersion(m_token.id, 2);
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(inserted.at(1).at(1).toInt(), 1);
        QCOMPARE(inserted.at(1).at(2).toInt(), 1);
        QCOMPARE(versionColumn(model), QStringList({u"v1"_s, u"v2"_s, u"v9"_s, u"v10"_s}));
        // A version of another token does not belong here.
        addVersion(m_other.id, 5);
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(aboutToReset.count(), 0);
    }

    void sortsVersionsNumerically()
    {
        for (int number : {10, 9, 2, 1})
            addVersion(m_token.id, number);
        VersionTableModel model(m_store.get());
        model.setTokenId(m_token.id);
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, FailureMode::Fatal);
        proxy.setSortRole(VersionTableModel::RawValueRole);
        proxy.sort(VersionTableModel::VersionColumn, Qt::DescendingOrder);
        QCOMPARE(versionColumn(proxy), QStringList({u"v10"_s, u"v9"_s, u"v2"_s, u"v1"_s}));
    }

    void changedVersionUpdatesItsRow()
    {
        addVersion(m_token.id, 1);
        TokenVersion second = addVersion(m_token.id, 2);
        VersionTableModel model(m_store.get());
        QAbstractItemModelTester tester(&model, FailureMode::Fatal);
        model.setTokenId(m_token.id);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy aboutToReset(&model, &QAbstractItemModel::modelAboutToBeReset);
        second.state = VersionState::Grace;
        second.revokeAt = t0.addDays(10);
        QVERIFY(m_store->updateVersion(second));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 1);
        QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), 1);
        QCOMPARE(cell(model, 1, VersionTableModel::StateColumn).toString(), u"Grace"_s);
        QCOMPARE(cell(model, 1, VersionTableModel::RevokeAtColumn).toString(), u"11/03/2026 11:30"_s);
        QCOMPARE(cell(model, 0, VersionTableModel::StateColumn).toString(), u"Current"_s);

        // Versions of other tokens change nothing here.
        TokenVersion foreign = addVersion(m_other.id, 1);
        foreign.state = VersionState::Revoked;
        QVERIFY(m_store->updateVersion(foreign));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(aboutToReset.count(), 0);
    }

    void removingTheTokenEmptiesTheModel()
    {
        addVersion(m_token.id, 1);
        addVersion(m_token.id, 2);
        VersionTableModel model(m_store.get());
        QAbstractItemModelTester tester(&model, FailureMode::Fatal);
        model.setTokenId(m_token.id);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QVERIFY(m_store->removeToken(m_other.id));
        QCOMPARE(removed.count(), 0);
        QVERIFY(m_store->removeToken(m_token.id));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.tokenId(), 0);
    }

private:
    TokenVersion addVersion(qint64 tokenId, int number)
    {
        TokenVersion version;
        version.tokenId = tokenId;
        version.number = number;
        version.providerId = u"dt0c01.V%1"_s.arg(number);
        version.createdAt = t0.addDays(number);
        version.state = VersionState::Current;
        version.deleteAt = t0.addDays(number + 1);
        version.secret = SecretRef::keychain(u"tokendesk/dynatrace/1/%1/%2"_s.arg(tokenId).arg(number));
        if (!m_store->addVersion(version))
            qFatal("cannot add version: %s", qPrintable(m_store->errorString()));
        return version;
    }

    std::unique_ptr<TempWorkspace> m_workspace;
    std::unique_ptr<WorkspaceStore> m_store;
    Token m_token;
    Token m_other;
};

QTEST_GUILESS_MAIN(TestVersionTableModel)
#include "testversiontablemodel.moc"
