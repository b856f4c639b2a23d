// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/providerkind.h"
#include "domain/secretbytes.h"
#include "secrets/keychainsecretstore.h"
#include "secrets/secretjob.h"
#include "secrets/secretkey.h"
#include "secrets/unavailablesecretstore.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QElapsedTimer>
#include <QPointer>
#include <QScopeGuard>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

#include <chrono>
#include <memory>
#include <signal.h>
#include <vector>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

// The Secret Service "Secret" struct (oayays), needed to unlock through gnome-keyring's
// UnlockWithMasterPassword without a GUI prompter.
struct ServiceSecret
{
    QDBusObjectPath session;
    QByteArray parameters;
    QByteArray value;
    QString contentType;
};

QDBusArgument &operator<<(QDBusArgument &argument, const ServiceSecret &secret)
{
    argument.beginStructure();
    argument << secret.session << secret.parameters << secret.value << secret.contentType;
    argument.endStructure();
    return argument;
}

const QDBusArgument &operator>>(const QDBusArgument &argument, ServiceSecret &secret)
{
    argument.beginStructure();
    argument >> secret.session >> secret.parameters >> secret.value >> secret.contentType;
    argument.endStructure();
    return argument;
}

// Keys as SecretCustody makes them, under a fixed workspace id.
const QString TestWorkspaceId = u"5f0c6a2e-1d3b-4c8e-9a7f-0b1c2d3e4f50"_s;
const QString secretsService = u"org.freedesktop.secrets"_s;
const QString secretsPath = u"/org/freedesktop/secrets"_s;
const QString secretsInterface = u"org.freedesktop.Secret.Service"_s;
// The exact texts users see; the tests pin them so a regression in wording is noticed.
const QString lockedText = u"The keyring is locked. Unlock it and try again."_s;
const QString noBackendText
    = u"No Secret Service is running (gnome-keyring or KWallet). Start your desktop's keyring and try again."_s;

// Follows one SecretJob: counts finished() emissions and copies the results out in the slot,
// because the job deletes itself right after.
class JobWatch final
{
public:
    explicit JobWatch(SecretJob *job)
        : m_job(job)
        , m_spy(job, &SecretJob::finished)
    {
        QObject::connect(job, &SecretJob::finished, job, [this](SecretJob *finished) {
            ++emissions;
            error = finished->error();
            errorString = finished->errorString();
            value = finished->value().exposeBytes();
        });
    }
    Q_DISABLE_COPY_MOVE(JobWatch)

    // Runs the event loop until finished() (false if that takes longer than `limit`).
    bool wait(std::chrono::milliseconds limit) { return emissions > 0 || m_spy.wait(static_cast<int>(limit.count())); }
    bool isGone() const { return m_job.isNull(); }

    int emissions = 0;
    SecretJob::Error error = SecretJob::Error::Other;
    QString errorString;
    QByteArray value;

private:
    QPointer<SecretJob> m_job;
    QSignalSpy m_spy;
};

// Waits for the job, then checks it emitted finished() once and deleted itself, and that nothing
// else arrived while the event loop ran on.
#define AWAIT_JOB(watch, limit)                                                                                        \
    do {                                                                                                               \
        QVERIFY2((watch).wait(limit), "the job did not finish in time");                                               \
        QTRY_VERIFY_WITH_TIMEOUT((watch).isGone(), 2000);                                                              \
        QCOMPARE((watch).emissions, 1);                                                                                \
    } while (false)

#define EXPECT_JOB(watch, expectedError, limit)                                                                        \
    do {                                                                                                               \
        AWAIT_JOB(watch, limit);                                                                                       \
        QVERIFY2((watch).error == (expectedError), qPrintable((watch).errorString));                                   \
    } while (false)

QByteArray bytesOf(const char *data, qsizetype size)
{
    return QByteArray(data, size);
}

} // namespace

Q_DECLARE_METATYPE(ServiceSecret)

