// SPDX-License-Identifier: GPL-3.0-or-later
#include "keychainsecretstore.h"

#include "secretkey.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QRegularExpression>
#include <QTimer>
#include <qt6keychain/keychain.h>

#include <functional>

// Linux and the BSDs: QtKeychain talks to the Secret Service (or KWallet) over D-Bus there.
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN) && !defined(Q_OS_ANDROID)
#define TOKENDESK_SECRET_SERVICE 1
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#else
#define TOKENDESK_SECRET_SERVICE 0
#endif

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSecrets, "tokendesk.providers.secrets")

namespace {

// QtKeychain's libsecret backend reports a Secret Service it cannot reach as OtherError with
// GLib's message, not as NoBackendAvailable ("Could not connect: No such file or directory",
// "Cannot autolaunch D-Bus without X11 $DISPLAY", "…was not provided by any .service files").
// GLib translates these, so under a non-English locale they fall through to Other, which still
// carries the backend's own words.
bool reportsNoSecretService(const QString &text)
{
    static const QRegularExpression pattern(u"could not connect|autolaunch|not provided by any \\.service files|"
                                            u"DBus\\.Error\\.(ServiceUnknown|NoServer|Spawn)|D-Bus is not running"_s,
        QRegularExpression::CaseInsensitiveOption);
    return pattern.match(text).hasMatch();
}

// libsecret's SECRET_ERROR_IS_LOCKED reaches us as QKeychain::AccessDenied with gnome-keyring's
// text "Cannot create an item in a locked collection". Whole word, so "Already unlocked" is no
// lock.
bool reportsLocked(const QString &text)
{
    static const QRegularExpression pattern(u"\\blocked\\b"_s, QRegularExpression::CaseInsensitiveOption);
    return pattern.match(text).hasMatch();
}

SecretJob::Error mapError(QKeychain::Error error, const QString &text)
{
    switch (error) {
    case QKeychain::NoError:
        return SecretJob::Error::NoError;
    case QKeychain::EntryNotFound:
        return SecretJob::Error::NotFound;
    case QKeychain::NoBackendAvailable:
        return SecretJob::Error::NoBackend;
    case QKeychain::AccessDeniedByUser:
        return SecretJob::Error::AccessDenied;
    case QKeychain::AccessDenied:
        return reportsLocked(text) ? SecretJob::Error::Locked : SecretJob::Error::AccessDenied;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        break;
    }
    if (reportsNoSecretService(text))
        return SecretJob::Error::NoBackend;
    // GDBus gives up on a call after 25 s with this text; only a caller whose own deadline is
    // longer ever sees it.
    if (text.contains(u"Timeout was reached"_s, Qt::CaseInsensitive))
        return SecretJob::Error::Timeout;
    if (reportsLocked(text))
        return SecretJob::Error::Locked;
    return SecretJob::Error::Other;
}

void finishJob(SecretJob *job, SecretJob::Error error, const QString &backendDetail, SecretBytes value)
{
    if (error == SecretJob::Error::NoError) {
        job->finishWithSuccess(std::move(value));
        return;
    }
    // Keys are not secret; values never reach this log.
    if (error != SecretJob::Error::NotFound)
        qCWarning(lcSecrets) << job->operation() << job->key() << "failed:" << error << backendDetail;
    // QtKeychain's own "Entry not found" adds nothing to the message that names the key.
    const QString detail = error == SecretJob::Error::NotFound ? QString() : backendDetail;
    job->finishWithError(error, SecretJob::describe(error, job->key(), detail));
}

#if TOKENDESK_SECRET_SERVICE
constexpr int probeTimeoutMs = 2000;

// Asks the Secret Service whether a *locked* item with this key exists. Needed because
// gnome-keyring, when the unlock prompt cannot be shown or is dismissed, makes libsecret answer
// a read with "no such item" and a delete with success, although the item is still there.
// Calls `done` with the answer; not at all if `job` is deleted first.
void probeLockedItem(SecretJob *job, std::function<void(bool locked)> done)
{
    static const bool registered = [] {
        qDBusRegisterMetaType<QMap<QString, QString>>();
        return true;
    }();
    Q_UNUSED(registered)

    // The bus is already connected in practice: libsecret has just talked to it.
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        done(false);
        return;
    }
    QDBusMessage call = QDBusMessage::createMethodCall(u"org.freedesktop.secrets"_s, u"/org/freedesktop/secrets"_s,
        u"org.freedesktop.Secret.Service"_s, u"SearchItems"_s);
    // Only ask a Secret Service that already runs: never start gnome-keyring on a KWallet desktop
    // just to check.
    call.setAutoStartService(false);
    // QtKeychain's libsecret schema files the key as "user" and the service as "server".
    const QMap<QString, QString> attributes {{u"user"_s, job->key()}, {u"server"_s, SecretKey::serviceName()}};
    call << QVariant::fromValue(attributes);
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, probeTimeoutMs), job);
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, job, [watcher, done = std::move(done)] {
        watcher->deleteLater();
        const QDBusPendingReply<QList<QDBusObjectPath>, QList<QDBusObjectPath>> reply = *watcher;
        done(!reply.isError() && !reply.argumentAt<1>().isEmpty());
    });
}
#endif

} // namespace

KeychainSecretStore::KeychainSecretStore(QObject *parent)
    : SecretStore(parent)
{ }

KeychainSecretStore::~KeychainSecretStore() = default;

SecretJob *KeychainSecretStore::read(const QString &key)
{
    return start(SecretJob::Operation::Read, key, {});
}

