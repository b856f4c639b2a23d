// SPDX-License-Identifier: GPL-3.0-or-later
// WorkspaceSync: a provider listing brought into the workspace, through the real keychain and
// the fake Dynatrace on a real socket.
#include "fakedynatrace.h"
#include "http/httpclient.h"
#include "mockclock.h"
#include "providerfactory.h"
#include "secretcustody.h"
#include "secrets/keychainsecretstore.h"
#include "store/workspacestore.h"
#include "tempworkspace.h"
#include "workspacesync.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

RemoteToken remote(const QString &id, const QString &name)
{
    RemoteToken token;
    token.providerId = id;
    token.name = name;
    token.scopes = {u"metrics.ingest"_s};
    token.createdAt = QDateTime(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc());
    return token;
}

Account addAccount(WorkspaceStore &store, ProviderKind kind, const QString &name)
{
    Account account;
    account.kind = kind;
    account.displayName = name;
    account.credential = SecretRef::keychain(u"k"_s);
    store.addAccount(account);
    return account;
}

} // namespace

class TestWorkspaceSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void applyAddsUpdatesAndMarksVanishedTokensRevoked()
    {
        TempWorkspace dir;
        WorkspaceStore store;
        QVERIFY(store.open(dir.path()));
        const Account account = addAccount(store, ProviderKind::Dynatrace, u"DT"_s);
        KeychainSecretStore unused;
        WorkspaceSync sync(&store, &unused, {});

        QString error;
        QVERIFY(sync.apply(account, {remote(u"a"_s, u"alpha"_s), remote(u"b"_s, u"beta"_s)}, &error));
        QCOMPARE(store.tokens().size(), 2);

        Token local = store.tokens().constFirst();
        local.consumerNotes = u"billing service"_s;
        QVERIFY(store.updateToken(local));

        QSignalSpy added(&store, &WorkspaceStore::tokensAdded);
        QSignalSpy changed(&store, &WorkspaceStore::tokenChanged);
        RemoteToken renamed = remote(u"a"_s, u"alpha-renamed"_s);
        QVERIFY(sync.apply(account, {renamed, remote(u"c"_s, u"gamma"_s)}, &error));
        QCOMPARE(added.count(), 1);
        QCOMPARE(changed.count(), 2); // alpha renamed, beta gone
        const QList<Token> tokens = store.tokens();
        QCOMPARE(tokens.size(), 3);
        QCOMPARE(tokens.at(0).name, u"alpha-renamed"_s);
        QCOMPARE(tokens.at(0).consumerNotes, u"billing service"_s); // TokenDesk's own field kept
        QCOMPARE(tokens.at(1).state, TokenState::Revoked); // beta no longer listed
        QCOMPARE(tokens.at(2).name, u"gamma"_s);

        // Nothing changed: nothing written, but the refresh is audited.
        added.clear();
        changed.clear();
        QVERIFY(sync.apply(account, {renamed, remote(u"c"_s, u"gamma"_s)}, &error));
        QCOMPARE(added.count() + changed.count(), 0);
        QCOMPARE(store.auditEvents().constLast().action, u"account.refresh"_s);
    }

    // After a Dynatrace rotation the old token is still listed (disabled, until it is deleted)
    // under its own id: it is the token's earlier version, not a new token.
    void anEarlierVersionIsNotTakenForANewToken()
    {
        TempWorkspace dir;
        WorkspaceStore store;
        QVERIFY(store.open(dir.path()));
        const Account account = addAccount(store, ProviderKind::Dynatrace, u"DT"_s);
        KeychainSecretStore unused;
        WorkspaceSync sync(&store, &unused, {});
        QString error;
        QVERIFY(sync.apply(account, {remote(u"old"_s, u"otel"_s)}, &error));
        Token token = store.tokens().constFirst();
        TokenVersion first;
        first.tokenId = token.id;
        first.number = 1;
        first.providerId = u"old"_s;
        first.state = VersionState::Grace;
        QVERIFY(store.addVersion(first));
        TokenVersion second = first;
        second.id = 0;
        second.number = 2;
        second.providerId = u"new"_s;
        second.state = VersionState::Current;
        QVERIFY(store.addVersion(second));
        token.providerId = u"new"_s;
        token.currentVersion = 2;
        QVERIFY(store.updateToken(token));

        RemoteToken disabled = remote(u"old"_s, u"otel"_s);
        disabled.enabled = false;
        QVERIFY(sync.apply(account, {disabled, remote(u"new"_s, u"otel"_s)}, &error));
        QCOMPARE(store.tokens().size(), 1);
        QCOMPARE(store.tokens().constFirst().state, TokenState::Active);
        QCOMPARE(store.tokens().constFirst().currentVersion, 2);
    }

    // Pangea reports its own rotation settings; the settings only TokenDesk has stay.
    void aProviderPolicyKeepsTokenDesksOwnSettings()
    {
        TempWorkspace dir;
        WorkspaceStore store;
        QVERIFY(store.open(dir.path()));
        const Account account = addAccount(store, ProviderKind::PangeaVault, u"Pangea"_s);
        KeychainSecretStore unused;
        WorkspaceSync sync(&store, &unused, {});
        RemoteToken item = remote(u"pvi_1"_s, u"ci"_s);
        item.policy.interval = PolicyDuration(30, PolicyDuration::Unit::Days);
        item.policy.gracePeriod = PolicyDuration(1, PolicyDuration::Unit::Days);
        item.policy.automatic = true;
        QString error;
        QVERIFY(sync.apply(account, {item}, &error));
        Token token = store.tokens().constFirst();
        token.policy.revokeAfter = PolicyDuration(2, PolicyDuration::Unit::Days);
        token.policy.deleteAfter = PolicyDuration(7, PolicyDuration::Unit::Days);
        token.policy.notifyBefore = PolicyDuration(3, PolicyDuration::Unit::Days);
        QVERIFY(store.updateToken(token));

        item.policy.interval = PolicyDuration(60, PolicyDuration::Unit::Days); // changed in Pangea's console
        QVERIFY(sync.apply(account, {item}, &error));
        const RotationPolicy policy = store.tokens().constFirst().policy;
        QCOMPARE(policy.interval, PolicyDuration(60, PolicyDuration::Unit::Days));
        QCOMPARE(policy.revokeAfter, PolicyDuration(2, PolicyDuration::Unit::Days));
        QCOMPARE(policy.deleteAfter, PolicyDuration(7, PolicyDuration::Unit::Days));
        QCOMPARE(policy.notifyBefore, PolicyDuration(3, PolicyDuration::Unit::Days));
    }

    void refreshReadsTheCredentialFromTheKeychainAndListsTheProvider()
    {
        MockClock clock;
        FakeDynatrace fake(clock);
        QVERIFY(fake.listen());
        DynatraceTokenSeed manager;
        manager.name = u"manager"_s;
        manager.scopes = {u"apiTokens.read"_s, u"apiTokens.write"_s};
        const SecretBytes managerSecret = fake.addToken(manager);
        for (const QString &name : {u"ingest"_s, u"export"_s}) {
            DynatraceTokenSeed seed;
            seed.name = name;
            seed.scopes = {u"metrics.ingest"_s};
            fake.addToken(seed);
        }

        TempWorkspace dir;
        WorkspaceStore store;
        QVERIFY(store.open(dir.path()));
        KeychainSecretStore secrets;
        SecretCustody custody(&store, &secrets);
        Account account;
        account.kind = ProviderKind::Dynatrace;
        account.displayName = u"Fake DT"_s;
        account.baseUrl = fake.baseUrl();
        Account saved;
        QString error = u"pending"_s;
        custody.addAccount(account, managerSecret, this, [&](const Account &a, const QString &e) {
            saved = a;
            error = e;
        });
        QTRY_VERIFY_WITH_TIMEOUT(error != u"pending"_s, 20000);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        QNetworkAccessManager network;
        HttpClient http(&network);
        const ProviderFactory factory(&http, clock);
        WorkspaceSync sync(&store, &secrets, [&](const Account &a, SecretBytes credential, QObject *parent) {
            return factory.create(a, std::move(credential), parent);
        });
        QSignalSpy finished(&sync, &WorkspaceSync::refreshFinished);
        sync.refresh(saved.id);
        QVERIFY(sync.isRefreshing(saved.id));
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.constFirst().at(1).toInt(), 3);
        QVERIFY(!finished.constFirst().at(2).value<ApiError>().isError());
        QStringList names;
        for (const Token &token : store.tokens())
            names << token.name;
        names.sort();
        QCOMPARE(names, (QStringList {u"export"_s, u"ingest"_s, u"manager"_s}));
    }
};

QTEST_GUILESS_MAIN(TestWorkspaceSync)
#include "testworkspacesync.moc"