// Stands in for gcr-prompter: gnome-keyring asks it to begin prompting, and it never answers,
// like an unlock dialog the user leaves open.
class SilentPrompter final : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.gnome.keyring.internal.Prompter")
    Q_DISABLE_COPY_MOVE(SilentPrompter)

public:
    SilentPrompter() = default;
    int begun = 0;

public Q_SLOTS:
    Q_SCRIPTABLE void BeginPrompting(const QDBusObjectPath &callback)
    {
        Q_UNUSED(callback)
        ++begun;
    }
    Q_SCRIPTABLE void PerformPrompt(
        const QDBusObjectPath &callback, const QString &type, const QVariantMap &properties, const QString &exchange)
    {
        Q_UNUSED(callback)
        Q_UNUSED(type)
        Q_UNUSED(properties)
        Q_UNUSED(exchange)
    }
    Q_SCRIPTABLE void StopPrompting(const QDBusObjectPath &callback) { Q_UNUSED(callback) }
};

// SecretStore against the real keychain: run by ctest inside tests/support/run-with-keyring.sh
// (private D-Bus session, throw-away gnome-keyring). The no-backend functions run as a second
// ctest registration whose session bus address leads nowhere.
class TestKeychainSecretStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void watchdogEndsJobThatNeverAnswers();
    void unavailableStoreFinishesAsynchronously_data();
    void unavailableStoreFinishesAsynchronously();
    void emptyKeyIsRefusedAsynchronously();

    void roundTrip_data();
    void roundTrip();
    void overwriteThenReadGivesNewest();
    void readMissingKeyIsNotFound();
    void removeThenReadIsNotFound();
    void concurrentJobsAllSucceed();
    void keysAreFiledUnderTokenDeskService();
    void hungBackendEndsInTimeout();
    void lockedKeyringReportsLocked();
    void unansweredUnlockPromptEndsInTimeout();

    void noBackendFinishesWithError_data();
    void noBackendFinishesWithError();
    void noBackendSkipsRetryPastDeadline();
    void noBackendWritesNoPlaintext();

private:
    void writeOrFail(KeychainSecretStore &store, const QString &key, const QByteArray &value);
    QString defaultCollection();
    bool isLocked(const QString &collection);
    void lockCollection(const QString &collection);
    void unlockCollection(const QString &collection);
    QPair<int, int> countItems(const QString &key, const QString &service);

    bool m_keyringSession = false;
    bool m_noBackendRun = false;
    QString m_lockedCollection;
};

void TestKeychainSecretStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // Set by run-with-keyring.sh only: without it the keyring functions skip, so running this
    // binary by hand in a desktop session never touches the user's own keyring.
    m_keyringSession = !qEnvironmentVariableIsEmpty("TOKENDESK_TEST_KEYRING_PASSWORD");
    m_noBackendRun = qEnvironmentVariableIsSet("TOKENDESK_TEST_EXPECT_NO_BACKEND");
    qDBusRegisterMetaType<ServiceSecret>();
    qDBusRegisterMetaType<QMap<QString, QString>>();
}

void TestKeychainSecretStore::init()
{
    static const QSet<QByteArray> withoutKeyring {"watchdogEndsJobThatNeverAnswers",
        "unavailableStoreFinishesAsynchronously", "emptyKeyIsRefusedAsynchronously", "noBackendFinishesWithError",
        "noBackendSkipsRetryPastDeadline", "noBackendWritesNoPlaintext"};
    const QByteArray function = QTest::currentTestFunction();
    if (function.startsWith("noBackend") && !m_noBackendRun)
        QSKIP("Runs as the ctest testkeychainsecretstore_nobackend, without a session bus.");
    if (!withoutKeyring.contains(function) && !m_keyringSession)
        QSKIP("Needs the throw-away keyring of tests/support/run-with-keyring.sh; run it through ctest.");
}

void TestKeychainSecretStore::cleanup()
{
    // A failed lock test must not leave the collection locked for the functions after it.
    if (!m_lockedCollection.isEmpty()) {
        const QString collection = std::exchange(m_lockedCollection, QString());
        unlockCollection(collection);
    }
}

