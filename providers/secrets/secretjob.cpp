// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretjob.h"

#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

SecretJob::SecretJob(Operation operation, QString key, QObject *parent)
    : QObject(parent)
    , m_operation(operation)
    , m_key(std::move(key))
    , m_watchdog(new QTimer(this))
{
    m_age.start();
    m_watchdog->setObjectName(u"watchdog"_s);
    m_watchdog->setSingleShot(true);
    // A coarse timer may fire up to 5 % early, and a deadline must never end a job before it is due.
    m_watchdog->setTimerType(Qt::PreciseTimer);
    connect(m_watchdog, &QTimer::timeout, this, [this] {
        // Round up so a sub-second test deadline does not read "0 seconds".
        const auto seconds = std::chrono::ceil<std::chrono::seconds>(m_timeout).count();
        finishWithError(Error::Timeout,
            tr("The keychain did not answer within %n second(s). If it shows an unlock prompt, answer it; "
               "otherwise restart your keyring and try again.",
                nullptr, static_cast<int>(seconds)));
    });
    m_watchdog->start(m_timeout);
}

SecretJob::~SecretJob() = default;

void SecretJob::setTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = std::max(timeout, std::chrono::milliseconds(0));
    if (!m_finished)
        m_watchdog->start(remainingTime());
}

std::chrono::milliseconds SecretJob::remainingTime() const
{
    return std::max(m_timeout - std::chrono::milliseconds(m_age.elapsed()), std::chrono::milliseconds(0));
}

void SecretJob::finishWithSuccess(SecretBytes value)
{
    finish(Error::NoError, {}, std::move(value));
}

void SecretJob::finishWithError(Error error, const QString &errorString)
{
    Q_ASSERT(error != Error::NoError);
    finish(error, errorString, {});
}

void SecretJob::finish(Error error, const QString &errorString, SecretBytes value)
{
    if (m_finished)
        return;
    m_finished = true;
    m_watchdog->stop();
    m_error = error;
    m_errorString = errorString;
    if (m_operation == Operation::Read && error == Error::NoError)
        m_value = std::move(value);
    // Always through the event loop: a store may end a job while still inside read()/write(),
    // before the caller had a chance to connect to finished().
    QMetaObject::invokeMethod(this, &SecretJob::emitFinished, Qt::QueuedConnection);
}

void SecretJob::emitFinished()
{
    Q_EMIT finished(this);
    deleteLater();
}

QString SecretJob::describe(Error error, const QString &key, const QString &backendDetail)
{
    QString text;
    switch (error) {
    case Error::NoError:
        return {};
    case Error::NotFound:
        return tr("No secret is stored in the keychain under “%1”. Enter the secret again to store it.").arg(key);
    case Error::NoBackend:
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
        text = tr("No Secret Service is running (gnome-keyring or KWallet). Start your desktop's keyring and try "
                  "again.");
#else
        text = tr("The system keychain is not available. Sign in to your desktop session and try again.");
#endif
        break;
    case Error::Locked:
        text = tr("The keyring is locked. Unlock it and try again.");
        break;
    case Error::AccessDenied:
        text = tr("The keychain refused access to the secret “%1”. Allow TokenDesk to use it and try again.").arg(key);
        break;
    case Error::Timeout:
        // Most often an unlock prompt nobody answered, or a keyring daemon that hangs.
        text = tr("The keychain did not answer in time. If it shows an unlock prompt, answer it; "
                  "otherwise restart your keyring and try again.");
        break;
    case Error::Other:
        text = tr("The keychain could not handle the secret “%1”. Try again; if it keeps failing, check your "
                  "keyring.")
                   .arg(key);
        break;
    }
    if (!backendDetail.isEmpty())
        text += u' ' + tr("(Keychain: %1)").arg(backendDetail);
    return text;
}
