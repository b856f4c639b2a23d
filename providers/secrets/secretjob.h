// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/secretbytes.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <chrono>

class QTimer;

// One asynchronous operation on a SecretStore (read, write or remove one key). The store
// creates and starts it; the caller connects to finished() right after the call, then reads
// error(), errorString() and, for a read, value() in the slot. finished() is emitted exactly
// once, always from the event loop (never inside the call that created the job), and the job
// then deletes itself. A watchdog ends the job with Error::Timeout if the backend has not
// answered within timeout() (20 s unless set), so a hung keyring daemon or an unlock prompt
// nobody answers cannot stall the caller forever; an answer arriving after that is ignored.
//
// Stores end a job with finishWithSuccess() or finishWithError(); only the first call counts.
class SecretJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretJob)

public:
    enum class Operation {
        Read,
        Write,
        Remove,
    };
    Q_ENUM(Operation)

    enum class Error {
        NoError,
        NotFound,
        NoBackend,
        Locked,
        AccessDenied,
        Timeout,
        Other,
    };
    Q_ENUM(Error)

    static constexpr std::chrono::milliseconds defaultTimeout {std::chrono::seconds(20)};

    SecretJob(Operation operation, QString key, QObject *parent = nullptr);
    ~SecretJob() override;

    Operation operation() const { return m_operation; }
    QString key() const { return m_key; }

    // The results; read them in the finished() slot. isFinished() turns true as soon as the
    // result is decided, which can be an event-loop turn before finished() is emitted.
    bool isFinished() const { return m_finished; }
    Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }
    // The secret of a successful read; empty otherwise. Copy it only as long as you need it.
    const SecretBytes &value() const { return m_value; }

    // The deadline counts from the job's creation, queueing behind other keychain jobs included.
    // Setting it after the call that created the job (same event-loop turn) is the normal use.
    std::chrono::milliseconds timeout() const { return m_timeout; }
    void setTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds remainingTime() const;

    void finishWithSuccess(SecretBytes value = {});
    void finishWithError(Error error, const QString &errorString);

    // The standard, translated message for `error` on `key`; `backendDetail` (the keychain's own
    // words) is appended where it helps support, never for NotFound.
    static QString describe(Error error, const QString &key, const QString &backendDetail = {});

Q_SIGNALS:
    void finished(SecretJob *job);

private:
    void finish(Error error, const QString &errorString, SecretBytes value);
    void emitFinished();

    Operation m_operation;
    QString m_key;
    bool m_finished = false;
    Error m_error = Error::NoError;
    QString m_errorString;
    SecretBytes m_value;
    std::chrono::milliseconds m_timeout = defaultTimeout;
    QElapsedTimer m_age;
    // A child named "watchdog", so tests can check that it runs.
    QTimer *m_watchdog;
};