void TestKeychainSecretStore::watchdogEndsJobThatNeverAnswers()
{
    // No store drives this job, like a backend that never answers.
    auto *job = new SecretJob(SecretJob::Operation::Read, u"tokendesk/glean/1/credential"_s);
    QCOMPARE(job->timeout(), std::chrono::milliseconds(20s));
    QVERIFY(job->remainingTime() > 19s);
    // Armed from the start: a caller that never calls setTimeout() is protected too.
    const auto *watchdog = job->findChild<QTimer *>(u"watchdog"_s);
    QVERIFY(watchdog);
    QVERIFY(watchdog->isActive());
    QVERIFY(watchdog->remainingTime() > 19'000);
    job->setTimeout(150ms);
    QCOMPARE(job->timeout(), 150ms);
    JobWatch watch(job);
    // An answer after the deadline must be ignored: try to deliver one from the finished() slot.
    QObject::connect(job, &SecretJob::finished, job,
        [](SecretJob *finished) { finished->finishWithSuccess(SecretBytes(QByteArray("late"))); });
    QElapsedTimer clock;
    clock.start();

    EXPECT_JOB(watch, SecretJob::Error::Timeout, 5s);
    QVERIFY2(clock.elapsed() >= 140, qPrintable(u"timed out after only %1 ms"_s.arg(clock.elapsed())));
    QVERIFY(watch.value.isEmpty());
    QVERIFY2(watch.errorString.contains(u"did not answer within 1 second"_s), qPrintable(watch.errorString));
}

void TestKeychainSecretStore::unavailableStoreFinishesAsynchronously_data()
{
    QTest::addColumn<SecretJob::Operation>("operation");
    QTest::newRow("read") << SecretJob::Operation::Read;
    QTest::newRow("write") << SecretJob::Operation::Write;
    QTest::newRow("remove") << SecretJob::Operation::Remove;
}

void TestKeychainSecretStore::unavailableStoreFinishesAsynchronously()
{
    QFETCH(SecretJob::Operation, operation);
    const QString reason = u"This TokenDesk was built without keychain support."_s;
    UnavailableSecretStore store(reason);
    QVERIFY(!store.backendName().isEmpty());
    const QString key = SecretKey::forAccountCredential(TestWorkspaceId, ProviderKind::Glean, 1);

    SecretJob *job = nullptr;
    switch (operation) {
    case SecretJob::Operation::Read:
        job = store.read(key);
        break;
    case SecretJob::Operation::Write:
        job = store.write(key, SecretBytes(QByteArray("s3cret")));
        break;
    case SecretJob::Operation::Remove:
        job = store.remove(key);
        break;
    }
    QCOMPARE(job->operation(), operation);
    QCOMPARE(job->key(), key);
    // Connected only now, after the call returned: a synchronous finished() would be lost and
    // the wait below would time out.
    JobWatch watch(job);
    QCOMPARE(watch.emissions, 0);
    EXPECT_JOB(watch, SecretJob::Error::NoBackend, 2s);
    QCOMPARE(watch.errorString, reason);
}

void TestKeychainSecretStore::emptyKeyIsRefusedAsynchronously()
{
    // Refused before QtKeychain is involved, so this needs no keyring.
    KeychainSecretStore store;
    JobWatch watch(store.write(QString(), SecretBytes(QByteArray("s3cret"))));
    QCOMPARE(watch.emissions, 0);
    EXPECT_JOB(watch, SecretJob::Error::Other, 2s);
    QVERIFY(!watch.errorString.isEmpty());
}

void TestKeychainSecretStore::roundTrip_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<QByteArray>("value");

    QByteArray large(2048, Qt::Uninitialized);
    for (qsizetype i = 0; i < large.size(); ++i)
        large[i] = static_cast<char>(i % 256);

    QTest::newRow("ascii") << 1 << QByteArray("glean_api_Xy12-abcdefGHIJ.0987");
    QTest::newRow("utf-8") << 2 << u"pässwörd-密钥-🔑"_s.toUtf8();
    // NUL bytes and invalid UTF-8 survive only if nothing converts through QString or C strings.
    QTest::newRow("binary with NULs") << 3 << bytesOf("\0\x01\xff\xfe\0abc\0", 9);
    QTest::newRow("2 KiB, every byte value") << 4 << large;
}

