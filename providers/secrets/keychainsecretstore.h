// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secretjob.h"
#include "secretstore.h"

#include <chrono>

namespace QKeychain {
class Job;
}

// The SecretStore over the OS keychain through QtKeychain: the Secret Service (gnome-keyring,
// KWallet) on Linux, Keychain Services on macOS, the Credential Manager on Windows. All keys
// live under the service SecretKey::serviceName(). There is no plaintext fallback, ever.
//
// QtKeychain runs one job at a time in a process-wide queue, so many calls at once are fine but
// are answered in order. A job that timed out still holds that queue until the backend finally
// answers (a frozen daemon, an unlock prompt left open), so the jobs behind it may time out as
// well: QtKeychain cannot cancel a call.
//
// On Linux a job that finds no Secret Service is retried once after retryDelay(), because the
// keyring daemon may start after TokenDesk at login. The Secret Service also reports a locked
// collection misleadingly (a read says "not found", a remove says it succeeded), so on Linux this
// store double-checks those two answers and reports Locked instead.
class KeychainSecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainSecretStore)

public:
    static constexpr std::chrono::milliseconds defaultRetryDelay {std::chrono::seconds(5)};

    explicit KeychainSecretStore(QObject *parent = nullptr);
    ~KeychainSecretStore() override;

    SecretJob *read(const QString &key) override;
    SecretJob *write(const QString &key, const SecretBytes &value) override;
    SecretJob *remove(const QString &key) override;
    QString backendName() const override;

    // How long to wait before the one retry when no keychain backend answered (Linux only).
    // The retry is skipped when the job's deadline would expire first.
    std::chrono::milliseconds retryDelay() const { return m_retryDelay; }
    void setRetryDelay(std::chrono::milliseconds delay);

private:
    SecretJob *start(SecretJob::Operation operation, const QString &key, const SecretBytes &value);
    void startAttempt(SecretJob *job, const SecretBytes &value, bool isRetry);
    void handleAnswer(SecretJob *job, QKeychain::Job *answer, const SecretBytes &value, bool isRetry);
    void finishChecked(SecretJob *job, SecretJob::Error error, const QString &backendDetail, SecretBytes value);

    std::chrono::milliseconds m_retryDelay = defaultRetryDelay;
};
