// SPDX-License-Identifier: GPL-3.0-or-later
// Secrets go to the keychain and nowhere else: every public path that takes a secret is used
// with known values, then the workspace database, its WAL and the settings file are scanned.
#include "appcontext.h"
#include "domain/clock.h"
#include "mainwindow.h"
#include "secretcustody.h"
#include "secrets/keychainsecretstore.h"
#include "secrets/secretjob.h"
#include "store/workspacestore.h"
#include "tempworkspace.h"

#include <QApplication>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {

// Unique per run so a match can only come from this run's writes.
QByteArray uniqueSecret(const char *prefix)
{
    return QByteArray(prefix) + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}

QByteArray readKeychain(KeychainSecretStore &secrets, const QString &key, SecretJob::Error *error)
{
    SecretJob *job = secrets.read(key);
    QByteArray value;
    QSignalSpy done(job, &SecretJob::finished);
    QObject::connect(job, &SecretJob::finished, [&](SecretJob *finished) {
        *error = finished->error();
        value = finished->value().exposeBytes();
    });
    if (!done.wait(20000))
        *error = SecretJob::Error::Timeout;
    return value;
}

} // namespace

class TestSecretCustody : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void secretsReachTheKeychainAndNeverTheWorkspaceOrSettings()
    {
        TempWorkspace dir;
        WorkspaceStore store;
        QVERIFY(store.open(dir.path()));
        KeychainSecretStore secrets;
        SecretCustody custody(&store, &secrets);

        const QByteArray credential = uniqueSecret("dt0c01.ADMINCREDENTIAL.");
        Account account;
        account.kind = ProviderKind::Dynatrace;
        account.displayName = u"Scan"_s;
        account.baseUrl = QUrl(u"https://scan.example.com"_s);
        Account saved;
        QString error = u"not called"_s;
        custody.addAccount(account, SecretBytes(credential), this, [&](const Account &a, const QString &e) {
            saved = a;
            error = e;
        });
        QTRY_VERIFY_WITH_TIMEOUT(error != u"not called"_s, 20000);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(saved.credential.backend, SecretRef::Backend::Keychain);
        QCOMPARE(saved.credential.location,
            u"tokendesk/%1/dynatrace/%2/credential"_s.arg(store.workspaceId()).arg(saved.id));

        Token token;
        token.accountId = saved.id;
        token.providerId = u"dt0c01.PUBLIC"_s;
        token.name = u"ingest"_s;
        QVERIFY(store.addToken(token));
        QList<QByteArray> versionSecrets;
        for (int number = 1; number <= 3; ++number) {
            versionSecrets << uniqueSecret("dt0c01.PUBLIC.ROTATEDSECRET.");
            TokenVersion version;
            version.number = number;
            version.state = number == 3 ? VersionState::Current : VersionState::Grace;
            error = u"not called"_s;
            custody.addVersionSecret(token, version, SecretBytes(versionSecrets.constLast()), this,
                [&](const TokenVersion &, const QString &e) { error = e; });
            QTRY_VERIFY_WITH_TIMEOUT(error != u"not called"_s, 20000);
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }

        // The secrets are really in the keychain, under the references the workspace holds.
        SecretJob::Error readError = SecretJob::Error::Other;
        QCOMPARE(readKeychain(secrets, store.account(saved.id)->credential.location, &readError), credential);
        QCOMPARE(readError, SecretJob::Error::NoError);
        const QList<TokenVersion> versions = store.versions(token.id);
        QCOMPARE(versions.size(), 3);
        for (int i = 0; i < versions.size(); ++i)
            QCOMPARE(readKeychain(secrets, versions.at(i).secret.location, &readError), versionSecrets.at(i));

        // The GUI writes its settings as it does at every close.
        {
            AppContext context(&store, &secrets, Clock::system());
            MainWindow window(&context);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.close();
        }
        QSettings settings;
        settings.sync();
        QVERIFY(QFile::exists(settings.fileName()));

        QStringList scanned = dir.files();
        scanned << settings.fileName();
        QVERIFY(scanned.contains(dir.path() + u"-wal"_s));
        for (const QString &file : std::as_const(scanned)) {
            QFile f(file);
            QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(file));
            const QByteArray bytes = f.readAll();
            QVERIFY2(!bytes.contains(credential), qPrintable(u"credential found in "_s + file));
            QVERIFY2(!bytes.contains(credential.toBase64()), qPrintable(u"credential (base64) found in "_s + file));
            for (const QByteArray &secret : std::as_const(versionSecrets))
                QVERIFY2(!bytes.contains(secret), qPrintable(u"version secret found in "_s + file));
        }
    }

    void failedKeychainWriteLeavesNoAccountBehind()
    {
        TempWorkspace dir;
        WorkspaceStore store;
        QVERIFY(store.open(dir.path()));
        KeychainSecretStore secrets;
        SecretCustody custody(&store, &secrets);
        Account account;
        account.kind = ProviderKind::Glean;
        account.displayName = u"No credential"_s;
        account.baseUrl = QUrl(u"https://x-be.glean.com"_s);
        QString error;
        custody.addAccount(account, SecretBytes(), this, [&](const Account &, const QString &e) { error = e; });
        QVERIFY(!error.isEmpty());
        QCOMPARE(store.accounts().size(), 0);
    }

    void removingAnAccountDeletesItsKeychainCredential()
    {
        TempWorkspace dir;
        WorkspaceStore store;
        QVERIFY(store.open(dir.path()));
        KeychainSecretStore secrets;
        SecretCustody custody(&store, &secrets);
        Account account;
        account.kind = ProviderKind::PiianoVault;
        account.displayName = u"Piiano"_s;
        account.baseUrl = QUrl(u"http://localhost:8123"_s);
        Account saved;
        QString error = u"not called"_s;
        custody.addAccount(account, SecretBytes("pvaultauth-key"), this, [&](const Account &a, const QString &e) {
            saved = a;
            error = e;
        });
        QTRY_VERIFY_WITH_TIMEOUT(error != u"not called"_s, 20000);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        error = u"not called"_s;
        custody.removeAccount(saved.id, this, [&](const QString &e) { error = e; });
        QTRY_VERIFY_WITH_TIMEOUT(error != u"not called"_s, 20000);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(store.accounts().size(), 0);
        SecretJob::Error readError = SecretJob::Error::NoError;
        readKeychain(secrets, saved.credential.location, &readError);
        QCOMPARE(readError, SecretJob::Error::NotFound);
        const QList<AuditEvent> events = store.auditEvents();
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.at(0).action, u"account.add"_s);
        QCOMPARE(events.at(1).action, u"account.remove"_s);
        QCOMPARE(events.at(1).outcome, AuditEvent::Outcome::Succeeded);
    }
};

QTEST_MAIN(TestSecretCustody)
#include "testsecretcustody.moc"