void TestKeychainSecretStore::roundTrip()
{
    QFETCH(int, version);
    QFETCH(QByteArray, value);
    KeychainSecretStore store;
    const QString key = SecretKey::forTokenVersion(TestWorkspaceId, ProviderKind::Dynatrace, 3, 14, version);

    writeOrFail(store, key, value);
    if (QTest::currentTestFailed())
        return;

    JobWatch read(store.read(key));
    EXPECT_JOB(read, SecretJob::Error::NoError, 10s);
    QCOMPARE(read.value.size(), value.size());
    QCOMPARE(read.value, value);
}

void TestKeychainSecretStore::overwriteThenReadGivesNewest()
{
    KeychainSecretStore store;
    const QString key = SecretKey::forAccountCredential(TestWorkspaceId, ProviderKind::PiianoVault, 8);
    writeOrFail(store, key, "first-value-that-is-longer");
    writeOrFail(store, key, "second");
    if (QTest::currentTestFailed())
        return;

    JobWatch read(store.read(key));
    EXPECT_JOB(read, SecretJob::Error::NoError, 10s);
    QCOMPARE(read.value, QByteArray("second"));
    // One entry, not two: overwriting must replace the item.
    QCOMPARE(countItems(key, SecretKey::serviceName()), qMakePair(1, 0));
}

void TestKeychainSecretStore::readMissingKeyIsNotFound()
{
    KeychainSecretStore store;
    const QString key = SecretKey::forTokenVersion(TestWorkspaceId, ProviderKind::Glean, 404, 404, 1);
    JobWatch read(store.read(key));
    EXPECT_JOB(read, SecretJob::Error::NotFound, 10s);
    QVERIFY2(read.errorString.contains(key), qPrintable(read.errorString));
    QVERIFY(read.value.isEmpty());
}

void TestKeychainSecretStore::removeThenReadIsNotFound()
{
    KeychainSecretStore store;
    const QString key = SecretKey::forTokenVersion(TestWorkspaceId, ProviderKind::PangeaVault, 5, 6, 7);
    writeOrFail(store, key, "to-be-removed");
    if (QTest::currentTestFailed())
        return;

    JobWatch remove(store.remove(key));
    EXPECT_JOB(remove, SecretJob::Error::NoError, 10s);
    JobWatch read(store.read(key));
    EXPECT_JOB(read, SecretJob::Error::NotFound, 10s);
    QCOMPARE(countItems(key, SecretKey::serviceName()), qMakePair(0, 0));

    // Removing what is gone succeeds: SecretCustody relies on it to finish a half-done removal.
    JobWatch again(store.remove(key));
    EXPECT_JOB(again, SecretJob::Error::NoError, 10s);
}

void TestKeychainSecretStore::concurrentJobsAllSucceed()
{
    // QtKeychain runs one job at a time; all 20 are queued at once and must all come back.
    constexpr int count = 20;
    KeychainSecretStore store;
    auto keyOf = [](int i) { return SecretKey::forTokenVersion(TestWorkspaceId, ProviderKind::VaultKv, 20, i, 1); };
    auto valueOf
        = [](int i) -> QByteArray { return QByteArray("value-") + QByteArray::number(i) + QByteArray(i, '\0'); };

    std::vector<std::unique_ptr<JobWatch>> writes;
    for (int i = 0; i < count; ++i)
        writes.push_back(std::make_unique<JobWatch>(store.write(keyOf(i), SecretBytes(valueOf(i)))));
    for (auto &write : writes)
        EXPECT_JOB(*write, SecretJob::Error::NoError, 20s);

    std::vector<std::unique_ptr<JobWatch>> reads;
    for (int i = 0; i < count; ++i)
        reads.push_back(std::make_unique<JobWatch>(store.read(keyOf(i))));
    for (int i = 0; i < count; ++i) {
        EXPECT_JOB(*reads[i], SecretJob::Error::NoError, 20s);
        QCOMPARE(reads[i]->value, valueOf(i));
    }
}