SecretJob *KeychainSecretStore::write(const QString &key, const SecretBytes &value)
{
    return start(SecretJob::Operation::Write, key, value);
}

SecretJob *KeychainSecretStore::remove(const QString &key)
{
    return start(SecretJob::Operation::Remove, key, {});
}

QString KeychainSecretStore::backendName() const
{
#if defined(Q_OS_WIN)
    return tr("Windows Credential Manager");
#elif defined(Q_OS_DARWIN)
    return tr("macOS Keychain");
#else
    return tr("Secret Service (GNOME Keyring or KWallet)");
#endif
}

void KeychainSecretStore::setRetryDelay(std::chrono::milliseconds delay)
{
    m_retryDelay = std::max(delay, std::chrono::milliseconds(0));
}

SecretJob *KeychainSecretStore::start(SecretJob::Operation operation, const QString &key, const SecretBytes &value)
{
    auto *job = new SecretJob(operation, key, this);
    if (key.isEmpty()) {
        // QtKeychain would accept it and file the secret under the bare service name.
        job->finishWithError(SecretJob::Error::Other, tr("No keychain key was given. This is a bug in TokenDesk."));
        return job;
    }
    startAttempt(job, value, false);
    return job;
}

void KeychainSecretStore::startAttempt(SecretJob *job, const SecretBytes &value, bool isRetry)
{
    if (job->isFinished())
        return;
    const QString service = SecretKey::serviceName();
    QKeychain::Job *attempt = nullptr;
    switch (job->operation()) {
    case SecretJob::Operation::Read:
        attempt = new QKeychain::ReadPasswordJob(service);
        break;
    case SecretJob::Operation::Write: {
        auto *writeJob = new QKeychain::WritePasswordJob(service);
        // Binary data, so the secret never goes through QString. QtKeychain shares our buffer
        // rather than copying it.
        writeJob->setBinaryData(value.exposeBytes());
        attempt = writeJob;
        break;
    }
    case SecretJob::Operation::Remove:
        attempt = new QKeychain::DeletePasswordJob(service);
        break;
    }
    attempt->setKey(job->key());
    // Never the plaintext QSettings fallback: without a keychain the user must see an error,
    // not find their admin credentials in a config file.
    attempt->setInsecureFallback(false);
    // No parent, and QtKeychain deletes the attempt itself after finished(). libsecret's
    // callbacks hold a raw pointer to it, so deleting it early (say, with a timed-out SecretJob)
    // would crash when the late answer arrives.
    attempt->setAutoDelete(true);

    // The lambda lives exactly as long as `attempt` (its context), and is destroyed after
    // QtKeychain has released its copy of the written bytes, so the captured SecretBytes is the
    // buffer's last owner and scrubs it.
    QPointer<KeychainSecretStore> self(this);
    QPointer<SecretJob> guard(job);
    connect(attempt, &QKeychain::Job::finished, attempt, [self, guard, value, isRetry](QKeychain::Job *answer) {
        if (!self || !guard || guard->isFinished()) {
            qCInfo(lcSecrets) << "Ignoring a keychain answer that came after its job ended:" << answer->key();
            return;
        }
        self->handleAnswer(guard, answer, value, isRetry);
    });
    attempt->start();
}

void KeychainSecretStore::handleAnswer(SecretJob *job, QKeychain::Job *answer, const SecretBytes &value, bool isRetry)
{
    const QString detail = answer->errorString();
    const SecretJob::Error error = mapError(answer->error(), detail);
#if TOKENDESK_SECRET_SERVICE
    // The keyring daemon may start after TokenDesk at login (Nextcloud retries for the same
    // reason). Not when the deadline would pass first: NoBackend says more than Timeout.
    if (error == SecretJob::Error::NoBackend && !isRetry && job->remainingTime() > m_retryDelay) {
        qCInfo(lcSecrets) << "No keychain backend answered; retrying once in" << m_retryDelay.count()
                          << "ms:" << detail;
        QTimer::singleShot(m_retryDelay, job, [this, job, value] { startAttempt(job, value, true); });
        return;
    }
#else
    Q_UNUSED(isRetry)
#endif
    SecretBytes result;
    if (error == SecretJob::Error::NoError && job->operation() == SecretJob::Operation::Read)
        result = SecretBytes(static_cast<QKeychain::ReadPasswordJob *>(answer)->binaryData());
    finishChecked(job, error, detail, std::move(result));
}

void KeychainSecretStore::finishChecked(
    SecretJob *job, SecretJob::Error error, const QString &backendDetail, SecretBytes value)
{
    // Windows and macOS report a missing entry on delete; the Secret Service does not. Removing
    // what is not there is success everywhere, as SecretStore promises.
    if (job->operation() == SecretJob::Operation::Remove && error == SecretJob::Error::NotFound)
        error = SecretJob::Error::NoError;
#if TOKENDESK_SECRET_SERVICE
    const bool mayHideLock = (job->operation() == SecretJob::Operation::Read && error == SecretJob::Error::NotFound)
        || (job->operation() == SecretJob::Operation::Remove && error == SecretJob::Error::NoError);
    if (mayHideLock) {
        probeLockedItem(job, [job, error, backendDetail](bool locked) {
            if (locked)
                finishJob(job, SecretJob::Error::Locked, {}, {});
            else
                finishJob(job, error, backendDetail, {});
        });
        return;
    }
#endif
    finishJob(job, error, backendDetail, std::move(value));
}