void TestKeychainSecretStore::keysAreFiledUnderTokenDeskService()
{
    KeychainSecretStore store;
    const QString key = SecretKey::forAccountCredential(TestWorkspaceId, ProviderKind::Glean, 31);
    QCOMPARE(countItems(key, SecretKey::serviceName()), qMakePair(0, 0));
    writeOrFail(store, key, "filed");
    if (QTest::currentTestFailed())
        return;
    // Looked up in the Secret Service itself, by QtKeychain's attributes: key = "user",
    // service = "server".
    QCOMPARE(countItems(key, u"TokenDesk"_s), qMakePair(1, 0));
    QCOMPARE(countItems(key, u"SomeOtherApp"_s), qMakePair(0, 0));
}

void TestKeychainSecretStore::hungBackendEndsInTimeout()
{
    KeychainSecretStore store;
    const QString key = SecretKey::forAccountCredential(TestWorkspaceId, ProviderKind::Dynatrace, 77);
    writeOrFail(store, key, "still-there");
    if (QTest::currentTestFailed())
        return;

    const uint pid = QDBusConnection::sessionBus().interface()->servicePid(secretsService);
    QVERIFY(pid > 1);
    // SIGSTOP freezes the throw-away daemon the launcher started: it accepts no more calls.
    QCOMPARE(::kill(static_cast<pid_t>(pid), SIGSTOP), 0);
    auto resume = qScopeGuard([pid] { ::kill(static_cast<pid_t>(pid), SIGCONT); });

    QElapsedTimer clock;
    clock.start();
    SecretJob *job = store.read(key);
    // Set right after the call, as callers do; the deadline still counts from the call.
    job->setTimeout(2s);
    JobWatch stuck(job);
    EXPECT_JOB(stuck, SecretJob::Error::Timeout, 30s);
    QVERIFY2(clock.elapsed() >= 1900, qPrintable(u"timed out after only %1 ms"_s.arg(clock.elapsed())));
    QVERIFY(stuck.value.isEmpty());

    // The daemon wakes up and answers the old call late; that answer must be ignored, and the
    // next job (queued behind it in QtKeychain) must work.
    resume.dismiss();
    QCOMPARE(::kill(static_cast<pid_t>(pid), SIGCONT), 0);
    JobWatch next(store.read(key));
    EXPECT_JOB(next, SecretJob::Error::NoError, 30s);
    QCOMPARE(next.value, QByteArray("still-there"));
    QCOMPARE(stuck.emissions, 1);
}

void TestKeychainSecretStore::lockedKeyringReportsLocked()
{
    KeychainSecretStore store;
    const QString existing = SecretKey::forAccountCredential(TestWorkspaceId, ProviderKind::Glean, 90);
    const QString fresh = SecretKey::forAccountCredential(TestWorkspaceId, ProviderKind::Glean, 91);
    writeOrFail(store, existing, "written-before-lock");
    if (QTest::currentTestFailed())
        return;

    const QString collection = defaultCollection();
    QVERIFY(!collection.isEmpty());
    lockCollection(collection);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(isLocked(collection));

    // No prompter can be shown (the launcher has no display), so gnome-keyring cannot ask for
    // the password. Each answer must be Locked, quickly, never "not found" or a silent success.
    QElapsedTimer clock;
    clock.start();
    JobWatch write(store.write(fresh, SecretBytes(QByteArray("new"))));
    EXPECT_JOB(write, SecretJob::Error::Locked, 15s);
    QVERIFY2(write.errorString.startsWith(lockedText), qPrintable(write.errorString));

    // libsecret itself answers "not found" here; the store must see through that.
    JobWatch read(store.read(existing));
    EXPECT_JOB(read, SecretJob::Error::Locked, 15s);
    QVERIFY2(read.errorString.startsWith(lockedText), qPrintable(read.errorString));
    QVERIFY(read.value.isEmpty());

    // libsecret itself answers success here, and the item is still there.
    JobWatch remove(store.remove(existing));
    EXPECT_JOB(remove, SecretJob::Error::Locked, 15s);
    QVERIFY2(clock.elapsed() < 10'000, qPrintable(u"the locked answers took %1 ms"_s.arg(clock.elapsed())));

    unlockCollection(std::exchange(m_lockedCollection, QString()));
    QVERIFY(!isLocked(collection));
    // Unlocked again: the secret survived the "remove" that was refused.
    JobWatch after(store.read(existing));
    EXPECT_JOB(after, SecretJob::Error::NoError, 10s);
    QCOMPARE(after.value, QByteArray("written-before-lock"));
    JobWatch afterFresh(store.read(fresh));
    EXPECT_JOB(afterFresh, SecretJob::Error::NotFound, 10s);
}

void TestKeychainSecretStore::unansweredUnlockPromptEndsInTimeout()
{
    KeychainSecretStore store;
    const QString key = SecretKey::forAccountCredential(TestWorkspaceId, ProviderKind::Glean, 95);
    writeOrFail(store, key, "behind-a-prompt");
    if (QTest::currentTestFailed())
        return;

    // Our own prompter on the bus: gnome-keyring then waits for an answer that never comes,
    // as with an unlock dialog nobody answers on a real desktop.
    QDBusConnection bus = QDBusConnection::sessionBus();
    SilentPrompter prompter;
    QVERIFY(bus.registerObject(u"/org/gnome/keyring/Prompter"_s, &prompter, QDBusConnection::ExportScriptableSlots));
    QVERIFY(bus.registerService(u"org.gnome.keyring.SystemPrompter"_s));
    auto unregister = qScopeGuard([&bus] {
        bus.unregisterService(u"org.gnome.keyring.SystemPrompter"_s);
        bus.unregisterObject(u"/org/gnome/keyring/Prompter"_s);
    });

    const QString collection = defaultCollection();
    lockCollection(collection);
    if (QTest::currentTestFailed())
        return;

    QElapsedTimer clock;
    clock.start();
    SecretJob *job = store.read(key);
    job->setTimeout(2s);
    JobWatch read(job);
    EXPECT_JOB(read, SecretJob::Error::Timeout, 15s);
    QVERIFY2(clock.elapsed() >= 1900, qPrintable(u"timed out after only %1 ms"_s.arg(clock.elapsed())));
    QVERIFY2(prompter.begun >= 1, "gnome-keyring never asked the prompter: the job did not wait for a prompt");
    QVERIFY(read.value.isEmpty());

    // Leaving the bus makes gcr cancel the prompt, so libsecret finally answers the old call (we
    // ignore it) and QtKeychain's queue moves again.
    unregister.dismiss();
    bus.unregisterService(u"org.gnome.keyring.SystemPrompter"_s);
    bus.unregisterObject(u"/org/gnome/keyring/Prompter"_s);
    unlockCollection(std::exchange(m_lockedCollection, QString()));
    JobWatch after(store.read(key));
    EXPECT_JOB(after, SecretJob::Error::NoError, 20s);
    QCOMPARE(after.value, QByteArray("behind-a-prompt"));
    QCOMPARE(read.emissions, 1);
}

void TestKeychainSecretStore::noBackendFinishesWithError_data()
{
    QTest::addColumn<SecretJob::Operation>("operation");
    QTest::newRow("read") << SecretJob::Operation::Read;
    QTest::newRow("write") << SecretJob::Operation::Write;
    QTest::newRow("remove") << SecretJob::Operation::Remove;
}

void TestKeychainSecretStore::noBackendFinishesWithError()
{
    QFETCH(SecretJob::Operation, operation);
    // The real QtKeychain and libsecret, with DBUS_SESSION_BUS_ADDRESS pointing at no socket.
    KeychainSecretStore store;
    store.setRetryDelay(400ms);
    const QString key = SecretKey::forAccountCredential(TestWorkspaceId, ProviderKind::VaultKv, 1);

    QElapsedTimer clock;
    clock.start();
    SecretJob *job = nullptr;
    switch (operation) {
    case SecretJob::Operation::Read:
        job = store.read(key);
        break;
    case SecretJob::Operation::Write:
        job = store.write(key, SecretBytes(QByteArray("nowhere-to-go")));
        break;
    case SecretJob::Operation::Remove:
        job = store.remove(key);
        break;
    }
    job->setTimeout(10s);
    JobWatch watch(job);
    QCOMPARE(watch.emissions, 0);
    EXPECT_JOB(watch, SecretJob::Error::NoBackend, 15s);
    QVERIFY2(watch.errorString.startsWith(noBackendText), qPrintable(watch.errorString));
    // The one retry waits for the delay; a Timeout would have taken the full 10 s.
    QVERIFY2(clock.elapsed() >= 380, qPrintable(u"no retry: gave up after %1 ms"_s.arg(clock.elapsed())));
    QVERIFY2(clock.elapsed() < 5000, qPrintable(u"took %1 ms"_s.arg(clock.elapsed())));
}

void TestKeychainSecretStore::noBackendSkipsRetryPastDeadline()
{
    // A retry that could not finish before the deadline is skipped: NoBackend tells the user
    // more than Timeout would.
    KeychainSecretStore store;
    store.setRetryDelay(5s);
    QElapsedTimer clock;
    clock.start();
    SecretJob *job = store.read(SecretKey::forAccountCredential(TestWorkspaceId, ProviderKind::VaultKv, 2));
    job->setTimeout(3s);
    JobWatch watch(job);
    EXPECT_JOB(watch, SecretJob::Error::NoBackend, 10s);
    QVERIFY2(clock.elapsed() < 2500, qPrintable(u"took %1 ms"_s.arg(clock.elapsed())));
}

void TestKeychainSecretStore::noBackendWritesNoPlaintext()
{
    // QtKeychain's KWallet path (forced by KDE_SESSION_VERSION=4 in this ctest) is the one that
    // would write the secret into a plaintext QSettings file when insecureFallback is on.
    if (qEnvironmentVariable("KDE_SESSION_VERSION") != u"4"_s)
        QSKIP("Runs as the ctest testkeychainsecretstore_noplaintext, on QtKeychain's KWallet path.");
    const QString key = SecretKey::forAccountCredential(TestWorkspaceId, ProviderKind::PangeaVault, 3);
    // The file QtKeychain's PlainTextStore would use: QSettings(service), entries "<key>/data".
    QSettings plaintext(SecretKey::serviceName());
    plaintext.remove(key);
    plaintext.sync();

    KeychainSecretStore store;
    store.setRetryDelay(100ms);
    JobWatch watch(store.write(key, SecretBytes(QByteArray("must-not-reach-disk"))));
    EXPECT_JOB(watch, SecretJob::Error::NoBackend, 10s);
    QVERIFY2(watch.errorString.startsWith(noBackendText), qPrintable(watch.errorString));

    plaintext.sync();
    const QStringList written = plaintext.allKeys().filter(key);
    QVERIFY2(written.isEmpty(), qPrintable(written.join(u", "_s)));
}

void TestKeychainSecretStore::writeOrFail(KeychainSecretStore &store, const QString &key, const QByteArray &value)
{
    JobWatch write(store.write(key, SecretBytes(value)));
    EXPECT_JOB(write, SecretJob::Error::NoError, 10s);
}

QString TestKeychainSecretStore::defaultCollection()
{
    QDBusMessage call = QDBusMessage::createMethodCall(secretsService, secretsPath, secretsInterface, u"ReadAlias"_s);
    call << u"default"_s;
    const QDBusMessage reply = QDBusConnection::sessionBus().call(call, QDBus::Block, 5000);
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
        return {};
    return qvariant_cast<QDBusObjectPath>(reply.arguments().constFirst()).path();
}

bool TestKeychainSecretStore::isLocked(const QString &collection)
{
    QDBusMessage call
        = QDBusMessage::createMethodCall(secretsService, collection, u"org.freedesktop.DBus.Properties"_s, u"Get"_s);
    call << u"org.freedesktop.Secret.Collection"_s << u"Locked"_s;
    const QDBusMessage reply = QDBusConnection::sessionBus().call(call, QDBus::Block, 5000);
    return reply.type() == QDBusMessage::ReplyMessage
        && qvariant_cast<QDBusVariant>(reply.arguments().value(0)).variant().toBool();
}

void TestKeychainSecretStore::lockCollection(const QString &collection)
{
    QDBusMessage call = QDBusMessage::createMethodCall(secretsService, secretsPath, secretsInterface, u"Lock"_s);
    call << QVariant::fromValue(QList<QDBusObjectPath> {QDBusObjectPath(collection)});
    const QDBusMessage reply = QDBusConnection::sessionBus().call(call, QDBus::Block, 5000);
    QVERIFY2(reply.type() == QDBusMessage::ReplyMessage, qPrintable(reply.errorMessage()));
    m_lockedCollection = collection;
}

void TestKeychainSecretStore::unlockCollection(const QString &collection)
{
    // gnome-keyring's private interface takes the password directly, so no prompter is needed;
    // the "plain" session transfers it unencrypted, fine for a throw-away test password.
    QDBusConnection bus = QDBusConnection::sessionBus();
    QDBusMessage open = QDBusMessage::createMethodCall(secretsService, secretsPath, secretsInterface, u"OpenSession"_s);
    open << u"plain"_s << QVariant::fromValue(QDBusVariant(QString()));
    const QDBusMessage session = bus.call(open, QDBus::Block, 5000);
    QVERIFY2(session.type() == QDBusMessage::ReplyMessage && session.arguments().size() == 2,
        qPrintable(session.errorMessage()));

    ServiceSecret password;
    password.session = qvariant_cast<QDBusObjectPath>(session.arguments().at(1));
    password.value = qgetenv("TOKENDESK_TEST_KEYRING_PASSWORD");
    password.contentType = u"text/plain"_s;
    QDBusMessage unlock = QDBusMessage::createMethodCall(secretsService, secretsPath,
        u"org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface"_s, u"UnlockWithMasterPassword"_s);
    unlock << QVariant::fromValue(QDBusObjectPath(collection)) << QVariant::fromValue(password);
    const QDBusMessage reply = bus.call(unlock, QDBus::Block, 5000);
    QVERIFY2(reply.type() == QDBusMessage::ReplyMessage, qPrintable(reply.errorMessage()));
}

QPair<int, int> TestKeychainSecretStore::countItems(const QString &key, const QString &service)
{
    QDBusMessage call = QDBusMessage::createMethodCall(secretsService, secretsPath, secretsInterface, u"SearchItems"_s);
    call << QVariant::fromValue(QMap<QString, QString> {{u"user"_s, key}, {u"server"_s, service}});
    const QDBusMessage reply = QDBusConnection::sessionBus().call(call, QDBus::Block, 5000);
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().size() != 2)
        return {-1, -1};
    const auto unlocked = qdbus_cast<QList<QDBusObjectPath>>(reply.arguments().at(0));
    const auto locked = qdbus_cast<QList<QDBusObjectPath>>(reply.arguments().at(1));
    return {static_cast<int>(unlocked.size()), static_cast<int>(locked.size())};
}

QTEST_GUILESS_MAIN(TestKeychainSecretStore)
#include "testkeychainsecretstore.moc"
